package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk/internal/extract"
	"newsdesk/internal/fetch"
	"newsdesk/internal/store"
)

const articleBody = `<p>The harbour authority approved a plan on Tuesday to dredge the northern channel, a project that has been debated for almost a decade by the city's fishing cooperatives and shipping firms alike.</p>
<p>Officials said the work would begin in the spring and take about eighteen months, during which the ferry terminal would remain open with a reduced timetable on weekday mornings.</p>
<p>Local residents raised concerns about noise and the effect on the seal colony near the breakwater, and the authority promised an independent environmental monitor for the length of the project.</p>`

func articlePage(title string) string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>` + title + `</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<article><h1>` + title + `</h1><p class="byline">By Ana Ruiz</p>` + articleBody + `
<div class="ad-slot">ADVERTISEMENT</div></article>
<footer>Copyright The Test Times</footer></body></html>`
}

func rss(base string, n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>The Test Times</title><link>` + base + `/</link>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<item><title>Story %d</title><link>%s/story/%d</link><guid>story-%d</guid><pubDate>%s</pubDate><description>Summary %d.</description></item>`,
			i, base, i, i, time.Now().Add(-time.Duration(i)*time.Minute).Format(time.RFC1123Z), i)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// publisher is a loopback site with one good feed and one path for each kind of bad input.
