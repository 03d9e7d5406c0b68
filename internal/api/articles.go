package api

import (
	"fmt"
	"net/http"
)

// articles serves /api/v1/articles: the newest originals, a page at a time.
func (h *Handler) articles(w http.ResponseWriter, r *http.Request) {
	cur, limit, err := pageParams(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	arts, err := h.store.LatestArticlesAfter(r.Context(), cur, limit+1)
	if err != nil {
		h.fail(w, r, fmt.Errorf("articles: %w", err))
		return
	}
	next := h.nextLink(r, arts, limit)
	h.writeJSON(w, r, listJSON[articleJSON]{Items: h.newArticles(arts[:min(limit, len(arts))]), Next: next}, cacheList)
}
