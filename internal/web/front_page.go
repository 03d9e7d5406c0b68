package web

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// frontView is the front page.
type frontView struct {
	Lead     *cardView // the newest article with an image, shown large; nil when none has one
	Articles []cardView
}

func (s *Server) frontPage(w http.ResponseWriter, r *http.Request) {
	s.serveCached(w, r, "front", func(ctx context.Context, now time.Time) ([]byte, error) {
		articles, err := s.store.LatestArticles(ctx, frontPageLimit)
		if err != nil {
			return nil, fmt.Errorf("front page: %w", err)
		}
		v := frontView{Articles: newCardViews(now, articles)}
		if len(v.Articles) > 0 && v.Articles[0].ImageURL != "" {
			v.Lead, v.Articles = &v.Articles[0], v.Articles[1:]
		}
		return s.pages.render("front", layoutView{
			Site:        s.site,
			Description: "The latest news from " + s.site + "'s sources.",
			Canonical:   "/",
			Content:     v,
		})
	})
}
