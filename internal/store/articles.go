package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

const articleCols = `a.id, a.publisher_id, COALESCE(a.feed_id, 0), a.url, a.guid, a.title, a.byline, a.published,
	a.updated, a.fetched, a.language, a.image_url, a.text, a.html, a.snippet, a.word_count, a.site_name,
	a.story_id, a.duplicate_of, a.key_points, p.name, p.logo_url, p.country, a.section, a.section_by`

// articleListCols leaves out the bodies, which lists never show.
const articleListCols = `a.id, a.publisher_id, COALESCE(a.feed_id, 0), a.url, a.guid, a.title, a.byline, a.published,
	a.updated, a.fetched, a.language, a.image_url, '', '', a.snippet, a.word_count, a.site_name,
	a.story_id, a.duplicate_of, '', p.name, p.logo_url, p.country, a.section, a.section_by`

// articleTextCols is a list with the plain text, for story briefs and questions.
const articleTextCols = `a.id, a.publisher_id, COALESCE(a.feed_id, 0), a.url, a.guid, a.title, a.byline, a.published,
	a.updated, a.fetched, a.language, a.image_url, a.text, '', a.snippet, a.word_count, a.site_name,
	a.story_id, a.duplicate_of, '', p.name, p.logo_url, p.country, a.section, a.section_by`

func scanArticle(row interface{ Scan(...any) error }) (Article, error) {
	var a Article
	var pub, upd, fet int64
	var kp string
	err := row.Scan(&a.ID, &a.PublisherID, &a.FeedID, &a.URL, &a.GUID, &a.Title, &a.Byline, &pub, &upd, &fet,
		&a.Language, &a.ImageURL, &a.Text, &a.HTML, &a.Snippet, &a.WordCount, &a.SiteName,
		&a.StoryID, &a.DuplicateOf, &kp, &a.PublisherName, &a.PublisherLogo, &a.PublisherCountry,
		&a.Section, &a.SectionBy)
	a.Published, a.Updated, a.Fetched = fromMS(pub), fromMS(upd), fromMS(fet)
	if err == nil && kp != "" {
		err = json.Unmarshal([]byte(kp), &a.KeyPoints)
	}
	return a, err
}

// AddArticle stores an article with its tags and, when itemID is not 0, marks that feed item
// done, in one transaction. An article whose URL is already stored is not stored again:
// AddArticle then returns the existing id with created false, so a retried job never
// duplicates an article. For a new article, group (when not nil) is called inside the
// transaction with the new id and its decision is applied there too, so an article is
// never visible without its story.
func (s *Store) AddArticle(ctx context.Context, a Article, itemID int64, group func(id int64) StoryUpdate) (id int64, created bool, err error) {
	return s.addArticle(ctx, a, itemID, group, nil)
}

