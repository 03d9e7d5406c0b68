package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"newsdesk/internal/store/storetest"
)

func TestDollarRebind(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT * FROM t WHERE a = ?", "SELECT * FROM t WHERE a = $1"},
		{"INSERT INTO t (a, b, c) VALUES (?, ?, ?)", "INSERT INTO t (a, b, c) VALUES ($1, $2, $3)"},
		{"? ? ? ? ? ? ? ? ? ? ?", "$1 $2 $3 $4 $5 $6 $7 $8 $9 $10 $11"},
	}
	for _, tt := range tests {
		if got := dollarRebind(tt.in); got != tt.want {
			t.Errorf("dollarRebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPostgresErrorClasses(t *testing.T) {
	t.Parallel()
	d := postgresDialect()
	tests := []struct {
		err          error
		busy, unique bool
	}{
		{&pgconn.PgError{Code: "23505"}, false, true},
		{&pgconn.PgError{Code: "40001"}, true, false},
		{&pgconn.PgError{Code: "40P01"}, true, false},
		{&pgconn.PgError{Code: "57P03"}, true, false},
		{&pgconn.PgError{Code: "42P01"}, false, false}, // undefined table: a bug, not a retry
		{fmt.Errorf("store: x: %w", &pgconn.PgError{Code: "40001"}), true, false},
		{errors.New("something else"), false, false},
		{sql.ErrNoRows, false, false},
	}
	for _, tt := range tests {
		if got := d.isBusy(tt.err); got != tt.busy {
			t.Errorf("isBusy(%v) = %v, want %v", tt.err, got, tt.busy)
		}
		if got := d.isUnique(tt.err); got != tt.unique {
			t.Errorf("isUnique(%v) = %v, want %v", tt.err, got, tt.unique)
		}
	}
}

// A server that refuses the connection is worth retrying: nothing reached it.
func TestPostgresRefusedConnectionIsBusy(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = Open(ctx, "postgres://newsdesk@"+addr+"/newsdesk?sslmode=disable&connect_timeout=5", nil)
	if err == nil {
		t.Fatal("opened a database on a closed port")
	}
	if !postgresDialect().isBusy(err) {
		t.Errorf("refused connection not retryable: %v", err)
	}
}

func TestDialectAccessors(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		switch s.Dialect() {
		case "sqlite":
			if s.SQLitePath() == "" || s.PostgresDSN() != "" {
				t.Errorf("sqlite store: path %q, dsn %q", s.SQLitePath(), s.PostgresDSN())
			}
		case "postgres":
			if s.SQLitePath() != "" || !strings.HasPrefix(s.PostgresDSN(), "postgres") {
				t.Errorf("postgres store: path %q, dsn %q", s.SQLitePath(), s.PostgresDSN())
			}
		}
		if err := s.Ping(context.Background()); err != nil {
			t.Error(err)
		}
	})
}

func TestSetFeedDisabled(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		p := mustPublisher(t, s)
		f, err := s.CreateFeed(ctx, Feed{PublisherID: p.ID, URL: "https://daily.example/rss", NextCheck: time.Now().Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		for _, disabled := range []bool{true, false} {
			if err := s.SetFeedDisabled(ctx, f.ID, disabled); err != nil {
				t.Fatal(err)
			}
			got, err := s.Feed(ctx, f.ID)
			if err != nil || got.Disabled != disabled {
				t.Fatalf("after SetFeedDisabled(%v): %+v, %v", disabled, got, err)
			}
			due, err := s.DueFeeds(ctx, time.Now(), 10)
			if err != nil || len(due) != map[bool]int{true: 0, false: 1}[disabled] {
				t.Fatalf("disabled %v: due %v, %v", disabled, due, err)
			}
		}
		if err := s.SetFeedDisabled(ctx, 999, true); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing feed: %v, want ErrNotFound", err)
		}
	})
}

