package api

import (
	"cmp"
	"context"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"newsdesk/internal/store"
)

// fakeStore keeps articles in memory and answers like the real store: copies left out of
// lists, newest first with ties broken by id, ErrNotFound for unknown ids.
type fakeStore struct {
	articles  []store.Article
	tags      map[int64][]store.Tag
	redirects map[int64]int64
	pubs      []store.Publisher
	err       error // returned by every method when set
}

func (f *fakeStore) sorted(keep func(store.Article) bool) []store.Article {
	var out []store.Article
	for _, a := range f.articles {
		if keep(a) {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b store.Article) int {
		return cmp.Or(b.Published.Compare(a.Published), cmp.Compare(b.ID, a.ID))
	})
	return out
}

func after(c store.ArticleCursor, a store.Article) bool {
	if c.IsZero() {
		return true
	}
	return a.Published.Before(c.Published) || a.Published.Equal(c.Published) && a.ID < c.ID
}

func (f *fakeStore) LatestArticles(ctx context.Context, limit int) ([]store.Article, error) {
	return f.LatestArticlesAfter(ctx, store.ArticleCursor{}, limit)
}

func (f *fakeStore) LatestArticlesAfter(_ context.Context, c store.ArticleCursor, limit int) ([]store.Article, error) {
	if f.err != nil {
		return nil, f.err
	}
	out := f.sorted(func(a store.Article) bool { return a.DuplicateOf == 0 && after(c, a) })
	return out[:min(limit, len(out))], nil
}

func (f *fakeStore) Article(_ context.Context, id int64) (store.Article, error) {
	if f.err != nil {
		return store.Article{}, f.err
	}
	for _, a := range f.articles {
		if a.ID == id {
			return a, nil
		}
	}
	return store.Article{}, fmt.Errorf("fake: article %d: %w", id, store.ErrNotFound)
}

func (f *fakeStore) ArticleTags(_ context.Context, id int64) ([]store.Tag, error) {
	return f.tags[id], f.err
}

func (f *fakeStore) RelatedCandidates(_ context.Context, a store.Article, since time.Time, limit int) ([]store.Article, error) {
	if f.err != nil {
		return nil, f.err
	}
	out := f.sorted(func(c store.Article) bool {
		if c.ID == a.ID || c.DuplicateOf != 0 {
			return false
		}
		if a.StoryID != 0 && c.StoryID == a.StoryID {
			return true
		}
		return !c.Published.Before(since) && sharesTag(f.tags[a.ID], f.tags[c.ID])
	})
	return out[:min(limit, len(out))], nil
}

func sharesTag(a, b []store.Tag) bool {
	for _, t := range a {
		if slices.ContainsFunc(b, func(u store.Tag) bool { return u.Name == t.Name }) {
			return true
		}
	}
	return false
}

func (f *fakeStore) StoryArticles(_ context.Context, id int64, limit int) ([]store.Article, error) {
	if f.err != nil {
		return nil, f.err
	}
	out := f.sorted(func(a store.Article) bool { return a.StoryID == id })
	if len(out) == 0 {
		return nil, fmt.Errorf("fake: story %d: %w", id, store.ErrNotFound)
	}
	return out[:min(limit, len(out))], nil
}

func (f *fakeStore) ResolveStory(_ context.Context, id int64) (int64, error) {
	if to, ok := f.redirects[id]; ok {
		return to, f.err
	}
	return id, f.err
}

