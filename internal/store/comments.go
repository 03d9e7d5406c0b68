package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Comment states. A held comment waits for a moderator; hidden and removed comments are
// kept (and can be restored) but not shown to readers.
const (
	CommentVisible = "visible"
	CommentHeld    = "held"
	CommentHidden  = "hidden"
	CommentRemoved = "removed"
)

// Target kinds: what a comment thread or a lock is attached to.
const (
	TargetArticle = "article"
	TargetStory   = "story"
)

// Target names an article or a story.
type Target struct {
	Kind string // TargetArticle or TargetStory
	ID   int64
}

func (t Target) valid() bool { return (t.Kind == TargetArticle || t.Kind == TargetStory) && t.ID > 0 }

// column is the comments column holding this kind of target's id.
func (t Target) column() string {
	if t.Kind == TargetStory {
		return "story_id"
	}
	return "article_id"
}

func (t Target) String() string { return fmt.Sprintf("%s %d", t.Kind, t.ID) }

// Comment is one comment. Body is the raw Markdown as written; it is never HTML.
type Comment struct {
	ID        int64
	Target    Target
	ParentID  int64 // 0 for a top-level comment
	Depth     int   // 1 for a top-level comment
	AuthorID  int64
	Body      string
	Created   time.Time
	EditedAt  time.Time // zero unless edited
	DeletedAt time.Time // zero unless its author deleted it
	State     string
	Ups       int
	Downs     int
	Score     int // Ups - Downs

	AuthorName    string // filled on reads; empty when the author's account is deleted
	AuthorDeleted bool   // filled on reads
}

const commentCols = `c.id, c.article_id, c.story_id, c.parent_id, c.depth, c.author_id, c.body, c.created, c.edited_at,
	c.deleted_at, c.state, c.ups, c.downs, c.score, u.display_name, u.deleted_at`

const commentFrom = ` FROM comments c JOIN users u ON u.id = c.author_id `

func scanComment(row interface{ Scan(...any) error }) (Comment, error) {
	var c Comment
	var article, story, created, edited, deleted, authorDeleted int64
	err := row.Scan(&c.ID, &article, &story, &c.ParentID, &c.Depth, &c.AuthorID, &c.Body, &created, &edited,
		&deleted, &c.State, &c.Ups, &c.Downs, &c.Score, &c.AuthorName, &authorDeleted)
	if story != 0 {
		c.Target = Target{TargetStory, story}
	} else {
		c.Target = Target{TargetArticle, article}
	}
	c.Created, c.EditedAt, c.DeletedAt = fromMS(created), fromMS(edited), fromMS(deleted)
	if authorDeleted != 0 {
		// The person asked to be forgotten: their name goes, their words stay.
		c.AuthorDeleted, c.AuthorName = true, ""
	}
	return c, err
}

// AddComment stores a new comment and returns it with its id. The caller decides its
// state and depth (the comment package enforces the rules).
func (s *Store) AddComment(ctx context.Context, c Comment) (Comment, error) {
	if !c.Target.valid() {
		return Comment{}, fmt.Errorf("store: add comment: bad target %v", c.Target)
	}
	if c.State == "" {
		c.State = CommentVisible
	}
	if c.Depth == 0 {
		c.Depth = 1
	}
	if c.Created.IsZero() {
		c.Created = time.Now()
	}
	var article, story int64
	if c.Target.Kind == TargetStory {
		story = c.Target.ID
	} else {
		article = c.Target.ID
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q(`INSERT INTO comments (article_id, story_id, parent_id, depth, author_id, body, created, state)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			article, story, c.ParentID, c.Depth, c.AuthorID, c.Body, ms(c.Created), c.State).Scan(&c.ID)
	})
	if err != nil {
		return Comment{}, fmt.Errorf("store: add comment: %w", err)
	}
	s.changed()
	return s.Comment(ctx, c.ID)
}

// Comment returns one comment in any state, or ErrNotFound.
func (s *Store) Comment(ctx context.Context, id int64) (Comment, error) {
	c, err := scanComment(s.r.QueryRowContext(ctx, s.q(`SELECT `+commentCols+commentFrom+`WHERE c.id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Comment{}, fmt.Errorf("store: comment %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Comment{}, fmt.Errorf("store: comment %d: %w", id, err)
	}
	return c, nil
}

// ThreadComments returns every comment on a target in any state, oldest first, at most
// limit of them. Threads are small enough to sort and page in memory, which keeps "best"
// ordering of nested replies out of SQL.
func (s *Store) ThreadComments(ctx context.Context, t Target, limit int) ([]Comment, error) {
	if !t.valid() {
		return nil, fmt.Errorf("store: thread: bad target %v", t)
	}
	if limit <= 0 {
		limit = 5000
	}
	return s.comments(ctx, "thread", `WHERE c.`+t.column()+` = ? ORDER BY c.created, c.id LIMIT ?`, t.ID, limit)
}

// UserComments lists an account's comments, newest first.
func (s *Store) UserComments(ctx context.Context, userID int64, limit int) ([]Comment, error) {
	if limit <= 0 {
		limit = 50
	}
	return s.comments(ctx, "user comments", `WHERE c.author_id = ? ORDER BY c.created DESC, c.id DESC LIMIT ?`, userID, limit)
}

func (s *Store) comments(ctx context.Context, what, where string, args ...any) ([]Comment, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT `+commentCols+commentFrom+where), args...)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	defer rows.Close()
	var out []Comment
	for rows.Next() {
		c, err := scanComment(rows)
		if err != nil {
			return nil, fmt.Errorf("store: %s: %w", what, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	return out, nil
}

// CountUserComments counts an account's comments in a state (all states when empty).
func (s *Store) CountUserComments(ctx context.Context, userID int64, state string) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM comments WHERE author_id = ? AND (? = '' OR state = ?)`),
		userID, state, state).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count user comments: %w", err)
	}
	return n, nil
}