// A transaction the server aborts for a concurrent update (a real SQLSTATE 40001) is run
// again by Store.tx and then succeeds.
func TestPostgresSerializationFailureIsRetried(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		if s.Dialect() != "postgres" {
			t.Skip("PostgreSQL only")
		}
		ctx := context.Background()
		if err := s.SaveSiteTemplate(ctx, "daily.example", []byte{0}, 0); err != nil {
			t.Fatal(err)
		}
		attempts := 0
		err := s.tx(ctx, func(tx *sql.Tx) error {
			attempts++
			if attempts > 1 {
				_, err := tx.ExecContext(ctx, `UPDATE site_templates SET pages = pages + 1 WHERE site = 'daily.example'`)
				return err
			}
			// First attempt: a repeatable-read transaction reads the row, another
			// transaction changes it, and the first one's update then fails with 40001.
			rr, err := s.w.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead})
			if err != nil {
				return err
			}
			defer rr.Rollback()
			var pages int
			if err := rr.QueryRowContext(ctx, `SELECT pages FROM site_templates WHERE site = 'daily.example'`).Scan(&pages); err != nil {
				return err
			}
			if _, err := s.w.ExecContext(ctx, `UPDATE site_templates SET pages = 10 WHERE site = 'daily.example'`); err != nil {
				return err
			}
			_, err = rr.ExecContext(ctx, `UPDATE site_templates SET pages = pages + 1 WHERE site = 'daily.example'`)
			return err
		})
		if err != nil {
			t.Fatalf("tx: %v after %d attempts", err, attempts)
		}
		if attempts != 2 {
			t.Errorf("ran %d times, want 2 (one serialization failure, one success)", attempts)
		}
		tpl, err := s.SiteTemplate(ctx, "daily.example")
		if err != nil || tpl.Pages != 11 {
			t.Errorf("pages %d, %v; want 11", tpl.Pages, err)
		}
	})
}

// Both dialects share migration version numbers: every migration has a twin of the same
// name in the other dialect's directory.
func TestMigrationsMatchAcrossDialects(t *testing.T) {
	t.Parallel()
	names := func(d *dialect) []string {
		ms, err := (&Store{d: d}).loadMigrations()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ms {
			out = append(out, m.name)
		}
		return out
	}
	lite, pg := names(sqliteDialect()), names(postgresDialect())
	if len(lite) == 0 || strings.Join(lite, " ") != strings.Join(pg, " ") {
		t.Errorf("migrations differ:\nsqlite:   %v\npostgres: %v", lite, pg)
	}
}

