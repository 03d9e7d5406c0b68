package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

func (s *Server) publisherPage(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	s.serveCached(w, r, "publisher/"+strconv.FormatInt(id, 10), func(ctx context.Context, now time.Time) ([]byte, error) {
		p, err := s.store.Publisher(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("publisher %d: %w", id, err)
		}
		articles, err := s.store.PublisherArticles(ctx, id, publisherPageLimit)
		if err != nil {
			return nil, fmt.Errorf("publisher %d articles: %w", id, err)
		}
		return s.render(ctx, "publisher", layoutView{
			Site:        s.site,
			Title:       p.Name,
			Description: "The latest articles from " + p.Name + ".",
			Canonical:   publisherPath(p.ID),
			Content: publisherView{
				Name:     p.Name,
				HomeURL:  p.HomeURL,
				HomeHost: hostOf(p.HomeURL),
				Logo:     p.LogoURL,
				Articles: s.cardsWithCounts(ctx, now, articles),
			},
		})
	})
}
