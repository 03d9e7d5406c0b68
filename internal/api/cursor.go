package api

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/store"
)

// Page sizes: a client asks for up to maxLimit items and gets defaultLimit without asking.
const (
	defaultLimit = 20
	maxLimit     = 100
)

// A cursor is the (published, id) of the last item a client has, as
// base64url("v1:<unix ms>:<id>"). Clients must treat it as opaque; the version prefix lets
// its shape change without old links turning into wrong pages.
func encodeCursor(c store.ArticleCursor) string {
	var ms int64 // an undated article is stored as 0, not as the zero time's milliseconds
	if !c.Published.IsZero() {
		ms = c.Published.UnixMilli()
	}
	raw := "v1:" + strconv.FormatInt(ms, 10) + ":" + strconv.FormatInt(c.ID, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodeCursor(s string) (store.ArticleCursor, error) {
	if s == "" {
		return store.ArticleCursor{}, nil
	}
	bad := badRequest("cursor is not one this API gave out")
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return store.ArticleCursor{}, bad
	}
	parts := strings.Split(string(raw), ":")
	if len(parts) != 3 || parts[0] != "v1" {
		return store.ArticleCursor{}, bad
	}
	ms, err1 := strconv.ParseInt(parts[1], 10, 64)
	id, err2 := strconv.ParseInt(parts[2], 10, 64)
	if err1 != nil || err2 != nil || id <= 0 {
		return store.ArticleCursor{}, bad
	}
	c := store.ArticleCursor{ID: id}
	if ms != 0 {
		c.Published = time.UnixMilli(ms).UTC()
	}
	return c, nil
}

// pageParams reads ?cursor= and ?limit=.
func pageParams(r *http.Request) (store.ArticleCursor, int, error) {
	q := r.URL.Query()
	c, err := decodeCursor(q.Get("cursor"))
	if err != nil {
		return c, 0, err
	}
	limit, err := limitParam(q)
	return c, limit, err
}

func limitParam(q url.Values) (int, error) {
	s := q.Get("limit")
	if s == "" {
		return defaultLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxLimit {
		return 0, badRequest("limit must be a whole number from 1 to " + strconv.Itoa(maxLimit))
	}
	return n, nil
}

// nextLink is the absolute URL of the page after arts, or "" when arts is the last page.
// Lists fetch one item more than they show to know whether a next page exists.
func (h *Handler) nextLink(r *http.Request, arts []store.Article, limit int) string {
	if len(arts) <= limit {
		return ""
	}
	last := arts[limit-1]
	q := r.URL.Query()
	q.Set("cursor", encodeCursor(store.ArticleCursor{Published: last.Published, ID: last.ID}))
	if q.Get("limit") == "" {
		q.Del("limit")
	}
	return h.abs(r.URL.EscapedPath() + "?" + q.Encode())
}