// After migrating, both dialects have the same tables with the same columns, so the
// store's shared SQL finds what it names on either.
func TestSchemasMatchAcrossDialects(t *testing.T) {
	schemas := map[string]map[string]string{}
	var mu sync.Mutex
	t.Run("collect", func(t *testing.T) {
		eachStore(t, func(t *testing.T, s *Store) {
			// Full-text search is each dialect's own: SQLite's FTS5 virtual table and its
			// shadow tables, PostgreSQL's tsvector and regconfig columns are left out.
			query := `SELECT l.name, p.name FROM pragma_table_list l, pragma_table_info(l.name) p
				WHERE l.schema = 'main' AND l.type = 'table' AND l.name NOT LIKE 'sqlite_%' ORDER BY l.name, p.cid`
			if s.Dialect() == "postgres" {
				query = `SELECT table_name, column_name FROM information_schema.columns
					WHERE table_schema = current_schema() AND data_type NOT IN ('tsvector', 'regconfig')
					ORDER BY table_name, ordinal_position`
			}
			rows, err := s.r.QueryContext(context.Background(), query)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			cols := map[string]string{}
			for rows.Next() {
				var table, col string
				if err := rows.Scan(&table, &col); err != nil {
					t.Fatal(err)
				}
				cols[table] += col + " "
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			schemas[s.Dialect()] = cols
			mu.Unlock()
		})
	})
	lite, pg := schemas["sqlite"], schemas["postgres"]
	if pg == nil {
		t.Skip("PostgreSQL not available")
	}
	if len(lite) < 2 {
		t.Fatalf("sqlite tables: %v", lite)
	}
	for table, cols := range lite {
		if pg[table] != cols {
			t.Errorf("table %s:\nsqlite:   %s\npostgres: %s", table, cols, pg[table])
		}
	}
	for table := range pg {
		if _, ok := lite[table]; !ok {
			t.Errorf("table %s only on postgres", table)
		}
	}
}

func TestLocationHidesPassword(t *testing.T) {
	t.Parallel()
	tests := []struct{ path, dsn, want string }{
		{"/var/lib/newsdesk/newsdesk.db", "", "/var/lib/newsdesk/newsdesk.db"},
		{"", "postgres://newsdesk:s3cret@db.example:5432/news?sslmode=require", "postgres://newsdesk:xxxxx@db.example:5432/news?sslmode=require"},
		{"", "postgresql://db.example/news", "postgresql://db.example/news"},
	}
	for _, tt := range tests {
		s := &Store{path: tt.path, dsn: tt.dsn}
		if got := s.Location(); got != tt.want || strings.Contains(got, "s3cret") {
			t.Errorf("Location() = %q, want %q", got, tt.want)
		}
	}
}

// Concurrent writers that count the same terms, each listing them in its own order, all
// succeed: on PostgreSQL unordered upserts of shared rows deadlock, and five retries are
// not enough when every writer is at it.
func TestConcurrentArticlesShareTerms(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		p := mustPublisher(t, s)
		const writers, perWriter, nTerms = 8, 5, 30
		terms := make([]string, nTerms)
		for i := range terms {
			terms[i] = fmt.Sprintf("term%02d", i)
		}
		var wg sync.WaitGroup
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Each writer starts its list at a different term.
				mine := append(slices.Clone(terms[w*3:]), terms[:w*3]...)
				for i := range perWriter {
					a := Article{PublisherID: p.ID, URL: fmt.Sprintf("https://daily.example/%d/%d", w, i), Title: "T",
						Published: time.Now(), Fetched: time.Now(), Terms: mine}
					if _, _, err := s.AddArticle(ctx, a, 0, nil); err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		for _, term := range []string{terms[0], terms[nTerms-1]} {
			if n, err := s.DocFreq(ctx, term); err != nil || n != writers*perWriter {
				t.Errorf("doc freq of %s: %d, %v; want %d", term, n, err, writers*perWriter)
			}
		}
	})
}

// When AddArticle's transaction is retried on PostgreSQL, group sees the same id each time
// and the article is stored under it: the story engine never learns of an id that does not
// exist. The retry is forced with a real lock timeout (55P03) on a row group's decision
// must update.
func TestPostgresRetriedArticleKeepsItsID(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, err := Open(ctx, storetest.PostgresDSN(t)+"&lock_timeout=200ms", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	p := mustPublisher(t, s)
	const merged = 777
	if _, err := s.w.ExecContext(ctx, `INSERT INTO story_redirects (from_id, to_id) VALUES ($1, $1)`, merged); err != nil {
		t.Fatal(err)
	}
	// Another transaction holds the redirect row, so the first attempt's merge times out.
	holder, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback()
	if _, err := holder.ExecContext(ctx, `SELECT 1 FROM story_redirects WHERE from_id = $1 FOR UPDATE`, merged); err != nil {
		t.Fatal(err)
	}
	var seen []int64
	group := func(id int64) StoryUpdate {
		seen = append(seen, id)
		if len(seen) == 2 {
			holder.Rollback() // let the retry through
		}
		return StoryUpdate{Story: id, Merged: []int64{merged}}
	}
	id, created, err := s.AddArticle(ctx, Article{PublisherID: p.ID, URL: "https://daily.example/a", Title: "A",
		Published: time.Now(), Fetched: time.Now()}, 0, group)
	if err != nil || !created {
		t.Fatalf("add: %v, created %v", err, created)
	}
	if len(seen) != 2 || seen[0] != id || seen[1] != id {
		t.Errorf("group saw ids %v, article stored as %d; want two calls with %d", seen, id, id)
	}
	if to, err := s.ResolveStory(ctx, merged); err != nil || to != id {
		t.Errorf("story %d resolves to %d, %v; want %d", merged, to, err, id)
	}
}
