package cli

import (
	"context"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

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
		t.Skip("builds and runs the binary for about 40 s")
	}
	t.Parallel()
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

func killDuringIngest(t *testing.T, bin, dsn string) {
	const kills = 20
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewPCG(uint64(seed), 1))
	t.Logf("seed %d", seed)
	r := newIngestRig(ctx, t, bin, dsn)
	kill := func(cmd *exec.Cmd) {
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait() // "signal: killed"
	}

	// The first process reads every feed before the kills and the live articles begin.
	cmd := r.serve(dsn)
	began := time.Now()
	if err := r.awaitBacklogSeen(ctx); err != nil {
		kill(cmd)
		r.fatal("first poll: %v", err)
	}
	for i := range kills {
		time.Sleep(time.Duration(100+rng.IntN(900)) * time.Millisecond) // the random moment is the point here
		kill(cmd)
		cmd = r.serve(dsn)
		if i == kills/2 {
			n, _ := count(ctx, r.db, `SELECT COUNT(*) FROM articles`)
			t.Logf("after %d kills: %d articles stored", i+1, n)
		}
	}
	killed := time.Now()
	t.Logf("%d kills in %s", kills, killed.Sub(began).Round(time.Millisecond))

	// Left alone, the last process finishes.
	err := r.awaitAll(ctx, 100*time.Second)
	// Stop it the way an operator would, so that its database connections close.
	_ = cmd.Process.Signal(syscall.SIGTERM)
	_ = cmd.Wait()
	if err != nil {
		n, _ := count(ctx, r.db, `SELECT COUNT(*) FROM articles`)
		r.fatal("after the kills: %v (%d of %d articles)", err, n, rigArticles)
	}
	t.Logf("all %d articles stored %s after the last kill", rigArticles, time.Since(killed).Round(time.Millisecond))
	r.verify(ctx)
}
