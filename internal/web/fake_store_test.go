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
	templates  []store.SiteTemplate
	tags       map[int64][]store.Tag // by article id
	redirects  map[int64]int64       // merged story → surviving story
	err        error                 // when set, every method fails with it
	panicWith  any                   // when set, every method panics with it
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
	a.PublisherName, a.PublisherLogo, a.PublisherCountry = p.Name, p.LogoURL, p.Country
	return a
}

// list is what the store's list queries return: no bodies, no key points.
func (f *fakeStore) list(a store.Article) store.Article {
	a = f.fill(a)
	a.Text, a.HTML, a.KeyPoints = "", "", nil
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
		if a.DuplicateOf == 0 { // copies are not listed on their own
			out = append(out, f.fill(a))
		}
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

func (f *fakeStore) StoryArticles(ctx context.Context, story int64, limit int) ([]store.Article, error) {
	if err := f.enter(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []store.Article
	for _, a := range f.articles {
		if a.StoryID == story && story != 0 && len(out) < limit {
			a = f.fill(a)
			a.HTML, a.KeyPoints = "", nil
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, store.ErrNotFound
	}
	return out, nil
}

func (f *fakeStore) ResolveStory(ctx context.Context, id int64) (int64, error) {
	if err := f.enter(); err != nil {
		return 0, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if to, ok := f.redirects[id]; ok {
		return to, nil
	}
	return id, nil
}

// RelatedCandidates is the store's rule: a's story, and articles published since that share
// a tag with a; never a itself or a copy.
func (f *fakeStore) RelatedCandidates(ctx context.Context, a store.Article, since time.Time, limit int) ([]store.Article, error) {
	if err := f.enter(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	own := map[string]bool{}
	for _, t := range f.tags[a.ID] {
		own[t.Name] = true
	}
	var out []store.Article
	for _, c := range f.articles {
		if c.ID == a.ID || c.DuplicateOf != 0 || len(out) == limit {
			continue
		}
		shares := slices.ContainsFunc(f.tags[c.ID], func(t store.Tag) bool { return own[t.Name] })
		if (a.StoryID != 0 && c.StoryID == a.StoryID) || (shares && !c.Published.Before(since)) {
			out = append(out, f.list(c))
		}
	}
	return out, nil
}

func (f *fakeStore) ArticleTags(ctx context.Context, id int64) ([]store.Tag, error) {
	if err := f.enter(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.tags[id]), nil
}

// TagArticles returns the newest article of each story with the tag.
func (f *fakeStore) TagArticles(ctx context.Context, tag string, limit int) ([]store.Article, error) {
	if err := f.enter(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	seen := map[int64]bool{}
	var out []store.Article
	for _, a := range f.articles {
		has := slices.ContainsFunc(f.tags[a.ID], func(t store.Tag) bool { return t.Name == tag })
		if !has || a.DuplicateOf != 0 || len(out) == limit || (a.StoryID != 0 && seen[a.StoryID]) {
			continue
		}
		seen[a.StoryID] = true
		out = append(out, f.list(a))
	}
	return out, nil
}

func (f *fakeStore) AlsoIn(ctx context.Context, ids []int64) (map[int64][]string, error) {
	if err := f.enter(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[int64][]string{}
	for _, a := range f.articles {
		if a.DuplicateOf != 0 && slices.Contains(ids, a.DuplicateOf) {
			out[a.DuplicateOf] = append(out[a.DuplicateOf], f.publishers[a.PublisherID].Name)
		}
	}
	return out, nil
}

func (f *fakeStore) StorySizes(ctx context.Context, ids []int64) (map[int64]store.StorySize, error) {
	if err := f.enter(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[int64]store.StorySize{}
	pubs := map[int64]map[int64]bool{}
	for _, a := range f.articles {
		if a.StoryID == 0 || !slices.Contains(ids, a.StoryID) {
			continue
		}
		if pubs[a.StoryID] == nil {
			pubs[a.StoryID] = map[int64]bool{}
		}
		pubs[a.StoryID][a.PublisherID] = true
		n := out[a.StoryID]
		n.Articles++
		n.Publishers = len(pubs[a.StoryID])
		out[a.StoryID] = n
	}
	return out, nil
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

// newFakeStore returns three publishers, eight articles and three feeds in the states the
// sources page distinguishes. Story 100 (the harbour bridge) has articles from all three
// publishers, one of them a copy of article 1; story 101 was merged into it. Articles 1 and 3
// share the tag "Port Aldridge". imageBase prefixes image URLs so the browser test can serve
// them from a loopback server. Articles are listed newest first (by when they appeared).
func newFakeStore(imageBase string) *fakeStore {
	now := testNow
	return &fakeStore{
		publishers: map[int64]store.Publisher{
			1: {ID: 1, Name: "Harbor Gazette", HomeURL: "https://www.harbor-gazette.example/", LogoURL: imageBase + "/logos/harbor.png", Country: "gb", Language: "en"},
			2: {ID: 2, Name: "Northwind Times", HomeURL: "https://northwind.example/", Country: "us", Language: "en"},
			3: {ID: 3, Name: "Coastal Wire", HomeURL: "https://coastal-wire.example/", Country: "gb", Language: "en"},
		},
		articles: []store.Article{
			{
				ID: 8, PublisherID: 3, FeedID: 4, StoryID: 100, DuplicateOf: 1,
				URL:       "https://coastal-wire.example/syndicated/bridge",
				Title:     "Council approves the new harbour bridge",
				Published: now.Add(-5 * time.Minute),
				Text:      "The city council voted on Saturday to build a lifting bridge across the harbour of Port Aldridge. The vote was 31 to 12.",
			},
			{
				ID: 1, PublisherID: 1, FeedID: 1, StoryID: 100, Language: "en",
				URL:       "https://www.harbor-gazette.example/news/2026/03/14/bridge",
				Title:     "Council approves the new harbour bridge",
				Byline:    "Ana Silva",
				Published: now.Add(-9 * time.Minute),
				Fetched:   now.Add(-8 * time.Minute),
				ImageURL:  imageBase + "/images/bridge.png",
				Snippet:   "After three years of debate the council voted 31 to 12 for a lifting bridge.",
				HTML:      "<p>The city council <em>voted</em> on Saturday to build the bridge.</p>\n<h2>What happens next</h2>\n<p>Work starts in <strong>autumn</strong>.</p>",
				Text: "The city council voted on Saturday to build a lifting bridge across the harbour of Port Aldridge. " +
					"The vote was 31 to 12 after three years of debate.\n\n" +
					"The bridge will cost 48 million pounds, paid by the city and a national transport fund.\n\n" +
					"What happens next\n\nWork starts in autumn and should take two years.",
				KeyPoints: []string{"The council voted 31 to 12 for a lifting bridge.", "Work starts in autumn."},
				WordCount: 460,
			},
			{
				ID: 7, PublisherID: 2, FeedID: 2, StoryID: 100,
				URL:       "https://northwind.example/a/harbour-bridge-vote",
				Title:     "Harbour bridge vote: council backs lifting design",
				Published: now.Add(-40 * time.Minute),
				Snippet:   "Councillors in Port Aldridge backed the lifting design by 31 votes to 12.",
				Text: "Councillors in Port Aldridge backed a lifting bridge across the harbour by 31 votes to 12 on Saturday. " +
					"Ferry operators had opposed the plan, saying a fixed bridge would block tall ships.\n\n" +
					"The mayor, Ruth Okafor, said the bridge would cost 48 million pounds.",
			},
			{
				ID: 9, PublisherID: 3, FeedID: 4, StoryID: 100,
				URL:       "https://coastal-wire.example/news/lifting-bridge",
				Title:     "Lifting bridge approved for Port Aldridge harbour",
				Published: now.Add(-70 * time.Minute),
				Snippet:   "The vote ends three years of argument over how to cross the harbour.",
				Text: "Port Aldridge council approved a lifting bridge across the harbour on Saturday, ending three years of argument. " +
					"The bridge is expected to cost 48 million pounds.",
			},
			{
				ID: 2, PublisherID: 2, FeedID: 2, StoryID: 200,
				URL:       "https://northwind.example/a/rail-strike",
				Title:     "Rail strike called off after late-night talks",
				Published: now.Add(-3*time.Hour - 20*time.Minute),
				Text:      "Unions and operators agreed a deal shortly before midnight, ending a dispute that had run since January and disrupted commuters across the region for weeks.",
				WordCount: 120,
			},
			{
				ID: 3, PublisherID: 1, FeedID: 1, StoryID: 300,
				URL:       "https://www.harbor-gazette.example/news/2026/03/13/ferry",
				Title:     "Ferry timetable changes for spring",
				Published: now.Add(-30 * time.Hour),
				ImageURL:  imageBase + "/images/ferry.png",
				Snippet:   "Extra sailings from the Port Aldridge harbour on weekends from April.",
				HTML:      "<p>Extra sailings on weekends from April.</p>",
			},
			{
				ID: 4, PublisherID: 1, FeedID: 1, StoryID: 400,
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
		tags: map[int64][]store.Tag{
			1: {{Name: "Port Aldridge", Kind: "place"}, {Name: "bridge", Kind: "keyword"}},
			7: {{Name: "Port Aldridge", Kind: "place"}, {Name: "Ruth Okafor", Kind: "person"}},
			3: {{Name: "Port Aldridge", Kind: "place"}, {Name: "ferry", Kind: "keyword"}},
			2: {{Name: "rail strike", Kind: "keyword"}},
			4: {{Name: "Harbour Board/Trust", Kind: "org"}}, // a slash must stay inside one path segment
		},
		redirects: map[int64]int64{101: 100},
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

func (f *fakeStore) SiteTemplates(ctx context.Context) ([]store.SiteTemplate, error) {
	if err := f.enter(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.templates), nil
}
