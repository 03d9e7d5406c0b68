package api

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"newsdesk/internal/store"
)

// BenchmarkRoutes measures the API's own cost per request over a SQLite store of 2,000
// articles in 200 stories: go test ./internal/api -run '^$' -bench Routes
func BenchmarkRoutes(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:"+filepath.Join(b.TempDir(), "bench.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	var pubs []store.Publisher
	for i := range 10 {
		p, err := st.EnsurePublisher(ctx, store.Publisher{Name: fmt.Sprintf("Pub %d", i), HomeURL: fmt.Sprintf("https://p%d.example/", i)})
		if err != nil {
			b.Fatal(err)
		}
		pubs = append(pubs, p)
	}
	now := time.Now()
	for i := range 2000 {
		s := int64(i%200 + 1)
		_, _, err := st.AddArticle(ctx, store.Article{
			PublisherID: pubs[i%10].ID, URL: fmt.Sprintf("https://x.example/%d", i), Title: fmt.Sprintf("Story %d article %d", s, i),
			Text: "Some text of the article.", Snippet: "A snippet.", Published: now.Add(-time.Duration(i) * time.Minute), Fetched: now,
			Tags: []store.Tag{{Name: fmt.Sprintf("tag%d", s%20), Kind: "keyword"}},
		}, 0, func(int64) store.StoryUpdate { return store.StoryUpdate{Story: s} })
		if err != nil {
			b.Fatal(err)
		}
	}
	fresh, err := New(Config{Store: st, BaseURL: testBase})
	if err != nil {
		b.Fatal(err)
	}
	cached, err := New(Config{Store: st, BaseURL: testBase, Changes: st.Changes})
	if err != nil {
		b.Fatal(err)
	}
	for _, path := range []string{"/api/v1/articles", "/api/v1/articles/1000", "/api/v1/articles/1000/related",
		"/api/v1/stories/7", "/api/v1/tags/tag3", "/api/v1/top", "/api/v1/search?q=story", "/feed.xml", "/story/7/feed.atom"} {
		for name, h := range map[string]*Handler{"fresh": fresh, "cached": cached} {
			b.Run(name+path, func(b *testing.B) {
				for b.Loop() {
					if w := do(h, http.MethodGet, path); w.Code != http.StatusOK {
						b.Fatalf("%s: %d", path, w.Code)
					}
				}
			})
		}
	}
}
