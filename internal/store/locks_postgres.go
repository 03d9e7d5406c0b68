package store

import (
	"context"
	"fmt"
)

// Advisory lock classes on PostgreSQL. Each lock is taken with its class and a hash of the
// current schema, so that sites (and tests) sharing a database in separate schemas never
// wait for each other.
const (
	lockGrouping   = 0x6e657773 // story grouping, held by AddGroupedArticle's transaction
	lockMigrations = 0x6e657774 // the store's migrations, held by Migrate
	// LockJobMigrations is held while the job queue's tables are migrated; see package ingest.
	LockJobMigrations = 0x6e657775
)

// schemaLockKey is the second half of every advisory lock key.
const schemaLockKey = `hashtext(COALESCE(current_schema(), ''))`

// SessionLockSQL and SessionUnlockSQL take and release a session-level advisory lock of a
// class ($1) for the connection's schema.
const (
	SessionLockSQL   = `SELECT pg_advisory_lock($1, ` + schemaLockKey + `)`
	SessionUnlockSQL = `SELECT pg_advisory_unlock($1, ` + schemaLockKey + `)`
)

// migrationLock makes processes that start together on PostgreSQL migrate one after the
// other: two running the same CREATE at once fail on PostgreSQL's catalogue constraints.
// The returned function releases the lock. On SQLite it does nothing: its one write
// connection already serialises migrations.
func (s *Store) migrationLock(ctx context.Context) (func(), error) {
	if s.d.name != "postgres" {
		return func() {}, nil
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: migration lock: %w", err)
	}
	if _, err := conn.ExecContext(ctx, SessionLockSQL, lockMigrations); err != nil {
		conn.Close()
		return nil, fmt.Errorf("store: migration lock: %w", err)
	}
	return func() {
		// Closing a pooled connection returns it to the pool; a lock it still held would
		// outlive us, so release it explicitly (and a failed release drops the session).
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), SessionUnlockSQL, lockMigrations)
		conn.Close()
	}, nil
}
