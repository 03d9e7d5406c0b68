package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"newsdesk/internal/store"
)

// plainIdentifier is a schema name River accepts (it refuses names that need quoting).
var plainIdentifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// openPostgresQueue opens River on its own pgx pool to the store's database (River's
// PostgreSQL driver speaks pgx, not database/sql), migrates River's tables and builds the
// client. River's tables live in the same schema as the store's: the first schema on the
// connection's search_path, named explicitly to River so that its queries and its
// LISTEN/NOTIFY channels never wander into another newsdesk's schema on the same server.
// River's default polling is kept: on PostgreSQL new jobs arrive by notification.
func openPostgresQueue(ctx context.Context, st *store.Store, cfg *river.Config) (queue, func() error, error) {
	pool, err := pgxpool.New(ctx, st.PostgresDSN())
	if err != nil {
		return nil, nil, fmt.Errorf("ingest: open job queue: %w", err)
	}
	closeQ := func() error { pool.Close(); return nil }
	var schema string
	if err := pool.QueryRow(ctx, `SELECT COALESCE(current_schema(), '')`).Scan(&schema); err != nil {
		pool.Close()
		return nil, nil, fmt.Errorf("ingest: open job queue: %w", err)
	}
	if !plainIdentifier.MatchString(schema) {
		schema = "" // let River follow the search_path itself
	}
	driver := riverpgxv5.New(pool)
	migrator, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler), Schema: schema})
	if err != nil {
		pool.Close()
		return nil, nil, fmt.Errorf("ingest: job queue migrations: %w", err)
	}
	if err := migrateLocked(ctx, pool, migrator); err != nil {
		pool.Close()
		return nil, nil, fmt.Errorf("ingest: migrate job queue: %w", err)
	}
	cfg.Schema = schema
	c, err := river.NewClient(driver, cfg)
	if err != nil {
		pool.Close()
		return nil, nil, fmt.Errorf("ingest: job queue: %w", err)
	}
	return riverQueue[pgx.Tx]{c}, closeQ, nil
}
