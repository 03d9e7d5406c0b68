package demo

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Generator is a synthetic publisher for throughput benchmarks: publishers × articlesPerPublisher
// articles already published when it is made (the backlog), optionally more published at a
// steady rate afterwards, each with random but deterministic text on a cluttered page of
// 5–20 KB. It knows when every article was published, so a benchmark can measure the time
// from publication to visibility. Safe for concurrent use once serving.
type Generator struct {
	publishers int
	perFeed    int
	seed       int64
	sites      []site

	mu    sync.RWMutex
	now   func() time.Time
	start time.Time // the backlog is published before start
	live  []liveSegment
}

// liveSegment is one call of Publish: from at, rate articles a second, numbered from first
// among the live articles, until max of them (0 = no limit) or the next segment starts.
type liveSegment struct {
	first int
	at    time.Time
	rate  float64
	max   int
}

// backlogWindow is how far before its creation the Generator's backlog was published.
const backlogWindow = time.Hour

// NewGenerator makes a generator of publishers sites, each with articlesPerPublisher articles
// in its feed; seed selects the texts.
func NewGenerator(publishers, articlesPerPublisher int, seed int64) *Generator {
	publishers = max(publishers, 1)
	articlesPerPublisher = max(articlesPerPublisher, 1)
	g := &Generator{publishers: publishers, perFeed: articlesPerPublisher, seed: seed, now: time.Now}
	g.start = g.now()
	formats := [...]string{FormatRSS2, FormatAtom, FormatJSONFeed}
	files := [...]string{"feed.xml", "atom.xml", "feed.json"}
	for p := range publishers {
		slug := "s" + strconv.Itoa(p)
		st := site{
			Publisher: Publisher{Slug: slug, Name: fmt.Sprintf("Synthetic Gazette %d", p), Country: "GB", Language: "en", FeedFormat: formats[p%3]},
			City:      genPlaces[p%len(genPlaces)], Tagline: "Generated news for benchmarks", Template: "synthetic",
			Primary: "#333333", Accent: "#cc0000", Zone: time.UTC, feedFile: files[p%3],
		}
		g.sites = append(g.sites, st.withPaths())
	}
	return g
}

// SetClock replaces the clock and restarts the backlog relative to it; call it before serving.
func (g *Generator) SetClock(now func() time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.now = now
	g.start = now()
}

// Publish starts publishing new articles now, rate per second spread round-robin over the
// publishers, until max more have appeared (0 = no limit). A rate ≤ 0 stops publishing. Each
// call replaces the previous rate from now on; articles already out keep their times.
func (g *Generator) Publish(rate float64, max int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	g.live = append(g.live, liveSegment{first: g.liveCountLocked(now), at: now, rate: math.Max(rate, 0), max: max})
}

func (g *Generator) backlog() int { return g.publishers * g.perFeed }

// segmentCount is how many articles segment i has published by now.
func (g *Generator) segmentCount(i int, now time.Time) int {
	s := g.live[i]
	n := 0
	if s.rate > 0 && !now.Before(s.at) {
		n = int(math.Floor(now.Sub(s.at).Seconds() * s.rate))
	}
	if s.max > 0 {
		n = min(n, s.max)
	}
	if i+1 < len(g.live) {
		n = min(n, g.live[i+1].first-s.first)
	}
	return n
}

// liveCountLocked is how many live articles are out at now.
func (g *Generator) liveCountLocked(now time.Time) int {
	if len(g.live) == 0 {
		return 0
	}
	last := len(g.live) - 1
	return g.live[last].first + g.segmentCount(last, now)
}

// Published reports how many articles are out now: the backlog plus those published live.
func (g *Generator) Published() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return g.backlog() + g.liveCountLocked(g.now())
}

