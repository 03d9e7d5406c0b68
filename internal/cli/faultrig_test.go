package cli

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/demo"
	"newsdesk/internal/store"
)

// The fault tests' rig: the synthetic publisher, a database with its feeds, and the built
// newsdesk binary run as `serve` against them, with fast polling. The publisher has 120
// articles out at the start (40 a feed) and publishes 60 more, 20 a feed, once the first
// poll has read the backlog, so no feed ever drops an item unseen.
const (
	rigPublishers = 3
	rigBacklog    = 40 // per publisher; also each feed's length
	rigLive       = 60
	rigArticles   = rigPublishers*rigBacklog + rigLive
)

type ingestRig struct {
	t     *testing.T
	bin   string
	gen   *demo.Generator
	allow []string
	st    *store.Store
	db    *sql.DB // the test's own connection, for counting
	logs  string
	log   *os.File
}

// buildNewsdesk builds the binary into the test's temporary directory.
func buildNewsdesk(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsdesk")
	start := time.Now()
	out, err := exec.Command("go", "build", "-o", bin, "newsdesk/cmd/newsdesk").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built newsdesk in %s", time.Since(start).Round(time.Millisecond))
	return bin
}

func newIngestRig(ctx context.Context, t *testing.T, bin, dsn string) *ingestRig {
	t.Helper()
	r := &ingestRig{t: t, bin: bin, gen: demo.NewGenerator(rigPublishers, rigBacklog, 7)}
	bases, err := r.gen.Start(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bases {
		u, _ := url.Parse(b)
		r.allow = append(r.allow, u.Host)
	}
	if r.st, err = store.Open(ctx, dsn, nil); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.st.Close() })
	if _, err := r.st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for i, feedURL := range r.gen.FeedURLs(bases...) {
		pub, err := r.st.EnsurePublisher(ctx, store.Publisher{Name: fmt.Sprintf("Generated %d", i+1), HomeURL: strings.TrimSuffix(feedURL, path.Base(feedURL))})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.st.CreateFeed(ctx, store.Feed{PublisherID: pub.ID, URL: feedURL}); err != nil {
			t.Fatal(err)
		}
	}
	r.db = openRaw(t, dsn)
	r.logs = filepath.Join(t.TempDir(), "serve.log")
	if r.log, err = os.Create(r.logs); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.log.Close() })
	return r
}

// serve starts `newsdesk serve` on the database named by dsn.
func (r *ingestRig) serve(dsn string) *exec.Cmd {
	r.t.Helper()
	cmd := exec.Command(r.bin, "serve")
	cmd.Env = append(os.Environ(),
		"NEWSDESK_DATABASE_URL="+dsn,
		"NEWSDESK_LISTEN=127.0.0.1:0",
		"NEWSDESK_FETCH_ALLOW="+strings.Join(r.allow, ","),
		"NEWSDESK_POLL_INTERVAL=200ms",
		"NEWSDESK_MIN_REFRESH=1s",
		"NEWSDESK_MAX_REFRESH=2s",
		"NEWSDESK_FETCH_HOST_INTERVAL=0s",
		"NEWSDESK_SHUTDOWN_GRACE=1s",
		// Jobs left running by a killed process, or whose end could not be recorded, are
		// retried after this instead of the production 5 minutes.
		"NEWSDESK_JOB_RESCUE_AFTER=3s",
		"NEWSDESK_LOG_LEVEL=warn",
	)
	cmd.Stdout, cmd.Stderr = r.log, r.log
	if err := cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	return cmd
}

// fatal fails the test with the end of the server log.
func (r *ingestRig) fatal(format string, args ...any) {
	r.t.Helper()
	b, _ := os.ReadFile(r.logs)
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	r.t.Fatalf(format+"\nlast of the server log:\n%s", append(args, b)...)
}

// complaints counts the warnings and errors in the server log so far.
func (r *ingestRig) complaints() int {
	b, _ := os.ReadFile(r.logs)
	return strings.Count(string(b), "level=WARN") + strings.Count(string(b), "level=ERROR")
}

