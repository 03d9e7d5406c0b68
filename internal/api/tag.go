package api

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"newsdesk/internal/store"
)

// maxTagRunes bounds a tag name; longer names are not tags ingest wrote.
const maxTagRunes = 100

type tagPageJSON struct {
	Name  string        `json:"name"`
	Link  string        `json:"link"`
	Items []articleJSON `json:"items"`
	Next  string        `json:"next,omitempty"`
}

// tag serves /api/v1/tags/{name}: the newest article of each story carrying the tag, a page
// at a time. A tag no article carries is a 404.
func (h *Handler) tag(w http.ResponseWriter, r *http.Request) {
	name, err := tagName(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	cur, limit, err := pageParams(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	arts, err := h.store.TagArticlesAfter(r.Context(), name, cur, limit+1)
	if err != nil {
		h.fail(w, r, fmt.Errorf("tag %q: %w", name, err))
		return
	}
	if len(arts) == 0 && cur.IsZero() {
		h.fail(w, r, fmt.Errorf("tag %q: %w", name, store.ErrNotFound))
		return
	}
	h.writeJSON(w, r, tagPageJSON{
		Name:  name,
		Link:  h.abs(tagPage(name)),
		Items: h.newArticles(arts[:min(limit, len(arts))]),
		Next:  h.nextLink(r, arts, limit),
	}, cacheList)
}

func tagName(r *http.Request) (string, error) {
	name := r.PathValue("name")
	if strings.TrimSpace(name) == "" || !utf8.ValidString(name) || utf8.RuneCountInString(name) > maxTagRunes {
		return "", badRequest("tag name must be 1 to 100 characters of UTF-8")
	}
	return name, nil
}
