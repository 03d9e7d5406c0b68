package ingest

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/rivermigrate"

	"newsdesk/internal/store"
)

// migrateLocked migrates River's tables while holding an advisory lock for the schema:
// processes started together would otherwise run the same CREATE at once and fail on
// PostgreSQL's catalogue constraints. The lock is held on a connection of its own; River
// migrates on others from the pool.
func migrateLocked(ctx context.Context, pool *pgxpool.Pool, m *rivermigrate.Migrator[pgx.Tx]) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, store.SessionLockSQL, store.LockJobMigrations); err != nil {
		return err
	}
	defer func() {
		if _, err := conn.Exec(context.WithoutCancel(ctx), store.SessionUnlockSQL, store.LockJobMigrations); err != nil {
			// A lock that could not be released must not go back to the pool with it.
			_ = conn.Conn().Close(context.WithoutCancel(ctx))
		}
	}()
	_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	return err
}
