package demo

import (
	"context"
	"html/template"
	"log/slog"
	"time"
)

// Options configure a Simulator. The zero value is the demo's default.
type Options struct {
	// Now is the clock; tests inject one to move through the release schedule. Default time.Now.
	Now func() time.Time
	// Interval between releases after the start. Default 4 s.
	Interval time.Duration
	// Initial is how many articles are live at the start, published over the past hours.
	// Default 42, so a front page fed by the simulator is full at once. Negative means none.
	Initial int
	// Logger receives a line per release while Start runs. Default: discard.
	Logger *slog.Logger
}

// Simulator serves the fictional publishers. It is safe for concurrent use.
type Simulator struct {
	now      func() time.Time
	interval time.Duration
	log      *slog.Logger
	cat      *catalog
	sch      schedule
	sites    map[string]*site
	index    map[string]int // "publisher/slug" → position in release order
	pages    *template.Template
}

// Release is one scheduled publication.
type Release struct {
	Publisher string
	Slug      string
	Title     string
	Path      string // page path relative to the base URL
	At        time.Time
}

// New builds a simulator whose schedule starts now (by opts.Now).
func New(opts Options) *Simulator {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Interval <= 0 {
		opts.Interval = defaultInterval
	}
	if opts.Initial == 0 {
		opts.Initial = defaultInitial
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	cat, err := loadCatalog()
	if err != nil {
		panic(err) // embedded content, checked by the package tests
	}
	s := &Simulator{
		now:      opts.Now,
		interval: opts.Interval,
		log:      opts.Logger,
		cat:      cat,
		sch:      newSchedule(opts.Now(), opts.Initial, opts.Interval, cat.entries),
		sites:    map[string]*site{},
		index:    map[string]int{},
		pages:    parsePageTemplates(),
	}
	for i := range cat.sites {
		s.sites[cat.sites[i].Slug] = &cat.sites[i]
	}
	for i, e := range cat.entries {
		s.index[e.Publisher+"/"+e.Slug] = i
	}
	return s
}

// Timeline lists every release in order with its publication time.
func (s *Simulator) Timeline() []Release {
	out := make([]Release, len(s.cat.entries))
	for i, e := range s.cat.entries {
		out[i] = Release{Publisher: e.Publisher, Slug: e.Slug, Title: e.Title, Path: e.Path, At: s.sch.at[i]}
	}
	return out
}

// Released reports how many articles are published now.
func (s *Simulator) Released() int { return s.sch.released(s.now()) }

// FeedURLs returns one feed URL per publisher.
func (s *Simulator) FeedURLs(baseURL string) []string {
	out := make([]string, len(s.cat.sites))
	for i, st := range s.cat.sites {
		out[i] = baseURL + st.FeedPath
	}
	return out
}

// HomeURLs returns each publisher's home page URL; the pages advertise their feed with
// <link rel="alternate">, so they also serve feed autodiscovery.
func (s *Simulator) HomeURLs(baseURL string) []string {
	out := make([]string, len(s.cat.sites))
	for i, st := range s.cat.sites {
		out[i] = baseURL + st.HomePath
	}
	return out
}

// Start serves the simulator on a free loopback port until ctx ends, and logs each release
// as it happens. It returns the base URL, e.g. "http://127.0.0.1:41234"; every publisher
// is under it.
func (s *Simulator) Start(ctx context.Context) (string, error) {
	bases, err := listenHosts(ctx, s.Handler(), 1, s.log)
	if err != nil {
		return "", err
	}
	go s.announce(ctx, func(string) string { return bases[0] })
	return bases[0], nil
}

// StartSites serves each publisher on a loopback address of its own (127.0.0.1,
// 127.0.0.2, …), as real publishers are separate hosts: a polite client's per-host limits
// and per-site learning then see one site per publisher. It returns each publisher's base
// URL by slug.
func (s *Simulator) StartSites(ctx context.Context) (map[string]string, error) {
	bases, err := listenHosts(ctx, s.Handler(), len(s.cat.sites), s.log)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(bases))
	for i, st := range s.cat.sites {
		out[st.Slug] = bases[i]
	}
	go s.announce(ctx, func(slug string) string { return out[slug] })
	return out, nil
}

// announce logs each release when its time comes, so the terminal shows the demo moving.
func (s *Simulator) announce(ctx context.Context, base func(publisher string) string) {
	next := s.Released()
	for next < len(s.cat.entries) {
		wait := s.sch.at[next].Sub(s.now())
		if wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
			continue
		}
		e := s.cat.entries[next]
		s.log.Info("demo: article published", slog.String("publisher", e.Publisher),
			slog.String("title", e.Title), slog.String("url", base(e.Publisher)+e.Path))
		next++
	}
}
