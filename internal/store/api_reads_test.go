package store

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestArticlesAfterPagesWithoutGapsOrRepeats walks the latest list and a tag's list page by
// page, with articles sharing a publication time so that the id has to break the tie.
func TestArticlesAfterPagesWithoutGapsOrRepeats(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		p := mustPublisher(t, s)
		base := time.Now().Truncate(time.Millisecond).Add(-time.Hour)
		tag := []Tag{{Name: "Harbour", Kind: "keyword"}}
		var all []int64
		for i := range 7 {
			published := base.Add(time.Duration(i/2) * time.Minute) // pairs share a time
			id := addTestArticle(t, s, p, "https://d.example/p"+string(rune('a'+i)), published, tag,
				func(id int64) StoryUpdate { return StoryUpdate{Story: 100 + id} })
			all = append(all, id)
		}
		// A copy is never listed on its own.
		addTestArticle(t, s, p, "https://d.example/copy", base.Add(time.Hour), tag,
			func(int64) StoryUpdate { return StoryUpdate{Story: 100 + all[0], DuplicateOf: all[0]} })

		want := slices.Clone(all)
		slices.SortFunc(want, func(a, b int64) int { // newest first, ties by id descending
			ta, tb := base.Add(time.Duration(slices.Index(all, a)/2)*time.Minute), base.Add(time.Duration(slices.Index(all, b)/2)*time.Minute)
			if c := tb.Compare(ta); c != 0 {
				return c
			}
			return int(b - a)
		})
		lists := map[string]func(ArticleCursor, int) ([]Article, error){
			"latest": func(c ArticleCursor, n int) ([]Article, error) { return s.LatestArticlesAfter(ctx, c, n) },
			"tag":    func(c ArticleCursor, n int) ([]Article, error) { return s.TagArticlesAfter(ctx, "Harbour", c, n) },
		}
		for name, list := range lists {
			var got []int64
			var cur ArticleCursor
			for range 10 {
				page, err := list(cur, 3)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if len(page) == 0 {
					break
				}
				for _, a := range page {
					got = append(got, a.ID)
				}
				last := page[len(page)-1]
				cur = ArticleCursor{Published: last.Published, ID: last.ID}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s pages: %v, want %v", name, got, want)
			}
		}
		if page, err := s.TagArticlesAfter(ctx, "Nothing", ArticleCursor{}, 3); err != nil || len(page) != 0 {
			t.Fatalf("unknown tag: %v, %v", page, err)
		}
	})
}
