package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"newsdesk/internal/search"
)

// ErrEmptyQuery is returned by Search for text with no word to search for.
var ErrEmptyQuery = search.ErrEmptyQuery

// ErrBadCursor is returned by Search for a cursor it did not issue for the same query.
var ErrBadCursor = errors.New("invalid search cursor")

// Ranking. A result's score is its relevance blended with freshness:
//
//	score = relevance × 1 / (1 + age_hours / searchTau)
//
// relevance is -bm25 on SQLite (title weighted searchTitleWeight, text 1; or a title
// score when bm25 would cost too much, see searchIDFLimit) and ts_rank on
// PostgreSQL (title weight A = 1.0, text B = 0.4, divided by 1 + log(length)); age runs
// from the article's published time (its fetch time when that is unknown) to the time of
// the search's first page. With τ = 48 h an article two days old needs twice the relevance
// of a new one, a week-old one 4.5 times.
//
// Only the newest searchCandidates matching originals are ranked (SQLite walks its index
// newest first and stops there; PostgreSQL keeps the highest ids): that bounds the cost of
// a common word over a million articles. What it leaves out is older than
// searchCandidates newer matches, which the freshness factor would rank low anyway; for a
// word in half of all articles on a busy site that can mean only the last hours, and date
// filters reach further back.
const (
	searchTau         = 48.0 // hours
	searchTitleWeight = 5.0
	searchCandidates  = 500
	searchLimit       = 20
	searchMaxLimit    = 100
)

// SearchQuery is one search: the words as typed and optional filters.
type SearchQuery struct {
	Text        string
	PublisherID int64     // 0: any publisher
	Country     string    // the publisher's country (ISO 3166-1 alpha-2); "": any
	Language    string    // the article's language (ISO 639-1); "": any
	Section     string    // the article's section (see migration 0005); "": any
	From, To    time.Time // published in [From, To); zero: unbounded
	Limit       int       // results per page: 20 when 0, at most 100
	Cursor      string    // SearchResult.Next of the previous page; "" for the first
}

// SearchHit is one result: the article without its body, and HTML with the matched words
// in <mark> and everything else escaped, safe to render as template.HTML.
type SearchHit struct {
	Article
	TitleHTML   string
	SnippetHTML string
	Score       float64
}

// SearchResult is one page of results, best first.
type SearchResult struct {
	Hits []SearchHit
	Next string // the cursor of the next page; "" on the last page
}

// searchCursor pins a search's pages to its first page: the same "now" for freshness, and
// only articles that existed then (ids up to maxID), so pages neither repeat nor skip a
// result when articles arrive in between. Pages are offsets into that fixed ranking: its
// candidates are ranked again on each page anyway, and unlike a (score, id) key an offset
// survives the small drift of SQLite's bm25 corpus statistics as articles arrive.
type searchCursor struct {
	key    uint64 // hash of the query and filters the cursor belongs to
	now    int64  // ms
	maxID  int64
	offset int64
	bm25   bool // SQLite ranks by bm25, not by title (see sqliteBM25IsCheap)
}

func (c searchCursor) encode() string {
	b := binary.AppendUvarint(nil, 1) // format version
	b = binary.AppendUvarint(b, c.key)
	b = binary.AppendVarint(b, c.now)
	b = binary.AppendVarint(b, c.maxID)
	b = binary.AppendVarint(b, c.offset)
	b = binary.AppendVarint(b, map[bool]int64{true: 1}[c.bm25])
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeSearchCursor(s string, key uint64) (searchCursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return searchCursor{}, ErrBadCursor
	}
	var c searchCursor
	read := func() int64 {
		v, n := binary.Varint(b)
		if n <= 0 {
			err = ErrBadCursor
			return 0
		}
		b = b[n:]
		return v
	}
	ver, n := binary.Uvarint(b)
	if n <= 0 || ver != 1 {
		return searchCursor{}, ErrBadCursor
	}
	b = b[n:]
	if c.key, n = binary.Uvarint(b); n <= 0 || c.key != key {
		return searchCursor{}, ErrBadCursor
	}
	b = b[n:]
	c.now, c.maxID, c.offset = read(), read(), read()
	c.bm25 = read() == 1
	if err != nil || len(b) != 0 || c.offset < 0 || c.offset >= searchCandidates {
		return searchCursor{}, ErrBadCursor
	}
	return c, nil
}

// searchKey identifies what a cursor may continue: the parsed query and the filters.
func searchKey(pq search.Query, q SearchQuery) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%d\x00%s\x00%s\x00%s\x00%d\x00%d", pq.String(), q.PublisherID,
		strings.ToLower(q.Country), strings.ToLower(q.Language), strings.ToLower(q.Section), ms(q.From), ms(q.To))
	return h.Sum64()
}

