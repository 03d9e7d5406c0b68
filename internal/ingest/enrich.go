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
	// decided remembers recent decisions by article id: a write transaction retried after a
	// busy database calls group again for the same new id, which must not be added twice.
	// With several writers (PostgreSQL) the retried id need not be the latest, so a few
	// hundred are kept; order holds the ids oldest first for eviction.
	decided map[int64]store.StoryUpdate
	order   []int64
	// seen is the highest article id the engine holds. On PostgreSQL several processes
	// group; the store hands each engine, under a lock, the articles the others grouped
	// after seen (store.AddGroupedArticle).
	seen int64
}

// maxDecided bounds the memory of recent decisions; retries happen within seconds, while
// hundreds of other articles cannot be stored in between.
const maxDecided = 512

func newGrouper() *grouper {
	cfg := story.DefaultConfig()
	return &grouper{e: story.NewEngine(cfg), window: cfg.Window, decided: map[int64]store.StoryUpdate{}}
}

// restore replays the stored articles of the engine's window with the story ids they were
// given, so ids stay stable across restarts.
func (g *grouper) restore(ctx context.Context, st *store.Store, now time.Time, log *slog.Logger) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	// Articles stored after this id, by other processes while the window is read, are
	// left to the first catch-up, so that none is restored twice.
	last, err := st.LastArticleID(ctx)
	if err != nil {
		return err
	}
	g.seen = last
	n := 0
	err = st.EachRecentArticle(ctx, now.Add(-g.window), func(a store.Article) error {
		if a.ID > last {
			return nil
		}
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
		if u, ok := g.decided[id]; ok {
			return u
		}
		it := storyItem(a)
		it.ID = id
		as := g.e.Add(it)
		u := store.StoryUpdate{Story: as.Story, DuplicateOf: as.DuplicateOf, Merged: as.Merged}
		if as.Split != nil {
			u.SplitTo, u.SplitItems = as.Split.To, as.Split.Items
		}
		g.decided[id] = u
		g.seen = max(g.seen, id)
		g.order = append(g.order, id)
		if len(g.order) > maxDecided {
			delete(g.decided, g.order[0])
			g.order = g.order[1:]
		}
		return u
	}
}

// forArticle is the grouper as the store's StoryGrouper for one new article.
func (g *grouper) forArticle(a store.Article) store.StoryGrouper {
	return articleGrouper{g: g, group: g.group(a)}
}

type articleGrouper struct {
	g     *grouper
	group func(id int64) store.StoryUpdate
}

func (ag articleGrouper) Seen() int64 {
	ag.g.mu.Lock()
	defer ag.g.mu.Unlock()
	return ag.g.seen
}

func (ag articleGrouper) CatchUp(a store.Article) {
	ag.g.mu.Lock()
	defer ag.g.mu.Unlock()
	if a.ID <= ag.g.seen {
		return
	}
	ag.g.e.Restore(storyItem(a), a.StoryID, a.DuplicateOf)
	ag.g.seen = a.ID
}

func (ag articleGrouper) ReserveStories(id int64) {
	ag.g.mu.Lock()
	defer ag.g.mu.Unlock()
	ag.g.e.Reserve(id)
}

func (ag articleGrouper) Follow(from, to int64) {
	ag.g.mu.Lock()
	defer ag.g.mu.Unlock()
	ag.g.e.Follow(from, to)
}

func (ag articleGrouper) Group(id int64) store.StoryUpdate { return ag.group(id) }

func storyItem(a store.Article) story.Item {
	return story.Item{
		ID: a.ID, Title: a.Title, Text: a.Text, Publisher: a.PublisherName, URL: a.URL,
		Language: a.Language, Country: a.PublisherCountry, Published: a.Published,
	}
}

// enrich adds what the offline AI features need and ingest can compute once: language,
// section, key points, tags and the article's terms for the TF-IDF corpus.
func (p *Pipeline) enrich(ctx context.Context, a *store.Article) {
	if a.Language == "" {
		a.Language = brief.DetectLanguage(a.Text)
	}
	p.sects.place(a)
	a.KeyPoints = brief.KeyPoints(a.Title, a.Text, 3)
	a.Terms = brief.Terms(a.Title + "\n\n" + a.Text)
	c := &corpus{}
	// One query for every term's document frequency instead of one per term.
	if df, err := p.st.DocFreqs(ctx, a.Terms); err == nil {
		c.df = df
	}
	if n, err := p.st.CountArticles(ctx); err == nil {
		c.docs = n
	}
	for _, t := range brief.Tags(a.Title, a.Text, c, 8) {
		a.Tags = append(a.Tags, store.Tag{Name: t.Name, Kind: t.Kind})
	}
}

// corpus is the store's document frequencies for one article's terms, as brief.Corpus
// wants them. A term not fetched counts as unseen: a keyword weighted as rare is harmless,
// and the article is not held up.
type corpus struct {
	df   map[string]int
	docs int
}

func (c *corpus) DocFreq(term string) int { return c.df[term] }
func (c *corpus) Docs() int               { return c.docs }
