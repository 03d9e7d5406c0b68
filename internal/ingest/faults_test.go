package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"
)

// hostilePages is a publisher whose feed is fine but whose article pages are not: they
// hang, drip, never end, explode when decompressed, or are garbage. It records how long
// each request to a hanging page lasted before the client gave up.
type hostilePages struct {
	srv   *httptest.Server
	mu    sync.Mutex
	held  map[string][]time.Duration // path → how long each request was held open
	calls atomic.Int32
}

// hostileCases are the article pages, with the summary their feed item carries.
var hostileCases = []string{"good", "binary", "endless", "bomb", "nested", "attribute", "nul", "hang", "drip"}

func newHostilePages(t *testing.T) *hostilePages {
	t.Helper()
	h := &hostilePages{held: map[string][]time.Duration{}}
	var bomb bytes.Buffer // 64 MiB of zeros in about 64 KB
	gz, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	gz.Write(make([]byte, 64<<20))
	gz.Close()
	garbage := make([]byte, 900<<10) // under the 1 MiB cap, so the extractor gets it
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range garbage {
		garbage[i] = byte(rng.IntN(256))
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nAllow: /\n") })
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hostile Herald</title><link>` + h.srv.URL + `/</link>`)
		for i, c := range hostileCases {
			fmt.Fprintf(&b, `<item><title>Story %s</title><link>%s/page/%s</link><guid>%s</guid><pubDate>%s</pubDate><description>Summary of the %s story, from the feed.</description></item>`,
				c, h.srv.URL, c, c, time.Now().Add(-time.Duration(i)*time.Minute).Format(time.RFC1123Z), c)
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	})
	mux.HandleFunc("/page/{name}", func(w http.ResponseWriter, r *http.Request) {
		h.calls.Add(1)
		start := time.Now()
		html := func() { w.Header().Set("Content-Type", "text/html; charset=utf-8") }
		switch name := r.PathValue("name"); name {
		case "good":
			html()
			fmt.Fprint(w, articlePage("Harbour dredging approved"))
		case "binary": // random bytes labelled as a page
			html()
			w.Write(garbage)
		case "endless": // a page that never ends, as fast as the client reads
			html()
			chunk := bytes.Repeat([]byte("<p>more words and more words "), 1000)
			for {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		case "bomb":
			html()
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb.Bytes())
		case "nested": // 150 000 unclosed elements deep
			html()
			fmt.Fprint(w, "<html><body>"+strings.Repeat("<div><span>", 75_000)+articleBody)
		case "attribute": // one attribute of 900 KB
			html()
			fmt.Fprint(w, `<html><body><article data-x="`+strings.Repeat("x", 900<<10)+`"><h1>Attribute</h1>`+articleBody+`</article></body></html>`)
		case "nul": // NUL bytes and invalid UTF-8 in the article text, past the first KB
			// (where the extractor takes a NUL for a binary file)
			html()
			page := strings.Replace(articlePage("Nul page"), "<head>", "<head><!-- "+strings.Repeat("padding ", 256)+"-->", 1)
			fmt.Fprint(w, strings.Replace(page, "harbour authority", "harbour\x00 auth\xffority", 1))
		case "hang": // headers never come
			<-r.Context().Done()
			h.record(name, time.Since(start))
		case "drip": // headers, then a byte every 100 ms
			html()
			w.WriteHeader(http.StatusOK)
			for {
				if _, err := w.Write([]byte("<")); err != nil {
					break
				}
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
				case <-time.After(100 * time.Millisecond):
					continue
				}
				break
			}
			h.record(name, time.Since(start))
		}
	})
	h.srv = httptest.NewServer(mux)
	t.Cleanup(h.srv.Close)
	return h
}

func (h *hostilePages) record(name string, d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.held[name] = append(h.held[name], d)
}

func (h *hostilePages) heldOpen(name string) []time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]time.Duration(nil), h.held[name]...)
}

// heapPeak samples the live heap until stopped and reports the highest value seen.
func heapPeak() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-finished
		return peak.Load()
	}
}

// Article pages that hang, drip, never end, explode or are garbage cost bounded time and
// memory: each fetch gives up within the client's limits, a page that cannot be used is
// replaced by the feed's own text, and the good page beside them is stored as usual. Not
// parallel: it measures the heap of the whole test process.
func TestHostileArticlePages(t *testing.T) {
	pub := newHostilePages(t)
	u, _ := url.Parse(pub.srv.URL)
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	stopPeak := heapPeak()

	h := newHarness(t, u.Host)
	h.addFeed(t, pub.srv.URL+"/", pub.srv.URL+"/feed.xml")
	ctx := context.Background()
	start := time.Now()
	usable := len(hostileCases) - 2 // all but hang and drip end within one attempt
	waitFor(t, "every page that can end to end", 30*time.Second, func() bool {
		n, _ := h.st.CountArticles(ctx)
		return n >= usable
	})
	settled := time.Since(start)
	// The hanging and dripping pages were each given up on within the request limits
	// (1.5 s for the whole request in the harness), and are left pending for a retry.
	waitFor(t, "a first attempt at the hanging and dripping pages", 10*time.Second, func() bool {
		return len(pub.heldOpen("hang")) > 0 && len(pub.heldOpen("drip")) > 0
	})
	peak := stopPeak()

	for _, name := range []string{"hang", "drip"} {
		for _, d := range pub.heldOpen(name) {
			if d > 3*time.Second {
				t.Errorf("%s: the client held the request open for %s", name, d)
			}
		}
		if _, err := h.st.ArticleIDByURL(ctx, pub.srv.URL+"/page/"+name); err == nil {
			t.Errorf("%s: stored after one timed-out attempt; want a retry first", name)
		}
	}
	for _, name := range hostileCases[:usable] {
		id, err := h.st.ArticleIDByURL(ctx, pub.srv.URL+"/page/"+name)
		if err != nil {
			t.Errorf("%s: no article: %v", name, err)
			continue
		}
		a, err := h.st.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(a.Text) || strings.ContainsRune(a.Text, 0) || !utf8.ValidString(a.Title) {
			t.Errorf("%s: text is not clean UTF-8: %q", name, trim(a.Text))
		}
		switch name {
		case "good", "attribute", "nul":
			if !strings.Contains(a.Text, "northern channel") {
				t.Errorf("%s: the page's text was not kept: %q", name, trim(a.Text))
			}
		case "binary", "endless", "bomb":
			if !strings.Contains(a.Text, "from the feed") {
				t.Errorf("%s: want the feed's text in place of the page, got %q", name, trim(a.Text))
			}
		}
		if len(a.Text) > 100<<10 || len(a.HTML) > 200<<10 {
			t.Errorf("%s: %d bytes of text, %d of HTML kept", name, len(a.Text), len(a.HTML))
		}
	}
	grown := int64(peak) - int64(base.HeapInuse)
	t.Logf("hostile pages settled in %s; %d page requests; heap in use %d MiB at start, peak %d MiB",
		settled.Round(time.Millisecond), pub.calls.Load(), base.HeapInuse>>20, peak>>20)
	// The endless page alone would take all memory without the body cap, and the bomb
	// 64 MiB; the pipeline with 8 workers must stay far below that.
	if grown > 48<<20 {
		t.Errorf("heap grew by %d MiB while fetching hostile pages", grown>>20)
	}
}

func trim(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
