package demo

import (
	"bytes"
	"context"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

func newTestGenerator(t *testing.T, pubs, per int) (*Generator, *fakeClock, *httptest.Server) {
	t.Helper()
	clock := &fakeClock{t: testStart}
	g := NewGenerator(pubs, per, 42)
	g.SetClock(clock.Now)
	srv := httptest.NewServer(g.Handler())
	t.Cleanup(srv.Close)
	return g, clock, srv
}

func TestGeneratorFeedsAndPages(t *testing.T) {
	t.Parallel()
	g, _, srv := newTestGenerator(t, 4, 6)
	urls := g.FeedURLs(srv.URL)
	if len(urls) != 4 {
		t.Fatalf("%d feed URLs, want 4", len(urls))
	}
	seen := map[string]bool{}
	for _, u := range urls {
		resp, body := get(t, u, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", u, resp.StatusCode)
		}
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		if len(feed.Items) != 6 {
			t.Errorf("%s: %d items, want 6", u, len(feed.Items))
		}
		for _, it := range feed.Items {
			if seen[it.Link] {
				t.Errorf("%s listed twice", it.Link)
			}
			seen[it.Link] = true
			at, ok := g.PublishedAt(it.Link)
			if !ok || it.PublishedParsed == nil || !at.Equal(*it.PublishedParsed) {
				t.Errorf("%s: feed says %v, PublishedAt says %v (%v)", it.Link, it.PublishedParsed, at, ok)
			}
			if !at.Before(testStart) || at.Before(testStart.Add(-backlogWindow)) {
				t.Errorf("%s: backlog article published at %v, want within the hour before %v", it.Link, at, testStart)
			}
			resp, page := get(t, it.Link, nil)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s: status %d", it.Link, resp.StatusCode)
				continue
			}
			want, ok := g.Expected(it.Link)
			if !ok || want.Title != it.Title {
				t.Errorf("%s: Expected gives %q, feed %q", it.Link, want.Title, it.Title)
			}
			text := html.UnescapeString(string(page))
			for _, p := range want.Paragraphs {
				if !strings.Contains(text, stripMarker(p)) {
					t.Errorf("%s: page lacks paragraph %.50q", it.Link, p)
				}
			}
			for _, clutter := range []string{"ADVERTISEMENT", "cookies", "Share on", "newsletter", `class="related"`} {
				if !strings.Contains(text, clutter) {
					t.Errorf("%s: page lacks clutter %q", it.Link, clutter)
				}
			}
		}
	}
	if len(seen) != 24 {
		t.Errorf("%d distinct articles in the feeds, want 24", len(seen))
	}
}

func TestGeneratorPageSizeAndDeterminism(t *testing.T) {
	t.Parallel()
	a, b, c := NewGenerator(3, 100, 7), NewGenerator(3, 100, 7), NewGenerator(3, 100, 8)
	at := testStart
	minSize, maxSize := 1<<30, 0
	for k := range 300 {
		st := &a.sites[k%3]
		pa := a.renderPage("http://h", st, k, a.article(k), at)
		if pb := b.renderPage("http://h", st, k, b.article(k), at); !bytes.Equal(pa, pb) {
			t.Fatalf("article %d differs between generators with the same seed", k)
		}
		if pc := c.renderPage("http://h", st, k, c.article(k), at); bytes.Equal(pa, pc) {
			t.Fatalf("article %d is the same under another seed", k)
		}
		minSize, maxSize = min(minSize, len(pa)), max(maxSize, len(pa))
	}
	if minSize < 5<<10 || maxSize > 20<<10 {
		t.Errorf("page sizes %d–%d bytes, want within 5–20 KB", minSize, maxSize)
	}
	if head, full := a.articleHead(5), a.article(5); head.Title != full.Title || head.Paragraphs[0] != full.Paragraphs[0] {
		t.Error("a feed's view of an article disagrees with its page")
	}
}

