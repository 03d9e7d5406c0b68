package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

// The lookups the other tests do not reach, run on every dialect so that each statement
// is known to parse and scan on both.
func TestLookupsOnEveryDialect(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		p := mustPublisher(t, s)
		f, err := s.CreateFeed(ctx, Feed{PublisherID: p.ID, URL: "https://daily.example/rss", Interval: 15 * time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := s.FeedByURL(ctx, f.URL); err != nil || got.ID != f.ID || got.Interval != 15*time.Minute {
			t.Errorf("feed by URL: %+v, %v", got, err)
		}
		if _, err := s.FeedByURL(ctx, "https://nowhere.example/"); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing feed by URL: %v", err)
		}
		pending, err := s.AddFeedItems(ctx, f.ID, []FeedItem{
			{GUID: "a", URL: "https://daily.example/a", Title: "A", Published: time.UnixMilli(1_700_000_000_000)},
			{GUID: "b", URL: "https://daily.example/a?utm_source=rss", Title: "A again"},
		})
		if err != nil || len(pending) != 2 {
			t.Fatalf("pending %v, %v", pending, err)
		}
		it, err := s.FeedItem(ctx, pending[0].ID)
		if err != nil || it.Title != "A" || it.State != ItemPending || !it.Published.Equal(time.UnixMilli(1_700_000_000_000)) {
			t.Errorf("item %+v, %v", it, err)
		}
		if _, err := s.FeedItem(ctx, 9999); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing item: %v", err)
		}
		id, _, err := s.AddArticle(ctx, Article{PublisherID: p.ID, FeedID: f.ID, URL: "https://daily.example/a", Title: "A",
			Published: time.Now(), Fetched: time.Now(), Text: "body", WordCount: 1}, pending[0].ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		// The second item names the same article under another URL: linked, not stored again.
		if got, err := s.ArticleIDByURL(ctx, "https://daily.example/a"); err != nil || got != id {
			t.Errorf("article by URL: %d, %v; want %d", got, err, id)
		}
		if _, err := s.ArticleIDByURL(ctx, "https://daily.example/none"); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing article by URL: %v", err)
		}
		if err := s.LinkItem(ctx, pending[1].ID, id); err != nil {
			t.Fatal(err)
		}
		if it, _ := s.FeedItem(ctx, pending[1].ID); it.State != ItemDone || it.ArticleID != id {
			t.Errorf("linked item %+v", it)
		}
		if n, err := s.CountArticles(ctx); err != nil || n != 1 {
			t.Errorf("count %d, %v", n, err)
		}
		list, err := s.PublisherArticles(ctx, p.ID, 10)
		if err != nil || len(list) != 1 || list[0].ID != id || list[0].FeedID != f.ID || list[0].PublisherName != p.Name {
			t.Errorf("publisher articles %+v, %v", list, err)
		}
		if err := s.SaveSiteTemplate(ctx, "daily.example", []byte{0, 1, 0xff}, 3); err != nil {
			t.Fatal(err)
		}
		tpls, err := s.SiteTemplates(ctx)
		if err != nil || len(tpls) != 1 || string(tpls[0].State) != "\x00\x01\xff" || tpls[0].Pages != 3 || tpls[0].Updated.IsZero() {
			t.Errorf("site templates %+v, %v", tpls, err)
		}
	})
}
