package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"newsdesk/internal/store"
)

// maxTagRunes bounds a tag name in a URL; longer names are not tags we wrote.
const maxTagRunes = 100

// tagView is the tag page.
type tagView struct {
	Name     string
	Articles []cardView
}

// tagPage serves /tag/{name}: the stories carrying a tag, one card each. A tag no article
// carries is a 404, which is not cached, so made-up names cannot crowd real pages out of
// the page cache.
func (s *Server) tagPage(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if strings.TrimSpace(name) == "" || !utf8.ValidString(name) || utf8.RuneCountInString(name) > maxTagRunes {
		s.notFound(w, r)
		return
	}
	s.serveCached(w, r, "tag/"+name, func(ctx context.Context, now time.Time) ([]byte, error) {
		articles, err := s.store.TagArticles(ctx, name, tagPageLimit)
		if err != nil {
			return nil, fmt.Errorf("tag %q: %w", name, err)
		}
		if len(articles) == 0 {
			return nil, fmt.Errorf("tag %q: %w", name, store.ErrNotFound)
		}
		return s.render(ctx, "tag", layoutView{
			Site:        s.site,
			Title:       name,
			Description: "Stories about " + name + ".",
			Canonical:   tagPath(name),
			Content:     tagView{Name: name, Articles: s.cardsWithCounts(ctx, now, articles)},
		})
	})
}
