// Package ingest is the pipeline from a publisher's feed to a stored article: a periodic
// scheduler enqueues due feeds; fetch-feed parses a feed and enqueues fetch-article for each
// new item; fetch-article fetches the page, extracts it and stores it. Jobs run on River and
// are idempotent: a retried job never stores an article twice.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"

	"newsdesk/internal/extract"
	"newsdesk/internal/fetch"
	"newsdesk/internal/store"
)

// Fetcher fetches one URL politely and safely.
type Fetcher interface {
	Fetch(ctx context.Context, req fetch.Request) (*fetch.Response, error)
}

// Extractor turns a page into a clean article.
type Extractor interface {
	Extract(ctx context.Context, body []byte, contentType, pageURL string) (*extract.Article, error)
}

// Config wires the pipeline.
type Config struct {
	Store     *store.Store
	Fetcher   Fetcher
	Extractor Extractor
	Logger    *slog.Logger
	Metrics   prometheus.Registerer // nil: no metrics

	Workers      int           // jobs worked at once; default 8
	PollInterval time.Duration // how often due feeds are looked for; default 30s
	MinRefresh   time.Duration // default 5m
	MaxRefresh   time.Duration // default 24h
	// RescueAfter is how long a job may stay running before River takes it for one left
	// by a killed process and retries it; default 5m. Jobs time out after 2m, so a live
	// worker's job is never rescued under it unless this is set lower (tests do).
	RescueAfter time.Duration
	Now         func() time.Time
}

// Pipeline runs the ingest jobs.
type Pipeline struct {
	cfg     Config
	log     *slog.Logger
	st      *store.Store
	q       queue
	closeQ  func() error
	metrics *metrics
	stories *grouper
	sects   *sectioner
}

// New builds a pipeline and its job queue (migrating the queue's tables). Call Start.
func New(ctx context.Context, cfg Config) (*Pipeline, error) {
	if cfg.Store == nil || cfg.Fetcher == nil || cfg.Extractor == nil {
		return nil, errors.New("ingest: Store, Fetcher and Extractor are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 8
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 30 * time.Second
	}
	if cfg.MinRefresh <= 0 {
		cfg.MinRefresh = 5 * time.Minute
	}
	if cfg.MaxRefresh <= 0 {
		cfg.MaxRefresh = 24 * time.Hour
	}
	if cfg.RescueAfter <= 0 {
		cfg.RescueAfter = 5 * time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	p := &Pipeline{cfg: cfg, log: cfg.Logger, st: cfg.Store, metrics: newMetrics(cfg.Metrics), stories: newGrouper(),
		sects: newSectioner()}

	workers := river.NewWorkers()
	river.AddWorker(workers, &scheduleWorker{p: p})
	river.AddWorker(workers, &feedWorker{p: p})
	river.AddWorker(workers, &articleWorker{p: p})
	rcfg := &river.Config{
		// River reports job counts at info level every few seconds; keep its warnings only.
		Logger:  slog.New(minLevel{cfg.Logger.Handler(), slog.LevelWarn}).With(slog.String("component", "jobs")),
		Workers: workers,
		Queues:  map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}},
		PeriodicJobs: []*river.PeriodicJob{river.NewPeriodicJob(
			river.PeriodicInterval(cfg.PollInterval),
			func() (river.JobArgs, *river.InsertOpts) { return ScheduleArgs{}, nil },
			&river.PeriodicJobOpts{RunOnStart: true},
		)},
		// River refuses a rescue time below the job timeout; a job that runs past the rescue
		// time would be retried beside itself anyway, so the timeout never exceeds it.
		JobTimeout: min(2*time.Minute, cfg.RescueAfter),
		// A job left running by a killed process is retried after this; River's default of
		// an hour would hold a killed worker's articles back far longer than needed.
		RescueStuckJobsAfter: cfg.RescueAfter,
	}
	switch cfg.Store.Dialect() {
	case "sqlite":
		q, closeQ, err := openSQLiteQueue(ctx, cfg.Store, rcfg)
		if err != nil {
			return nil, err
		}
		p.q, p.closeQ = q, closeQ
	case "postgres":
		q, closeQ, err := openPostgresQueue(ctx, cfg.Store, rcfg)
		if err != nil {
			return nil, err
		}
		p.q, p.closeQ = q, closeQ
	default:
		return nil, fmt.Errorf("ingest: no job queue for the %s store yet", cfg.Store.Dialect())
	}
	return p, nil
}

// Start restores the story engine from the store, then starts working jobs; it returns
// once jobs are being worked.
func (p *Pipeline) Start(ctx context.Context) error {
	if err := p.stories.restore(ctx, p.st, p.cfg.Now(), p.log); err != nil {
		return fmt.Errorf("ingest: restore stories: %w", err)
	}
	if err := p.sects.restore(ctx, p.st, p.log); err != nil {
		return fmt.Errorf("ingest: train sections: %w", err)
	}
	if err := p.q.Start(ctx); err != nil {
		return fmt.Errorf("ingest: start: %w", err)
	}
	return nil
}

// Stop lets in-flight jobs finish within grace; jobs still running then are cancelled and
// go back to the queue to be retried on the next start. It closes the queue's connection.
func (p *Pipeline) Stop(ctx context.Context, grace time.Duration) error {
	graceCtx, cancel := context.WithTimeout(ctx, grace)
	defer cancel()
	err := p.q.Stop(graceCtx)
	if err != nil {
		p.log.Warn("jobs still running after the grace period; cancelling them for a retry", slog.Any("err", err))
		stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		err = p.q.StopAndCancel(stopCtx)
	}
	return errors.Join(err, p.closeQ())
}

// Close closes the queue's connection of a pipeline that was never started: a web process
// keeps one only to enqueue jobs.
func (p *Pipeline) Close() error { return p.closeQ() }

// FetchFeedNow enqueues a fetch of one feed at once (after `sources add`, or from the UI).
func (p *Pipeline) FetchFeedNow(ctx context.Context, feedID int64) error {
	return p.q.InsertMany(ctx, []river.InsertManyParams{{Args: FetchFeedArgs{FeedID: feedID}}})
}

// minLevel drops records below a level before they reach the wrapped handler.
type minLevel struct {
	slog.Handler
	min slog.Level
}

func (h minLevel) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.Handler.Enabled(ctx, l)
}

func (h minLevel) WithAttrs(as []slog.Attr) slog.Handler {
	return minLevel{h.Handler.WithAttrs(as), h.min}
}
func (h minLevel) WithGroup(name string) slog.Handler {
	return minLevel{h.Handler.WithGroup(name), h.min}
}
