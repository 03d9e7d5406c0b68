package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// applyStory writes a grouping decision: the article's story and original, stories merged
// into it (their articles move, their ids redirect) and a split.
func (s *Store) applyStory(ctx context.Context, tx *sql.Tx, id int64, u StoryUpdate) error {
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE articles SET story_id = ?, duplicate_of = ? WHERE id = ?`), u.Story, u.DuplicateOf, id); err != nil {
		return err
	}
	for _, from := range u.Merged {
		if from == u.Story {
			continue
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE articles SET story_id = ? WHERE story_id = ?`), u.Story, from); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO story_redirects (from_id, to_id) VALUES (?, ?)
			ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id`), from, u.Story); err != nil {
			return err
		}
		// Earlier redirects to the merged story now point at the survivor.
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE story_redirects SET to_id = ? WHERE to_id = ?`), u.Story, from); err != nil {
			return err
		}
	}
	if u.SplitTo != 0 {
		for _, item := range u.SplitItems {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE articles SET story_id = ? WHERE id = ?`), u.SplitTo, item); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Store) addTagsAndTerms(ctx context.Context, tx *sql.Tx, id int64, tags []Tag, terms []string) error {
	if len(tags) > 0 {
		stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO article_tags (article_id, tag, kind) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`))
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, t := range tags {
			if _, err := stmt.ExecContext(ctx, id, t.Name, t.Kind); err != nil {
				return err
			}
		}
	}
	// Every article bumps many of the same common terms, and on PostgreSQL concurrent
	// writers lock those rows until commit: taking them in one global order means writers
	// queue behind each other instead of deadlocking. Terms are distinct, so one
	// multi-row statement per batch never touches a row twice; one statement per term
	// was a tenth of ingest's CPU.
	sorted := slices.Sorted(slices.Values(terms))
	const batch = 500
	for start := 0; start < len(sorted); start += batch {
		part := sorted[start:min(start+batch, len(sorted))]
		args := make([]any, len(part))
		for i, t := range part {
			args[i] = t
		}
		q := `INSERT INTO term_df (term, df) VALUES (?, 1)` + strings.Repeat(`, (?, 1)`, len(part)-1) +
			` ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1`
		if _, err := tx.ExecContext(ctx, s.q(q), args...); err != nil {
			return err
		}
	}
	return nil
}

// ResolveStory follows merge redirects to the story an id stands for now.
func (s *Store) ResolveStory(ctx context.Context, id int64) (int64, error) {
	var to int64
	err := s.r.QueryRowContext(ctx, s.q(`SELECT to_id FROM story_redirects WHERE from_id = ?`), id).Scan(&to)
	if errors.Is(err, sql.ErrNoRows) {
		return id, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: resolve story %d: %w", id, err)
	}
	return to, nil
}

// StoryArticles lists a story's articles with their plain text, newest first.
func (s *Store) StoryArticles(ctx context.Context, story int64, limit int) ([]Article, error) {
	arts, err := s.listArticles(ctx, `SELECT `+articleTextCols+` FROM articles a JOIN publishers p ON p.id = a.publisher_id
		WHERE a.story_id = ? ORDER BY a.published DESC, a.id DESC LIMIT ?`, story, limit)
	if err == nil && len(arts) == 0 {
		return nil, fmt.Errorf("store: story %d: %w", story, ErrNotFound)
	}
	return arts, err
}

// RelatedCandidates lists what "Related articles" chooses from: the article's story, and
// recent articles sharing one of its tags.
func (s *Store) RelatedCandidates(ctx context.Context, a Article, since time.Time, limit int) ([]Article, error) {
	return s.listArticles(ctx, `SELECT `+articleListCols+` FROM articles a JOIN publishers p ON p.id = a.publisher_id
		WHERE a.id <> ? AND a.duplicate_of = 0 AND (
			(a.story_id = ? AND a.story_id <> 0) OR
			(a.published >= ? AND a.id IN (SELECT t.article_id FROM article_tags t
				WHERE t.tag IN (SELECT tag FROM article_tags WHERE article_id = ?))))
		ORDER BY a.published DESC, a.id DESC LIMIT ?`, a.ID, a.StoryID, ms(since), a.ID, limit)
}

