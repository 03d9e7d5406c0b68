package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"newsdesk/internal/store"
)

// TestSectionsLearnAndSurviveARestart places articles by rule while they are ingested,
// trains a fresh classifier from the store as a restart would, and checks that it places an
// article no rule does, and that the backlog round places an article stored unclassified.
func TestSectionsLearnAndSurviveARestart(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	pub, _ := st.EnsurePublisher(ctx, store.Publisher{Name: "Herald", HomeURL: "https://herald.example/"})
	now := time.Now()
	n := 0
	add := func(s *sectioner, url, title, text string, cats ...string) store.Article {
		t.Helper()
		n++
		a := store.Article{PublisherID: pub.ID, URL: url, Title: title, Text: text, Published: now.Add(time.Duration(n) * time.Second),
			Fetched: now, Categories: cats}
		if s != nil {
			s.place(&a)
		}
		id, _, err := st.AddArticle(ctx, a, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	s1 := newSectioner()
	for i := range 3 {
		a := add(s1, fmt.Sprintf("https://herald.example/sport/match-%d", i), "Rovers win the derby",
			"The striker scored twice and the goalkeeper saved a penalty as the team won the match.")
		if a.Section != "sport" || a.SectionBy != store.SectionByURL {
			t.Fatalf("sport by URL: %q by %q", a.Section, a.SectionBy)
		}
		a = add(s1, fmt.Sprintf("https://herald.example/m-%d", i), "Shares slide as rates rise",
			"Investors sold shares after the bank raised interest rates; company profits fell.", "Economy")
		if a.Section != "business" || a.SectionBy != store.SectionByCategory {
			t.Fatalf("business by category: %q by %q", a.Section, a.SectionBy)
		}
	}
	// Stored before the classifier was trained: no section yet.
	blank := add(nil, "https://herald.example/unfiled", "Goalkeeper saves late penalty", "The striker missed and the team held on to win the match.")
	if blank.Section != "" {
		t.Fatalf("blank article placed: %q", blank.Section)
	}

	s2 := newSectioner()
	if err := s2.restore(ctx, st, log); err != nil {
		t.Fatal(err)
	}
	guess := add(s2, "https://herald.example/2025/06/03/derby", "Striker's penalty decides the match", "The team and the goalkeeper.")
	if guess.Section != "sport" || guess.SectionBy != store.SectionByModel {
		t.Errorf("after restart: %q by %q, want sport by model", guess.Section, guess.SectionBy)
	}
	s2.reclassify(ctx, st, now, log)
	if a, _ := st.Article(ctx, blank.ID); a.Section != "sport" || a.SectionBy != store.SectionByModel {
		t.Errorf("backlog: %q by %q, want sport by model", a.Section, a.SectionBy)
	}
}
