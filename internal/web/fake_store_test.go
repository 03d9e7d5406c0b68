package web

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"newsdesk/internal/store"
)

// fakeStore is an in-memory Store for handler tests. Articles are kept newest first.
type fakeStore struct {
	mu         sync.Mutex
	publishers map[int64]store.Publisher
	articles   []store.Article
	feeds      []store.FeedStatus
	err        error // when set, every method fails with it
	panicWith  any   // when set, every method panics with it
	calls      atomic.Int64
}

func (f *fakeStore) enter() error {
	f.calls.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.panicWith != nil {
		panic(f.panicWith)
	}
	return f.err
}

// fill sets what the real store fills on reads.
func (f *fakeStore) fill(a store.Article) store.Article {
	p := f.publishers[a.PublisherID]
	a.PublisherName, a.PublisherLogo = p.Name, p.LogoURL
	return a
}

func (f *fakeStore) LatestArticles(ctx context.Context, limit int) ([]store.Article, error) {
	if err := f.enter(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []store.Article
	for _, a := range f.articles {
		if len(out) == limit {
			break
		}
		out = append(out, f.fill(a))
	}
	return out, nil
}

func (f *fakeStore) Article(ctx context.Context, id int64) (store.Article, error) {
	if err := f.enter(); err != nil {
		return store.Article{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	i := slices.IndexFunc(f.articles, func(a store.Article) bool { return a.ID == id })
	if i < 0 {
		return store.Article{}, store.ErrNotFound
	}
	return f.fill(f.articles[i]), nil
}

func (f *fakeStore) PublisherArticles(ctx context.Context, publisherID int64, limit int) ([]store.Article, error) {
	if err := f.enter(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []store.Article
	for _, a := range f.articles {
		if a.PublisherID == publisherID && len(out) < limit {
			out = append(out, f.fill(a))
		}
	}
	return out, nil
}

func (f *fakeStore) Publisher(ctx context.Context, id int64) (store.Publisher, error) {
	if err := f.enter(); err != nil {
		return store.Publisher{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.publishers[id]
	if !ok {
		return store.Publisher{}, store.ErrNotFound
	}
	return p, nil
}

func (f *fakeStore) FeedStatuses(ctx context.Context) ([]store.FeedStatus, error) {
	if err := f.enter(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.feeds), nil
}

// setTitle changes an article's headline, as a re-extraction would.
func (f *fakeStore) setTitle(id int64, title string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.articles {
		if f.articles[i].ID == id {
			f.articles[i].Title = title
		}
	}
}

// testNow is the fixed "now" of the fixtures: a Saturday afternoon in UTC.
var testNow = time.Date(2026, time.March, 14, 15, 0, 0, 0, time.UTC)

// newFakeStore returns two publishers, five articles and three feeds in the states the
// sources page distinguishes. imageBase prefixes image URLs so the browser test can serve
// them from a loopback server.
func newFakeStore(imageBase string) *fakeStore {
	now := testNow
	return &fakeStore{
		publishers: map[int64]store.Publisher{
			1: {ID: 1, Name: "Harbor Gazette", HomeURL: "https://www.harbor-gazette.example/", LogoURL: imageBase + "/logos/harbor.png", Country: "gb", Language: "en"},
			2: {ID: 2, Name: "Northwind Times", HomeURL: "https://northwind.example/", Language: "en"},
		},
		articles: []store.Article{
			{
				ID: 1, PublisherID: 1, FeedID: 1,
				URL:       "https://www.harbor-gazette.example/news/2026/03/14/bridge",
				Title:     "Council approves the new harbour bridge",
				Byline:    "Ana Silva",
				Published: now.Add(-9 * time.Minute),
				Fetched:   now.Add(-8 * time.Minute),
				ImageURL:  imageBase + "/images/bridge.png",
				Snippet:   "After three years of debate the council voted 31 to 12 for a lifting bridge.",
				HTML:      "<p>The city council <em>voted</em> on Saturday to build the bridge.</p>\n<h2>What happens next</h2>\n<p>Work starts in <strong>autumn</strong>.</p>",
				Text:      "The city council voted on Saturday to build the bridge.\n\nWhat happens next\n\nWork starts in autumn.",
				WordCount: 460,
			},
			{
				ID: 2, PublisherID: 2, FeedID: 2,
				URL:       "https://northwind.example/a/rail-strike",
				Title:     "Rail strike called off after late-night talks",
				Published: now.Add(-3*time.Hour - 20*time.Minute),
				Text:      "Unions and operators agreed a deal shortly before midnight, ending a dispute that had run since January and disrupted commuters across the region for weeks.",
				WordCount: 120,
			},
			{
				ID: 3, PublisherID: 1, FeedID: 1,
				URL:       "https://www.harbor-gazette.example/news/2026/03/13/ferry",
				Title:     "Ferry timetable changes for spring",
				Published: now.Add(-30 * time.Hour),
				ImageURL:  imageBase + "/images/ferry.png",
				Snippet:   "Extra sailings on weekends from April.",
				HTML:      "<p>Extra sailings on weekends from April.</p>",
			},
			{
				ID: 4, PublisherID: 1, FeedID: 1,
				URL:     "https://www.harbor-gazette.example/news/market",
				Title:   "Fish market reopens",
				Fetched: now.Add(-2 * time.Hour),
				Snippet: "Traders return to the renovated hall.",
				HTML:    "<p>Traders return to the renovated hall.</p>",
			},
			{
				ID: 5, PublisherID: 2, FeedID: 2,
				URL:       "https://northwind.example/a/archive",
				Title:     "A look back at the winter storms",
				Published: time.Date(2025, time.December, 2, 8, 0, 0, 0, time.UTC),
				Snippet:   "The season in pictures.",
			},
		},
		feeds: []store.FeedStatus{
			{
				Feed: store.Feed{
					ID: 1, PublisherID: 1, URL: "https://www.harbor-gazette.example/rss", Title: "Harbor Gazette – News",
					LastSuccess: now.Add(-12 * time.Minute), NextCheck: now.Add(5 * time.Minute), Interval: 15 * time.Minute,
				},
				PublisherName: "Harbor Gazette", ArticleCount: 3,
			},
			{
				Feed: store.Feed{
					ID: 2, PublisherID: 2, URL: "https://northwind.example/feed.xml",
					LastSuccess: now.Add(-26 * time.Hour), NextCheck: now.Add(40 * time.Minute), Interval: time.Hour,
					ConsecutiveErrors: 4, LastError: "the server answered 503 Service Unavailable", LastErrorAt: now.Add(-20 * time.Minute),
				},
				PublisherName: "Northwind Times", ArticleCount: 2,
			},
			{
				Feed: store.Feed{
					ID: 3, PublisherID: 2, URL: "https://northwind.example/old.rss", Title: "Old feed", Disabled: true,
					NextCheck: now.Add(time.Hour), ConsecutiveErrors: 1, LastError: "the feed is gone (410)", LastErrorAt: now.Add(-72 * time.Hour),
				},
				PublisherName: "Northwind Times",
			},
		},
	}
}
