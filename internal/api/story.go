package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"newsdesk/internal/store"
	"newsdesk/internal/story"
)

// storyLimit bounds the articles a story's coverage is computed from, as on the story page.
const storyLimit = 500

type storyJSON struct {
	ID            int64           `json:"id"`
	Link          string          `json:"link"`
	Headline      string          `json:"headline"`
	Articles      int             `json:"articles"` // copies included
	Publishers    int             `json:"publishers"`
	Countries     int             `json:"countries"`
	Best          articleJSON     `json:"best"`
	FirstReported articleJSON     `json:"first_reported"`
	ByPublisher   []publisherJSON `json:"by_publisher"`
	Timeline      []bucketJSON    `json:"timeline"`
}

type publisherJSON struct {
	Publisher string        `json:"publisher"`
	Articles  []articleJSON `json:"articles"`
}

type bucketJSON struct {
	Start time.Time `json:"start"`
	Count int       `json:"count"`
}

// story serves /api/v1/stories/{id}: the story's full coverage. A story merged into another
// answers 301 with the surviving story's URL.
func (h *Handler) story(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	arts, err := h.storyArticles(r.Context(), id, storyAPI)
	if err != nil {
		h.fail(w, r, fmt.Errorf("story %d: %w", id, err))
		return
	}
	h.writeJSON(w, r, h.newStory(id, arts), cacheList)
}

// storyArticles returns a story's articles, or a *movedError pointing at where(to) when the
// id was merged into another story. The redirect is looked up only when the story has no
// articles, so a live story costs one query.
func (h *Handler) storyArticles(ctx context.Context, id int64, where func(int64) string) ([]store.Article, error) {
	arts, err := h.store.StoryArticles(ctx, id, storyLimit)
	if err == nil || !errors.Is(err, store.ErrNotFound) {
		return arts, err
	}
	to, rerr := h.store.ResolveStory(ctx, id)
	if rerr != nil {
		return nil, rerr
	}
	if to != id && to != 0 {
		return nil, &movedError{to: h.abs(where(to))}
	}
	return nil, err
}

func (h *Handler) newStory(id int64, arts []store.Article) storyJSON {
	byID := make(map[int64]store.Article, len(arts))
	cands := make([]story.Candidate, len(arts))
	for i, a := range arts {
		byID[a.ID] = a
		cands[i] = candidate(a)
	}
	fc := story.Coverage(cands)
	out := storyJSON{
		ID:            id,
		Link:          h.abs(storyPage(id)),
		Headline:      fc.BestHeadline,
		Articles:      fc.Articles,
		Publishers:    fc.Publishers,
		Countries:     fc.Countries,
		Best:          h.newArticle(byID[fc.Best.ID]),
		FirstReported: h.newArticle(byID[fc.FirstReported.ID]),
		ByPublisher:   make([]publisherJSON, 0, len(fc.ByPublisher)),
		Timeline:      make([]bucketJSON, 0, len(fc.PerHour)),
	}
	for _, p := range fc.ByPublisher {
		pj := publisherJSON{Publisher: p.Publisher, Articles: make([]articleJSON, 0, len(p.Articles))}
		for _, c := range p.Articles {
			pj.Articles = append(pj.Articles, h.newArticle(byID[c.ID]))
		}
		out.ByPublisher = append(out.ByPublisher, pj)
	}
	for _, b := range fc.PerHour {
		out.Timeline = append(out.Timeline, bucketJSON{Start: b.Start.UTC(), Count: b.Count})
	}
	return out
}