// publishedAtLocked is when article k appears: the backlog spread over the hour before start,
// live article j at its segment's start + (j-first+1)/rate. The second result is false for
// an article no schedule will ever publish.
func (g *Generator) publishedAtLocked(k int) (time.Time, bool) {
	b := g.backlog()
	if k < b {
		gap := backlogWindow / time.Duration(b)
		return g.start.Add(-time.Duration(b-k) * gap).Truncate(time.Second), true
	}
	j := k - b
	for i := len(g.live) - 1; i >= 0; i-- {
		s := g.live[i]
		if j < s.first {
			continue
		}
		n := j - s.first
		if s.rate <= 0 || (s.max > 0 && n >= s.max) {
			return time.Time{}, false
		}
		return s.at.Add(time.Duration(float64(n+1) / s.rate * float64(time.Second))), true
	}
	return time.Time{}, false
}

// PublishedAt returns when the article at articleURL was published, for latency figures. It
// accepts any scheme and host, so URLs as stored after redirects or canonicalisation work.
func (g *Generator) PublishedAt(articleURL string) (time.Time, bool) {
	_, k, ok := parseGenPath(articleURL)
	if !ok {
		return time.Time{}, false
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	return g.publishedAtLocked(k)
}

// Expected returns the article at articleURL as generated, so a benchmark can also score what
// its pipeline extracted.
func (g *Generator) Expected(articleURL string) (Article, bool) {
	p, k, ok := parseGenPath(articleURL)
	if !ok || p >= g.publishers {
		return Article{}, false
	}
	at, ok := g.PublishedAt(articleURL)
	if !ok {
		return Article{}, false
	}
	a := g.article(k)
	a.Published = at
	return a, true
}

// parseGenPath reads publisher and article number from ".../s{p}/news/{k}-{slug}".
func parseGenPath(u string) (p, k int, ok bool) {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		}
	}
	parts := strings.Split(strings.TrimPrefix(u, "/"), "/")
	if len(parts) != 3 || parts[1] != "news" || !strings.HasPrefix(parts[0], "s") {
		return 0, 0, false
	}
	p, err := strconv.Atoi(parts[0][1:])
	if err != nil {
		return 0, 0, false
	}
	num, _, _ := strings.Cut(parts[2], "-")
	k, err = strconv.Atoi(num)
	if err != nil || k < 0 {
		return 0, 0, false
	}
	return p, k, true
}

// FeedURLs returns one feed URL per publisher, spread round-robin over baseURLs so that
// separate hosts (see Start) take separate shares of the publishers.
func (g *Generator) FeedURLs(baseURLs ...string) []string {
	if len(baseURLs) == 0 {
		return nil
	}
	out := make([]string, len(g.sites))
	for p, st := range g.sites {
		out[p] = baseURLs[p%len(baseURLs)] + st.FeedPath
	}
	return out
}

// Start serves the generator on hosts loopback addresses (127.0.0.1, 127.0.0.2, …), each on
// a free port, until ctx ends; it returns their base URLs. Several hosts let a polite client
// with per-host limits fetch in parallel, as it would from many real publishers.
func (g *Generator) Start(ctx context.Context, hosts int) ([]string, error) {
	return listenHosts(ctx, g.Handler(), min(max(hosts, 1), 250), nil)
}

// listenHosts serves h on n loopback addresses (127.0.0.1, 127.0.0.2, …), each on a free
// port, until ctx ends, and returns their base URLs. Where an extra loopback address is not
// available (macOS configures only 127.0.0.1), the extra listeners use further ports of
// 127.0.0.1.
func listenHosts(ctx context.Context, h http.Handler, n int, log *slog.Logger) ([]string, error) {
	var lc net.ListenConfig
	var bases []string
	var servers []*http.Server
	for i := range n {
		ln, err := lc.Listen(ctx, "tcp", fmt.Sprintf("127.0.0.%d:0", i+1))
		if err != nil {
			ln, err = lc.Listen(ctx, "tcp", "127.0.0.1:0")
		}
		if err != nil {
			for _, s := range servers {
				_ = s.Close()
			}
			return nil, fmt.Errorf("demo: listen: %w", err)
		}
		srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
		servers = append(servers, srv)
		bases = append(bases, "http://"+ln.Addr().String())
		go func() {
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) && log != nil {
				log.Error("demo: serve", slog.Any("error", err))
			}
		}()
	}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		defer cancel()
		for _, s := range servers {
			_ = s.Shutdown(shutdown)
		}
	}()
	return bases, nil
}
