package web

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// testSite is a Server over a fakeStore behind a loopback HTTP server.
type testSite struct {
	store   *fakeStore
	changes atomic.Uint64
	ready   atomic.Pointer[error]
	mu      sync.Mutex
	now     time.Time
	reg     *prometheus.Registry
	url     string
	handler http.Handler
}

func newTestSite(t *testing.T, configure ...func(*Config)) *testSite {
	t.Helper()
	ts := &testSite{store: newFakeStore("https://img.example"), now: testNow, reg: prometheus.NewRegistry()}
	cfg := Config{
		Store:    ts.store,
		Registry: ts.reg,
		Now:      ts.clock,
		Changes:  ts.changes.Load,
		Ready: func(context.Context) error {
			if err := ts.ready.Load(); err != nil {
				return *err
			}
			return nil
		},
	}
	for _, c := range configure {
		c(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ts.handler = srv.Handler()
	hs := httptest.NewServer(ts.handler)
	t.Cleanup(hs.Close)
	ts.url = hs.URL
	return ts
}

func (ts *testSite) clock() time.Time {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.now
}

func (ts *testSite) advance(d time.Duration) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.now = ts.now.Add(d)
}

type response struct {
	status int
	header http.Header
	body   string
}

// get fetches path without following redirects; headers come in name, value pairs.
func (ts *testSite) get(t *testing.T, path string, headers ...string) response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, ts.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: read body: %v", path, err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: string(body)}
}

func TestPages(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	tests := []struct {
		path    string
		status  int
		want    []string
		notWant []string
	}{
		{"/", http.StatusOK, []string{
			"<title>newsdesk</title>",
			"Council approves the new harbour bridge",
			`href="/article/1/council-approves-the-new-harbour-bridge"`,
			`<time datetime="2026-03-14T14:51:00Z" title="Saturday 14 March 2026, 14:51 UTC">9 minutes ago</time>`,
			">3 hours ago</time>",
			">2 hours ago</time>", // no publication date: the fetch time stands in
			">yesterday</time>",
			">2 Dec 2025</time>",
			"Harbor Gazette", "Northwind Times",
			`src="https://img.example/logos/harbor.png"`,
			`src="https://img.example/images/bridge.png"`,
			"After three years of debate the council voted 31 to 12 for a lifting bridge.",
			"Unions and operators agreed a deal shortly before midnight", // snippet made from text
		}, nil},
		{"/article/1", http.StatusOK, []string{
			"<title>Council approves the new harbour bridge · newsdesk</title>",
			`<h1 class="article-title">Council approves the new harbour bridge</h1>`,
			`<link rel="canonical" href="/article/1/council-approves-the-new-harbour-bridge">`,
			"By Ana Silva", ">9 minutes ago</time>", "1 min read", // from the text, not the stale word count
			`href="https://www.harbor-gazette.example/news/2026/03/14/bridge"`,
			"harbor-gazette.example",
			"<p>The city council <em>voted</em> on Saturday to build the bridge.</p>", // trusted body, not escaped
			`id="ai-features"`, "<li>The council voted 31 to 12 for a lifting bridge.</li>", "<li>Work starts in autumn.</li>",
			`<button id="listen" class="listen" type="button" aria-pressed="false" hidden>`,
			`<script src="/static/listen.`, `<article class="article" lang="en">`,
			`<form class="ask-form" method="get" action="/article/1/ask" role="search">`,
			`href="/tag/Port%20Aldridge">Port Aldridge</a>`, `href="/tag/bridge">bridge</a>`,
			`<a class="coverage-link" href="/story/100">Full coverage</a>`, "4 articles on this story",
			`id="comments"`, "No comments yet — be the first.",
			`id="related"`, "Harbour bridge vote: council backs lifting design", "Ferry timetable changes for spring",
			`id="get-the-app"`, "Get the app",
			`src="/static/logo.`,
		}, []string{
			"Rail strike", // neither the story nor its topics
			"Fish market", // the publisher's, but not related
			"/article/8/", // a copy of this very article
			"&lt;em&gt;",
		}},
		{"/article/2", http.StatusOK, []string{"Rail strike called off", `href="/tag/rail%20strike"`, "Nothing related yet."}, []string{
			"Full coverage", // the story has only this article
		}},
		{"/article/4", http.StatusOK, []string{"Fish market reopens", "This article is too short for key points."}, nil},
		{"/article/1/any-old-slug", http.StatusOK, []string{"Council approves the new harbour bridge"}, nil},
		{"/article/5", http.StatusOK, []string{"A look back at the winter storms"}, nil},
		{"/publisher/1", http.StatusOK, []string{
			"<title>Harbor Gazette · newsdesk</title>", "Council approves", "Ferry timetable", "Fish market",
			`href="https://www.harbor-gazette.example/"`,
		}, []string{"Rail strike"}},
		{"/sources", http.StatusOK, []string{
			"3 feeds: 1 healthy, 1 failing, 1 disabled.",
			"Harbor Gazette – News", ">12 minutes ago</time>", ">in 5 minutes</time>", "every 15 minutes",
			"https://northwind.example/feed.xml", // untitled feed shown by URL
			"the server answered 503 Service Unavailable", ">20 minutes ago</time>", ">yesterday</time>",
			`<td class="num">4</td>`, `<td class="num">3</td>`,
			"the feed is gone (410)", "never", "not scheduled",
			"status-failing", "status-disabled", "status-ok",
		}, nil},
		{"/article/999", http.StatusNotFound, []string{"Page not found", "<title>Page not found · newsdesk</title>"}, nil},
		{"/article/abc", http.StatusNotFound, []string{"Page not found"}, nil},
		{"/article/0", http.StatusNotFound, []string{"Page not found"}, nil},
		{"/article/-3", http.StatusNotFound, []string{"Page not found"}, nil},
		{"/publisher/99", http.StatusNotFound, []string{"Page not found"}, nil},
		{"/no/such/page", http.StatusNotFound, []string{"Page not found", `href="/"`}, nil},
		{"/static/app.0000.css", http.StatusNotFound, []string{"Page not found"}, nil},
		{"/healthz", http.StatusOK, []string{"ok"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			r := ts.get(t, tt.path)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d", r.status, tt.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.body, w) {
					t.Errorf("body lacks %q", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(r.body, w) {
					t.Errorf("body has %q", w)
				}
			}
			if strings.HasPrefix(r.header.Get("Content-Type"), "text/html") && !strings.HasPrefix(r.body, "<!doctype html>") {
				t.Errorf("HTML page does not start with the doctype: %.40q", r.body)
			}
		})
	}
}

