package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"newsdesk/internal/store"
	"newsdesk/internal/story"
)

// storyPage serves /story/{id}: the story's full coverage. It is cached like the article page;
// a story merged into another answers with a permanent redirect to the surviving id.
func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	tp, notice := readThreadParams(r.URL.Query()), postNotice(r)
	s.serveCached(w, r, "story/"+strconv.FormatInt(id, 10)+tp.cacheSuffix(), func(ctx context.Context, now time.Time) ([]byte, error) {
		arts, err := s.storyArticles(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("story %d: %w", id, err)
		}
		cited, err := s.storyBrief(ctx, id, briefDocs(arts, briefDocsLimit))
		if err != nil {
			return nil, fmt.Errorf("story %d brief: %w", id, err)
		}
		v := newStoryView(now, id, arts, cited)
		v.AI = s.aiBox(storyPath(id), true)
		desc := v.Summary + "."
		if len(v.Brief) > 0 {
			desc = v.Brief[0].Text
		}
		if v.Comments, err = s.commentsSection(ctx, now, store.Target{Kind: store.TargetStory, ID: id}, storyPath(id), tp, notice); err != nil {
			return nil, fmt.Errorf("story %d: %w", id, err)
		}
		return s.render(ctx, "story", layoutView{
			Site:        s.site,
			Title:       v.Headline,
			Description: desc,
			Canonical:   storyPath(id),
			Content:     v,
		})
	})
}

// movedError says that a page lives at another URL now; fail answers it with a 301.
type movedError struct{ to string }

func (e *movedError) Error() string { return "moved to " + e.to }

// storyArticles returns a story's articles, or a *movedError when the id was merged into
// another story. The redirect is looked up only when the story has no articles, so a live
// story costs one query.
func (s *Server) storyArticles(ctx context.Context, id int64) ([]store.Article, error) {
	arts, err := s.store.StoryArticles(ctx, id, storyPageLimit)
	if err == nil || !errors.Is(err, store.ErrNotFound) {
		return arts, err
	}
	to, rerr := s.store.ResolveStory(ctx, id)
	if rerr != nil {
		return nil, fmt.Errorf("resolve: %w", rerr)
	}
	if to != id && to != 0 {
		return nil, &movedError{to: storyPath(to)}
	}
	return nil, err
}

// storyHeadline is the story's most representative headline.
func storyHeadline(arts []store.Article) string {
	cands := make([]story.Candidate, len(arts))
	for i, a := range arts {
		cands[i] = toCandidate(a)
	}
	return story.Coverage(cands).BestHeadline
}
