package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		// The DSN may hold a password: name the database by dialect only.
		return nil, fmt.Errorf("store: open PostgreSQL: %w", err)
	}
	// PostgreSQL runs writers concurrently, so one pool serves reads and writes. The size
	// leaves room under the server's default max_connections (100) for the job queue's own
	// pool and for a few newsdesk processes sharing one server.
	n := max(8, runtime.NumCPU()*4)
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open PostgreSQL: %w", err)
	}
	return &Store{w: db, r: db, d: postgresDialect(), dsn: dsn}, nil
}

// PostgreSQL error codes the store reacts to (Appendix A of the PostgreSQL manual).
const (
	pgUniqueViolation      = "23505"
	pgSerializationFailure = "40001"
	pgDeadlockDetected     = "40P01"
	pgLockNotAvailable     = "55P03"
	pgCannotConnectNow     = "57P03" // the server is starting up or shutting down
	pgTooManyConnections   = "53300"
)

func postgresDialect() *dialect {
	sub, _ := fs.Sub(migrationsFS, "migrations/postgres")
	return &dialect{
		name:       "postgres",
		migrations: sub,
		rebind:     dollarRebind,
		isBusy:     pgIsBusy,
		reserveID: func(ctx context.Context, db *sql.DB, table string) (int64, error) {
			var id int64
			err := db.QueryRowContext(ctx, `SELECT nextval(pg_get_serial_sequence($1, 'id'))`, table).Scan(&id)
			return id, err
		},
		isUnique: func(err error) bool {
			var pe *pgconn.PgError
			return errors.As(err, &pe) && pe.Code == pgUniqueViolation
		},
	}
}

// pgIsBusy reports errors after which running the whole transaction again may succeed:
// the server gave up on it because of a conflicting transaction or because it cannot take
// the connection now, or no connection could be made (refused, reset while starting), or
// the connection failed before anything reached the server. An error after a statement was
// sent is not retried: the statement may have run.
func pgIsBusy(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case pgSerializationFailure, pgDeadlockDetected, pgLockNotAvailable, pgCannotConnectNow, pgTooManyConnections:
			return true
		}
		return false
	}
	var ce *pgconn.ConnectError
	return errors.As(err, &ce) || pgconn.SafeToRetry(err)
}