func TestGeneratorPublishesOverTime(t *testing.T) {
	t.Parallel()
	g, clock, srv := newTestGenerator(t, 2, 3)
	if got := g.Published(); got != 6 {
		t.Fatalf("Published() = %d before publishing, want the backlog of 6", got)
	}
	g.Publish(10, 25)
	steps := []struct {
		advance time.Duration
		want    int
	}{
		{99 * time.Millisecond, 6},
		{time.Millisecond, 7},
		{900 * time.Millisecond, 16},
		{time.Hour, 6 + 25}, // capped by max
	}
	for _, s := range steps {
		clock.Advance(s.advance)
		if got := g.Published(); got != s.want {
			t.Fatalf("after %v more: %d published, want %d", s.advance, got, s.want)
		}
	}
	// The newest article is in its publisher's feed, with the time it was published.
	newest := 6 + 25 - 1
	_, body := get(t, g.FeedURLs(srv.URL)[newest%2], nil)
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	top := feed.Items[0]
	want := testStart.Add(time.Duration(25) * 100 * time.Millisecond)
	if at, ok := g.PublishedAt(top.Link); !ok || !at.Equal(want) {
		t.Errorf("newest article %s published at %v (%v), want %v", top.Link, at, ok, want)
	}
	if !strings.Contains(top.Link, "/news/30-") {
		t.Errorf("newest feed item %s, want article 30", top.Link)
	}

	// A new rate continues the numbering; articles already out keep their times.
	g.Publish(0, 0)
	clock.Advance(time.Hour)
	if got := g.Published(); got != 31 {
		t.Errorf("after stopping: %d published, want 31", got)
	}
	if at, _ := g.PublishedAt(top.Link); !at.Equal(want) {
		t.Errorf("stopping moved an article's time to %v", at)
	}
	if _, ok := g.PublishedAt(srv.URL + "/s1/news/31-x"); ok {
		t.Error("an article that will never be published has a publication time")
	}
	if resp, _ := get(t, srv.URL+"/s1/news/31-x", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unpublished article: status %d, want 404", resp.StatusCode)
	}
}

func TestParseGenPath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		p, k int
		ok   bool
	}{
		{"http://127.0.0.2:8080/s3/news/17-some-title", 3, 17, true},
		{"/s0/news/0-x", 0, 0, true},
		{"https://example.com/s1/news/5", 1, 5, true},
		{"/s1/news/-5-x", 0, 0, false},
		{"/s1/other/5-x", 0, 0, false},
		{"/x1/news/5-x", 0, 0, false},
		{"/harbour-herald/local/budget", 0, 0, false},
	}
	for _, tt := range tests {
		p, k, ok := parseGenPath(tt.in)
		if ok != tt.ok || ok && (p != tt.p || k != tt.k) {
			t.Errorf("parseGenPath(%q) = %d, %d, %v; want %d, %d, %v", tt.in, p, k, ok, tt.p, tt.k, tt.ok)
		}
	}
}

func TestGeneratorStartSeveralHosts(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	g := NewGenerator(3, 2, 1)
	bases, err := g.Start(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(bases) != 2 || bases[0] == bases[1] {
		t.Fatalf("base URLs %v, want two distinct", bases)
	}
	feeds := g.FeedURLs(bases...)
	for i, u := range feeds {
		if !strings.HasPrefix(u, bases[i%2]) {
			t.Errorf("feed %d at %s, want it on %s", i, u, bases[i%2])
		}
		if resp, _ := get(t, u, nil); resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", u, resp.StatusCode)
		}
	}
}

func BenchmarkGeneratorPage(b *testing.B) {
	g := NewGenerator(10, 100, 1)
	srv := httptest.NewServer(g.Handler())
	defer srv.Close()
	h := g.Handler()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		k := i % 1000
		a := g.articleHead(k)
		req := httptest.NewRequest(http.MethodGet, "http://h"+genPath(g.sites[k%10].Slug, k, a.Slug), nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
		b.SetBytes(int64(rec.Body.Len()))
	}
}

func BenchmarkGeneratorFeed(b *testing.B) {
	g := NewGenerator(10, 100, 1)
	h := g.Handler()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		st := g.sites[i%10]
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://h"+st.FeedPath, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
