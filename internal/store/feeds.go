package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const feedCols = `f.id, f.publisher_id, f.url, f.title, f.etag, f.last_modified, f.next_check, f.interval_ms,
	f.consecutive_errors, f.last_error, f.last_error_at, f.last_success, f.disabled, f.created`

func scanFeed(row interface{ Scan(...any) error }, extra ...any) (Feed, error) {
	var f Feed
	var next, interval, errAt, success, created int64
	dest := append([]any{&f.ID, &f.PublisherID, &f.URL, &f.Title, &f.ETag, &f.LastModified, &next, &interval,
		&f.ConsecutiveErrors, &f.LastError, &errAt, &success, &f.Disabled, &created}, extra...)
	err := row.Scan(dest...)
	f.NextCheck, f.Interval, f.LastErrorAt, f.LastSuccess, f.Created =
		fromMS(next), time.Duration(interval)*time.Millisecond, fromMS(errAt), fromMS(success), fromMS(created)
	return f, err
}

// CreateFeed adds a feed of a publisher, due at once. A URL already present is ErrConflict.
func (s *Store) CreateFeed(ctx context.Context, f Feed) (Feed, error) {
	now := time.Now()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q(`INSERT INTO feeds (publisher_id, url, title, next_check, interval_ms, created)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`),
			f.PublisherID, f.URL, f.Title, ms(f.NextCheck), f.Interval.Milliseconds(), ms(now)).Scan(&f.ID)
	})
	if s.d.isUnique(err) {
		return Feed{}, fmt.Errorf("store: feed %s: %w", f.URL, ErrConflict)
	}
	if err != nil {
		return Feed{}, fmt.Errorf("store: create feed %s: %w", f.URL, err)
	}
	f.Created = now.UTC().Truncate(time.Millisecond)
	s.changed()
	return f, nil
}

// Feed returns one feed or ErrNotFound.
func (s *Store) Feed(ctx context.Context, id int64) (Feed, error) {
	f, err := scanFeed(s.r.QueryRowContext(ctx, s.q(`SELECT `+feedCols+` FROM feeds f WHERE f.id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Feed{}, fmt.Errorf("store: feed %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Feed{}, fmt.Errorf("store: feed %d: %w", id, err)
	}
	return f, nil
}

// FeedByURL returns the feed with that URL or ErrNotFound.
func (s *Store) FeedByURL(ctx context.Context, url string) (Feed, error) {
	f, err := scanFeed(s.r.QueryRowContext(ctx, s.q(`SELECT `+feedCols+` FROM feeds f WHERE f.url = ?`), url))
	if errors.Is(err, sql.ErrNoRows) {
		return Feed{}, fmt.Errorf("store: feed %s: %w", url, ErrNotFound)
	}
	if err != nil {
		return Feed{}, fmt.Errorf("store: feed %s: %w", url, err)
	}
	return f, nil
}

// DueFeeds lists enabled feeds whose next check is at or before now, most overdue first.
func (s *Store) DueFeeds(ctx context.Context, now time.Time, limit int) ([]Feed, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT `+feedCols+` FROM feeds f
		WHERE f.disabled = 0 AND f.next_check <= ? ORDER BY f.next_check LIMIT ?`), ms(now), limit)
	if err != nil {
		return nil, fmt.Errorf("store: due feeds: %w", err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("store: due feeds: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// FeedStatuses lists every feed with its publisher and article count, for the sources page.
func (s *Store) FeedStatuses(ctx context.Context) ([]FeedStatus, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+feedCols+`, p.name,
		(SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id)
		FROM feeds f JOIN publishers p ON p.id = f.publisher_id ORDER BY p.name, f.url`)
	if err != nil {
		return nil, fmt.Errorf("store: feed statuses: %w", err)
	}
	defer rows.Close()
	var out []FeedStatus
	for rows.Next() {
		var fs FeedStatus
		fs.Feed, err = scanFeed(rows, &fs.PublisherName, &fs.ArticleCount)
		if err != nil {
			return nil, fmt.Errorf("store: feed statuses: %w", err)
		}
		out = append(out, fs)
	}
	return out, rows.Err()
}

// FeedSuccess records a good fetch: validators, the title and when to look again.
func (s *Store) FeedSuccess(ctx context.Context, id int64, etag, lastModified, title string, at time.Time, interval time.Duration) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE feeds SET etag = ?, last_modified = ?,
			title = CASE WHEN ? = '' THEN title ELSE ? END,
			last_success = ?, next_check = ?, interval_ms = ?, consecutive_errors = 0, last_error = ''
			WHERE id = ?`), etag, lastModified, title, title, ms(at), ms(at.Add(interval)), interval.Milliseconds(), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: feed %d success: %w", id, err)
	}
	s.changed()
	return nil
}

// FeedFailure records a failed fetch in plain words and when to try again; disable stops
// polling for good (410 Gone).
func (s *Store) FeedFailure(ctx context.Context, id int64, message string, at, nextCheck time.Time, disable bool) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE feeds SET consecutive_errors = consecutive_errors + 1,
			last_error = ?, last_error_at = ?, next_check = ?, disabled = CASE WHEN ? THEN 1 ELSE disabled END
			WHERE id = ?`), message, ms(at), ms(nextCheck), disable, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: feed %d failure: %w", id, err)
	}
	s.changed()
	return nil
}

// SetFeedDisabled pauses or resumes a feed; resuming makes it due at once.
func (s *Store) SetFeedDisabled(ctx context.Context, id int64, disabled bool) error {
	// disabled is an INTEGER column on both dialects; PostgreSQL will not take a Go bool for it.
	flag := 0
	if disabled {
		flag = 1
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE feeds SET disabled = ?,
			next_check = CASE WHEN ? = 1 THEN next_check ELSE 0 END WHERE id = ?`), flag, flag, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: feed %d: %w", id, err)
	}
	s.changed()
	return nil
}