// Search finds original articles (copies are left out) matching the query's words and
// filters, ranked by relevance blended with freshness. Any text is accepted: text without a
// word to search for fails with ErrEmptyQuery, a cursor from another query with
// ErrBadCursor.
func (s *Store) Search(ctx context.Context, q SearchQuery) (SearchResult, error) {
	pq, err := search.Parse(q.Text)
	if err != nil {
		return SearchResult{}, fmt.Errorf("store: search: %w", err)
	}
	key := searchKey(pq, q)
	var c searchCursor
	if q.Cursor != "" {
		if c, err = decodeSearchCursor(q.Cursor, key); err != nil {
			return SearchResult{}, fmt.Errorf("store: search: %w", err)
		}
	} else {
		c = searchCursor{key: key, now: time.Now().UnixMilli()}
		if err := s.r.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&c.maxID); err != nil {
			return SearchResult{}, fmt.Errorf("store: search: %w", err)
		}
		if s.d.name == "sqlite" {
			if c.bm25, err = s.sqliteBM25IsCheap(ctx, pq, q); err != nil {
				return SearchResult{}, fmt.Errorf("store: search: %w", err)
			}
		}
	}
	limit := q.Limit
	if limit <= 0 {
		limit = searchLimit
	}
	limit = min(limit, searchMaxLimit, searchCandidates-int(c.offset))

	var hits []SearchHit
	if s.d.name == "postgres" {
		hits, err = s.searchPostgres(ctx, pq, q, c, limit+1)
	} else {
		hits, err = s.searchSQLite(ctx, pq, q, c, limit+1)
	}
	if err != nil {
		return SearchResult{}, fmt.Errorf("store: search %q: %w", pq.String(), err)
	}
	var res SearchResult
	if len(hits) > limit {
		hits = hits[:limit]
		next := c
		next.offset += int64(limit)
		if next.offset < searchCandidates {
			res.Next = next.encode()
		}
	}
	res.Hits = hits
	return res, nil
}

// searchFilters renders the filters shared by both dialects as SQL on articles a and
// publishers p, with their arguments.
func searchFilters(q SearchQuery) (string, []any) {
	var b strings.Builder
	var args []any
	add := func(cond string, arg any) {
		b.WriteString(" AND ")
		b.WriteString(cond)
		args = append(args, arg)
	}
	if q.PublisherID != 0 {
		add("a.publisher_id = ?", q.PublisherID)
	}
	if q.Country != "" {
		add("p.country = ?", strings.ToLower(q.Country))
	}
	if q.Language != "" {
		add("a.language = ?", strings.ToLower(q.Language))
	}
	if q.Section != "" {
		add("a.section = ?", strings.ToLower(q.Section))
	}
	if !q.From.IsZero() {
		add("a.published >= ?", ms(q.From))
	}
	if !q.To.IsZero() {
		add("a.published < ?", ms(q.To))
	}
	return b.String(), args
}

// searchFreshness is the SQL for 1 + age_hours/τ at the cursor's time (its one argument),
// age never negative.
const searchFreshness = `(1.0 + MAX(0, ? - CASE WHEN a.published > 0 THEN a.published ELSE a.fetched END) / 3600000.0 / %g)`

