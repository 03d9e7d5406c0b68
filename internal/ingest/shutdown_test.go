package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"newsdesk/internal/extract"
	"newsdesk/internal/fetch"
	"newsdesk/internal/store"
)

// TestShutdownRequeuesInFlightJobs stops the pipeline while an article page is still being
// served, then starts a new pipeline on the same database: the interrupted job is retried
// and the article is stored, once.
func TestShutdownRequeuesInFlightJobs(t *testing.T) {
	t.Parallel()
	entered := make(chan struct{}, 10)
	release := make(chan struct{})
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, rss(base, 1)) })
	mux.HandleFunc("/story/{n}", func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
			return
		}
		fmt.Fprint(w, articlePage("Harbour dredging approved"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	base = srv.URL
	u, _ := url.Parse(srv.URL)

	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "s.db")
	st, err := store.Open(ctx, dbPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	pub, _ := st.EnsurePublisher(ctx, store.Publisher{Name: "T", HomeURL: srv.URL + "/"})
	if _, err := st.CreateFeed(ctx, store.Feed{PublisherID: pub.ID, URL: srv.URL + "/feed.xml"}); err != nil {
		t.Fatal(err)
	}
	start := func() *Pipeline {
		fc, err := fetch.New(fetch.Config{Allow: []string{u.Host}, PerHostInterval: -1, RequestTimeout: 20 * time.Second}, nil)
		if err != nil {
			t.Fatal(err)
		}
		p, err := New(ctx, Config{Store: st, Fetcher: fc, Extractor: extract.New(extract.Options{}), PollInterval: 100 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Start(ctx); err != nil {
			t.Fatal(err)
		}
		return p
	}
	p1 := start()
	select {
	case <-entered:
	case <-time.After(20 * time.Second):
		t.Fatal("the article page was never requested")
	}
	if err := p1.Stop(ctx, 100*time.Millisecond); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if n, _ := st.CountArticles(ctx); n != 0 {
		t.Fatalf("%d articles stored by an interrupted job", n)
	}
	close(release)
	p2 := start()
	defer p2.Stop(ctx, 5*time.Second)
	waitFor(t, "the interrupted article", 30*time.Second, func() bool {
		n, _ := st.CountArticles(ctx)
		return n == 1
	})
}
