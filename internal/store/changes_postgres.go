package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// ChangesChannel is the PostgreSQL notification channel on which every newsdesk process
// says "I changed what readers see". The payload is the writer's schema, so that sites
// sharing one database in separate schemas do not invalidate each other's pages.
const ChangesChannel = "newsdesk_changes"

// notifySQL sends the notification for the connection's own schema. Inside a transaction
// PostgreSQL delivers it at commit, and not at all on rollback.
const notifySQL = `SELECT pg_notify('` + ChangesChannel + `', COALESCE(current_schema(), ''))`

// changeFeed keeps a store's Changes counter in step with writes made by other processes
// on the same PostgreSQL schema. Page caches key on that counter, so without it a web
// process would serve pages made stale by a worker's new articles until its own next write.
//
// It listens on a connection of its own (a pooled connection cannot wait for
// notifications) and reconnects with backoff when the connection drops, for instance when
// PostgreSQL restarts; after each (re)connection it counts one change, since notifications
// sent while it was away are lost. Writes that were not notified inside their own
// transaction are announced by a sender goroutine: one notification per burst of writes.
type changeFeed struct {
	dsn  string
	db   *sql.DB
	log  *slog.Logger
	bump func()

	pending chan struct{} // capacity 1: a notification is owed
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

const (
	listenBackoffMin = 100 * time.Millisecond
	listenBackoffMax = 10 * time.Second
)

func startChangeFeed(dsn string, db *sql.DB, log *slog.Logger, bump func()) *changeFeed {
	ctx, cancel := context.WithCancel(context.Background())
	f := &changeFeed{dsn: dsn, db: db, log: log, bump: bump, pending: make(chan struct{}, 1), cancel: cancel}
	f.wg.Add(2)
	go func() { defer f.wg.Done(); f.listen(ctx) }()
	go func() { defer f.wg.Done(); f.send(ctx) }()
	return f
}

// owe asks the sender to notify the other processes; it never blocks a writer.
func (f *changeFeed) owe() {
	select {
	case f.pending <- struct{}{}:
	default: // one is already owed and will cover this write too
	}
}

// stop ends both goroutines; a notification still owed is sent first, so that a short
// command (sources add) is seen by the running site.
func (f *changeFeed) stop() {
	f.cancel()
	f.wg.Wait()
}

func (f *changeFeed) send(ctx context.Context) {
	for {
		select {
		case <-f.pending:
			f.notify(ctx)
		case <-ctx.Done():
			select {
			case <-f.pending:
				flushCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				f.notify(flushCtx)
				cancel()
			default:
			}
			return
		}
	}
}

func (f *changeFeed) notify(ctx context.Context) {
	if _, err := f.db.ExecContext(ctx, notifySQL); err != nil && ctx.Err() == nil {
		// Other processes' pages stay stale until the next write notifies; not worth failing
		// the write that has already committed.
		f.log.Warn("could not notify other processes of a change", slog.Any("err", err))
	}
}

func (f *changeFeed) listen(ctx context.Context) {
	backoff := listenBackoffMin
	for {
		err := f.listenOnce(ctx, func() { backoff = listenBackoffMin })
		if ctx.Err() != nil {
			return
		}
		f.log.Warn("change notifications interrupted; reconnecting", slog.Duration("in", backoff), slog.Any("err", err))
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, listenBackoffMax)
	}
}

// listenOnce connects, listens and counts notifications for its schema until the
// connection fails or ctx ends.
func (f *changeFeed) listenOnce(ctx context.Context, connected func()) error {
	cfg, err := pgx.ParseConfig(f.dsn)
	if err != nil {
		return fmt.Errorf("parse database URL: %w", err)
	}
	var schema string
	connectCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	conn, err := pgx.ConnectConfig(connectCtx, cfg)
	if err == nil {
		err = conn.QueryRow(connectCtx, `SELECT COALESCE(current_schema(), '')`).Scan(&schema)
	}
	if err == nil {
		// Operators (and tests) find the connection by this name in pg_stat_activity.
		_, err = conn.Exec(connectCtx, `SELECT set_config('application_name', $1, false)`, ListenerName(schema))
	}
	if err == nil {
		_, err = conn.Exec(connectCtx, `LISTEN `+ChangesChannel)
	}
	cancel()
	if conn != nil {
		defer conn.Close(context.Background())
	}
	if err != nil {
		return err
	}
	connected()
	f.bump() // whatever changed while nobody listened
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if n.Payload == schema {
			f.bump()
		}
	}
}

// ListenerName is the application_name of the connection on which a process listens for
// changes to schema.
func ListenerName(schema string) string { return "newsdesk changes " + schema }

// notifyInTx announces a change from inside the write transaction that makes it, so that
// other processes hear of it exactly when it commits. It does nothing on SQLite.
func (s *Store) notifyInTx(ctx context.Context, tx *sql.Tx) error {
	if s.feed == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, notifySQL)
	return err
}