func publisher(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var pages atomic.Int32
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nAllow: /\n") })
	mux.HandleFunc("/good.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss(base, 3))
	})
	mux.HandleFunc("/story/{n}", func(w http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articlePage("Harbour dredging approved, part "+r.PathValue("n")))
	})
	mux.HandleFunc("/malformed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>x</ti`)
	})
	mux.HandleFunc("/malformed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprint(w, `{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[null]}`)
	})
	mux.HandleFunc("/html.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articlePage("Not a feed"))
	})
	mux.HandleFunc("/latin1.xml", func(w http.ResponseWriter, r *http.Request) {
		// Declared UTF-8 in the header but ISO-8859-1 bytes: must still parse.
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write([]byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\xe9</title><link>" + base + "/</link></channel></rss>"))
	})
	mux.HandleFunc("/empty.xml", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/huge.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.Repeat([]byte("<x>"), 400_000)) // 1.2 MB over a 1 MiB cap
	})
	var bomb bytes.Buffer // 8 MiB of zeros in about 8 KB
	gz, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	gz.Write(make([]byte, 8<<20))
	gz.Close()
	mux.HandleFunc("/bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/slow.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/drip.xml", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		for range 100 {
			if _, err := w.Write([]byte("<")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	})
	for code, path := range map[int]string{404: "/404.xml", 410: "/410.xml", 500: "/500.xml"} {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", code) })
	}
	mux.HandleFunc("/429.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	srv := httptest.NewServer(mux)
	base = srv.URL
	t.Cleanup(srv.Close)
	return srv, &pages
}

type harness struct {
	st *store.Store
	p  *Pipeline
}

func newHarness(t *testing.T, allow ...string) *harness {
	t.Helper()
	return newHarnessOn(t, filepath.Join(t.TempDir(), "ingest.db"), allow...)
}

// newHarnessOn runs the pipeline on the database named by dsn.
func newHarnessOn(t *testing.T, dsn string, allow ...string) *harness {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	fc, err := fetch.New(fetch.Config{
		Allow: allow, PerHostInterval: -1, PerHostConcurrency: 8,
		HeaderTimeout: 500 * time.Millisecond, RequestTimeout: 1500 * time.Millisecond, MaxBodyBytes: 1 << 20,
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(ctx, Config{Store: st, Fetcher: fc, Extractor: extract.New(extract.Options{}), PollInterval: 100 * time.Millisecond, Workers: 8})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := p.Stop(context.Background(), 5*time.Second); err != nil {
			t.Errorf("stop: %v", err)
		}
		st.Close()
	})
	return &harness{st: st, p: p}
}

func (h *harness) addFeed(t *testing.T, home, feedURL string) store.Feed {
	t.Helper()
	ctx := context.Background()
	pub, err := h.st.EnsurePublisher(ctx, store.Publisher{Name: "The Test Times", HomeURL: home})
	if err != nil {
		t.Fatal(err)
	}
	f, err := h.st.CreateFeed(ctx, store.Feed{PublisherID: pub.ID, URL: feedURL})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// waitFor polls a condition until it holds or the deadline passes.
func waitFor(t *testing.T, what string, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestPipelineStoresCleanArticlesOnce(t *testing.T) {
	t.Parallel()
	pipelineStoresCleanArticlesOnce(t, filepath.Join(t.TempDir(), "ingest.db"))
}

func pipelineStoresCleanArticlesOnce(t *testing.T, dsn string) {
	srv, pages := publisher(t)
	u, _ := url.Parse(srv.URL)
	h := newHarnessOn(t, dsn, u.Host)
	f := h.addFeed(t, srv.URL+"/", srv.URL+"/good.xml")
	ctx := context.Background()
	waitFor(t, "three articles", 20*time.Second, func() bool {
		n, _ := h.st.CountArticles(ctx)
		return n == 3
	})
	arts, err := h.st.LatestArticles(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	a, err := h.st.Article(ctx, arts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "dredge the northern channel") || !strings.Contains(a.HTML, "<p>") {
		t.Errorf("article text missing: %q", a.Text)
	}
	for _, clutter := range []string{"ADVERTISEMENT", "cookies", "Copyright"} {
		if strings.Contains(a.Text, clutter) || strings.Contains(a.HTML, clutter) {
			t.Errorf("clutter %q kept in %q", clutter, a.Text)
		}
	}
	if a.Snippet == "" || a.WordCount < 50 || a.PublisherName != "The Test Times" || len(a.KeyPoints) == 0 || a.Language != "en" {
		t.Errorf("article fields: %+v", a)
	}
	// The three pages carry the same text: one original, two copies, one story.
	if len(arts) != 1 {
		t.Errorf("front page lists %d articles, want the original only", len(arts))
	}
	story, err := h.st.StoryArticles(ctx, a.StoryID, 10)
	if err != nil || len(story) != 3 {
		t.Fatalf("story %d: %d articles, %v", a.StoryID, len(story), err)
	}
	for _, s := range story {
		if s.ID != a.ID && s.DuplicateOf != a.ID {
			t.Errorf("article %d is not linked to the original %d", s.ID, a.ID)
		}
	}
	// Another poll of the same feed, and a duplicate enqueue, store nothing new.
	before := pages.Load()
	if err := h.p.fetchFeed(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := h.st.CountArticles(ctx); n != 3 {
		t.Fatalf("after re-poll: %d articles, want 3", n)
	}
	if pages.Load() != before {
		t.Errorf("re-poll fetched %d pages again", pages.Load()-before)
	}
}

func TestBadFeedsEndAsPlainErrors(t *testing.T) {
	t.Parallel()
	srv, _ := publisher(t)
	u, _ := url.Parse(srv.URL)
	h := newHarness(t, u.Host)
	ctx := context.Background()
	cases := []struct {
		path string
		want string // words the recorded error must contain
	}{
		{"/malformed.xml", "could not be parsed"},
		{"/malformed.json", "could not be parsed"},
		{"/html.xml", "HTML page, not a feed"},
		{"/empty.xml", "empty"},
		{"/huge.xml", "larger than"},
		{"/bomb.xml", "larger than"},
		{"/loop", "redirect"},
		{"/slow.xml", "did not answer within"},
		{"/drip.xml", "did not send the whole response within"},
		{"/404.xml", "404"},
		{"/410.xml", "disabled"},
		{"/429.xml", "429"},
		{"/500.xml", "500"},
	}
	feeds := map[int64]string{}
	for _, c := range cases {
		f := h.addFeed(t, srv.URL+"/", srv.URL+c.path)
		feeds[f.ID] = c.want
	}
	// A private address outside the allow list, and a good feed beside the bad ones.
	private := h.addFeed(t, "http://10.0.0.1/", "http://10.0.0.1/feed.xml")
	feeds[private.ID] = "private"
	good := h.addFeed(t, srv.URL+"/", srv.URL+"/good.xml")
	latin := h.addFeed(t, srv.URL+"/", srv.URL+"/latin1.xml")

	waitFor(t, "every bad feed to record its error", 30*time.Second, func() bool {
		for id := range feeds {
			f, err := h.st.Feed(ctx, id)
			if err != nil || f.LastError == "" {
				return false
			}
		}
		return true
	})
	waitFor(t, "the good feed's articles", 20*time.Second, func() bool {
		n, _ := h.st.CountArticles(ctx)
		g, _ := h.st.Feed(ctx, good.ID)
		return n == 3 && !g.LastSuccess.IsZero()
	})
	for id, want := range feeds {
		f, _ := h.st.Feed(ctx, id)
		if !strings.Contains(f.LastError, want) {
			t.Errorf("%s: error %q, want it to mention %q", f.URL, f.LastError, want)
		}
		if f.NextCheck.Before(time.Now()) && !f.Disabled {
			t.Errorf("%s: next check %v is not backed off", f.URL, f.NextCheck)
		}
	}
	gone, _ := h.st.FeedByURL(ctx, srv.URL+"/410.xml")
	if !gone.Disabled {
		t.Errorf("410 feed not disabled")
	}
	limited, _ := h.st.FeedByURL(ctx, srv.URL+"/429.xml")
	if time.Until(limited.NextCheck) < 50*time.Minute {
		t.Errorf("429 with Retry-After 3600: next check in %v", time.Until(limited.NextCheck))
	}
	waitFor(t, "the mislabelled ISO-8859-1 feed to succeed", 10*time.Second, func() bool {
		f, _ := h.st.Feed(ctx, latin.ID)
		return !f.LastSuccess.IsZero()
	})
	if f, _ := h.st.Feed(ctx, latin.ID); f.Title != "Café" || f.LastError != "" {
		t.Errorf("latin-1 feed: title %q, error %q", f.Title, f.LastError)
	}
}

func TestSnippet(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("word ", 100)
	tests := []struct {
		text, summary string
		max           int
		want          string
	}{
		{"Short text.", "", 50, "Short text."},
		{"", "From the feed.", 50, "From the feed."},
		{"First paragraph is long enough here.\n\nSecond paragraph.", "", 30, "First paragraph is long…"},
		{long, "", 20, "word word word word…"},
		{"Ünïcödé wörds everywhere in this sentence", "", 12, "Ünïcödé…"},
	}
	for _, tt := range tests {
		if got := Snippet(tt.text, tt.summary, tt.max); got != tt.want {
			t.Errorf("Snippet(%q, %d) = %q, want %q", tt.text, tt.max, got, tt.want)
		}
	}
}
