package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// articlePage serves /article/{id} and /article/{id}/{slug}. The id alone decides; both
// forms share one cache entry and name the slugged URL as canonical.
func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	s.serveCached(w, r, "article/"+strconv.FormatInt(id, 10), func(ctx context.Context, now time.Time) ([]byte, error) {
		a, err := s.store.Article(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("article %d: %w", id, err)
		}
		// Related articles are the publisher's latest until story grouping fills this place;
		// one extra is asked for because the article itself is usually among them.
		related, err := s.store.PublisherArticles(ctx, a.PublisherID, relatedLimit+1)
		if err != nil {
			return nil, fmt.Errorf("article %d related: %w", id, err)
		}
		v := newArticleView(now, a, related)
		return s.pages.render("article", layoutView{
			Site:        s.site,
			Title:       a.Title,
			Description: snippet(a, 200),
			Canonical:   articlePath(a.ID, a.Title),
			Content:     v,
		})
	})
}
