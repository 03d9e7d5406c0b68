package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// busyLog counts the store's "database busy, retrying" warnings.
type busyLog struct {
	mu      sync.Mutex
	retries int
}

func (h *busyLog) Enabled(context.Context, slog.Level) bool { return true }
func (h *busyLog) Handle(_ context.Context, r slog.Record) error {
	if r.Message == "database busy, retrying" {
		h.mu.Lock()
		h.retries++
		h.mu.Unlock()
	}
	return nil
}
func (h *busyLog) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *busyLog) WithGroup(string) slog.Handler      { return h }
func (h *busyLog) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.retries
}

// faultStore opens a SQLite store with a feed and one pending item, and returns the item.
func faultStore(t *testing.T, log slog.Handler) (*Store, string, FeedItem) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "faults.db")
	s, err := Open(ctx, path, slog.New(log))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	p := mustPublisher(t, s)
	f, err := s.CreateFeed(ctx, Feed{PublisherID: p.ID, URL: "https://daily.example/rss"})
	if err != nil {
		t.Fatal(err)
	}
	pending, err := s.AddFeedItems(ctx, f.ID, []FeedItem{{GUID: "a", URL: "https://daily.example/a", Title: "A"}})
	if err != nil || len(pending) != 1 {
		t.Fatalf("items %v, %v", pending, err)
	}
	return s, path, pending[0]
}

// faultArticle is an article whose write is long: the article row comes first, then many
// tags and terms, so a failure part-way leaves something to roll back.
func faultArticle(s *Store, it FeedItem, terms int) Article {
	a := Article{PublisherID: 1, FeedID: it.FeedID, URL: it.URL, Title: "A", Published: time.Now(), Fetched: time.Now(),
		Text: "body", Tags: []Tag{{Name: "Port Aldridge", Kind: "place"}}}
	for i := range terms {
		a.Terms = append(a.Terms, fmt.Sprintf("term-%06d-%s", i, strings.Repeat("x", 100)))
	}
	return a
}

// assertNothingWritten checks that a failed AddArticle left no trace.
func assertNothingWritten(t *testing.T, s *Store, it FeedItem) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.ArticleIDByURL(ctx, it.URL); !errors.Is(err, ErrNotFound) {
		t.Errorf("article after a failed write: %v", err)
	}
	for _, table := range []string{"articles", "article_tags", "term_df", "story_redirects"} {
		var n int
		if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d rows after a failed write (%v)", table, n, err)
		}
	}
	if got, err := s.FeedItem(ctx, it.ID); err != nil || got.State != ItemPending || got.ArticleID != 0 {
		t.Errorf("item after a failed write: %+v, %v", got, err)
	}
	var check string
	if err := s.r.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity check: %q, %v", check, err)
	}
}

// lockDatabase takes SQLite's write lock from a connection of its own, as another
// process would, and returns the function that lets it go.
func lockDatabase(t *testing.T, path string) func() {
	t.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite", SQLiteDSN(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `BEGIN EXCLUSIVE`); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release := func() {
		once.Do(func() {
			_, _ = conn.ExecContext(ctx, `ROLLBACK`)
			conn.Close()
			db.Close()
		})
	}
	t.Cleanup(release)
	return release
}

// shortBusyTimeout makes the store's one write connection wait 50 ms for a lock instead
// of 10 s, so that the retries run in test time. It is one connection kept open, so the
// setting stays.
func shortBusyTimeout(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.w.ExecContext(context.Background(), `PRAGMA busy_timeout = 50`); err != nil {
		t.Fatal(err)
	}
}

