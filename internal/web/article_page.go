package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"newsdesk/internal/store"
)

// articlePage serves /article/{id} and /article/{id}/{slug}. The id alone decides; both
// forms share one cache entry and name the slugged URL as canonical.
func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	tp, notice := readThreadParams(r.URL.Query()), postNotice(r)
	s.serveCached(w, r, "article/"+strconv.FormatInt(id, 10)+tp.cacheSuffix(), func(ctx context.Context, now time.Time) ([]byte, error) {
		a, err := s.store.Article(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("article %d: %w", id, err)
		}
		v := newArticleView(now, a)
		v.AI = s.aiBox(articlePath(a.ID, ""), false)
		if len(v.KeyPoints) == 0 && a.Text != "" {
			v.KeyPoints = s.keyPoints(ctx, a)
		}
		tags, err := s.store.ArticleTags(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("article %d tags: %w", id, err)
		}
		v.Tags = newTagRefs(tags)
		candidates, err := s.store.RelatedCandidates(ctx, a, now.Add(-relatedWindow), relatedCandidates)
		if err != nil {
			return nil, fmt.Errorf("article %d related: %w", id, err)
		}
		v.Related = relatedCards(now, a, candidates)
		if a.StoryID != 0 {
			sizes, err := s.store.StorySizes(ctx, []int64{a.StoryID})
			if err != nil {
				return nil, fmt.Errorf("article %d story: %w", id, err)
			}
			if n := sizes[a.StoryID].Articles; n > 1 {
				v.CoverageURL, v.CoverageCount = storyPath(a.StoryID), n
			}
		}
		if v.Comments, err = s.commentsSection(ctx, now, store.Target{Kind: store.TargetArticle, ID: id}, articlePath(a.ID, a.Title), tp, notice); err != nil {
			return nil, fmt.Errorf("article %d: %w", id, err)
		}
		return s.render(ctx, "article", layoutView{
			Site:        s.site,
			Title:       a.Title,
			Description: snippet(a, 200),
			Canonical:   articlePath(a.ID, a.Title),
			Content:     v,
		})
	})
}

// keyPoints computes key points for an article stored without them (ingested before key
// points existed, or by a pipeline that skipped them). A failing summariser costs the page
// its key points, not the page itself.
func (s *Server) keyPoints(ctx context.Context, a store.Article) []string {
	kp, err := s.ai.KeyPoints(ctx, a.Title, a.Text, keyPointsShown)
	if err != nil {
		s.log.WarnContext(ctx, "web: key points", slog.Int64("article", a.ID), slog.Any("error", err))
		return nil
	}
	return kp
}