func (s *Store) searchSQLite(ctx context.Context, pq search.Query, q SearchQuery, c searchCursor, limit int) ([]SearchHit, error) {
	match := sqliteMatch(pq, q)
	filters, fargs := searchFilters(q)
	minID, err := s.sqliteFromBound(ctx, q.From)
	if err != nil || minID < 0 {
		return nil, err
	}
	// The candidates come from the FTS5 index walked newest first (ORDER BY rowid DESC is
	// answered by the index itself), checked against the filters, and stop at
	// searchCandidates; bm25 is computed for those only.
	// Relevance is bm25, or (rel NULL) computed from the title FTS5 marked with char(1)
	// before each match: matched words over words, counted as spaces plus one.
	rel := fmt.Sprintf(`-bm25(articles_fts, %g, 1.0, 0.0) AS rel, '' AS h`, searchTitleWeight)
	if !c.bm25 {
		rel = `NULL AS rel, trim(highlight(articles_fts, 0, char(1), '')) AS h`
	}
	query := fmt.Sprintf(`WITH cand AS MATERIALIZED (
			SELECT f.rowid AS id, `+rel+`, a.published, a.fetched
			FROM articles_fts f JOIN articles a ON a.id = f.rowid JOIN publishers p ON p.id = a.publisher_id
			WHERE articles_fts MATCH ? AND f.rowid <= ? AND f.rowid >= ? AND a.duplicate_of = 0`+filters+`
			ORDER BY f.rowid DESC LIMIT %d),
		page AS MATERIALIZED (
			SELECT a.id, COALESCE(a.rel, 1.0 + %g * (length(a.h) - length(replace(a.h, char(1), '')))
				/ (1.0 + length(a.h) - length(replace(a.h, ' ', ''))))
				/ `+searchFreshness+` AS score FROM cand a
			ORDER BY score DESC, a.id DESC LIMIT ? OFFSET ?)
		SELECT `+articleListCols+`, pg.score
		FROM page pg JOIN articles a ON a.id = pg.id JOIN publishers p ON p.id = a.publisher_id
		ORDER BY pg.score DESC, a.id DESC`, searchCandidates, searchTitleWeight, searchTau)
	args := append([]any{match, c.maxID, minID}, fargs...)
	args = append(args, c.now, limit, c.offset)
	hits, err := s.scanHits(ctx, query, args, func(h *SearchHit) []any { return []any{&h.Score} })
	if err != nil || len(hits) == 0 {
		return hits, err
	}

	// Highlights for the page only: FTS5 marks the matched tokens, stems included.
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = fmt.Sprint(h.ID)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT rowid, highlight(articles_fts, 0, ?, ?), snippet(articles_fts, 1, ?, ?, '…', 32)
		FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (`+strings.Join(ids, ",")+`)`,
		search.MarkStart, search.MarkStop, search.MarkStart, search.MarkStop, match)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	marked := map[int64][2]string{}
	for rows.Next() {
		var id int64
		var title, snippet string
		if err := rows.Scan(&id, &title, &snippet); err != nil {
			return nil, err
		}
		marked[id] = [2]string{title, snippet}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range hits {
		m := marked[hits[i].ID]
		hits[i].TitleHTML = search.HighlightHTML(m[0])
		hits[i].SnippetHTML = search.HighlightHTML(m[1])
	}
	return hits, nil
}

// sqliteMatch is the FTS5 expression of a search: the words in title and text, and the
// publisher filter as a token of the facets column (see sqlite/0004_search.sql), which
// the index intersects far faster than rows can be checked one by one.
func sqliteMatch(pq search.Query, q SearchQuery) string {
	m := "{title text} : (" + pq.FTS5() + ")"
	if q.PublisherID != 0 {
		m += fmt.Sprintf(` AND facets : "p%d"`, q.PublisherID)
	}
	return m
}

// bm25 needs each phrase's document count, and FTS5 finds it by reading the phrase's
// whole posting list on every search: 90 ms for a word in each of a million articles.
// A search whose words (and publisher token) each occur in at most searchIDFLimit
// articles, at most searchIDFWords of them, is ranked by bm25; any other by its title:
//
//	relevance = 1 + searchTitleWeight × matched title words / title words
//
// which every candidate has at hand (FTS5 marks the matches, stems included) and which
// still puts a title match above a body match. The choice is made on the first page and
// kept in the cursor.
const (
	searchIDFLimit = 20000
	searchIDFWords = 6
)

// sqliteBM25IsCheap reports whether bm25 can rank this search at a bounded cost: each
// word is probed by reading at most searchIDFLimit+1 entries of its posting list.
func (s *Store) sqliteBM25IsCheap(ctx context.Context, pq search.Query, q SearchQuery) (bool, error) {
	var tokens []string
	for _, g := range append(pq.Groups, pq.Exclude) {
		for _, a := range g {
			for _, w := range a {
				if !slices.Contains(tokens, w) {
					tokens = append(tokens, w)
				}
			}
		}
	}
	if q.PublisherID != 0 {
		tokens = append(tokens, fmt.Sprintf("p%d", q.PublisherID))
	}
	if len(tokens) > searchIDFWords {
		return false, nil
	}
	for _, w := range tokens {
		var n int
		err := s.r.QueryRowContext(ctx, fmt.Sprintf(`SELECT count(*) FROM (SELECT 1 FROM articles_fts
			WHERE articles_fts MATCH ? LIMIT %d)`, searchIDFLimit+1), `"`+w+`"`).Scan(&n)
		if err != nil {
			return false, err
		}
		if n > searchIDFLimit {
			return false, nil
		}
	}
	return true, nil
}

// searchFromWindow bounds the work of finding where a From filter starts.
const searchFromWindow = 50000

// sqliteFromBound turns a From filter into a lower bound on ids, so that the newest-first
// walk stops at the window's start instead of checking every older match: it is the
// smallest id published since from, found on the published index when fewer than
// searchFromWindow articles were (a wider window is cheap to walk anyway; the bound is
// then 0). It is -1 when no article was published since from.
func (s *Store) sqliteFromBound(ctx context.Context, from time.Time) (int64, error) {
	if from.IsZero() {
		return 0, nil
	}
	var minID sql.NullInt64
	var n int
	err := s.r.QueryRowContext(ctx, fmt.Sprintf(`SELECT MIN(id), COUNT(*) FROM (SELECT id FROM articles INDEXED BY articles_published
		WHERE published >= ? LIMIT %d)`, searchFromWindow+1), ms(from)).Scan(&minID, &n)
	switch {
	case err != nil:
		return 0, err
	case n > searchFromWindow:
		return 0, nil
	case !minID.Valid:
		return -1, nil
	}
	return minID.Int64, nil
}

// searchConfigs are the text-search configurations of postgres/0004_search.sql.
var searchConfigs = [...]string{"english", "german", "french", "spanish", "italian", "simple"}

func (s *Store) searchPostgres(ctx context.Context, pq search.Query, q SearchQuery, c searchCursor, limit int) ([]SearchHit, error) {
	// Each article is matched by the query stemmed with the article's own configuration.
	// One branch per configuration keeps each tsquery a constant, so the GIN index serves
	// every branch.
	var match, tsq strings.Builder
	tsq.WriteString("CASE a.search_config")
	for i, cfg := range searchConfigs {
		if i > 0 {
			match.WriteString(" OR ")
		}
		fmt.Fprintf(&match, "(a.search_config = '%[1]s'::regconfig AND a.search_vector @@ websearch_to_tsquery('%[1]s'::regconfig, ?))", cfg)
		fmt.Fprintf(&tsq, " WHEN '%[1]s'::regconfig THEN websearch_to_tsquery('%[1]s'::regconfig, ?)", cfg)
	}
	tsq.WriteString(" END")
	web := pq.Websearch()
	repeat := func() []any {
		out := make([]any, len(searchConfigs))
		for i := range out {
			out[i] = web
		}
		return out
	}
	filters, fargs := searchFilters(q)
	opts := "StartSel=" + search.MarkStart + ", StopSel=" + search.MarkStop
	query := fmt.Sprintf(`WITH cand AS MATERIALIZED (
			SELECT a.id, ts_rank(a.search_vector, `+tsq.String()+`, 1) AS rel
			FROM articles a JOIN publishers p ON p.id = a.publisher_id
			WHERE (`+match.String()+`) AND a.id <= ? AND a.duplicate_of = 0`+filters+`
			ORDER BY a.id DESC LIMIT %d),
		page AS (
			SELECT c.id, c.rel / `+strings.ReplaceAll(searchFreshness, "MAX(", "GREATEST(")+` AS score
			FROM cand c JOIN articles a ON a.id = c.id
			ORDER BY score DESC, c.id DESC LIMIT ? OFFSET ?)
		SELECT `+articleListCols+`, pg.score,
			ts_headline(a.search_config, a.title, `+tsq.String()+`, ?),
			ts_headline(a.search_config, a.text, `+tsq.String()+`, ?)
		FROM page pg JOIN articles a ON a.id = pg.id JOIN publishers p ON p.id = a.publisher_id
		ORDER BY pg.score DESC, a.id DESC`, searchCandidates, searchTau)
	var args []any
	args = append(args, repeat()...) // rank
	args = append(args, repeat()...) // match
	args = append(args, c.maxID)
	args = append(args, fargs...)
	args = append(args, c.now, limit, c.offset)
	args = append(args, repeat()...)
	args = append(args, "HighlightAll=true, "+opts)
	args = append(args, repeat()...)
	args = append(args, `MaxFragments=2, MaxWords=32, MinWords=12, FragmentDelimiter=" … ", `+opts)
	hits, err := s.scanHits(ctx, s.q(query), args, func(h *SearchHit) []any { return []any{&h.Score, &h.TitleHTML, &h.SnippetHTML} })
	for i := range hits {
		hits[i].TitleHTML = search.HighlightHTML(hits[i].TitleHTML)
		hits[i].SnippetHTML = search.HighlightHTML(hits[i].SnippetHTML)
	}
	return hits, err
}

// scanHits runs a search statement whose rows are articleListCols followed by the columns
// extra returns destinations for.
func (s *Store) scanHits(ctx context.Context, query string, args []any, extra func(*SearchHit) []any) ([]SearchHit, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []SearchHit
	for rows.Next() {
		var h SearchHit
		a, err := scanArticle(extraScanner{rows, extra(&h)})
		if err != nil {
			return nil, err
		}
		h.Article = a
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// extraScanner scans a row's leading columns into the given destinations and the rest into
// extra, so that scanArticle reads a row that carries more than an article.
type extraScanner struct {
	row   *sql.Rows
	extra []any
}

func (e extraScanner) Scan(dest ...any) error { return e.row.Scan(append(dest, e.extra...)...) }
