package ingest

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/riverqueue/river"

	"newsdesk/internal/canon"
	"newsdesk/internal/feed"
	"newsdesk/internal/fetch"
	"newsdesk/internal/store"
)

// FetchFeedArgs fetches one feed and enqueues its new items.
type FetchFeedArgs struct {
	FeedID int64 `json:"feed_id"`
}

// Kind names the job in the queue.
func (FetchFeedArgs) Kind() string { return "fetch_feed" }

// InsertOpts keeps one fetch of a feed waiting or running at a time.
func (FetchFeedArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 3, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: activeStates}}
}

type feedWorker struct {
	river.WorkerDefaults[FetchFeedArgs]
	p *Pipeline
}

func (w *feedWorker) Work(ctx context.Context, job *river.Job[FetchFeedArgs]) (err error) {
	start := time.Now()
	defer func() { w.p.metrics.job("fetch_feed", start, err) }()
	return w.p.fetchFeed(ctx, job.Args.FeedID)
}

// fetchFeed polls one feed. Problems with the feed itself (network, HTTP, parse) are
// recorded on the feed in plain words and answered with a back-off; only store errors are
// returned, so the job is retried.
func (p *Pipeline) fetchFeed(ctx context.Context, feedID int64) error {
	f, err := p.st.Feed(ctx, feedID)
	if errors.Is(err, store.ErrNotFound) {
		return nil // removed since it was enqueued
	}
	if err != nil {
		return err
	}
	if f.Disabled {
		return nil
	}
	resp, err := p.cfg.Fetcher.Fetch(ctx, fetch.Request{URL: f.URL, Purpose: fetch.PurposeFeed, ETag: f.ETag, LastModified: f.LastModified})
	now := p.cfg.Now()
	if err != nil {
		return p.feedFailed(ctx, f, err, now)
	}
	if resp.NotModified {
		interval := f.Interval
		if interval == 0 || resp.MaxAge > 0 {
			interval = p.clamp(fetch.RefreshInterval(resp.MaxAge, 0, nil))
		}
		return p.st.FeedSuccess(ctx, f.ID, nonEmpty(resp.ETag, f.ETag), nonEmpty(resp.LastModified, f.LastModified), "", now, interval)
	}
	parsed, err := feed.Parse(resp.Body, feed.Options{BaseURL: resp.URL, Now: now, ContentType: resp.ContentType})
	if err != nil {
		return p.feedFailed(ctx, f, err, now)
	}
	items := make([]store.FeedItem, 0, len(parsed.Items))
	times := make([]time.Time, 0, len(parsed.Items))
	for _, it := range parsed.Items {
		link, err := canon.URL(it.Link)
		if err != nil {
			p.log.Debug("feed item without a usable link", slog.String("feed", f.URL), slog.String("guid", it.GUID))
			continue
		}
		items = append(items, store.FeedItem{
			GUID: nonEmpty(it.GUID, link), URL: link, Title: it.Title, Summary: it.Summary, Content: it.Content,
			Author: it.Author, ImageURL: it.ImageURL, Published: it.Published, Categories: it.Categories,
		})
		times = append(times, it.Published)
	}
	pending, err := p.st.AddFeedItems(ctx, f.ID, items)
	if err != nil {
		return err
	}
	params := make([]river.InsertManyParams, len(pending))
	for i, it := range pending {
		params[i] = river.InsertManyParams{Args: FetchArticleArgs{ItemID: it.ID}}
	}
	if err := p.q.InsertMany(ctx, params); err != nil {
		return err
	}
	interval := p.clamp(fetch.RefreshInterval(resp.MaxAge, parsed.TTL, times))
	p.log.Debug("feed fetched", slog.String("feed", f.URL), slog.Int("items", len(items)), slog.Int("pending", len(pending)), slog.Duration("next", interval))
	return p.st.FeedSuccess(ctx, f.ID, resp.ETag, resp.LastModified, parsed.Title, now, interval)
}

// feedFailed records why a feed could not be read and when to try again: exponential
// back-off with jitter, never sooner than Retry-After, and never again after 410 Gone.
func (p *Pipeline) feedFailed(ctx context.Context, f store.Feed, cause error, now time.Time) error {
	if ctx.Err() != nil {
		return ctx.Err() // shutting down: the job is retried, the feed is not to blame
	}
	var retryAfter time.Duration
	var fe *fetch.Error
	gone := false
	if errors.As(cause, &fe) {
		retryAfter = fe.RetryAfter
		gone = fe.Kind == fetch.KindGone
	}
	next := now.Add(fetch.Backoff(f.ConsecutiveErrors+1, retryAfter, rand.Float64))
	msg := cause.Error()
	if gone {
		msg += " — the feed is disabled; re-enable it on the sources page if it comes back"
	}
	p.log.Warn("feed failed", slog.String("feed", f.URL), slog.String("error", msg), slog.Time("next_check", next))
	return p.st.FeedFailure(ctx, f.ID, msg, now, next, gone)
}

func (p *Pipeline) clamp(d time.Duration) time.Duration {
	return min(max(d, p.cfg.MinRefresh), p.cfg.MaxRefresh)
}

func nonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
