package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestParseRobots(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		robots string
		allow  []string
		deny   []string
	}{
		{
			name:   "empty file allows all",
			robots: "",
			allow:  []string{"/", "/anything"},
		},
		{
			name:   "star group",
			robots: "User-agent: *\nDisallow: /private\n",
			allow:  []string{"/", "/public", "/privat"},
			deny:   []string{"/private", "/private/x", "/private.html"},
		},
		{
			name:   "our group beats star, and is case-insensitive",
			robots: "User-agent: *\nDisallow: /\n\nUser-agent: NewsDesk\nDisallow: /drafts/\n",
			allow:  []string{"/", "/news/1"},
			deny:   []string{"/drafts/1"},
		},
		{
			name:   "our group with version token",
			robots: "User-agent: newsdesk/2.0\nDisallow: /x\nUser-agent: *\nDisallow: /\n",
			allow:  []string{"/y"},
			deny:   []string{"/x"},
		},
		{
			name:   "a group for us that allows everything shadows star",
			robots: "User-agent: newsdesk\nDisallow:\n\nUser-agent: *\nDisallow: /\n",
			allow:  []string{"/", "/a"},
		},
		{
			name:   "blank lines do not end a list of agents (RFC 9309 grammar)",
			robots: "User-agent: newsdesk\n\nUser-agent: *\nDisallow: /\n",
			deny:   []string{"/", "/a"},
		},
		{
			name:   "other bots' groups do not apply",
			robots: "User-agent: Googlebot\nDisallow: /\n",
			allow:  []string{"/a"},
		},
		{
			name:   "several agents share a group",
			robots: "User-agent: foo\nUser-agent: newsdesk\nUser-agent: bar\nDisallow: /shared\n",
			deny:   []string{"/shared"},
			allow:  []string{"/other"},
		},
		{
			name:   "groups for us are merged",
			robots: "User-agent: newsdesk\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\nUser-agent: newsdesk\nDisallow: /c\n",
			deny:   []string{"/a", "/c"},
			allow:  []string{"/b"},
		},
		{
			name:   "longest match wins",
			robots: "User-agent: *\nDisallow: /news\nAllow: /news/public\n",
			allow:  []string{"/news/public/1"},
			deny:   []string{"/news/private", "/news"},
		},
		{
			name:   "allow wins a tie",
			robots: "User-agent: *\nDisallow: /page\nAllow: /page\n",
			allow:  []string{"/page"},
		},
		{
			name:   "wildcards",
			robots: "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*/print/\nDisallow: /search*q=\n",
			allow:  []string{"/doc.pdf?x=1", "/a/b", "/doc.pdfx", "/search"},
			deny:   []string{"/doc.pdf", "/a/b/c.pdf", "/2024/print/1", "/search?q=go", "/search/x?lang=en&q=1"},
		},
		{
			name:   "dollar anchors exactly",
			robots: "User-agent: *\nDisallow: /$\n",
			allow:  []string{"/index.html", "/a"},
			deny:   []string{"/"},
		},
		{
			name:   "empty disallow allows all",
			robots: "User-agent: *\nDisallow:\n",
			allow:  []string{"/", "/x"},
		},
		{
			name:   "comments, CRLF, BOM, odd spacing and case",
			robots: "\ufeff# hello\r\nUSER-AGENT :  *   # everyone\r\n  disallow : /tmp/ # no\r\nCrawl-delay: 10\r\nSitemap: https://x.test/s.xml\r\n",
			allow:  []string{"/tmp", "/news"},
			deny:   []string{"/tmp/file"},
		},
		{
			name:   "rules before any user-agent are ignored",
			robots: "Disallow: /\nUser-agent: *\nDisallow: /x\n",
			allow:  []string{"/y"},
			deny:   []string{"/x"},
		},
		{
			name:   "percent-encoding is normalised",
			robots: "User-agent: *\nDisallow: /caf%c3%a9\nDisallow: /ü\n",
			deny:   []string{"/caf%C3%A9/menu", "/%C3%BC"},
			allow:  []string{"/cafe"},
		},
		{
			name:   "query is part of the target",
			robots: "User-agent: *\nDisallow: /*?session=\n",
			allow:  []string{"/a?page=2"},
			deny:   []string{"/a?session=1"},
		},
	}
	for _, tt := range tests {
		rules := parseRobots([]byte(tt.robots), ProductToken)
		for _, p := range tt.allow {
			if !rules.allows(p) {
				t.Errorf("%s: %q disallowed, want allowed", tt.name, p)
			}
		}
		for _, p := range tt.deny {
			if rules.allows(p) {
				t.Errorf("%s: %q allowed, want disallowed", tt.name, p)
			}
		}
	}
}

