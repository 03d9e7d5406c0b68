package web

import (
	"context"
	"testing"
	"time"

	"newsdesk/internal/brief"
)

// countingBrief counts StoryBrief calls to the offline summariser.
type countingBrief struct {
	brief.Offline
	calls int
}

func (c *countingBrief) StoryBrief(ctx context.Context, docs []brief.Doc, n int) ([]brief.Cited, error) {
	c.calls++
	return c.Offline.StoryBrief(ctx, docs, n)
}

// A story's brief is computed once for the same articles, and again when they change.
func TestStoryBriefCachedByArticles(t *testing.T) {
	t.Parallel()
	cb := &countingBrief{}
	s := &Server{ai: cb}
	docs := []brief.Doc{
		{ID: 1, Publisher: "A", Title: "Bridge vote", Text: "The council approved the bridge on Tuesday. It will cost 48 million pounds.", Published: time.Now()},
		{ID: 2, Publisher: "B", Title: "Bridge approved", Text: "Councillors backed the new bridge. Work starts in spring.", Published: time.Now()},
	}
	ctx := context.Background()
	first, err := s.storyBrief(ctx, 7, docs)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := s.storyBrief(ctx, 7, docs)
	if cb.calls != 1 || len(again) != len(first) {
		t.Fatalf("%d computations for the same articles, want 1", cb.calls)
	}
	docs = append(docs, brief.Doc{ID: 3, Publisher: "C", Title: "Bridge", Text: "A third report on the bridge vote says work starts in spring.", Published: time.Now()})
	if _, err := s.storyBrief(ctx, 7, docs); err != nil || cb.calls != 2 {
		t.Fatalf("after a new article: %d computations, %v; want 2", cb.calls, err)
	}
}
