package api

import (
	"fmt"
	"net/http"
	"time"

	"newsdesk/internal/store"
	"newsdesk/internal/story"
)

// The same bounds as the article page's "Related articles", so the app shows what the site
// shows.
const (
	relatedLimit      = 6
	relatedCandidates = 80
	relatedWindow     = 7 * 24 * time.Hour
)

// related serves /api/v1/articles/{id}/related: the story engine's picks among the store's
// candidates, other coverage of the same story first.
func (h *Handler) related(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ctx := r.Context()
	a, err := h.store.Article(ctx, id)
	if err != nil {
		h.fail(w, r, fmt.Errorf("related %d: %w", id, err))
		return
	}
	cands, err := h.store.RelatedCandidates(ctx, a, h.now().Add(-relatedWindow), relatedCandidates)
	if err != nil {
		h.fail(w, r, fmt.Errorf("related %d: %w", id, err))
		return
	}
	h.writeJSON(w, r, listJSON[articleJSON]{Items: h.newArticles(pickRelated(a, cands))}, cacheList)
}

// pickRelated runs story.Related and maps its picks back to the stored articles.
func pickRelated(a store.Article, cands []store.Article) []store.Article {
	byID := make(map[int64]store.Article, len(cands))
	cs := make([]story.Candidate, 0, len(cands))
	for _, c := range cands {
		byID[c.ID] = c
		cs = append(cs, candidate(c))
	}
	target := candidate(a)
	// Candidates bring only their snippets; the target is compared by its snippet and the
	// start of its text, not its whole body, so that length does not decide.
	lead := snippet(store.Article{Text: a.Text})
	if a.Snippet != "" && lead != a.Snippet {
		target.Text = a.Snippet + "\n\n" + lead
	}
	picked := story.Related(target.Item, a.StoryID, cs, relatedLimit)
	out := make([]store.Article, 0, len(picked))
	for _, p := range picked {
		out = append(out, byID[p.ID])
	}
	return out
}