// TestMatchPatternIsNotExponential guards the one-backtrack-point matcher against patterns that
// would make a naive recursive matcher take forever.
func TestMatchPatternIsNotExponential(t *testing.T) {
	t.Parallel()
	pattern := strings.Repeat("*a", 30) + "b$"
	target := "/" + strings.Repeat("a", 5000)
	done := make(chan bool, 1)
	go func() { done <- matchPattern(pattern, target) }()
	select {
	case got := <-done:
		if got {
			t.Error("pattern matched a target without b")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("matchPattern did not finish")
	}
}

// robotsSite is a test site whose robots.txt answer the test controls and counts.
type robotsSite struct {
	mu     sync.Mutex
	status int
	body   string
	hits   atomic.Int32
	gate   chan struct{} // when set, robots.txt waits for it to close
}

func (s *robotsSite) handler(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/robots.txt" {
		fmt.Fprint(w, "<p>page</p>")
		return
	}
	s.hits.Add(1)
	s.mu.Lock()
	status, body, gate := s.status, s.body, s.gate
	s.mu.Unlock()
	if gate != nil {
		<-gate
	}
	w.WriteHeader(status)
	fmt.Fprint(w, body)
}

func (s *robotsSite) set(status int, body string) {
	s.mu.Lock()
	s.status, s.body = status, body
	s.mu.Unlock()
}

func TestRobotsIntegration(t *testing.T) {
	t.Parallel()
	site := &robotsSite{}
	site.set(http.StatusOK, "User-agent: *\nDisallow: /private/\n")
	srv := serve(t, site.handler)
	c := testClient(t, srv, func(cfg *Config) { cfg.RobotsTTL = time.Hour })
	var clock atomic.Int64
	clock.Store(time.Now().UnixNano())
	c.now = func() time.Time { return time.Unix(0, clock.Load()) }
	ctx := context.Background()
	page := func(path string) error {
		_, err := c.Fetch(ctx, Request{URL: srv.URL + path, Purpose: PurposePage})
		return err
	}

	for _, p := range []string{"/news/1", "/news/2", "/"} {
		if err := page(p); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
	if n := site.hits.Load(); n != 1 {
		t.Fatalf("robots.txt fetched %d times for three pages, want once", n)
	}
	err := page("/private/plans")
	asError(t, err, KindRobotsDisallowed)
	if !errors.Is(err, ErrRobotsDisallowed) || err.Error() != "the site's robots.txt does not allow newsdesk to fetch this page" {
		t.Errorf("disallowed error: %v", err)
	}
	if _, err := c.Fetch(ctx, Request{URL: srv.URL + "/private/feed.xml", Purpose: PurposeFeed}); err != nil {
		t.Errorf("feeds do not consult robots.txt, got %v", err)
	}

	// After the TTL the file is fetched again and new rules apply.
	site.set(http.StatusOK, "User-agent: newsdesk\nDisallow: /news/\n")
	clock.Add(int64(90 * time.Minute))
	asError(t, page("/news/3"), KindRobotsDisallowed)
	if n := site.hits.Load(); n != 2 {
		t.Fatalf("robots.txt fetched %d times after expiry, want 2", n)
	}

	// A 4xx means no rules.
	site.set(http.StatusNotFound, "")
	clock.Add(int64(90 * time.Minute))
	if err := page("/news/4"); err != nil {
		t.Errorf("robots 404: %v", err)
	}

	// A 5xx with an expired copy at hand keeps using the copy ("allow /news/4" from the 404).
	site.set(http.StatusInternalServerError, "")
	clock.Add(int64(90 * time.Minute))
	if err := page("/news/5"); err != nil {
		t.Errorf("robots 500 with a stale copy: %v", err)
	}
}

func TestRobotsUnreachableDisallows(t *testing.T) {
	t.Parallel()
	site := &robotsSite{}
	site.set(http.StatusServiceUnavailable, "")
	srv := serve(t, site.handler)
	c := testClient(t, srv, nil)
	_, err := c.Fetch(context.Background(), Request{URL: srv.URL + "/a", Purpose: PurposePage})
	fe := asError(t, err, KindRobotsDisallowed)
	want := "the site's robots.txt could not be read (the server answered 503 Service Unavailable), so newsdesk leaves its pages alone for now"
	if fe.Error() != want {
		t.Errorf("message %q, want %q", fe.Error(), want)
	}
	// The verdict is cached for a while rather than asked again for every page.
	c.Fetch(context.Background(), Request{URL: srv.URL + "/b", Purpose: PurposePage})
	if n := site.hits.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1", n)
	}
}

