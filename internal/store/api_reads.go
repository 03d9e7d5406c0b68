package store

import (
	"context"
	"time"
)

// ArticleCursor is a position in a newest-first article list, the last article a client
// was given: the next page starts after it. Lists are ordered by (published, id), both
// descending, so the pair names one place even when articles share a publication time and
// new articles arriving at the top never shift a page the client has not read yet.
type ArticleCursor struct {
	Published time.Time
	ID        int64
}

// IsZero reports whether c is the start of a list.
func (c ArticleCursor) IsZero() bool { return c.ID == 0 && c.Published.IsZero() }

// after is the WHERE fragment and its arguments that keep a list to the rows after c;
// "TRUE" with no arguments at the start of a list.
func (c ArticleCursor) after(alias string) (string, []any) {
	if c.IsZero() {
		return "1 = 1", nil
	}
	p := ms(c.Published)
	return "(" + alias + ".published < ? OR (" + alias + ".published = ? AND " + alias + ".id < ?))", []any{p, p, c.ID}
}

// LatestArticlesAfter is LatestArticles from a cursor: the newest originals that come after
// it, without bodies.
func (s *Store) LatestArticlesAfter(ctx context.Context, after ArticleCursor, limit int) ([]Article, error) {
	cond, args := after.after("a")
	return s.listArticles(ctx, `SELECT `+articleListCols+` FROM articles a JOIN publishers p ON p.id = a.publisher_id
		WHERE a.duplicate_of = 0 AND `+cond+` ORDER BY a.published DESC, a.id DESC LIMIT ?`, append(args, limit)...)
}

// TagArticlesAfter is TagArticles from a cursor: the newest article of each story carrying
// the tag, after the cursor.
func (s *Store) TagArticlesAfter(ctx context.Context, tag string, after ArticleCursor, limit int) ([]Article, error) {
	cond, args := after.after("a")
	args = append([]any{tag}, args...)
	return s.listArticles(ctx, `SELECT `+articleListCols+` FROM articles a JOIN publishers p ON p.id = a.publisher_id
		WHERE a.id IN (
			SELECT MAX(a2.id) FROM articles a2 JOIN article_tags t ON t.article_id = a2.id
			WHERE t.tag = ? AND a2.duplicate_of = 0 GROUP BY CASE WHEN a2.story_id = 0 THEN -a2.id ELSE a2.story_id END)
		AND `+cond+` ORDER BY a.published DESC, a.id DESC LIMIT ?`, append(args, limit)...)
}
