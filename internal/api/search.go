package api

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"newsdesk/internal/store"
)

// maxQueryRunes bounds the text of a search.
const maxQueryRunes = 200

type searchHitJSON struct {
	articleJSON
	TitleHTML   string  `json:"title_html"`   // the title with matched words in <mark>, escaped
	SnippetHTML string  `json:"snippet_html"` // the same for the snippet
	Score       float64 `json:"score"`
}

type searchJSON struct {
	Query string          `json:"query"`
	Items []searchHitJSON `json:"items"`
	Next  string          `json:"next,omitempty"`
}

// search serves /api/v1/search?q=: full text over originals, relevance blended with
// freshness, with optional filters. Pages follow the store's own cursor, which is pinned to
// the first page's time and articles.
func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	q, err := searchParams(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	res, err := h.store.Search(r.Context(), q)
	switch {
	case errors.Is(err, store.ErrEmptyQuery):
		h.fail(w, r, badRequest("q has no word to search for"))
		return
	case errors.Is(err, store.ErrBadCursor):
		h.fail(w, r, badRequest("cursor is not one this API gave out for this search"))
		return
	case err != nil:
		h.fail(w, r, fmt.Errorf("search: %w", err))
		return
	}
	out := searchJSON{Query: q.Text, Items: make([]searchHitJSON, 0, len(res.Hits))}
	for _, hit := range res.Hits {
		out.Items = append(out.Items, searchHitJSON{articleJSON: h.newArticle(hit.Article), TitleHTML: hit.TitleHTML, SnippetHTML: hit.SnippetHTML, Score: hit.Score})
	}
	if res.Next != "" {
		next := r.URL.Query()
		next.Set("cursor", res.Next)
		out.Next = h.abs(r.URL.EscapedPath() + "?" + next.Encode())
	}
	h.writeJSON(w, r, out, cacheList)
}

// searchParams reads q and the filters: publisher (id), country, language, section, from
// and to (RFC 3339 or YYYY-MM-DD; to is exclusive), limit and cursor.
func searchParams(r *http.Request) (store.SearchQuery, error) {
	v := r.URL.Query()
	q := store.SearchQuery{
		Text:     strings.TrimSpace(v.Get("q")),
		Country:  v.Get("country"),
		Language: v.Get("language"),
		Section:  v.Get("section"),
		Cursor:   v.Get("cursor"),
	}
	if q.Text == "" || !utf8.ValidString(q.Text) || utf8.RuneCountInString(q.Text) > maxQueryRunes {
		return q, badRequest("q must be 1 to 200 characters")
	}
	if s := v.Get("publisher"); s != "" {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			return q, badRequest("publisher must be a publisher's id")
		}
		q.PublisherID = id
	}
	var err error
	if q.From, err = dateParam(v.Get("from"), "from"); err != nil {
		return q, err
	}
	if q.To, err = dateParam(v.Get("to"), "to"); err != nil {
		return q, err
	}
	q.Limit, err = limitParam(v)
	return q, err
}

func dateParam(s, name string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339, time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, badRequest(name + " must be a date (2026-11-26) or a time (RFC 3339)")
}