func TestRobotsSharedLoad(t *testing.T) {
	t.Parallel()
	site := &robotsSite{gate: make(chan struct{})}
	site.set(http.StatusOK, "User-agent: *\nAllow: /\n")
	srv := serve(t, site.handler)
	c := testClient(t, srv, func(cfg *Config) { cfg.PerHostConcurrency = 8 })
	const n = 5
	errs := make(chan error, n)
	for i := range n {
		go func() {
			_, err := c.Fetch(context.Background(), Request{URL: fmt.Sprintf("%s/p/%d", srv.URL, i), Purpose: PurposePage})
			errs <- err
		}()
	}
	// Release robots.txt only once every fetch is waiting on it.
	waitFor(t, "the robots.txt request", func() bool { return site.hits.Load() == 1 })
	key := "http://" + srv.Listener.Addr().String()
	waitFor(t, "all fetches to wait on robots.txt", func() bool {
		c.robots.mu.Lock()
		defer c.robots.mu.Unlock()
		return c.robots.entries[key] != nil
	})
	close(site.gate)
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if got := site.hits.Load(); got != 1 {
		t.Errorf("robots.txt fetched %d times by %d concurrent page fetches, want 1", got, n)
	}
}

func TestRobotsFollowsRedirectAndChecksEveryHop(t *testing.T) {
	t.Parallel()
	other := &robotsSite{}
	other.set(http.StatusOK, "User-agent: *\nDisallow: /\n")
	otherSrv := serve(t, other.handler)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.Redirect(w, r, "/real-robots.txt", http.StatusMovedPermanently)
		case "/real-robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /no\n")
		case "/moved":
			http.Redirect(w, r, otherSrv.URL+"/article", http.StatusFound)
		default:
			fmt.Fprint(w, "ok")
		}
	})
	c := testClient(t, srv, func(cfg *Config) {
		cfg.Allow = append(cfg.Allow, otherSrv.Listener.Addr().String())
	})
	ctx := context.Background()
	asError(t, fetchErr(c.Fetch(ctx, Request{URL: srv.URL + "/no", Purpose: PurposePage})), KindRobotsDisallowed)
	if _, err := c.Fetch(ctx, Request{URL: srv.URL + "/yes", Purpose: PurposePage}); err != nil {
		t.Fatal(err)
	}
	// The redirect target's own robots.txt forbids everything.
	asError(t, fetchErr(c.Fetch(ctx, Request{URL: srv.URL + "/moved", Purpose: PurposePage})), KindRobotsDisallowed)
}

func fetchErr(_ *Response, err error) error { return err }
