package store

import (
	"context"
	"database/sql"
	"fmt"
)

// AddArticlesBulk stores many articles in one transaction, for benchmarks and demos that
// load generated articles by the hundred thousand. Unlike AddArticle it writes no tags or
// terms and runs no story grouping; StoryID and DuplicateOf are stored as given. Articles
// whose URL is already stored are skipped. It reports how many it stored. Callers batch:
// a few thousand articles per call keeps each transaction short.
func (s *Store) AddArticlesBulk(ctx context.Context, articles []Article) (int, error) {
	var added int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		added = 0
		stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO articles (publisher_id, url, guid, title, byline,
			published, updated, fetched, language, image_url, text, snippet, word_count, site_name,
			story_id, duplicate_of, section, section_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`))
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, a := range articles {
			res, err := stmt.ExecContext(ctx, a.PublisherID, a.URL, a.GUID, a.Title, a.Byline,
				ms(a.Published), ms(a.Updated), ms(a.Fetched), a.Language, a.ImageURL, a.Text, a.Snippet, a.WordCount,
				a.SiteName, a.StoryID, a.DuplicateOf, a.Section, a.SectionBy)
			if err != nil {
				return fmt.Errorf("%s: %w", a.URL, err)
			}
			if n, _ := res.RowsAffected(); n > 0 {
				added++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: add articles: %w", err)
	}
	if added > 0 {
		s.changed()
	}
	return added, nil
}
