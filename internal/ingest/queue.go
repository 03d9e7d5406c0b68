package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"newsdesk/internal/store"
)

// queue is the part of a River client the pipeline uses, so the pipeline does not depend on
// the driver's transaction type (database/sql on SQLite, pgx on PostgreSQL).
type queue interface {
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
	StopAndCancel(ctx context.Context) error
	InsertMany(ctx context.Context, params []river.InsertManyParams) error
}

type riverQueue[TTx any] struct{ c *river.Client[TTx] }

func (q riverQueue[TTx]) Start(ctx context.Context) error         { return q.c.Start(ctx) }
func (q riverQueue[TTx]) Stop(ctx context.Context) error          { return q.c.Stop(ctx) }
func (q riverQueue[TTx]) StopAndCancel(ctx context.Context) error { return q.c.StopAndCancel(ctx) }
func (q riverQueue[TTx]) InsertMany(ctx context.Context, params []river.InsertManyParams) error {
	if len(params) == 0 {
		return nil
	}
	_, err := q.c.InsertMany(ctx, params)
	return err
}

// activeStates makes a job unique while one like it is waiting or running, and allows it
// again once that one has finished: a feed is fetched once per schedule, not once ever.
var activeStates = []rivertype.JobState{
	rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
	rivertype.JobStateRetryable, rivertype.JobStateScheduled,
}

// openSQLiteQueue opens River on its own single-connection pool to the store's SQLite file
// (River's SQLite driver wants one connection), migrates River's tables and builds the
// client. Polling is tightened as FACTS.md measured: the defaults make SQLite 20× slower.
func openSQLiteQueue(ctx context.Context, st *store.Store, cfg *river.Config) (queue, func() error, error) {
	db, err := sql.Open("sqlite", store.SQLiteDSN(st.SQLitePath(), "_txlock=immediate"))
	if err != nil {
		return nil, nil, fmt.Errorf("ingest: open job queue: %w", err)
	}
	db.SetMaxOpenConns(1)
	driver := riversqlite.New(db)
	migrator, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("ingest: job queue migrations: %w", err)
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("ingest: migrate job queue: %w", err)
	}
	cfg.FetchCooldown = 5 * time.Millisecond
	cfg.FetchPollInterval = 20 * time.Millisecond
	c, err := river.NewClient(driver, cfg)
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("ingest: job queue: %w", err)
	}
	return riverQueue[*sql.Tx]{c}, db.Close, nil
}
