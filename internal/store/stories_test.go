package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func addTestArticle(t *testing.T, s *Store, pub Publisher, url string, published time.Time, tags []Tag, group func(int64) StoryUpdate) int64 {
	t.Helper()
	id, created, err := s.AddArticle(context.Background(), Article{
		PublisherID: pub.ID, URL: url, Title: "T " + url, Text: "text of " + url, Published: published, Fetched: published,
		KeyPoints: []string{"One.", "Two."}, Tags: tags, Terms: []string{"harbour", "vote"},
	}, 0, group)
	if err != nil || !created {
		t.Fatalf("add %s: %v, created %v", url, err, created)
	}
	return id
}

func TestStoriesMergeRedirectAndCopies(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		p := mustPublisher(t, s)
		other, _ := s.EnsurePublisher(ctx, Publisher{Name: "Wire", HomeURL: "https://wire.example/"})
		now := time.Now().Truncate(time.Millisecond)
		harbour := []Tag{{Name: "Port Aldridge", Kind: "place"}}
		a := addTestArticle(t, s, p, "https://d.example/a", now.Add(-3*time.Hour), harbour, func(id int64) StoryUpdate { return StoryUpdate{Story: 10} })
		b := addTestArticle(t, s, p, "https://d.example/b", now.Add(-2*time.Hour), nil, func(id int64) StoryUpdate { return StoryUpdate{Story: 11} })
		// c joins story 10 and shows that 11 is the same story: 11 merges into 10.
		c := addTestArticle(t, s, other, "https://w.example/c", now.Add(-time.Hour), harbour, func(id int64) StoryUpdate {
			return StoryUpdate{Story: 10, Merged: []int64{11}}
		})
		// d is a copy of a.
		d := addTestArticle(t, s, other, "https://w.example/d", now, nil, func(id int64) StoryUpdate { return StoryUpdate{Story: 10, DuplicateOf: a} })

		arts, err := s.StoryArticles(ctx, 10, 10)
		if err != nil || len(arts) != 4 {
			t.Fatalf("story 10: %d articles, %v", len(arts), err)
		}
		if arts[0].ID != d || arts[0].DuplicateOf != a || arts[0].Text == "" || arts[0].PublisherName != "Wire" {
			t.Fatalf("newest of story: %+v", arts[0])
		}
		if to, _ := s.ResolveStory(ctx, 11); to != 10 {
			t.Fatalf("11 resolves to %d, want 10", to)
		}
		if to, _ := s.ResolveStory(ctx, 10); to != 10 {
			t.Fatalf("10 resolves to %d", to)
		}
		if _, err := s.StoryArticles(ctx, 11, 10); !errors.Is(err, ErrNotFound) {
			t.Fatalf("merged story still has articles: %v", err)
		}
		latest, _ := s.LatestArticles(ctx, 10)
		for _, l := range latest {
			if l.ID == d {
				t.Fatal("a copy is listed on its own")
			}
		}
		also, err := s.AlsoIn(ctx, []int64{a, b})
		if err != nil || len(also[a]) != 1 || also[a][0] != "Wire" || len(also[b]) != 0 {
			t.Fatalf("also in: %v, %v", also, err)
		}
		full, _ := s.Article(ctx, a)
		if len(full.KeyPoints) != 2 || full.StoryID != 10 {
			t.Fatalf("article a: %+v", full)
		}
		rel, err := s.RelatedCandidates(ctx, full, now.Add(-24*time.Hour), 10)
		if err != nil || len(rel) != 2 { // b and c; d is a copy
			t.Fatalf("related: %d, %v", len(rel), err)
		}
		tagged, err := s.TagArticles(ctx, "Port Aldridge", 10)
		if err != nil || len(tagged) != 1 || tagged[0].ID != c {
			t.Fatalf("tag articles: %+v, %v", tagged, err)
		}
		if tags, _ := s.ArticleTags(ctx, c); len(tags) != 1 || tags[0].Kind != "place" {
			t.Fatalf("tags: %+v", tags)
		}
		if df, _ := s.DocFreq(ctx, "harbour"); df != 4 {
			t.Fatalf("doc freq %d, want 4", df)
		}
		if dfs, err := s.DocFreqs(ctx, []string{"harbour", "vote", "absent"}); err != nil || dfs["harbour"] != 4 || dfs["vote"] != 4 || len(dfs) != 2 {
			t.Fatalf("doc freqs %v, %v", dfs, err)
		}
		var replayed []int64
		err = s.EachRecentArticle(ctx, now.Add(-24*time.Hour), func(a Article) error {
			replayed = append(replayed, a.ID)
			return nil
		})
		if err != nil || len(replayed) != 4 || replayed[0] != a || replayed[3] != d {
			t.Fatalf("replay order %v, %v", replayed, err)
		}
	})
}

func TestStorySizes(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		p := mustPublisher(t, s)
		other, err := s.EnsurePublisher(ctx, Publisher{Name: "Wire", HomeURL: "https://wire.example/"})
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now().Truncate(time.Millisecond)
		in := func(story, dup int64) func(int64) StoryUpdate {
			return func(int64) StoryUpdate { return StoryUpdate{Story: story, DuplicateOf: dup} }
		}
		a := addTestArticle(t, s, p, "https://d.example/1", now.Add(-3*time.Hour), nil, in(20, 0))
		addTestArticle(t, s, p, "https://d.example/2", now.Add(-2*time.Hour), nil, in(20, 0))
		addTestArticle(t, s, other, "https://w.example/3", now.Add(-time.Hour), nil, in(20, a)) // a copy counts
		addTestArticle(t, s, other, "https://w.example/4", now, nil, in(21, 0))
		addTestArticle(t, s, other, "https://w.example/5", now, nil, nil) // never grouped: story 0

		tests := []struct {
			name string
			ids  []int64
			want map[int64]StorySize
		}{
			{"several", []int64{20, 21}, map[int64]StorySize{20: {Articles: 3, Publishers: 2}, 21: {Articles: 1, Publishers: 1}}},
			{"unknown left out", []int64{21, 99}, map[int64]StorySize{21: {Articles: 1, Publishers: 1}}},
			{"zero is not a story", []int64{0}, map[int64]StorySize{}},
			{"none", nil, map[int64]StorySize{}},
		}
		for _, tt := range tests {
			got, err := s.StorySizes(ctx, tt.ids)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if len(got) != len(tt.want) {
				t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
			}
			for id, w := range tt.want {
				if got[id] != w {
					t.Errorf("%s: story %d is %+v, want %+v", tt.name, id, got[id], w)
				}
			}
		}
	})
}
