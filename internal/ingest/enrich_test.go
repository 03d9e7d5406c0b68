package ingest

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/store"
)

// TestStoryIDsSurviveARestart stores an article through one engine, restores a fresh engine
// from the store, and checks that a copy and a follow-up land in the original's story.
func TestStoryIDsSurviveARestart(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	herald, _ := st.EnsurePublisher(ctx, store.Publisher{Name: "Herald", HomeURL: "https://herald.example/"})
	wire, _ := st.EnsurePublisher(ctx, store.Publisher{Name: "Wire", HomeURL: "https://wire.example/"})
	now := time.Now()
	text := strings.Repeat("The harbour authority of Port Aldridge approved a plan to dredge the northern channel on Tuesday after a decade of debate. ", 4) +
		"Work begins in spring and lasts eighteen months, officials said."
	add := func(g *grouper, pub store.Publisher, url, title, body string, at time.Time) store.Article {
		a := store.Article{PublisherID: pub.ID, PublisherName: pub.Name, URL: url, Title: title, Text: body, Published: at, Fetched: at, Language: "en"}
		id, _, err := st.AddArticle(ctx, a, 0, g.group(a))
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	g1 := newGrouper()
	orig := add(g1, herald, "https://herald.example/dredging", "Port Aldridge harbour dredging plan approved", text, now.Add(-2*time.Hour))
	if orig.StoryID == 0 || orig.DuplicateOf != 0 {
		t.Fatalf("original: story %d, copy of %d", orig.StoryID, orig.DuplicateOf)
	}

	g2 := newGrouper()
	if err := g2.restore(ctx, st, now, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	cp := add(g2, wire, "https://wire.example/harbour", "Harbour authority backs channel dredging", text, now.Add(-time.Hour))
	if cp.StoryID != orig.StoryID || cp.DuplicateOf != orig.ID {
		t.Fatalf("copy after restart: story %d (want %d), copy of %d (want %d)", cp.StoryID, orig.StoryID, cp.DuplicateOf, orig.ID)
	}
	follow := add(g2, wire, "https://wire.example/dredging-noise",
		"Port Aldridge dredging: residents fear noise from harbour channel work",
		"Residents of Port Aldridge said the dredging of the northern harbour channel, approved by the harbour authority on Tuesday, would bring months of noise. The authority promised an independent monitor for the eighteen months of work.",
		now)
	if follow.StoryID != orig.StoryID || follow.DuplicateOf != 0 {
		t.Fatalf("follow-up: story %d (want %d), copy of %d", follow.StoryID, orig.StoryID, follow.DuplicateOf)
	}
}
