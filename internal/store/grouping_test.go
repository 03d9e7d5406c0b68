package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"newsdesk/internal/store"
	"newsdesk/internal/store/storetest"
)

// staleGrouper stands for another process's engine that has not heard of recent merges: it
// answers with a fixed decision and records what the store tells it.
type staleGrouper struct {
	seen     int64
	decision store.StoryUpdate
	caught   []int64
	reserved int64
	followed [][2]int64
}

func (g *staleGrouper) Seen() int64 { return g.seen }
func (g *staleGrouper) CatchUp(a store.Article) {
	g.caught = append(g.caught, a.ID)
	g.seen = max(g.seen, a.ID)
}
func (g *staleGrouper) ReserveStories(id int64) { g.reserved = max(g.reserved, id) }
func (g *staleGrouper) Follow(from, to int64)   { g.followed = append(g.followed, [2]int64{from, to}) }
func (g *staleGrouper) Group(id int64) store.StoryUpdate {
	g.seen = max(g.seen, id)
	return g.decision
}

// On PostgreSQL a grouper is caught up on articles stored by others, is told the story ids
// in use, and its stale decisions are settled against the stored redirects and originals.
func TestAddGroupedArticleSettlesPostgres(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, err := store.Open(ctx, storetest.PostgresDSN(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	pub, err := s.EnsurePublisher(ctx, store.Publisher{Name: "P", HomeURL: "https://p.example/"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	article := func() store.Article {
		n++
		return store.Article{PublisherID: pub.ID, URL: fmt.Sprintf("https://p.example/%d", n), Title: fmt.Sprintf("A%d", n)}
	}
	// Another process stored these, merging story 5 into 7.
	other := func(u store.StoryUpdate) int64 {
		id, _, err := s.AddArticle(ctx, article(), 0, func(int64) store.StoryUpdate { return u })
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	a1 := other(store.StoryUpdate{Story: 5})
	a2 := other(store.StoryUpdate{Story: 7})
	a3 := other(store.StoryUpdate{Story: 7, Merged: []int64{5}})

	storyOf := func(id int64) int64 {
		t.Helper()
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return a.StoryID
	}
	add := func(g *staleGrouper) int64 {
		t.Helper()
		id, created, err := s.AddGroupedArticle(ctx, article(), 0, g)
		if err != nil || !created {
			t.Fatalf("add: %v, created %v", err, created)
		}
		return id
	}

	// A decision for a story merged away lands in its survivor; the grouper first saw the
	// three articles, the merge of 5 into 7, and learnt that ids up to 7 are taken.
	g := &staleGrouper{decision: store.StoryUpdate{Story: 5}}
	a4 := add(g)
	if got := storyOf(a4); got != 7 {
		t.Errorf("article for merged story 5 stored in story %d, want 7", got)
	}
	if want := []int64{a1, a2, a3}; !slices.Equal(g.caught, want) {
		t.Errorf("caught up on %v, want %v", g.caught, want)
	}
	if want := [][2]int64{{5, 7}}; !slices.Equal(g.followed, want) {
		t.Errorf("followed merges %v, want %v", g.followed, want)
	}
	if g.reserved != 7 {
		t.Errorf("reserved story ids up to %d, want 7", g.reserved)
	}

	// A copy goes where its original is now, whatever the grouper remembered.
	g.decision = store.StoryUpdate{Story: 3, DuplicateOf: a1}
	if got := storyOf(add(g)); got != 7 {
		t.Errorf("copy of an article in story 7 stored in story %d", got)
	}

	// Merging a story that is already merged folds its survivor instead.
	g.decision = store.StoryUpdate{Story: 9, Merged: []int64{5}}
	a6 := add(g)
	for _, id := range []int64{a1, a2, a3, a4, a6} {
		if got := storyOf(id); got != 9 {
			t.Errorf("article %d in story %d after the merge into 9", id, got)
		}
	}
	for _, from := range []int64{5, 7} {
		if to, err := s.ResolveStory(ctx, from); err != nil || to != 9 {
			t.Errorf("story %d resolves to %d (%v), want 9", from, to, err)
		}
	}
	if len(g.caught) != 3 {
		t.Errorf("caught up on %v: its own articles came back", g.caught)
	}
}
