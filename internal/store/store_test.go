package store

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"newsdesk/internal/store/storetest"
)

// eachStore runs a test against every dialect: SQLite always, PostgreSQL when
// NEWSDESK_TEST_POSTGRES_URL is set (each run in a schema of its own, dropped afterwards).
func eachStore(t *testing.T, fn func(t *testing.T, s *Store)) {
	dialects := []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "test.db") }},
		{"postgres", func(t *testing.T) string { return storetest.PostgresDSN(t) }},
	}
	for _, d := range dialects {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			s, err := Open(ctx, d.dsn(t), nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			if _, err := s.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			if s.Dialect() != d.name {
				t.Fatalf("opened a %s store, want %s", s.Dialect(), d.name)
			}
			fn(t, s)
		})
	}
}

func mustPublisher(t *testing.T, s *Store) Publisher {
	t.Helper()
	p, err := s.EnsurePublisher(context.Background(), Publisher{Name: "The Daily", HomeURL: "https://daily.example/"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMigrateIsIdempotent(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		v1, err := s.SchemaVersion(ctx)
		if err != nil || v1 < 1 {
			t.Fatalf("version %d, %v", v1, err)
		}
		v2, err := s.Migrate(ctx)
		if err != nil || v2 != v1 {
			t.Fatalf("second migrate: version %d, %v; want %d", v2, err, v1)
		}
	})
}

func TestPublishers(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		p := mustPublisher(t, s)
		again, err := s.EnsurePublisher(ctx, Publisher{Name: "Other name", HomeURL: p.HomeURL, Country: "ie"})
		if err != nil {
			t.Fatal(err)
		}
		if again.ID != p.ID || again.Name != "The Daily" || again.Country != "ie" {
			t.Fatalf("ensure kept %+v, want same id and name, country filled", again)
		}
		if _, err := s.Publisher(ctx, 999); !errors.Is(err, ErrNotFound) {
			t.Fatalf("missing publisher: %v", err)
		}
		all, err := s.Publishers(ctx)
		if err != nil || len(all) != 1 {
			t.Fatalf("publishers %v, %v", all, err)
		}
	})
}

func TestFeedLifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		p := mustPublisher(t, s)
		f, err := s.CreateFeed(ctx, Feed{PublisherID: p.ID, URL: "https://daily.example/rss"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateFeed(ctx, Feed{PublisherID: p.ID, URL: f.URL}); !errors.Is(err, ErrConflict) {
			t.Fatalf("duplicate feed: %v, want ErrConflict", err)
		}
		now := time.Now()
		due, err := s.DueFeeds(ctx, now, 10)
		if err != nil || len(due) != 1 {
			t.Fatalf("due %v, %v", due, err)
		}
		if err := s.FeedFailure(ctx, f.ID, "the server answered 500", now, now.Add(time.Minute), false); err != nil {
			t.Fatal(err)
		}
		if due, _ := s.DueFeeds(ctx, now, 10); len(due) != 0 {
			t.Fatalf("failed feed still due: %v", due)
		}
		got, _ := s.Feed(ctx, f.ID)
		if got.ConsecutiveErrors != 1 || got.LastError != "the server answered 500" {
			t.Fatalf("after failure %+v", got)
		}
		if err := s.FeedSuccess(ctx, f.ID, `"v1"`, "", "Daily news", now, 10*time.Minute); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Feed(ctx, f.ID)
		if got.ConsecutiveErrors != 0 || got.LastError != "" || got.ETag != `"v1"` || got.Title != "Daily news" || got.Interval != 10*time.Minute {
			t.Fatalf("after success %+v", got)
		}
		if err := s.FeedFailure(ctx, f.ID, "gone", now, now, true); err != nil {
			t.Fatal(err)
		}
		if due, _ := s.DueFeeds(ctx, now.Add(time.Hour), 10); len(due) != 0 {
			t.Fatalf("disabled feed still due: %v", due)
		}
		st, err := s.FeedStatuses(ctx)
		if err != nil || len(st) != 1 || st[0].PublisherName != "The Daily" || !st[0].Disabled {
			t.Fatalf("statuses %+v, %v", st, err)
		}
	})
}

func TestArticlesAreStoredOnce(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		p := mustPublisher(t, s)
		f, _ := s.CreateFeed(ctx, Feed{PublisherID: p.ID, URL: "https://daily.example/rss"})
		pending, err := s.AddFeedItems(ctx, f.ID, []FeedItem{
			{GUID: "a", URL: "https://daily.example/a", Title: "A"},
			{GUID: "b", URL: "https://daily.example/b", Title: "B"},
		})
		if err != nil || len(pending) != 2 {
			t.Fatalf("pending %v, %v", pending, err)
		}
		// Concurrent retries of the same job store one article.
		var wg sync.WaitGroup
		ids := make([]int64, 8)
		created := make([]bool, 8)
		for i := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var err error
				ids[i], created[i], err = s.AddArticle(ctx, Article{PublisherID: p.ID, FeedID: f.ID, URL: "https://daily.example/a",
					Title: "A", Published: time.Now(), Fetched: time.Now(), Text: "body"}, pending[0].ID, nil)
				if err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		n := 0
		for i := range ids {
			if ids[i] != ids[0] {
				t.Fatalf("ids differ: %v", ids)
			}
			if created[i] {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("created %d times, want once", n)
		}
		pending, _ = s.AddFeedItems(ctx, f.ID, []FeedItem{{GUID: "a", URL: "https://daily.example/a"}})
		if len(pending) != 1 || pending[0].GUID != "b" {
			t.Fatalf("pending after store %+v", pending)
		}
		if err := s.FailItem(ctx, pending[0].ID, "robots.txt disallows it"); err != nil {
			t.Fatal(err)
		}
		if pending, _ = s.AddFeedItems(ctx, f.ID, nil); len(pending) != 0 {
			t.Fatalf("pending after failure %+v", pending)
		}
		a, err := s.Article(ctx, ids[0])
		if err != nil || a.Text != "body" || a.PublisherName != "The Daily" {
			t.Fatalf("article %+v, %v", a, err)
		}
		latest, err := s.LatestArticles(ctx, 10)
		if err != nil || len(latest) != 1 || latest[0].Text != "" {
			t.Fatalf("latest %+v, %v", latest, err)
		}
		if _, err := s.Article(ctx, 12345); !errors.Is(err, ErrNotFound) {
			t.Fatalf("missing article: %v", err)
		}
	})
}

func TestSiteTemplates(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		if _, err := s.SiteTemplate(ctx, "daily.example"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("missing template: %v", err)
		}
		for pages := 1; pages <= 2; pages++ {
			if err := s.SaveSiteTemplate(ctx, "daily.example", []byte{byte(pages)}, pages); err != nil {
				t.Fatal(err)
			}
		}
		tpl, err := s.SiteTemplate(ctx, "daily.example")
		if err != nil || tpl.Pages != 2 || tpl.State[0] != 2 {
			t.Fatalf("template %+v, %v", tpl, err)
		}
	})
}
