package api

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/feed"
	"newsdesk/internal/store"
)

// realNews stores a few articles in a SQLite store: a story of three articles from two
// publishers plus a copy, a second story merged into the first, and an ungrouped article.
func realNews(t *testing.T) (st *store.Store, ids []int64) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "api.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	daily, err := st.EnsurePublisher(ctx, store.Publisher{Name: "The Daily", HomeURL: "https://daily.example/", Country: "ie"})
	if err != nil {
		t.Fatal(err)
	}
	wire, err := st.EnsurePublisher(ctx, store.Publisher{Name: "Wire", HomeURL: "https://wire.example/", Country: "gb"})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Truncate(time.Millisecond)
	add := func(p store.Publisher, url, title string, ago time.Duration, tags []store.Tag, u func(int64) store.StoryUpdate) int64 {
		id, _, err := st.AddArticle(ctx, store.Article{
			PublisherID: p.ID, URL: url, Title: title, Text: title + ". The council met on Tuesday.\n\nIt voted.",
			HTML: "<p>" + title + "</p>", Snippet: title + " — the council met.", Published: now.Add(-ago), Fetched: now,
			Language: "en", WordCount: 9, KeyPoints: []string{"The council voted."}, Tags: tags,
		}, 0, u)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
		return id
	}
	harbour := []store.Tag{{Name: "Port Aldridge", Kind: "place"}, {Name: "pier", Kind: "keyword"}}
	story := func(s int64) func(int64) store.StoryUpdate {
		return func(int64) store.StoryUpdate { return store.StoryUpdate{Story: s} }
	}
	first := add(daily, "https://daily.example/pier", "Port Aldridge council votes for pier", 4*time.Hour, harbour, story(100))
	add(wire, "https://wire.example/pier", "Aldridge approves pier", 3*time.Hour, harbour, story(101))
	add(wire, "https://wire.example/pier-2", "Pier vote: what comes next", 2*time.Hour, harbour, func(int64) store.StoryUpdate {
		return store.StoryUpdate{Story: 100, Merged: []int64{101}}
	})
	add(daily, "https://daily.example/copy", "Port Aldridge council votes for pier", time.Hour, harbour, func(int64) store.StoryUpdate {
		return store.StoryUpdate{Story: 100, DuplicateOf: first}
	})
	add(daily, "https://daily.example/library", "Library reopens & <celebrates>", 30*time.Minute, nil, nil)
	return st, ids
}

func TestAgainstSQLiteStore(t *testing.T) {
	t.Parallel()
	st, ids := realNews(t)
	h, err := New(Config{Store: st, BaseURL: testBase, SiteName: "Newsdesk"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	get := func(path string, v any) {
		t.Helper()
		resp, err := srv.Client().Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
		}
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
	}

	// Pages of one, followed through next links, give every original newest first.
	var got []int64
	for next := "/api/v1/articles?limit=1"; next != ""; {
		var page listJSON[articleJSON]
		get(strings.TrimPrefix(next, testBase), &page)
		for _, a := range page.Items {
			got = append(got, a.ID)
		}
		next = page.Next
	}
	if want := []int64{ids[4], ids[2], ids[1], ids[0]}; !slices.Equal(got, want) {
		t.Fatalf("articles %v, want %v", got, want)
	}

	var a articleDetailJSON
	get("/api/v1/articles/"+itoa(ids[0]), &a)
	if len(a.Tags) != 2 || a.Tags[0].Name != "Port Aldridge" || len(a.KeyPoints) != 1 || a.Story == nil || a.Story.ID != 100 {
		t.Fatalf("article %+v", a)
	}

	var s storyJSON
	get("/api/v1/stories/100", &s)
	if s.Articles != 4 || s.Publishers != 2 || s.FirstReported.ID != ids[0] {
		t.Fatalf("story: %d articles, %d publishers, first %d", s.Articles, s.Publishers, s.FirstReported.ID)
	}

	var rel listJSON[articleJSON]
	get("/api/v1/articles/"+itoa(ids[0])+"/related", &rel)
	if len(rel.Items) == 0 || rel.Items[0].Publisher.Name != "Wire" {
		t.Fatalf("related %+v", rel.Items)
	}

	var top listJSON[topJSON]
	get("/api/v1/top", &top)
	if len(top.Items) != 2 || top.Items[0].Lead.ID != ids[4] || top.Items[1].Story == nil || top.Items[1].Articles != 4 {
		t.Fatalf("top %+v", top.Items)
	}

	resp, err := srv.Client().Get(srv.URL + "/tag/Port%20Aldridge/feed.atom")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	f, err := feed.Parse(body, feed.Options{})
	if err != nil || len(f.Items) != 1 || f.Items[0].Link != testBase+"/article/"+itoa(ids[2]) || f.Link != testBase+"/tag/Port%20Aldridge" {
		t.Fatalf("tag feed: %v %+v", err, f)
	}

	// Search over the store's full-text index, a page at a time.
	var found []int64
	for next := "/api/v1/search?q=pier&limit=1"; next != ""; {
		var page searchJSON
		get(strings.TrimPrefix(next, testBase), &page)
		for _, hit := range page.Items {
			found = append(found, hit.ID)
			if !strings.Contains(strings.ToLower(hit.TitleHTML), "<mark>pier</mark>") {
				t.Errorf("title_html %q lacks the highlight", hit.TitleHTML)
			}
		}
		next = page.Next
	}
	slices.Sort(found)
	if want := []int64{ids[0], ids[1], ids[2]}; !slices.Equal(found, want) { // the copy (ids[3]) left out
		t.Fatalf("search found %v, want %v", found, want)
	}

	// The ranking engine, swapped in through Config.Top, serves the same shape.
	ranked, err := New(Config{Store: st, BaseURL: testBase, Top: RankedTop{Store: st}})
	if err != nil {
		t.Fatal(err)
	}
	var rtop listJSON[topJSON]
	getJSON(t, ranked, "/api/v1/top", &rtop)
	if len(rtop.Items) != 1 || rtop.Items[0].Story == nil || rtop.Items[0].Story.ID != 100 || rtop.Items[0].Publishers != 2 {
		t.Fatalf("ranked top %+v", rtop.Items)
	}
	checkAgainstSpec(t, ranked, specCases(ids[0], 100, 101, "Port%20Aldridge", "pier"))

	// And every route's answers from the real store fit the document.
	checkAgainstSpec(t, h, specCases(ids[0], 100, 101, "Port%20Aldridge", "pier"))
}
