package demo

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
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
// as it happens. It returns the base URL, e.g. "http://127.0.0.1:41234".
func (s *Simulator) Start(ctx context.Context) (string, error) {
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("demo: listen: %w", err)
	}
	base := "http://" + ln.Addr().String()
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("demo: serve", slog.Any("error", err))
		}
	}()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	go s.announce(ctx, base)
	return base, nil
}

// announce logs each release when its time comes, so the terminal shows the demo moving.
func (s *Simulator) announce(ctx context.Context, base string) {
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
			slog.String("title", e.Title), slog.String("url", base+e.Path))
		next++
	}
}
