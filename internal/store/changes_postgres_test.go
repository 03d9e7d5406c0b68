package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"testing"
	"time"

	"newsdesk/internal/store"
	"newsdesk/internal/store/storetest"
)

// waitUntil polls cond until it holds, failing the test after a generous deadline.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Two processes on one schema: a write through one counts as a change in the other, also
// after the listening connection was cut, and a change in another schema does not.
func TestChangesCrossProcessesPostgres(t *testing.T) {
	t.Parallel()
	dsn := storetest.PostgresDSN(t)
	ctx := context.Background()
	open := func(dsn string) *store.Store {
		s, err := store.Open(ctx, dsn, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if _, err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		return s
	}
	a, b := open(dsn), open(dsn)

	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	u, _ := url.Parse(dsn)
	name := store.ListenerName(u.Query().Get("search_path"))
	listeners := func() []int {
		rows, err := admin.QueryContext(ctx, `SELECT pid FROM pg_stat_activity WHERE application_name = $1 ORDER BY pid`, name)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var pids []int
		for rows.Next() {
			var pid int
			if err := rows.Scan(&pid); err != nil {
				t.Fatal(err)
			}
			pids = append(pids, pid)
		}
		return pids
	}
	waitUntil(t, "both stores listen", func() bool { return len(listeners()) == 2 })
	// Each store counts one change once it listens (for what it may have missed before).
	waitUntil(t, "both stores count their first connection", func() bool { return a.Changes() >= 1 && b.Changes() >= 1 })

	// A change in another schema on the same server is not b's business. Nothing has
	// been written yet, and notifications arrive in the order they were sent, so once b
	// has heard the second one it would have counted the first.
	before := b.Changes()
	for _, payload := range []string{"another_schema", u.Query().Get("search_path")} {
		if _, err := admin.ExecContext(ctx, `SELECT pg_notify($1, $2)`, store.ChangesChannel, payload); err != nil {
			t.Fatal(err)
		}
	}
	waitUntil(t, "b hears the change in its schema", func() bool { return b.Changes() > before })
	if got := b.Changes(); got != before+1 {
		t.Errorf("b counted %d changes for one in its schema and one in another, want 1", got-before)
	}

	n := 0
	write := func(s *store.Store) {
		t.Helper()
		n++
		if _, err := s.EnsurePublisher(ctx, store.Publisher{Name: "P", HomeURL: fmt.Sprintf("https://p%d.example/", n)}); err != nil {
			t.Fatal(err)
		}
	}
	before = b.Changes()
	write(a)
	waitUntil(t, "b sees a's write", func() bool { return b.Changes() > before })

	// The listening connections are cut (as by a PostgreSQL restart); they come back by
	// themselves and changes flow again.
	old := listeners()
	if _, err := admin.ExecContext(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, name); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "both stores listen again", func() bool {
		now := listeners()
		if len(now) != 2 {
			return false
		}
		for _, p := range now {
			for _, o := range old {
				if p == o {
					return false
				}
			}
		}
		return true
	})
	before = a.Changes()
	write(b)
	waitUntil(t, "a sees b's write after reconnecting", func() bool { return a.Changes() > before })
}
