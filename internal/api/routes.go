package api

import (
	"fmt"
	"net/http"

	"newsdesk/internal/syndicate"
)

// routes wires every URL, one line each.
func (h *Handler) routes(extra []FeedRoute) (mux *http.ServeMux, err error) {
	// The mux panics on patterns that overlap with none more specific; only Config.Feeds
	// can bring one, and that is a configuration error, not a crash.
	defer func() {
		if p := recover(); p != nil {
			mux, err = nil, fmt.Errorf("%w: %v", ErrFeedRoute, p)
		}
	}()
	mux = http.NewServeMux()
	h.get(mux, "/api/openapi.json", h.openAPI)
	h.get(mux, "/api/v1/articles", h.articles)
	h.get(mux, "/api/v1/articles/{id}", h.article)
	h.get(mux, "/api/v1/articles/{id}/related", h.related)
	h.get(mux, "/api/v1/stories/{id}", h.story)
	h.get(mux, "/api/v1/tags/{name}", h.tag)
	h.get(mux, "/api/v1/publishers", h.publishers)
	h.get(mux, "/api/v1/top", h.topStories)
	h.get(mux, "/api/v1/editions", h.editionList)
	h.get(mux, "/api/v1/sections", h.sectionList)
	h.get(mux, "/api/v1/search", h.search)

	feeds := append([]FeedRoute{
		{Page: "/", Source: h.latestFeed},
		{Page: "/story/{id}", Source: h.storyFeed},
		{Page: "/tag/{name}", Source: h.tagFeed},
	}, extra...)
	for _, f := range feeds {
		for _, format := range syndicate.Formats {
			h.get(mux, syndicate.Path(f.Page, format), h.feed(f.Source, format))
		}
	}
	mux.HandleFunc("OPTIONS /api/", h.preflight)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		h.fail(w, r, errNoRoute)
	})
	return mux, nil
}

func (h *Handler) get(mux *http.ServeMux, path string, fn http.HandlerFunc) {
	pattern := "GET " + path
	mux.HandleFunc(pattern, h.cached(fn))
	h.patterns = append(h.patterns, pattern)
}
