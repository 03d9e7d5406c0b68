package web

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/store"
)

// benchStore is a front page's worth of articles with realistic field sizes, in stories of
// six articles from three publishers.
func benchStore() *fakeStore {
	fs := newFakeStore("https://img.example")
	fs.articles = nil
	fs.tags = map[int64][]store.Tag{}
	var text strings.Builder
	for p := range 12 {
		fmt.Fprintf(&text, "The council met on day %d to discuss the harbour works. ", p)
		fmt.Fprintf(&text, "Officials said the new bridge would cost %d million pounds and open in %d. ", 40+p, 2027+p%3)
		text.WriteString("Residents raised concerns about noise, traffic and the ferry timetable.\n\n")
	}
	for i := range frontPageLimit + 10 {
		fs.tags[int64(i+1)] = []store.Tag{{Name: "Port Aldridge", Kind: "place"}, {Name: fmt.Sprintf("topic %d", i%7), Kind: "keyword"}}
		fs.articles = append(fs.articles, store.Article{
			ID:          int64(i + 1),
			StoryID:     int64(i/6 + 1),
			Text:        text.String(),
			KeyPoints:   []string{"The council met.", "The bridge will cost 40 million pounds.", "It opens in 2027."},
			PublisherID: int64(i%3 + 1),
			URL:         fmt.Sprintf("https://news.example/2026/03/14/story-%d", i),
			Title:       fmt.Sprintf("Story number %d about the harbour, the council and the weather", i),
			Byline:      "Ana Silva",
			Published:   testNow.Add(-time.Duration(i) * 17 * time.Minute),
			ImageURL:    fmt.Sprintf("https://img.example/%d.jpg", i),
			Snippet:     strings.Repeat("A sentence of the standfirst. ", 6),
			HTML:        strings.Repeat("<p>"+strings.Repeat("Words of the article body. ", 20)+"</p>\n", 15),
			WordCount:   1500,
		})
	}
	return fs
}

// BenchmarkPages measures what one request costs the server, cached and uncached, without
// the network: `go test ./internal/web -run - -bench Pages -benchmem`.
func BenchmarkPages(b *testing.B) {
	for _, path := range []string{"/", "/article/7", "/story/2", "/tag/topic%203", "/story/2/ask?q=How+much+will+the+bridge+cost%3F"} {
		for _, cached := range []bool{true, false} {
			b.Run(fmt.Sprintf("%s/cached=%v", path, cached), func(b *testing.B) {
				if !cached && strings.Contains(path, "/ask") {
					b.Skip("question pages are never cached")
				}
				cfg := Config{Store: benchStore(), Now: func() time.Time { return testNow }}
				if cached {
					cfg.Changes = func() uint64 { return 1 }
				}
				srv, err := New(cfg)
				if err != nil {
					b.Fatal(err)
				}
				h := srv.Handler()
				req := httptest.NewRequest(http.MethodGet, path, nil)
				b.ReportAllocs()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						w := &discardWriter{header: http.Header{}}
						h.ServeHTTP(w, req)
						if w.status != http.StatusOK {
							b.Errorf("status %d", w.status)
							return
						}
						b.SetBytes(int64(w.n))
					}
				})
			})
		}
	}
}

// BenchmarkFrontPageHTTP measures the cached front page over loopback HTTP with keep-alive,
// client and server on the same cores: `go test ./internal/web -run - -bench FrontPageHTTP`.
func BenchmarkFrontPageHTTP(b *testing.B) {
	for _, gz := range []bool{false, true} {
		b.Run(fmt.Sprintf("gzip=%v", gz), func(b *testing.B) {
			srv, err := New(Config{Store: benchStore(), Now: func() time.Time { return testNow }, Changes: func() uint64 { return 1 }})
			if err != nil {
				b.Fatal(err)
			}
			hs := httptest.NewServer(srv.Handler())
			defer hs.Close()
			client := hs.Client()
			client.Transport.(*http.Transport).MaxIdleConnsPerHost = 64
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req, _ := http.NewRequest(http.MethodGet, hs.URL+"/", nil)
					if gz {
						req.Header.Set("Accept-Encoding", "gzip") // by hand: the body stays compressed
					} else {
						req.Header.Set("Accept-Encoding", "identity")
					}
					resp, err := client.Do(req)
					if err != nil {
						b.Error(err)
						return
					}
					n, _ := io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					b.SetBytes(n)
				}
			})
		})
	}
}

// discardWriter is a ResponseWriter that keeps only the status and the size, so that the
// benchmark measures the server and not a recorder copying the body.
type discardWriter struct {
	header http.Header
	status int
	n      int
}

func (w *discardWriter) Header() http.Header { return w.header }

func (w *discardWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *discardWriter) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	w.n += len(b)
	return len(b), nil
}