// LastCommentAt is when an account last commented, zero if never.
func (s *Store) LastCommentAt(ctx context.Context, userID int64) (time.Time, error) {
	var v sql.NullInt64
	err := s.r.QueryRowContext(ctx, s.q(`SELECT MAX(created) FROM comments WHERE author_id = ?`), userID).Scan(&v)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: last comment: %w", err)
	}
	return fromMS(v.Int64), nil
}

// CountComments counts the comments readers see (visible, not deleted) on each of ids of
// one kind, for article and story cards. Ids without comments are absent from the map.
func (s *Store) CountComments(ctx context.Context, kind string, ids []int64) (map[int64]int, error) {
	out := make(map[int64]int, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	t := Target{Kind: kind, ID: 1}
	if !t.valid() {
		return nil, fmt.Errorf("store: count comments: bad kind %q", kind)
	}
	col := t.column()
	args := make([]any, 0, len(ids)+1)
	args = append(args, CommentVisible)
	for _, id := range ids {
		args = append(args, id)
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT `+col+`, COUNT(*) FROM comments
		WHERE state = ? AND deleted_at = 0 AND `+col+` IN (`+marks+`) GROUP BY `+col), args...)
	if err != nil {
		return nil, fmt.Errorf("store: count comments: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("store: count comments: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}

// EditComment replaces a comment's body, marks it edited at at and sets its state (an
// edit may send it to the queue).
func (s *Store) EditComment(ctx context.Context, id int64, body, state string, at time.Time) error {
	err := s.execOne(ctx, "edit comment", `UPDATE comments SET body = ?, state = ?, edited_at = ? WHERE id = ? AND deleted_at = 0`,
		body, state, ms(at), id)
	if err == nil {
		s.changed()
	}
	return err
}

// DeleteComment marks a comment deleted by its author. The row and its body stay, so
// replies keep their place and a moderator can still see what was said.
func (s *Store) DeleteComment(ctx context.Context, id int64, at time.Time) error {
	err := s.execOne(ctx, "delete comment", `UPDATE comments SET deleted_at = ? WHERE id = ? AND deleted_at = 0`, ms(at), id)
	if err == nil {
		s.changed()
	}
	return err
}

// SetVote records a user's vote on a comment: +1, -1, or 0 to take it back. It returns the
// comment's new up and down counts. The counts are kept on the comment row, updated in the
// same transaction as the vote, so listing a thread needs no join over votes.
func (s *Store) SetVote(ctx context.Context, commentID, userID int64, value int, at time.Time) (ups, downs int, err error) {
	if value < -1 || value > 1 {
		return 0, 0, fmt.Errorf("store: vote: bad value %d", value)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var old int
		err := tx.QueryRowContext(ctx, s.q(`SELECT value FROM comment_votes WHERE comment_id = ? AND user_id = ?`), commentID, userID).Scan(&old)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if value == 0 {
			_, err = tx.ExecContext(ctx, s.q(`DELETE FROM comment_votes WHERE comment_id = ? AND user_id = ?`), commentID, userID)
		} else {
			_, err = tx.ExecContext(ctx, s.q(`INSERT INTO comment_votes (comment_id, user_id, value, created) VALUES (?, ?, ?, ?)
				ON CONFLICT (comment_id, user_id) DO UPDATE SET value = excluded.value, created = excluded.created`),
				commentID, userID, value, ms(at))
		}
		if err != nil {
			return err
		}
		du, dd := voteCount(value, 1)-voteCount(old, 1), voteCount(value, -1)-voteCount(old, -1)
		err = tx.QueryRowContext(ctx, s.q(`UPDATE comments SET ups = ups + ?, downs = downs + ?, score = score + ? WHERE id = ?
			RETURNING ups, downs`), du, dd, du-dd, commentID).Scan(&ups, &downs)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	})
	if err != nil {
		return 0, 0, fmt.Errorf("store: vote on comment %d: %w", commentID, err)
	}
	s.changed()
	return ups, downs, nil
}

func voteCount(v, want int) int {
	if v == want {
		return 1
	}
	return 0
}

// ThreadVotes returns a user's votes on the comments of a target, by comment id.
func (s *Store) ThreadVotes(ctx context.Context, t Target, userID int64) (map[int64]int, error) {
	if !t.valid() {
		return nil, fmt.Errorf("store: thread votes: bad target %v", t)
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT v.comment_id, v.value FROM comment_votes v JOIN comments c ON c.id = v.comment_id
		WHERE v.user_id = ? AND c.`+t.column()+` = ?`), userID, t.ID)
	if err != nil {
		return nil, fmt.Errorf("store: thread votes: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var v int
		if err := rows.Scan(&id, &v); err != nil {
			return nil, fmt.Errorf("store: thread votes: %w", err)
		}
		out[id] = v
	}
	return out, rows.Err()
}

// Vote returns a user's vote on one comment: +1, -1 or 0.
func (s *Store) Vote(ctx context.Context, commentID, userID int64) (int, error) {
	var v int
	err := s.r.QueryRowContext(ctx, s.q(`SELECT value FROM comment_votes WHERE comment_id = ? AND user_id = ?`), commentID, userID).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: vote: %w", err)
	}
	return v, nil
}