// addArticle is AddArticle; with serial (AddGroupedArticle) on PostgreSQL, grouping is
// serialised across processes.
func (s *Store) addArticle(ctx context.Context, a Article, itemID int64, group func(id int64) StoryUpdate, serial StoryGrouper) (id int64, created bool, err error) {
	serialise := s.serialGrouping(serial)
	var feedID any
	if a.FeedID != 0 {
		feedID = a.FeedID
	}
	var kp string
	if len(a.KeyPoints) > 0 {
		b, err := json.Marshal(a.KeyPoints)
		if err != nil {
			return 0, false, fmt.Errorf("store: add article %s: %w", a.URL, err)
		}
		kp = string(b)
	}
	// The new row's id is fixed before the retries so that group sees one id however often
	// the transaction runs. SQLite gives a rolled-back rowid out again (reservedID stays nil
	// and the INSERT's NULL id means "the next rowid"); PostgreSQL does not, so the id is
	// taken from the sequence here.
	// Serialised grouping reserves the id under its lock instead (see AddGroupedArticle).
	var reservedID any
	if s.d.reserveID != nil && !serialise {
		rid, err := s.d.reserveID(ctx, s.w, "articles")
		if err != nil {
			return 0, false, fmt.Errorf("store: add article %s: %w", a.URL, err)
		}
		reservedID = rid
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		created = false
		if serialise {
			if err := s.beginSerialGrouping(ctx, tx, serial, &reservedID); err != nil {
				return err
			}
		}
		err := tx.QueryRowContext(ctx, s.q(`INSERT INTO articles (id, publisher_id, feed_id, url, guid, title, byline,
			published, updated, fetched, language, image_url, text, html, snippet, word_count, site_name, key_points,
			section, section_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (url) DO NOTHING RETURNING id`),
			reservedID, a.PublisherID, feedID, a.URL, a.GUID, a.Title, a.Byline, ms(a.Published), ms(a.Updated), ms(a.Fetched),
			a.Language, a.ImageURL, a.Text, a.HTML, a.Snippet, a.WordCount, a.SiteName, kp,
			a.Section, a.SectionBy).Scan(&id)
		switch {
		case err == nil:
			created = true
			if err := s.addTagsAndTerms(ctx, tx, id, a.Tags, a.Terms); err != nil {
				return err
			}
			if group != nil {
				u := group(id)
				if serialise {
					if u, err = s.settleStory(ctx, tx, u); err != nil {
						return err
					}
				}
				if err := s.applyStory(ctx, tx, id, u); err != nil {
					return err
				}
			}
			if err := s.notifyInTx(ctx, tx); err != nil {
				return err
			}
		case errors.Is(err, sql.ErrNoRows):
			if err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM articles WHERE url = ?`), a.URL).Scan(&id); err != nil {
				return err
			}
		default:
			return err
		}
		if itemID != 0 {
			_, err = tx.ExecContext(ctx, s.q(`UPDATE feed_items SET state = 'done', error = '', article_id = ? WHERE id = ?`), id, itemID)
		}
		return err
	})
	if err != nil {
		return 0, false, fmt.Errorf("store: add article %s: %w", a.URL, err)
	}
	if created {
		s.changedLocally() // notified inside the transaction
	}
	return id, created, nil
}

// Article returns one article with its body, or ErrNotFound.
func (s *Store) Article(ctx context.Context, id int64) (Article, error) {
	a, err := scanArticle(s.r.QueryRowContext(ctx, s.q(`SELECT `+articleCols+`
		FROM articles a JOIN publishers p ON p.id = a.publisher_id WHERE a.id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, fmt.Errorf("store: article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Article{}, fmt.Errorf("store: article %d: %w", id, err)
	}
	return a, nil
}

// ArticleIDByURL returns the id of the article stored under a canonical URL, or ErrNotFound.
func (s *Store) ArticleIDByURL(ctx context.Context, url string) (int64, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, s.q(`SELECT id FROM articles WHERE url = ?`), url).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("store: article %s: %w", url, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("store: article %s: %w", url, err)
	}
	return id, nil
}

// LatestArticles lists the newest original articles (copies are shown through their
// original), without bodies.
func (s *Store) LatestArticles(ctx context.Context, limit int) ([]Article, error) {
	return s.listArticles(ctx, `SELECT `+articleListCols+` FROM articles a JOIN publishers p ON p.id = a.publisher_id
		WHERE a.duplicate_of = 0 ORDER BY a.published DESC, a.id DESC LIMIT ?`, limit)
}

// PublisherArticles lists a publisher's newest articles, without bodies.
func (s *Store) PublisherArticles(ctx context.Context, publisherID int64, limit int) ([]Article, error) {
	return s.listArticles(ctx, `SELECT `+articleListCols+` FROM articles a JOIN publishers p ON p.id = a.publisher_id
		WHERE a.publisher_id = ? ORDER BY a.published DESC, a.id DESC LIMIT ?`, publisherID, limit)
}

// CountArticles counts stored articles.
func (s *Store) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count articles: %w", err)
	}
	return n, nil
}

func (s *Store) listArticles(ctx context.Context, query string, args ...any) ([]Article, error) {
	rows, err := s.r.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("store: list articles: %w", err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list articles: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
