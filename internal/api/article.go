package api

import (
	"fmt"
	"net/http"
)

// article serves /api/v1/articles/{id}: one article with its body, key points and tags.
func (h *Handler) article(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	a, err := h.store.Article(r.Context(), id)
	if err != nil {
		h.fail(w, r, fmt.Errorf("article %d: %w", id, err))
		return
	}
	tags, err := h.store.ArticleTags(r.Context(), id)
	if err != nil {
		h.fail(w, r, fmt.Errorf("article %d: %w", id, err))
		return
	}
	kp := a.KeyPoints
	if kp == nil {
		kp = []string{}
	}
	h.writeJSON(w, r, articleDetailJSON{
		articleJSON: h.newArticle(a),
		KeyPoints:   kp,
		Tags:        h.newTags(tags),
		Text:        a.Text,
		HTML:        a.HTML,
	}, cacheArticle)
}
