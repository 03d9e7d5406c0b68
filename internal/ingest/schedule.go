package ingest

import (
	"context"
	"fmt"

	"github.com/riverqueue/river"
)

// ScheduleArgs is the periodic job that enqueues a fetch of every due feed.
type ScheduleArgs struct{}

// Kind names the job in the queue.
func (ScheduleArgs) Kind() string { return "schedule_feeds" }

// InsertOpts keeps one schedule job at a time.
func (ScheduleArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 1, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: activeStates}}
}

type scheduleWorker struct {
	river.WorkerDefaults[ScheduleArgs]
	p *Pipeline
}

// scheduleBatch bounds one round; a backlog larger than this drains over the next rounds.
const scheduleBatch = 1000

func (w *scheduleWorker) Work(ctx context.Context, job *river.Job[ScheduleArgs]) error {
	due, err := w.p.st.DueFeeds(ctx, w.p.cfg.Now(), scheduleBatch)
	if err != nil {
		return err
	}
	params := make([]river.InsertManyParams, len(due))
	for i, f := range due {
		params[i] = river.InsertManyParams{Args: FetchFeedArgs{FeedID: f.ID}}
	}
	if err := w.p.q.InsertMany(ctx, params); err != nil {
		return fmt.Errorf("enqueue %d due feeds: %w", len(due), err)
	}
	w.p.sects.reclassify(ctx, w.p.st, w.p.cfg.Now(), w.p.log)
	return nil
}
