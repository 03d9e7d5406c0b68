package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk/internal/store"
	"newsdesk/internal/store/storetest"
)

// topicWords give each synthetic story a vocabulary no other story shares, so that one
// story id holding two topics can only be two engines handing out the same id.
var topicWords = [][]string{
	{"harbour", "dredging", "channel", "aldridge", "authority", "silt", "vessels", "quay"},
	{"orchestra", "symphony", "conductor", "violin", "concert", "premiere", "cellist", "score"},
	{"glacier", "meltwater", "icefield", "crevasse", "moraine", "alpine", "thaw", "snowpack"},
	{"semiconductor", "wafer", "foundry", "lithography", "chipmaker", "transistor", "fab", "silicon"},
	{"marathon", "runner", "finish", "sprint", "stadium", "medal", "athlete", "relay"},
	{"vaccine", "trial", "dosage", "antibody", "clinic", "placebo", "volunteers", "immunity"},
}

func topicArticle(pub store.Publisher, topic, n int, at time.Time) store.Article {
	w := topicWords[topic]
	var b strings.Builder
	for i := range 12 {
		fmt.Fprintf(&b, "The %s and the %s drew attention to the %s near the %s. ", w[i%8], w[(i+3)%8], w[(i+5)%8], w[(i+n)%8])
	}
	return store.Article{
		PublisherID: pub.ID, PublisherName: pub.Name, Language: "en", Published: at, Fetched: at,
		URL:   fmt.Sprintf("%st%d/a%d", pub.HomeURL, topic, n),
		Title: fmt.Sprintf("%s %s %s report %d", w[0], w[1], w[2], n),
		Text:  b.String(),
	}
}

// Two processes group articles of the same stories at once on one PostgreSQL schema. Each
// story id must hold one topic only (two engines that never heard of each other would both
// start story 1), copies sit in their original's story, and no article keeps an id that a
// redirect says was merged away.
func TestGroupingAcrossProcessesPostgres(t *testing.T) {
	t.Parallel()
	dsn := storetest.PostgresDSN(t)
	ctx := context.Background()
	open := func() *store.Store {
		st, err := store.Open(ctx, dsn, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if _, err := st.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		return st
	}
	stores := []*store.Store{open(), open()}
	pubs := make([]store.Publisher, 4)
	for i := range pubs {
		p, err := stores[0].EnsurePublisher(ctx, store.Publisher{Name: fmt.Sprintf("P%d", i), HomeURL: fmt.Sprintf("https://p%d.example/", i)})
		if err != nil {
			t.Fatal(err)
		}
		pubs[i] = p
	}
	// A copy: the same text under another publisher's URL.
	copyOf := func(a store.Article, pub store.Publisher) store.Article {
		c := a
		c.PublisherID, c.PublisherName = pub.ID, pub.Name
		c.URL = strings.Replace(a.URL, "https://", "https://copy.", 1)
		return c
	}

	start := time.Now().Add(-3 * time.Hour)
	topicOf := map[string]int{}
	var work [2][]store.Article
	for n := range 8 {
		for topic := range topicWords {
			a := topicArticle(pubs[(n+topic)%len(pubs)], topic, n, start.Add(time.Duration(n*len(topicWords)+topic)*time.Minute))
			w := (n + topic) % 2
			work[w] = append(work[w], a)
			topicOf[a.URL] = topic
			if n%3 == 1 {
				c := copyOf(a, pubs[(n+topic+1)%len(pubs)])
				work[1-w] = append(work[1-w], c)
				topicOf[c.URL] = topic
			}
		}
	}

	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for i, st := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := newGrouper()
			if err := g.restore(ctx, st, time.Now(), slog.New(slog.DiscardHandler)); err != nil {
				errs <- err
				return
			}
			for _, a := range work[i] {
				if _, _, err := st.AddGroupedArticle(ctx, a, 0, g.forArticle(a)); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	checkStories(t, stores[0], topicOf)
}

// checkStories checks the stored stories: one topic per story id, copies beside their
// originals, no article under a merged-away id.
func checkStories(t *testing.T, st *store.Store, topicOf map[string]int) {
	t.Helper()
	ctx := context.Background()
	arts := map[int64]store.Article{}
	topicsOfStory := map[int64]map[int]bool{}
	for _, a := range allArticles(t, st) {
		arts[a.ID] = a
		if a.StoryID == 0 {
			t.Errorf("article %s has no story", a.URL)
			continue
		}
		if topicsOfStory[a.StoryID] == nil {
			topicsOfStory[a.StoryID] = map[int]bool{}
		}
		topicsOfStory[a.StoryID][topicOf[a.URL]] = true
		if to, err := st.ResolveStory(ctx, a.StoryID); err != nil || to != a.StoryID {
			t.Errorf("article %s is in story %d, which redirects to %d (%v)", a.URL, a.StoryID, to, err)
		}
	}
	if len(arts) != len(topicOf) {
		t.Errorf("%d articles stored, want %d", len(arts), len(topicOf))
	}
	for id, topics := range topicsOfStory {
		if len(topics) > 1 {
			t.Errorf("story %d holds topics %v", id, topics)
		}
	}
	for _, a := range arts {
		if a.DuplicateOf == 0 {
			continue
		}
		orig, ok := arts[a.DuplicateOf]
		if !ok || orig.StoryID != a.StoryID {
			t.Errorf("copy %s (story %d) of %d, which is in story %d", a.URL, a.StoryID, a.DuplicateOf, orig.StoryID)
		}
	}
}

func allArticles(t *testing.T, st *store.Store) []store.Article {
	t.Helper()
	var out []store.Article
	err := st.EachRecentArticle(context.Background(), time.Time{}, func(a store.Article) error {
		out = append(out, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// BenchmarkAddArticlePostgres measures storing grouped articles from 8 goroutines over two
// stores (two processes) on PostgreSQL, with grouping serialised across them ("serial")
// and without ("local", each store's engine on its own, as before scale-out).
func BenchmarkAddArticlePostgres(b *testing.B) {
	for _, serial := range []bool{false, true} {
		name := map[bool]string{false: "local", true: "serial"}[serial]
		b.Run(name, func(b *testing.B) {
			dsn := storetest.PostgresDSN(b)
			ctx := context.Background()
			var stores []*store.Store
			for range 2 {
				st, err := store.Open(ctx, dsn, nil)
				if err != nil {
					b.Fatal(err)
				}
				defer st.Close()
				if _, err := st.Migrate(ctx); err != nil {
					b.Fatal(err)
				}
				stores = append(stores, st)
			}
			pub, err := stores[0].EnsurePublisher(ctx, store.Publisher{Name: "P", HomeURL: "https://p.example/"})
			if err != nil {
				b.Fatal(err)
			}
			groupers := []*grouper{newGrouper(), newGrouper()}
			start := time.Now().Add(-time.Hour)
			var next atomic.Int64
			b.ResetTimer()
			var wg sync.WaitGroup
			for w := range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					st, g := stores[w%2], groupers[w%2]
					for {
						n := int(next.Add(1))
						if n > b.N {
							return
						}
						a := topicArticle(pub, n%len(topicWords), n, start.Add(time.Duration(n)*time.Second))
						var err error
						if serial {
							_, _, err = st.AddGroupedArticle(ctx, a, 0, g.forArticle(a))
						} else {
							_, _, err = st.AddArticle(ctx, a, 0, g.group(a))
						}
						if err != nil {
							b.Error(err)
							return
						}
					}
				}()
			}
			wg.Wait()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
