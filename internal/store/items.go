package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

const itemCols = `id, feed_id, guid, url, title, summary, content, author, image_url, published, first_seen, state, error, COALESCE(article_id, 0), categories`

func scanItem(row interface{ Scan(...any) error }) (FeedItem, error) {
	var it FeedItem
	var pub, seen int64
	var cats string
	err := row.Scan(&it.ID, &it.FeedID, &it.GUID, &it.URL, &it.Title, &it.Summary, &it.Content, &it.Author,
		&it.ImageURL, &pub, &seen, &it.State, &it.Error, &it.ArticleID, &cats)
	it.Published, it.FirstSeen = fromMS(pub), fromMS(seen)
	if err == nil && cats != "" {
		err = json.Unmarshal([]byte(cats), &it.Categories)
	}
	return it, err
}

// AddFeedItems records the items a feed listed; items already known are left as they are.
// It returns every pending item of the feed, new or left over from an earlier poll, so the
// caller can (re-)enqueue their jobs.
func (s *Store) AddFeedItems(ctx context.Context, feedID int64, items []FeedItem) (pending []FeedItem, err error) {
	now := ms(time.Now())
	err = s.tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO feed_items
			(feed_id, guid, url, title, summary, content, author, image_url, published, first_seen, categories)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, guid) DO NOTHING`))
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, it := range items {
			cats, err := jsonList(it.Categories)
			if err != nil {
				return err
			}
			if _, err := stmt.ExecContext(ctx, feedID, it.GUID, it.URL, it.Title, it.Summary, it.Content,
				it.Author, it.ImageURL, ms(it.Published), now, cats); err != nil {
				return err
			}
		}
		pending = pending[:0]
		rows, err := tx.QueryContext(ctx, s.q(`SELECT `+itemCols+` FROM feed_items WHERE feed_id = ? AND state = 'pending' ORDER BY id`), feedID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			it, err := scanItem(rows)
			if err != nil {
				return err
			}
			pending = append(pending, it)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: add items of feed %d: %w", feedID, err)
	}
	return pending, nil
}

// FeedItem returns one item or ErrNotFound.
func (s *Store) FeedItem(ctx context.Context, id int64) (FeedItem, error) {
	it, err := scanItem(s.r.QueryRowContext(ctx, s.q(`SELECT `+itemCols+` FROM feed_items WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return FeedItem{}, fmt.Errorf("store: item %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return FeedItem{}, fmt.Errorf("store: item %d: %w", id, err)
	}
	return it, nil
}

// FailItem marks an item failed for good with the reason in plain words.
func (s *Store) FailItem(ctx context.Context, id int64, message string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE feed_items SET state = 'failed', error = ? WHERE id = ? AND state = 'pending'`), message, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: fail item %d: %w", id, err)
	}
	return nil
}

// LinkItem marks an item done with an article that is already stored (another feed listed
// the same URL first).
func (s *Store) LinkItem(ctx context.Context, itemID, articleID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE feed_items SET state = 'done', error = '', article_id = ? WHERE id = ?`), articleID, itemID)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: link item %d: %w", itemID, err)
	}
	return nil
}

// jsonList encodes a list of strings as a JSON array, and an empty list as the empty string.
func jsonList(l []string) (string, error) {
	if len(l) == 0 {
		return "", nil
	}
	b, err := json.Marshal(l)
	return string(b), err
}