// Every page must work under the CSP: no inline script, no inline style, no style attribute.
// A script is allowed only as an empty element loading one of our own static files, which
// script-src 'self' lets run.
func TestPagesNeedNoInlineCode(t *testing.T) {
	t.Parallel()
	t.Run("without LLM", func(t *testing.T) { t.Parallel(); testNoInlineCode(t, newTestSite(t)) })
	// The generated features add a box and ai.js to the article and story pages.
	t.Run("with LLM", func(t *testing.T) {
		t.Parallel()
		ts := newTestSite(t, withLLM(&fakeAI{}))
		testNoInlineCode(t, ts)
		for _, path := range []string{"/article/1", "/story/100"} {
			if !strings.Contains(ts.get(t, path).body, `<script src="/static/ai.`) {
				t.Errorf("%s does not load ai.js", path)
			}
		}
	})
}

func testNoInlineCode(t *testing.T, ts *testSite) {
	t.Helper()
	inline := regexp.MustCompile(`(?i)<style|\sstyle=|\son[a-z]+=|javascript:`)
	script := regexp.MustCompile(`(?is)<script([^>]*)>(.*?)</script>`)
	own := regexp.MustCompile(`^ src="/static/[a-z]+\.[0-9a-f]{12}\.js" defer$`)
	paths := []string{"/", "/article/1", "/article/1/ask?q=When+does+work+start%3F", "/story/100",
		"/story/100/ask?q=bridge", "/tag/Port%20Aldridge", "/publisher/2", "/sources", "/nope"}
	for _, path := range paths {
		body := ts.get(t, path).body
		if m := inline.FindString(body); m != "" {
			t.Errorf("%s has inline code %q, which the CSP blocks", path, m)
		}
		for _, m := range script.FindAllStringSubmatch(body, -1) {
			if !own.MatchString(m[1]) || m[2] != "" {
				t.Errorf("%s has a script that is not one of our static files: %q", path, m[0])
			}
		}
		if n := strings.Count(strings.ToLower(body), "<script"); n != len(script.FindAllString(body, -1)) {
			t.Errorf("%s has an unterminated script tag", path)
		}
	}
	if !strings.Contains(ts.get(t, "/article/1").body, `<script src="/static/listen.`) {
		t.Error("the article page does not load the Listen script")
	}
}

