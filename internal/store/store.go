package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Store is newsdesk's database: a single-connection write pool and a read pool over one
// dialect. All methods take a context and are safe for concurrent use.
type Store struct {
	w, r    *sql.DB
	d       *dialect
	log     *slog.Logger
	changes atomic.Uint64
	path    string      // the SQLite file; empty on PostgreSQL
	dsn     string      // the PostgreSQL connection string; empty on SQLite
	feed    *changeFeed // other processes' changes, on PostgreSQL; nil on SQLite
	// grouping lets one AddGroupedArticle per process wait for the cross-process grouping
	// lock, so that waiting writers do not hold every pooled connection away from readers.
	grouping sync.Mutex
}

// Open connects to the database named by dsn: a file path, "sqlite:PATH", or a PostgreSQL
// URL ("postgres://…" or "postgresql://…"). It does not migrate; call Migrate.
func Open(ctx context.Context, dsn string, logger *slog.Logger) (*Store, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	var (
		s   *Store
		err error
	)
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		s, err = openPostgres(ctx, dsn)
	default:
		s, err = openSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	}
	if err != nil {
		return nil, err
	}
	s.log = logger
	if s.dsn != "" {
		s.feed = startChangeFeed(s.dsn, s.w, logger, s.changedLocally)
	}
	return s, nil
}

// Close stops listening for other processes' changes and closes both pools.
func (s *Store) Close() error {
	if s.feed != nil {
		s.feed.stop()
	}
	if s.r == s.w {
		return s.w.Close()
	}
	return errors.Join(s.w.Close(), s.r.Close())
}

// Dialect names the database in use: "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.d.name }

// SQLitePath is the database file of a SQLite store, empty for other dialects. The job
// queue opens its own connection to the same file.
func (s *Store) SQLitePath() string { return s.path }

// PostgresDSN is the connection string of a PostgreSQL store, empty for other dialects. The
// job queue opens its own pgx pool with it. It may hold a password: never log it.
func (s *Store) PostgresDSN() string { return s.dsn }

// Location names the database for messages and logs: the SQLite file, or the PostgreSQL
// URL with its password masked.
func (s *Store) Location() string {
	if s.dsn == "" {
		return s.path
	}
	u, err := url.Parse(s.dsn)
	if err != nil {
		return "PostgreSQL"
	}
	return u.Redacted()
}

// Ping checks that the database answers; /healthz uses it.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.r.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// Changes counts writes that change what readers see; page caches key on it. On
// PostgreSQL it also counts such writes made by other processes on the same schema.
func (s *Store) Changes() uint64 { return s.changes.Load() }

// changed records a committed write that changes what readers see, here and, on
// PostgreSQL, in the other processes.
func (s *Store) changed() {
	s.changes.Add(1)
	if s.feed != nil {
		s.feed.owe()
	}
}

// changedLocally records a change the other processes already hear of (it was notified
// inside its transaction) or that came from them.
func (s *Store) changedLocally() { s.changes.Add(1) }

// tx runs fn in a write transaction, retrying a bounded number of times when the database
// reports it is busy. fn must be safe to run again.
func (s *Store) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	const attempts = 5
	delay := 20 * time.Millisecond
	for i := 1; ; i++ {
		err := s.tx1(ctx, fn)
		if err == nil || i == attempts || !s.d.isBusy(err) {
			return err
		}
		s.log.Warn("database busy, retrying", slog.Int("attempt", i), slog.Any("err", err))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
		delay *= 2
	}
}

func (s *Store) tx1(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// q rewrites a statement written with ? placeholders for the dialect.
func (s *Store) q(query string) string { return s.d.rebind(query) }

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}
