package ingest

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"newsdesk/internal/brief"
	"newsdesk/internal/store"
	"newsdesk/internal/story"
)

// grouper is the story engine shared by the workers. The engine is not safe for concurrent
// use, so every call holds mu; calls happen inside the store's write transaction, which
// serialises them in the order articles become visible.
type grouper struct {
	mu     sync.Mutex
	e      *story.Engine
	window time.Duration
	// last remembers the previous decision: a write transaction retried after a busy
	// database calls group again for the same new id, which must not add it twice.
	lastID int64
	last   store.StoryUpdate
}

func newGrouper() *grouper {
	cfg := story.DefaultConfig()
	return &grouper{e: story.NewEngine(cfg), window: cfg.Window}
}

// restore replays the stored articles of the engine's window with the story ids they were
// given, so ids stay stable across restarts.
func (g *grouper) restore(ctx context.Context, st *store.Store, now time.Time, log *slog.Logger) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := 0
	err := st.EachRecentArticle(ctx, now.Add(-g.window), func(a store.Article) error {
		g.e.Restore(storyItem(a), a.StoryID, a.DuplicateOf)
		n++
		return nil
	})
	if n > 0 {
		log.Info("story engine restored", slog.Int("articles", n), slog.Int("stories", g.e.Stories()))
	}
	return err
}

// group assigns the new article id to a story; it is the store's callback.
func (g *grouper) group(a store.Article) func(id int64) store.StoryUpdate {
	return func(id int64) store.StoryUpdate {
		g.mu.Lock()
		defer g.mu.Unlock()
		if id == g.lastID {
			return g.last
		}
		it := storyItem(a)
		it.ID = id
		as := g.e.Add(it)
		u := store.StoryUpdate{Story: as.Story, DuplicateOf: as.DuplicateOf, Merged: as.Merged}
		if as.Split != nil {
			u.SplitTo, u.SplitItems = as.Split.To, as.Split.Items
		}
		g.lastID, g.last = id, u
		return u
	}
}

func storyItem(a store.Article) story.Item {
	return story.Item{
		ID: a.ID, Title: a.Title, Text: a.Text, Publisher: a.PublisherName, URL: a.URL,
		Language: a.Language, Country: a.PublisherCountry, Published: a.Published,
	}
}

// enrich adds what the offline AI features need and ingest can compute once: language,
// key points, tags and the article's terms for the TF-IDF corpus.
func (p *Pipeline) enrich(ctx context.Context, a *store.Article) {
	if a.Language == "" {
		a.Language = brief.DetectLanguage(a.Text)
	}
	a.KeyPoints = brief.KeyPoints(a.Title, a.Text, 3)
	a.Terms = brief.Terms(a.Title + "\n\n" + a.Text)
	for _, t := range brief.Tags(a.Title, a.Text, &corpus{ctx: ctx, st: p.st}, 8) {
		a.Tags = append(a.Tags, store.Tag{Name: t.Name, Kind: t.Kind})
	}
}

// corpus is the store's document frequencies seen through brief.Corpus.
type corpus struct {
	ctx  context.Context
	st   *store.Store
	docs int
}

func (c *corpus) DocFreq(term string) int {
	n, err := c.st.DocFreq(c.ctx, term)
	if err != nil {
		return 0 // a keyword weighted as rare is harmless; the article is not held up
	}
	return n
}

func (c *corpus) Docs() int {
	if c.docs == 0 {
		c.docs, _ = c.st.CountArticles(c.ctx)
	}
	return c.docs
}