func (f *fakeStore) TagArticlesAfter(_ context.Context, tag string, c store.ArticleCursor, limit int) ([]store.Article, error) {
	if f.err != nil {
		return nil, f.err
	}
	seen := map[int64]bool{}
	var out []store.Article
	// Newest of each story: walk newest first and keep the first of each story.
	for _, a := range f.sorted(func(a store.Article) bool {
		return a.DuplicateOf == 0 && slices.ContainsFunc(f.tags[a.ID], func(t store.Tag) bool { return t.Name == tag })
	}) {
		key := a.StoryID
		if key == 0 {
			key = -a.ID
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		if after(c, a) {
			out = append(out, a)
		}
	}
	return out[:min(limit, len(out))], nil
}

func (f *fakeStore) Publishers(context.Context) ([]store.Publisher, error) {
	return f.pubs, f.err
}

func (f *fakeStore) StorySizes(_ context.Context, ids []int64) (map[int64]store.StorySize, error) {
	if f.err != nil {
		return nil, f.err
	}
	out := map[int64]store.StorySize{}
	for _, id := range ids {
		pubs := map[int64]bool{}
		for _, a := range f.articles {
			if a.StoryID == id && id != 0 {
				n := out[id]
				n.Articles++
				pubs[a.PublisherID] = true
				n.Publishers = len(pubs)
				out[id] = n
			}
		}
	}
	return out, nil
}

// Search matches the query's words against titles, newest first, and pages by offset; its
// cursor is the offset as text.
func (f *fakeStore) Search(_ context.Context, q store.SearchQuery) (store.SearchResult, error) {
	if f.err != nil {
		return store.SearchResult{}, f.err
	}
	words := strings.FieldsFunc(strings.ToLower(q.Text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return store.SearchResult{}, store.ErrEmptyQuery
	}
	offset := 0
	if q.Cursor != "" {
		n, err := strconv.Atoi(q.Cursor)
		if err != nil {
			return store.SearchResult{}, store.ErrBadCursor
		}
		offset = n
	}
	hits := f.sorted(func(a store.Article) bool {
		if a.DuplicateOf != 0 || q.PublisherID != 0 && a.PublisherID != q.PublisherID ||
			!q.From.IsZero() && a.Published.Before(q.From) || !q.To.IsZero() && !a.Published.Before(q.To) {
			return false
		}
		for _, w := range words {
			if !strings.Contains(strings.ToLower(a.Title), w) {
				return false
			}
		}
		return true
	})
	limit := cmp.Or(q.Limit, 20)
	var res store.SearchResult
	for i, a := range hits[min(offset, len(hits)):] {
		if i == limit {
			res.Next = strconv.Itoa(offset + limit)
			break
		}
		res.Hits = append(res.Hits, store.SearchHit{Article: a, TitleHTML: html.EscapeString(a.Title), SnippetHTML: html.EscapeString(a.Snippet), Score: float64(len(hits) - i)})
	}
	return res, nil
}

// newsFixture is a small news day: two publishers, a three-article story with a copy, a
// second story, an ungrouped article, tags, and story 7 merged into story 1.
func newsFixture(now time.Time) *fakeStore {
	daily := store.Publisher{ID: 1, Name: "The Daily", HomeURL: "https://daily.example/", Country: "ie", Language: "en"}
	wire := store.Publisher{ID: 2, Name: "Wire & Co", HomeURL: "https://wire.example/", Country: "gb", Language: "en"}
	art := func(id int64, p store.Publisher, story int64, ago time.Duration, title string) store.Article {
		return store.Article{
			ID: id, PublisherID: p.ID, URL: fmt.Sprintf("%s%d", p.HomeURL, id), Title: title,
			Published: now.Add(-ago), Fetched: now.Add(-ago), Language: "en", StoryID: story,
			Snippet: "Snippet of " + title, Text: "Text of " + title + ".\n\nMore text.", HTML: "<p>Text of " + title + "</p>",
			WordCount: 120, PublisherName: p.Name, PublisherCountry: p.Country, KeyPoints: []string{"A point."},
		}
	}
	arts := []store.Article{
		art(1, daily, 1, 5*time.Hour, "Harbour council votes on new pier"),
		art(2, wire, 1, 4*time.Hour, "Council approves harbour pier plan"),
		art(3, daily, 1, 3*time.Hour, "Harbour pier: what the vote means"),
		art(4, wire, 1, 2*time.Hour, "Harbour council votes on new pier"), // a copy of 1
		art(5, wire, 2, 90*time.Minute, `Storm "Ada" closes <schools> & roads`),
		art(6, daily, 0, time.Hour, "Local library reopens"),
		art(8, daily, 2, time.Hour, "Storm Ada: roads reopen"), // same time as 6: id breaks the tie
	}
	arts[3].DuplicateOf = 1
	harbour := []store.Tag{{Name: "Harbour", Kind: "place"}, {Name: "council", Kind: "keyword"}}
	return &fakeStore{
		articles: arts,
		tags: map[int64][]store.Tag{
			1: harbour, 2: harbour, 3: harbour, 4: harbour,
			5: {{Name: "Ada", Kind: "keyword"}}, 8: {{Name: "Ada", Kind: "keyword"}},
		},
		redirects: map[int64]int64{7: 1},
		pubs:      []store.Publisher{daily, wire},
	}
}
