package cli

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"newsdesk/internal/demo"
	"newsdesk/internal/store"
	"newsdesk/internal/store/storetest"
)

// The kill -9 fault test: a real newsdesk process ingests from the synthetic publisher
// and is killed with SIGKILL at random moments, 20 times, each time restarted on the same
// database. Then it is left to finish, and every article the publisher put out must be
// stored exactly once, with a story, and every feed item done.
//
// A killed process leaves its jobs "running" and its leadership of the job queue held
// until the lease runs out (15 s in River); NEWSDESK_JOB_RESCUE_AFTER=3s lets the next
// leader retry those jobs without the 5-minute production wait.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary for about a minute")
	}
	bin := buildNewsdesk(t)
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			var dsn string
			if dialect == "sqlite" {
				dsn = filepath.Join(t.TempDir(), "newsdesk.db")
			} else {
				dsn = storetest.PostgresDSN(t)
			}
			killDuringIngest(t, bin, dsn)
		})
	}
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

func killDuringIngest(t *testing.T, bin, dsn string) {
	const (
		publishers = 3
		backlog    = 40 // per publisher; also each feed's length
		live       = 60 // published during the kills, 20 a publisher, so no feed drops an unseen item
		kills      = 20
	)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewPCG(uint64(seed), 1))
	t.Logf("seed %d", seed)

	gen := demo.NewGenerator(publishers, backlog, 7)
	bases, err := gen.Start(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	var allow []string
	for _, b := range bases {
		u, _ := url.Parse(b)
		allow = append(allow, u.Host)
	}
	st, err := store.Open(ctx, dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for i, feedURL := range gen.FeedURLs(bases...) {
		pub, err := st.EnsurePublisher(ctx, store.Publisher{Name: fmt.Sprintf("Generated %d", i+1), HomeURL: strings.TrimSuffix(feedURL, path.Base(feedURL))})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.CreateFeed(ctx, store.Feed{PublisherID: pub.ID, URL: feedURL}); err != nil {
			t.Fatal(err)
		}
	}
	db := openRaw(t, dsn)

	logs := filepath.Join(t.TempDir(), "serve.log")
	logFile, err := os.Create(logs)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	start := func() *exec.Cmd {
		cmd := exec.Command(bin, "serve")
		cmd.Env = append(os.Environ(),
			"NEWSDESK_DATABASE_URL="+dsn,
			"NEWSDESK_LISTEN=127.0.0.1:0",
			"NEWSDESK_FETCH_ALLOW="+strings.Join(allow, ","),
			"NEWSDESK_POLL_INTERVAL=200ms",
			"NEWSDESK_MIN_REFRESH=1s",
			"NEWSDESK_MAX_REFRESH=2s",
			"NEWSDESK_FETCH_HOST_INTERVAL=0s",
			"NEWSDESK_SHUTDOWN_GRACE=1s",
			"NEWSDESK_JOB_RESCUE_AFTER=3s",
			"NEWSDESK_LOG_LEVEL=warn",
		)
		cmd.Stdout, cmd.Stderr = logFile, logFile
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	kill := func(cmd *exec.Cmd) {
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait() // "signal: killed"
	}
	failWithLogs := func(format string, args ...any) {
		t.Helper()
		b, _ := os.ReadFile(logs)
		if len(b) > 4000 {
			b = b[len(b)-4000:]
		}
		t.Fatalf(format+"\nlast of the server log:\n%s", append(args, b)...)
	}

	// The first process reads every feed before the kills and the live articles begin:
	// the feeds are 40 items long, and the backlog must be seen before live articles
	// push it out of them.
	cmd := start()
	began := time.Now()
	if err := waitFor(ctx, 30*time.Second, func() (bool, error) {
		n, err := count(ctx, db, `SELECT COUNT(*) FROM feed_items`)
		return n >= publishers*backlog, err
	}); err != nil {
		kill(cmd)
		failWithLogs("first poll: %v", err)
	}
	gen.Publish(6, live)
	for i := range kills {
		time.Sleep(time.Duration(100+rng.IntN(900)) * time.Millisecond) // the random moment is the point here
		kill(cmd)
		cmd = start()
		if i == kills/2 {
			n, _ := count(ctx, db, `SELECT COUNT(*) FROM articles`)
			t.Logf("after %d kills: %d articles stored", i+1, n)
		}
	}
	killed := time.Now()
	t.Logf("%d kills in %s", kills, killed.Sub(began).Round(time.Millisecond))

	// Left alone, the last process finishes: every article the publisher put out.
	want := publishers*backlog + live
	err = waitFor(ctx, 100*time.Second, func() (bool, error) {
		n, err := count(ctx, db, `SELECT COUNT(*) FROM articles`)
		if err != nil || n < want {
			return false, err
		}
		left, err := count(ctx, db, `SELECT COUNT(*) FROM feed_items WHERE state <> 'done'`)
		return left == 0, err
	})
	// Stop it the way an operator would, so that its database connections close.
	_ = cmd.Process.Signal(syscall.SIGTERM)
	_ = cmd.Wait()
	if err != nil {
		n, _ := count(ctx, db, `SELECT COUNT(*) FROM articles`)
		failWithLogs("after the kills: %v (%d of %d articles)", err, n, want)
	}
	t.Logf("all %d articles stored %s after the last kill", want, time.Since(killed).Round(time.Millisecond))
	if n, err := count(ctx, db, `SELECT COUNT(*) FROM river_job WHERE attempt > 1`); err == nil {
		t.Logf("%d jobs ran more than once (left running by a killed process, or failed and retried)", n)
	}

	// Exactly once: no article of the publisher stored under two URLs, none missing,
	// none invented; each with a story.
	rows, err := db.QueryContext(ctx, `SELECT url, story_id FROM articles`)
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
		if _, published := gen.PublishedAt(u); !ok || !published {
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
	if len(seen) != want {
		t.Errorf("%d distinct articles stored, want %d", len(seen), want)
	}
	for k := range want {
		if _, ok := seen[k]; !ok {
			t.Errorf("article %d missing", k)
		}
	}
	// Items: every one linked to a stored article.
	if n, err := count(ctx, db, `SELECT COUNT(*) FROM feed_items WHERE article_id IS NULL OR article_id NOT IN (SELECT id FROM articles)`); err != nil || n != 0 {
		t.Errorf("%d feed items without their article (%v)", n, err)
	}
	// Stories stay consistent: a merged story redirects to one that has articles.
	reds, err := db.QueryContext(ctx, `SELECT from_id FROM story_redirects`)
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
		to, err := st.ResolveStory(ctx, id)
		if err != nil {
			t.Errorf("story %d: %v", id, err)
			continue
		}
		if arts, err := st.StoryArticles(ctx, to, 1); err != nil || len(arts) == 0 {
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