// awaitBacklogSeen waits until the feeds' 120 backlog items are recorded, then starts the
// live publishing.
func (r *ingestRig) awaitBacklogSeen(ctx context.Context) error {
	err := waitFor(ctx, 30*time.Second, func() (bool, error) {
		n, err := count(ctx, r.db, `SELECT COUNT(*) FROM feed_items`)
		return n >= rigPublishers*rigBacklog, err
	})
	if err == nil {
		r.gen.Publish(6, rigLive)
	}
	return err
}

// awaitAll waits until every article is stored and no feed item is left to do.
func (r *ingestRig) awaitAll(ctx context.Context, limit time.Duration) error {
	return waitFor(ctx, limit, func() (bool, error) {
		n, err := count(ctx, r.db, `SELECT COUNT(*) FROM articles`)
		if err != nil || n < rigArticles {
			return false, err
		}
		left, err := count(ctx, r.db, `SELECT COUNT(*) FROM feed_items WHERE state <> 'done'`)
		return left == 0, err
	})
}

// verify checks the end state: every article the publisher put out stored exactly once,
// none invented, each with a story; every item linked to its article; every merged story
// leading to one with articles.
func (r *ingestRig) verify(ctx context.Context) {
	t := r.t
	t.Helper()
	if n, err := count(ctx, r.db, `SELECT COUNT(*) FROM river_job WHERE attempt > 1`); err == nil {
		t.Logf("%d jobs ran more than once", n)
	}
	rows, err := r.db.QueryContext(ctx, `SELECT url, story_id FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]string{}
	for rows.Next() {
		var u string
		var storyID int64
		if err := rows.Scan(&u, &storyID); err != nil {
			t.Fatal(err)
		}
		k, ok := generatedNumber(u)
		if _, published := r.gen.PublishedAt(u); !ok || !published {
			t.Errorf("stored %s, which the publisher never published", u)
			continue
		}
		if prev, dup := seen[k]; dup {
			t.Errorf("article %d stored twice: %s and %s", k, prev, u)
		}
		seen[k] = u
		if storyID == 0 {
			t.Errorf("%s has no story", u)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	if len(seen) != rigArticles {
		t.Errorf("%d distinct articles stored, want %d", len(seen), rigArticles)
	}
	for k := range rigArticles {
		if _, ok := seen[k]; !ok {
			t.Errorf("article %d missing", k)
		}
	}
	if n, err := count(ctx, r.db, `SELECT COUNT(*) FROM feed_items WHERE article_id IS NULL OR article_id NOT IN (SELECT id FROM articles)`); err != nil || n != 0 {
		t.Errorf("%d feed items without their article (%v)", n, err)
	}
	reds, err := r.db.QueryContext(ctx, `SELECT from_id FROM story_redirects`)
	if err != nil {
		t.Fatal(err)
	}
	var from []int64
	for reds.Next() {
		var id int64
		if err := reds.Scan(&id); err != nil {
			t.Fatal(err)
		}
		from = append(from, id)
	}
	reds.Close()
	for _, id := range from {
		to, err := r.st.ResolveStory(ctx, id)
		if err != nil {
			t.Errorf("story %d: %v", id, err)
			continue
		}
		if arts, err := r.st.StoryArticles(ctx, to, 1); err != nil || len(arts) == 0 {
			t.Errorf("story %d redirects to %d, which has no articles (%v)", id, to, err)
		}
	}
}

// openRaw opens the test's own connection to the database, for counting.
func openRaw(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	driver, source := "sqlite", store.SQLiteDSN(dsn, "_pragma=query_only(1)")
	if strings.HasPrefix(dsn, "postgres") {
		driver, source = "pgx", dsn
	}
	db, err := sql.Open(driver, source)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(ctx context.Context, db *sql.DB, query string) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, query).Scan(&n)
	return n, err
}

// waitFor polls cond until it holds, fails, or limit passes.
func waitFor(ctx context.Context, limit time.Duration, cond func() (bool, error)) error {
	deadline := time.Now().Add(limit)
	for {
		ok, err := cond()
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not done after %s", limit)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// generatedNumber reads k from a generator article URL ".../s{p}/news/{k}-{slug}".
func generatedNumber(u string) (int, bool) {
	_, rest, ok := strings.Cut(u, "/news/")
	if !ok {
		return 0, false
	}
	num, _, _ := strings.Cut(rest, "-")
	k, err := strconv.Atoi(num)
	return k, err == nil
}
