package api

import (
	"fmt"
	"net/http"
	"path"

	"newsdesk/internal/store"
)

// latestFeed is the front page's feed: the newest originals.
func (h *Handler) latestFeed(r *http.Request) (FeedPage, error) {
	arts, err := h.store.LatestArticles(r.Context(), feedItems)
	if err != nil {
		return FeedPage{}, err
	}
	return FeedPage{Page: "/", Description: "The latest articles on " + h.site + ".", Articles: arts}, nil
}

// storyFeed is a story's feed: its articles, copies left out. A merged story's feed moves
// to the surviving story's feed in the same format.
func (h *Handler) storyFeed(r *http.Request) (FeedPage, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return FeedPage{}, err
	}
	file := path.Base(r.URL.Path)
	arts, err := h.storyArticles(r.Context(), id, func(to int64) string { return storyPage(to) + "/" + file })
	if err != nil {
		return FeedPage{}, err
	}
	originals := make([]store.Article, 0, min(len(arts), feedItems))
	for _, a := range arts {
		if a.DuplicateOf == 0 && len(originals) < feedItems {
			originals = append(originals, a)
		}
	}
	headline := h.newStory(id, arts).Headline
	return FeedPage{
		Page:        storyPage(id),
		Title:       headline,
		Description: fmt.Sprintf("Full coverage of %q.", headline),
		Articles:    originals,
	}, nil
}

// tagFeed is a tag's feed: the newest article of each story carrying it.
func (h *Handler) tagFeed(r *http.Request) (FeedPage, error) {
	name, err := tagName(r)
	if err != nil {
		return FeedPage{}, err
	}
	arts, err := h.store.TagArticlesAfter(r.Context(), name, store.ArticleCursor{}, feedItems)
	if err != nil {
		return FeedPage{}, err
	}
	if len(arts) == 0 {
		return FeedPage{}, fmt.Errorf("tag %q: %w", name, store.ErrNotFound)
	}
	return FeedPage{Page: tagPage(name), Title: name, Description: "Stories about " + name + ".", Articles: arts}, nil
}
