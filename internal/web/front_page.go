package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"newsdesk/internal/store"
)

// frontView is the front page.
type frontView struct {
	Lead     *cardView // the newest article with an image, shown large; nil when none has one
	Articles []cardView
}

// maxAlsoIn is how many copying publishers a card names before "and N more".
const maxAlsoIn = 3

func (s *Server) frontPage(w http.ResponseWriter, r *http.Request) {
	s.serveCached(w, r, "front", func(ctx context.Context, now time.Time) ([]byte, error) {
		articles, err := s.store.LatestArticles(ctx, frontPageLimit)
		if err != nil {
			return nil, fmt.Errorf("front page: %w", err)
		}
		cards, err := s.storyCards(ctx, now, articles)
		if err != nil {
			return nil, fmt.Errorf("front page: %w", err)
		}
		v := frontView{Articles: cards}
		if len(v.Articles) > 0 && v.Articles[0].ImageURL != "" {
			v.Lead, v.Articles = &v.Articles[0], v.Articles[1:]
		}
		return s.render(ctx, "front", layoutView{
			Site:        s.site,
			Description: "The latest news from " + s.site + "'s sources.",
			Canonical:   "/",
			Content:     v,
		})
	})
}

// storyCards are cards that also say who else ran the article and link the story's full
// coverage when there is more of it than this article. Two queries for the whole list.
func (s *Server) storyCards(ctx context.Context, now time.Time, articles []store.Article) ([]cardView, error) {
	ids := make([]int64, 0, len(articles))
	var stories []int64
	for _, a := range articles {
		ids = append(ids, a.ID)
		if a.StoryID != 0 {
			stories = append(stories, a.StoryID)
		}
	}
	also, err := s.store.AlsoIn(ctx, ids)
	if err != nil {
		return nil, err
	}
	sizes, err := s.store.StorySizes(ctx, stories)
	if err != nil {
		return nil, err
	}
	cards := newCardViews(now, articles)
	for i, a := range articles {
		cards[i].AlsoIn = alsoIn(also[a.ID], publisherName(a))
		if a.StoryID != 0 && sizes[a.StoryID].Articles > 1 {
			cards[i].CoverageURL = storyPath(a.StoryID)
		}
	}
	s.commentCounts(ctx, cards, articles)
	return cards, nil
}

// cardsWithCounts are plain cards with their comment counts.
func (s *Server) cardsWithCounts(ctx context.Context, now time.Time, articles []store.Article) []cardView {
	cards := newCardViews(now, articles)
	s.commentCounts(ctx, cards, articles)
	return cards
}

// alsoIn names the other publishers that ran an article: distinct, without the article's own
// publisher, the first few then "and N more".
func alsoIn(names []string, own string) string {
	var out []string
	seen := map[string]bool{own: true}
	for _, n := range names {
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	if len(out) > maxAlsoIn {
		return strings.Join(out[:maxAlsoIn], ", ") + fmt.Sprintf(" and %d more", len(out)-maxAlsoIn)
	}
	return strings.Join(out, ", ")
}