// ArticleTags lists an article's tags, people, places and organisations first.
func (s *Store) ArticleTags(ctx context.Context, id int64) ([]Tag, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT tag, kind FROM article_tags WHERE article_id = ?
		ORDER BY CASE kind WHEN 'keyword' THEN 1 ELSE 0 END, tag`), id)
	if err != nil {
		return nil, fmt.Errorf("store: tags of %d: %w", id, err)
	}
	defer rows.Close()
	var out []Tag
	for rows.Next() {
		var t Tag
		if err := rows.Scan(&t.Name, &t.Kind); err != nil {
			return nil, fmt.Errorf("store: tags of %d: %w", id, err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// TagArticles lists the newest article of each story that carries a tag.
func (s *Store) TagArticles(ctx context.Context, tag string, limit int) ([]Article, error) {
	return s.listArticles(ctx, `SELECT `+articleListCols+` FROM articles a JOIN publishers p ON p.id = a.publisher_id
		WHERE a.id IN (
			SELECT MAX(a2.id) FROM articles a2 JOIN article_tags t ON t.article_id = a2.id
			WHERE t.tag = ? AND a2.duplicate_of = 0 GROUP BY CASE WHEN a2.story_id = 0 THEN -a2.id ELSE a2.story_id END)
		ORDER BY a.published DESC, a.id DESC LIMIT ?`, tag, limit)
}

// AlsoIn maps each original among ids to the publishers that ran copies of it.
func (s *Store) AlsoIn(ctx context.Context, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT a.duplicate_of, p.name FROM articles a JOIN publishers p ON p.id = a.publisher_id
		WHERE a.duplicate_of IN (?`+strings.Repeat(", ?", len(ids)-1)+`) ORDER BY a.published`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: also in: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("store: also in: %w", err)
		}
		out[id] = append(out[id], name)
	}
	return out, rows.Err()
}

// EachRecentArticle calls fn for every article published since, oldest first, with its
// text and story; the story engine replays them at start-up.
func (s *Store) EachRecentArticle(ctx context.Context, since time.Time, fn func(Article) error) error {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT `+articleTextCols+` FROM articles a JOIN publishers p ON p.id = a.publisher_id
		WHERE a.published >= ? AND a.story_id <> 0 ORDER BY a.published, a.id`), ms(since))
	if err != nil {
		return fmt.Errorf("store: recent articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return fmt.Errorf("store: recent articles: %w", err)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// DocFreq is how many stored articles contain a term.
func (s *Store) DocFreq(ctx context.Context, term string) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, s.q(`SELECT df FROM term_df WHERE term = ?`), term).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: doc freq: %w", err)
	}
	return n, nil
}

// StorySize is how much coverage a story has: its articles (copies included) and the
// publishers that ran them.
type StorySize struct {
	Articles   int
	Publishers int
}

// StorySizes returns the size of each of the given stories that has articles; a front page
// asks for all its cards' stories at once to decide which get a "Full coverage" link.
func (s *Store) StorySizes(ctx context.Context, ids []int64) (map[int64]StorySize, error) {
	out := map[int64]StorySize{}
	var args []any
	for _, id := range ids {
		if id != 0 { // 0 is "not grouped yet", not a story
			args = append(args, id)
		}
	}
	if len(args) == 0 {
		return out, nil
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT story_id, COUNT(*), COUNT(DISTINCT publisher_id) FROM articles
		WHERE story_id IN (?`+strings.Repeat(", ?", len(args)-1)+`) GROUP BY story_id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: story sizes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n StorySize
		if err := rows.Scan(&id, &n.Articles, &n.Publishers); err != nil {
			return nil, fmt.Errorf("store: story sizes: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}

// DocFreqs is DocFreq for many terms in a few queries; terms absent from the corpus are
// absent from the map.
func (s *Store) DocFreqs(ctx context.Context, terms []string) (map[string]int, error) {
	out := make(map[string]int, len(terms))
	const chunk = 500 // well under SQLite's and PostgreSQL's parameter limits
	for start := 0; start < len(terms); start += chunk {
		part := terms[start:min(start+chunk, len(terms))]
		args := make([]any, len(part))
		for i, t := range part {
			args[i] = t
		}
		rows, err := s.r.QueryContext(ctx, s.q(`SELECT term, df FROM term_df WHERE term IN (?`+strings.Repeat(", ?", len(part)-1)+`)`), args...)
		if err != nil {
			return nil, fmt.Errorf("store: doc freqs: %w", err)
		}
		for rows.Next() {
			var t string
			var n int
			if err := rows.Scan(&t, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: doc freqs: %w", err)
			}
			out[t] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: doc freqs: %w", err)
		}
	}
	return out, nil
}
