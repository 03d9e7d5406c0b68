package store

import (
	"context"
	"database/sql"
	"fmt"
)

// What placed an article in its section (Article.SectionBy). Articles placed by a rule are
// the text classifier's training data; the classifier's own guesses never are, so it does
// not learn from its mistakes.
const (
	SectionByCategory = "category" // the feed's categories
	SectionByURL      = "url"      // a section word in the article's URL
	SectionByModel    = "model"    // the text classifier
)

// sampleTextChars bounds the text read per training sample: the opening of an article says
// what it is about, and the classifier's memory stays small.
const sampleTextChars = 2000

// SectionSample is one article placed in its section by a rule, or one to be placed.
type SectionSample struct {
	ID      int64
	URL     string
	Title   string
	Text    string // the opening of the plain text
	Section string
	By      string
}

// SectionSamples lists the newest articles placed by a rule, to train the text classifier.
func (s *Store) SectionSamples(ctx context.Context, limit int) ([]SectionSample, error) {
	return s.sectionSamples(ctx, `SELECT id, url, title, SUBSTR(text, 1, ?), section, section_by FROM articles
		WHERE section_by IN (?, ?) ORDER BY published DESC, id DESC LIMIT ?`,
		sampleTextChars, SectionByCategory, SectionByURL, limit)
}

// SectionBacklog lists the newest articles no rule placed (unclassified, or placed by the
// classifier), so that a retrained classifier can place them again.
func (s *Store) SectionBacklog(ctx context.Context, limit int) ([]SectionSample, error) {
	return s.sectionSamples(ctx, `SELECT id, url, title, SUBSTR(text, 1, ?), section, section_by FROM articles
		WHERE section_by NOT IN (?, ?) ORDER BY published DESC, id DESC LIMIT ?`,
		sampleTextChars, SectionByCategory, SectionByURL, limit)
}

func (s *Store) sectionSamples(ctx context.Context, query string, args ...any) ([]SectionSample, error) {
	rows, err := s.r.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("store: section samples: %w", err)
	}
	defer rows.Close()
	var out []SectionSample
	for rows.Next() {
		var x SectionSample
		if err := rows.Scan(&x.ID, &x.URL, &x.Title, &x.Text, &x.Section, &x.By); err != nil {
			return nil, fmt.Errorf("store: section samples: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// SetArticleSection places an article in a section. A placement by a rule is never
// overwritten by the classifier.
func (s *Store) SetArticleSection(ctx context.Context, id int64, section, by string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		q := `UPDATE articles SET section = ?, section_by = ? WHERE id = ?`
		args := []any{section, by, id}
		if by == SectionByModel {
			q += ` AND section_by NOT IN (?, ?)`
			args = append(args, SectionByCategory, SectionByURL)
		}
		_, err := tx.ExecContext(ctx, s.q(q), args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: section of article %d: %w", id, err)
	}
	s.changed()
	return nil
}
