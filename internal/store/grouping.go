package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// StoryGrouper decides an article's story inside AddGroupedArticle's transaction. It is a
// story engine held in memory by one process; on PostgreSQL several processes each hold
// one, and the store keeps them in agreement (see AddGroupedArticle).
type StoryGrouper interface {
	// Seen is the highest article id the grouper has taken into account.
	Seen() int64
	// CatchUp hands over an article another process grouped after Seen, with its stored
	// story and copy link. Articles come oldest first.
	CatchUp(a Article)
	// ReserveStories says that story ids up to id are in use or were merged away, so the
	// grouper must never start a new story under one of them.
	ReserveStories(id int64)
	// Follow says that story from was merged into story to, after CatchUp handed over the
	// articles stored since.
	Follow(from, to int64)
	// Group assigns the new article id to a story.
	Group(id int64) StoryUpdate
}

// AddGroupedArticle is AddArticle with a story grouper that may be one of several.
//
// Each process groups with its own in-memory engine, and engines fed different articles
// would hand out the same story id to different stories. On PostgreSQL the transaction
// therefore first takes a transaction-scoped advisory lock, so that grouping happens in
// one order across all processes, and takes the article's id from the sequence under
// that lock, so that ids rise in grouping order. The grouper then catches up on the
// articles committed by other processes since the last id it saw (restoring them with
// the stories they were given) and on the story ids they used, decides, and the decision
// is checked against the stored redirects before it is written: a story another process
// merged away is replaced by its survivor, and a copy joins the story its original is in
// now. The lock is held until commit, so article writes queue behind each other; that is
// the price of one story numbering, and what is under the lock is a few short statements.
//
// SQLite has one writer process, so there the grouper decides without any of this.
//
// Within a process, one such transaction at a time waits for the lock: the others wait
// before taking a connection, which on PostgreSQL the site's reads share.
func (s *Store) AddGroupedArticle(ctx context.Context, a Article, itemID int64, g StoryGrouper) (id int64, created bool, err error) {
	if s.serialGrouping(g) {
		s.grouping.Lock()
		defer s.grouping.Unlock()
	}
	return s.addArticle(ctx, a, itemID, g.Group, g)
}

// serialGrouping reports whether AddArticle must serialise grouping across processes.
func (s *Store) serialGrouping(g StoryGrouper) bool {
	return g != nil && s.d.name == "postgres"
}

// beginSerialGrouping runs first in the article's transaction: it waits for the grouping
// lock, reserves the article's id (once: a retried transaction keeps it, so the grouper
// sees one id) and catches the grouper up.
func (s *Store) beginSerialGrouping(ctx context.Context, tx *sql.Tx, g StoryGrouper, reservedID *any) error {
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, `+schemaLockKey+`)`, lockGrouping); err != nil {
		return err
	}
	if *reservedID == nil {
		var id int64
		if err := tx.QueryRowContext(ctx, `SELECT nextval(pg_get_serial_sequence('articles', 'id'))`).Scan(&id); err != nil {
			return err
		}
		*reservedID = id
	}
	var top int64
	if err := tx.QueryRowContext(ctx, `SELECT GREATEST(
		(SELECT COALESCE(MAX(story_id), 0) FROM articles),
		(SELECT COALESCE(MAX(from_id), 0) FROM story_redirects))`).Scan(&top); err != nil {
		return err
	}
	g.ReserveStories(top)
	rows, err := tx.QueryContext(ctx, `SELECT `+articleTextCols+` FROM articles a JOIN publishers p ON p.id = a.publisher_id
		WHERE a.id > $1 AND a.story_id <> 0 ORDER BY a.id`, g.Seen())
	if err != nil {
		return err
	}
	defer rows.Close()
	var stories []int64
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return err
		}
		g.CatchUp(a)
		if !containsID(stories, a.StoryID) {
			stories = append(stories, a.StoryID)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	return s.followMerges(ctx, tx, g, stories)
}

// followMerges tells the grouper of merges into the stories the caught-up articles are
// in: a merge is decided while storing an article of the surviving story, and redirects
// always point at the final survivor.
func (s *Store) followMerges(ctx context.Context, tx *sql.Tx, g StoryGrouper, stories []int64) error {
	if len(stories) == 0 {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT from_id, to_id FROM story_redirects WHERE to_id = ANY($1) ORDER BY from_id`, stories)
	if err != nil {
		return err
	}
	defer rows.Close()
	type merge struct{ from, to int64 }
	var merges []merge
	for rows.Next() {
		var m merge
		if err := rows.Scan(&m.from, &m.to); err != nil {
			return err
		}
		merges = append(merges, m)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, m := range merges {
		g.Follow(m.from, m.to)
	}
	return nil
}

// settleStory checks a grouper's decision against what other processes stored: stories
// they merged away are replaced by their survivors, and a copy goes where its original is.
func (s *Store) settleStory(ctx context.Context, tx *sql.Tx, u StoryUpdate) (StoryUpdate, error) {
	var err error
	if u.DuplicateOf != 0 {
		var story int64
		err := tx.QueryRowContext(ctx, `SELECT story_id FROM articles WHERE id = $1`, u.DuplicateOf).Scan(&story)
		switch {
		case err == nil && story != 0:
			u.Story = story
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return u, err
		}
	}
	if u.Story, err = s.resolveStoryTx(ctx, tx, u.Story); err != nil {
		return u, err
	}
	var merged []int64
	for _, from := range u.Merged {
		to, err := s.resolveStoryTx(ctx, tx, from)
		if err != nil {
			return u, err
		}
		// Merged already, here or elsewhere: fold what it became instead, once.
		if to != u.Story && !containsID(merged, to) {
			merged = append(merged, to)
		}
	}
	u.Merged = merged
	return u, nil
}

func (s *Store) resolveStoryTx(ctx context.Context, tx *sql.Tx, id int64) (int64, error) {
	var to int64
	err := tx.QueryRowContext(ctx, `SELECT to_id FROM story_redirects WHERE from_id = $1`, id).Scan(&to)
	if errors.Is(err, sql.ErrNoRows) {
		return id, nil
	}
	if err != nil {
		return 0, fmt.Errorf("resolve story %d: %w", id, err)
	}
	return to, nil
}

func containsID(ids []int64, id int64) bool {
	for _, v := range ids {
		if v == id {
			return true
		}
	}
	return false
}

// LastArticleID is the highest article id stored, 0 when there is none. A grouper
// restored from the articles up to it catches up on the rest as it groups.
func (s *Store) LastArticleID(ctx context.Context) (int64, error) {
	var id int64
	if err := s.r.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: last article id: %w", err)
	}
	return id, nil
}
