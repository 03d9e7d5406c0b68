package api

import (
	"context"
	"fmt"
	"net/http"

	"newsdesk/internal/store"
)

// TopStory is one entry of the top stories: a story, the article that leads it and how much
// coverage it has.
type TopStory struct {
	Story      int64 // 0 for an article not grouped into a story yet
	Lead       store.Article
	Articles   int // copies included
	Publishers int
}

// TopStories ranks the stories of /api/v1/top, best first. The ranking engine implements it;
// swapping it in is Config.Top.
type TopStories interface {
	TopStories(ctx context.Context, limit int) ([]TopStory, error)
}

// LatestTop is the stand-in ranking: the latest originals grouped by story, each story led
// by its newest article, with its size from the store. It ranks by recency alone, which is
// what the front page does until the ranking engine arrives.
type LatestTop struct {
	Store interface {
		LatestArticles(ctx context.Context, limit int) ([]store.Article, error)
		StorySizes(ctx context.Context, ids []int64) (map[int64]store.StorySize, error)
	}
}

// latestPerStory is how many latest articles LatestTop reads per story it returns: busy
// stories fill several of the latest slots.
const latestPerStory = 4

// TopStories implements TopStories.
func (t LatestTop) TopStories(ctx context.Context, limit int) ([]TopStory, error) {
	arts, err := t.Store.LatestArticles(ctx, limit*latestPerStory)
	if err != nil {
		return nil, fmt.Errorf("latest top: %w", err)
	}
	var out []TopStory
	seen := make(map[int64]bool)
	var ids []int64
	for _, a := range arts {
		if len(out) == limit {
			break
		}
		if a.StoryID != 0 {
			if seen[a.StoryID] {
				continue
			}
			seen[a.StoryID] = true
			ids = append(ids, a.StoryID)
		}
		out = append(out, TopStory{Story: a.StoryID, Lead: a, Articles: 1, Publishers: 1})
	}
	sizes, err := t.Store.StorySizes(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("latest top: %w", err)
	}
	for i, ts := range out {
		if n, ok := sizes[ts.Story]; ok {
			out[i].Articles, out[i].Publishers = n.Articles, n.Publishers
		}
	}
	return out, nil
}

type topJSON struct {
	Story      *storyRef   `json:"story,omitempty"`
	Link       string      `json:"link"` // full coverage, or the lead article's page when ungrouped
	Lead       articleJSON `json:"lead"`
	Articles   int         `json:"articles"`
	Publishers int         `json:"publishers"`
}

// topStories serves /api/v1/top?limit=: the top stories, best first, one page.
func (h *Handler) topStories(w http.ResponseWriter, r *http.Request) {
	limit, err := limitParam(r.URL.Query())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	top, err := h.top.TopStories(r.Context(), limit)
	if err != nil {
		h.fail(w, r, fmt.Errorf("top: %w", err))
		return
	}
	out := make([]topJSON, 0, len(top))
	for _, t := range top {
		tj := topJSON{Lead: h.newArticle(t.Lead), Articles: t.Articles, Publishers: t.Publishers, Link: h.abs(articlePage(t.Lead.ID))}
		if t.Story != 0 {
			tj.Story = &storyRef{ID: t.Story, Link: h.abs(storyPage(t.Story)), API: h.abs(storyAPI(t.Story))}
			tj.Link = tj.Story.Link
		}
		out = append(out, tj)
	}
	h.writeJSON(w, r, listJSON[topJSON]{Items: out}, cacheList)
}