func TestStoreFailure(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		apply func(*fakeStore)
	}{
		{"error", func(f *fakeStore) { f.err = errors.New("database is locked: secret detail") }},
		{"panic", func(f *fakeStore) { f.panicWith = "secret detail" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var logs syncBuffer
			ts := newTestSite(t, func(c *Config) { c.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
			tt.apply(ts.store)
			for _, path := range []string{"/", "/article/1", "/publisher/1", "/sources"} {
				r := ts.get(t, path)
				if r.status != http.StatusInternalServerError {
					t.Errorf("%s: status %d, want 500", path, r.status)
				}
				if !strings.Contains(r.body, "Something went wrong") {
					t.Errorf("%s: not the 500 page: %.200q", path, r.body)
				}
				if strings.Contains(r.body, "secret detail") {
					t.Errorf("%s: the error page shows the internal error", path)
				}
				if r.header.Get("Content-Security-Policy") == "" {
					t.Errorf("%s: error page without security headers", path)
				}
				if log := logs.String(); !strings.Contains(log, "path="+path) || !strings.Contains(log, "secret detail") {
					t.Errorf("%s: the failure is not logged with its path and cause:\n%s", path, log)
				}
			}
		})
	}
}

// syncBuffer is a bytes.Buffer that handlers on several goroutines may log to.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	nonceRE := regexp.MustCompile(`script-src 'self' 'nonce-([A-Za-z0-9+/=]{16,})';`)
	css := regexp.MustCompile(`/static/app\.[0-9a-f]+\.css`).FindString(ts.get(t, "/").body)
	seen := map[string]string{}
	for _, path := range []string{"/", "/", "/article/1", "/sources", "/nope", "/healthz", "/metrics", css, "/favicon.ico"} {
		r := ts.get(t, path)
		csp := r.header.Get("Content-Security-Policy")
		for _, directive := range []string{
			"default-src 'self'", "style-src 'self'", "img-src 'self' https: http: data:",
			"frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'",
		} {
			if !strings.Contains(csp, directive) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, directive)
			}
		}
		m := nonceRE.FindStringSubmatch(csp)
		if m == nil {
			t.Errorf("%s: CSP %q has no script nonce", path, csp)
		} else if prev, dup := seen[m[1]]; dup {
			t.Errorf("%s: nonce %s already sent for %s", path, m[1], prev)
		} else {
			seen[m[1]] = path
		}
		if got := r.header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", path, got)
		}
		if got := r.header.Get("Referrer-Policy"); got != "strict-origin-when-cross-origin" {
			t.Errorf("%s: Referrer-Policy %q", path, got)
		}
	}
}

func TestStaticAssets(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	front := ts.get(t, "/").body
	css := regexp.MustCompile(`href="(/static/app\.[0-9a-f]{12}\.css)"`).FindStringSubmatch(front)
	if css == nil {
		t.Fatal("front page links no checksummed stylesheet")
	}
	r := ts.get(t, css[1])
	if r.status != http.StatusOK {
		t.Fatalf("%s: status %d", css[1], r.status)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("Content-Type %q", ct)
	}
	if cc := r.header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
		t.Errorf("Cache-Control %q", cc)
	}
	for _, want := range []string{"@media (prefers-color-scheme: dark)", "max-width: var(--measure)", "--measure: 65ch", "system-ui"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("stylesheet lacks %q", want)
		}
	}
	if r := ts.get(t, css[1], "If-None-Match", r.header.Get("ETag")); r.status != http.StatusNotModified {
		t.Errorf("revalidation: status %d, want 304", r.status)
	}

	fav := ts.get(t, "/favicon.ico")
	loc := fav.header.Get("Location")
	if fav.status != http.StatusMovedPermanently || !regexp.MustCompile(`^/static/favicon\.[0-9a-f]{12}\.svg$`).MatchString(loc) {
		t.Fatalf("/favicon.ico: %d to %q, want a permanent redirect to the checksummed icon", fav.status, loc)
	}
	if r := ts.get(t, loc); r.status != http.StatusOK || r.header.Get("Content-Type") != "image/svg+xml" {
		t.Errorf("%s: %d %q", loc, r.status, r.header.Get("Content-Type"))
	}
}

func TestHealthz(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	if r := ts.get(t, "/healthz"); r.status != http.StatusOK || r.body != "ok" {
		t.Errorf("ready: %d %q, want 200 ok", r.status, r.body)
	}
	err := errors.New("database: connection refused")
	ts.ready.Store(&err)
	if r := ts.get(t, "/healthz"); r.status != http.StatusServiceUnavailable || r.body != err.Error() {
		t.Errorf("not ready: %d %q, want 503 with the error", r.status, r.body)
	}
}

func TestMetrics(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	ts.get(t, "/article/1")
	ts.get(t, "/article/1/slug") // cached: one render, one hit
	ts.get(t, "/article/999")
	ts.get(t, "/nope")
	r := ts.get(t, "/metrics")
	for _, want := range []string{
		`newsdesk_http_request_duration_seconds_count{code="200",route="GET /article/{id}"} 1`,
		`newsdesk_http_request_duration_seconds_count{code="200",route="GET /article/{id}/{slug}"} 1`,
		`newsdesk_http_request_duration_seconds_count{code="404",route="GET /article/{id}"} 1`,
		`newsdesk_http_request_duration_seconds_count{code="404",route="/"} 1`,
		`newsdesk_web_page_cache_requests_total{result="hit"} 1`,
		`newsdesk_web_page_cache_requests_total{result="miss"} 2`,
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// Two servers on one registry share the collectors instead of failing to register.
func TestNewTwiceOnOneRegistry(t *testing.T) {
	t.Parallel()
	reg := prometheus.NewRegistry()
	for range 2 {
		if _, err := New(Config{Store: newFakeStore(""), Registry: reg}); err != nil {
			t.Fatalf("New: %v", err)
		}
	}
	if _, err := New(Config{}); !errors.Is(err, ErrNoStore) {
		t.Errorf("New without a store: %v, want ErrNoStore", err)
	}
}
