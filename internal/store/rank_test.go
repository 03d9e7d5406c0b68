package store

import (
	"context"
	"testing"
	"time"
)

func TestStoryStats(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		now := time.Now().Truncate(time.Millisecond)
		pubs := map[string]Publisher{}
		for _, p := range []Publisher{
			{Name: "Daily", HomeURL: "https://daily.example/", Country: "ie", Language: "en"},
			{Name: "Wire", HomeURL: "https://wire.example/", Country: "gb", Language: "en"},
			{Name: "Blatt", HomeURL: "https://blatt.example/", Country: "de", Language: "de"},
		} {
			got, err := s.EnsurePublisher(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			pubs[p.Name] = got
		}
		add := func(pub, url string, story, dup int64, age time.Duration, image, section string) int64 {
			t.Helper()
			id, _, err := s.AddArticle(ctx, Article{
				PublisherID: pubs[pub].ID, URL: url, Title: "T " + url, Published: now.Add(-age), Fetched: now,
				Language: pubs[pub].Language, ImageURL: image, Section: section, SectionBy: SectionByURL,
			}, 0, func(int64) StoryUpdate { return StoryUpdate{Story: story, DuplicateOf: dup} })
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		// Story 1: three publishers in three countries, two articles in the last hour.
		add("Daily", "https://daily.example/1a", 1, 0, 5*time.Hour, "https://img/1a", "politics")
		withImage := add("Wire", "https://wire.example/1b", 1, 0, 90*time.Minute, "https://img/1b", "world")
		add("Blatt", "https://blatt.example/1c", 1, 0, 30*time.Minute, "", "world")
		add("Daily", "https://daily.example/1d", 1, 0, 10*time.Minute, "", "world")
		// A copy counts for nothing.
		add("Wire", "https://wire.example/1copy", 1, withImage, 5*time.Minute, "https://img/c", "world")
		// Story 2: one publisher, fresh.
		lone := add("Daily", "https://daily.example/2a", 2, 0, 2*time.Minute, "", "sport")
		// Story 3: only articles older than the cut-off.
		add("Wire", "https://wire.example/3a", 3, 0, 30*time.Hour, "", "business")

		stats, err := s.storyStats(ctx, now.Add(-24*time.Hour), now, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(stats) != 2 {
			t.Fatalf("got %d stories, want 2: %+v", len(stats), stats)
		}
		broad, single := stats[0], stats[1]
		if broad.Story != 1 || broad.Articles != 4 || broad.Publishers != 3 || broad.LastHour != 2 {
			t.Errorf("story 1: %+v", broad)
		}
		if got := broad.Countries; len(got) != 3 || got[0] != "de" || got[1] != "gb" || got[2] != "ie" {
			t.Errorf("countries %v", got)
		}
		if got := broad.Languages; len(got) != 2 || got[0] != "de" || got[1] != "en" {
			t.Errorf("languages %v", got)
		}
		if !broad.FirstPublished.Equal(now.Add(-5*time.Hour)) || !broad.LastPublished.Equal(now.Add(-10*time.Minute)) {
			t.Errorf("first %v last %v", broad.FirstPublished, broad.LastPublished)
		}
		if broad.Lead.ID != withImage {
			t.Errorf("lead %d (%s), want the newest with an image %d", broad.Lead.ID, broad.Lead.URL, withImage)
		}
		if broad.Section != "world" || len(broad.Members) != 4 {
			t.Errorf("section %q, %d members", broad.Section, len(broad.Members))
		}
		if single.Story != 2 || single.Publishers != 1 || single.Lead.ID != lone || single.Section != "sport" {
			t.Errorf("story 2: %+v", single)
		}

		// The limit keeps the broadest.
		top, err := s.StoryStats(ctx, now.Add(-24*time.Hour), 1)
		if err != nil || len(top) != 1 || top[0].Story != 1 {
			t.Errorf("limit 1: %+v, %v", top, err)
		}
		// Yesterday's broad story does not crowd this hour's out of a short candidate list.
		add("Wire", "https://wire.example/4a", 4, 0, 20*time.Hour, "", "world")
		add("Blatt", "https://blatt.example/4b", 4, 0, 20*time.Hour, "", "world")
		if top, err := s.storyStats(ctx, now.Add(-24*time.Hour), now, 2); err != nil || len(top) != 2 || top[0].Story != 1 || top[1].Story != 2 {
			t.Errorf("limit 2 with an old broad story: %+v, %v", top, err)
		}
		// An article dated in the future (a publisher's wrong clock) is aggregated, not an error.
		add("Wire", "https://wire.example/5a", 5, 0, -candidateAge, "", "world")
		if got, err := s.storyStats(ctx, now.Add(-24*time.Hour), now, 10); err != nil || len(got) != 4 {
			t.Errorf("with a future article: %d stories, %v", len(got), err)
		}
		if none, err := s.StoryStats(ctx, now.Add(7*time.Hour), 10); err != nil || len(none) != 0 {
			t.Errorf("nothing after the cut-off: %+v, %v", none, err)
		}
	})
}

func TestSections(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		p := mustPublisher(t, s)
		f, err := s.CreateFeed(ctx, Feed{PublisherID: p.ID, URL: "https://daily.example/rss"})
		if err != nil {
			t.Fatal(err)
		}
		pending, err := s.AddFeedItems(ctx, f.ID, []FeedItem{
			{GUID: "a", URL: "https://daily.example/sport/a", Title: "A", Categories: []string{"Sport", "Fußball"}},
			{GUID: "b", URL: "https://daily.example/b", Title: "B"},
		})
		if err != nil || len(pending) != 2 {
			t.Fatalf("items %+v, %v", pending, err)
		}
		if got := pending[0].Categories; len(got) != 2 || got[1] != "Fußball" {
			t.Errorf("categories %q", got)
		}
		if got := pending[1].Categories; got != nil {
			t.Errorf("no categories read back as %q", got)
		}
		now := time.Now()
		add := func(url, section, by string) int64 {
			id, _, err := s.AddArticle(ctx, Article{PublisherID: p.ID, URL: url, Title: "T " + url, Text: "text of " + url,
				Published: now, Fetched: now, Section: section, SectionBy: by}, 0, nil)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		ruled := add("https://daily.example/sport/a", "sport", SectionByCategory)
		guessed := add("https://daily.example/b", "world", SectionByModel)
		blank := add("https://daily.example/c", "", "")
		if a, err := s.Article(ctx, ruled); err != nil || a.Section != "sport" || a.SectionBy != SectionByCategory {
			t.Errorf("article %+v, %v", a, err)
		}

		samples, err := s.SectionSamples(ctx, 10)
		if err != nil || len(samples) != 1 || samples[0].ID != ruled || samples[0].Section != "sport" || samples[0].Text == "" {
			t.Errorf("samples %+v, %v", samples, err)
		}
		backlog, err := s.SectionBacklog(ctx, 10)
		if err != nil || len(backlog) != 2 {
			t.Fatalf("backlog %+v, %v", backlog, err)
		}
		ids := map[int64]bool{backlog[0].ID: true, backlog[1].ID: true}
		if !ids[guessed] || !ids[blank] {
			t.Errorf("backlog %+v", backlog)
		}

		// The classifier never overrides a rule; a rule overrides the classifier.
		if err := s.SetArticleSection(ctx, ruled, "health", SectionByModel); err != nil {
			t.Fatal(err)
		}
		if a, _ := s.Article(ctx, ruled); a.Section != "sport" {
			t.Errorf("model overrode a rule: %q", a.Section)
		}
		if err := s.SetArticleSection(ctx, guessed, "business", SectionByURL); err != nil {
			t.Fatal(err)
		}
		if a, _ := s.Article(ctx, guessed); a.Section != "business" || a.SectionBy != SectionByURL {
			t.Errorf("rule did not override the model: %q by %q", a.Section, a.SectionBy)
		}
	})
}