func TestSQLiteLockedWritesRetryThenFail(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	t.Run("held for good", func(t *testing.T) {
		t.Parallel()
		log := &busyLog{}
		s, path, it := faultStore(t, log)
		shortBusyTimeout(t, s)
		release := lockDatabase(t, path)
		start := time.Now()
		_, _, err := s.AddArticle(ctx, faultArticle(s, it, 50), it.ID, func(int64) StoryUpdate { return StoryUpdate{Story: 1} })
		took := time.Since(start)
		if err == nil {
			t.Fatal("write succeeded under another connection's exclusive lock")
		}
		// Bounded: five attempts, four pauses of 20+40+80+160 ms, each attempt waiting 50 ms.
		if took > 3*time.Second {
			t.Errorf("gave up after %s, want about a second", took)
		}
		if got := log.count(); got != 4 {
			t.Errorf("%d retries logged, want 4", got)
		}
		msg := err.Error()
		if !strings.Contains(msg, "store: add article https://daily.example/a") || !strings.Contains(msg, "database is locked") {
			t.Errorf("error %q does not say what failed and why", msg)
		}
		if !s.d.isBusy(err) {
			t.Errorf("error %v is not recognisable as busy by callers that retry later", err)
		}
		release()
		assertNothingWritten(t, s, it)
		// The lock gone, the same write goes through: the job's retry would succeed.
		if _, created, err := s.AddArticle(ctx, faultArticle(s, it, 50), it.ID, nil); err != nil || !created {
			t.Fatalf("write after the lock: created %v, %v", created, err)
		}
	})

	t.Run("released during the retries", func(t *testing.T) {
		t.Parallel()
		log := &busyLog{}
		s, path, it := faultStore(t, log)
		shortBusyTimeout(t, s)
		release := lockDatabase(t, path)
		// Released once the store has retried at least once, so the retry is what succeeds.
		go func() {
			for log.count() == 0 {
				time.Sleep(5 * time.Millisecond)
			}
			release()
		}()
		id, created, err := s.AddArticle(ctx, faultArticle(s, it, 50), it.ID, func(int64) StoryUpdate { return StoryUpdate{Story: 1} })
		if err != nil || !created {
			t.Fatalf("write: created %v, %v", created, err)
		}
		if log.count() < 1 {
			t.Error("no retry logged")
		}
		if got, err := s.FeedItem(ctx, it.ID); err != nil || got.State != ItemDone || got.ArticleID != id {
			t.Errorf("item %+v, %v", got, err)
		}
		var tags, terms int
		s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM article_tags WHERE article_id = ?`, id).Scan(&tags)
		s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM term_df`).Scan(&terms)
		if tags != 1 || terms != 50 {
			t.Errorf("after the retried write: %d tags, %d terms; want 1 and 50", tags, terms)
		}
	})
}

// A full disk, made by capping the database's size with max_page_count: the write that
// does not fit fails at once with SQLite's own words, is not retried as if busy, and
// leaves nothing behind; with room again the same write succeeds.
func TestSQLiteFullDatabase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	log := &busyLog{}
	s, _, it := faultStore(t, log)
	var pages int64
	if err := s.w.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	// max_page_count belongs to the connection; the store writes on exactly one.
	if _, err := s.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+4)); err != nil {
		t.Fatal(err)
	}
	// 2000 terms of ~110 bytes need far more than four more pages: the article row fits,
	// the terms do not.
	start := time.Now()
	_, _, err := s.AddArticle(ctx, faultArticle(s, it, 2000), it.ID, func(int64) StoryUpdate { return StoryUpdate{Story: 1} })
	if err == nil {
		t.Fatal("a write larger than the room left succeeded")
	}
	if !strings.Contains(err.Error(), "database or disk is full") || !strings.Contains(err.Error(), "store: add article") {
		t.Errorf("error %q does not say the disk is full", err)
	}
	if log.count() != 0 || time.Since(start) > 2*time.Second {
		t.Errorf("a full disk was retried (%d retries, %s)", log.count(), time.Since(start))
	}
	assertNothingWritten(t, s, it)
	// Writes that fit in what is left still go through, and reads go on.
	if err := s.SetFeedDisabled(ctx, it.FeedID, true); err != nil {
		t.Errorf("small write on a nearly full database: %v", err)
	}
	if f, err := s.Feed(ctx, it.FeedID); err != nil || !f.Disabled {
		t.Errorf("feed after a small write: %+v, %v", f, err)
	}
	if _, err := s.SiteTemplates(ctx); err != nil {
		t.Errorf("read on a full database: %v", err)
	}
	if _, err := s.w.ExecContext(ctx, `PRAGMA max_page_count = 1073741823`); err != nil {
		t.Fatal(err)
	}
	if _, created, err := s.AddArticle(ctx, faultArticle(s, it, 2000), it.ID, nil); err != nil || !created {
		t.Fatalf("write with room again: created %v, %v", created, err)
	}
}
