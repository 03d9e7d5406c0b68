package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/store"
)

func TestArticlesPageByCursor(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	var got []int64
	next := "/api/v1/articles?limit=2"
	for pages := 0; next != ""; pages++ {
		if pages > 10 {
			t.Fatal("pages never end")
		}
		var page listJSON[articleJSON]
		getJSON(t, h, strings.TrimPrefix(next, testBase), &page)
		if len(page.Items) > 2 {
			t.Fatalf("%d items on a page of 2", len(page.Items))
		}
		for _, a := range page.Items {
			got = append(got, a.ID)
		}
		if page.Next != "" && !strings.HasPrefix(page.Next, testBase+"/api/v1/articles?") {
			t.Fatalf("next link %q is not absolute", page.Next)
		}
		next = page.Next
	}
	// Newest first, 8 before 6 at the same time, the copy (4) left out.
	if want := []int64{8, 6, 5, 3, 2, 1}; !slices.Equal(got, want) {
		t.Fatalf("pages gave %v, want %v", got, want)
	}
}

func TestArticleFields(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	var a articleDetailJSON
	getJSON(t, h, "/api/v1/articles/1", &a)
	if a.Link != testBase+"/article/1" || a.URL != "https://daily.example/1" || a.Detail != testBase+"/api/v1/articles/1" {
		t.Errorf("links: %+v", a.articleJSON)
	}
	if a.Story == nil || a.Story.ID != 1 || a.Story.Link != testBase+"/story/1" || a.Story.API != testBase+"/api/v1/stories/1" {
		t.Errorf("story: %+v", a.Story)
	}
	if a.Publisher.Name != "The Daily" || a.Publisher.Country != "ie" {
		t.Errorf("publisher: %+v", a.Publisher)
	}
	if !slices.Equal(a.KeyPoints, []string{"A point."}) || a.Text == "" || a.HTML == "" {
		t.Errorf("body: %q %q %q", a.KeyPoints, a.Text, a.HTML)
	}
	if len(a.Tags) != 2 || a.Tags[0].Name != "Harbour" || a.Tags[0].Link != testBase+"/tag/Harbour" || a.Tags[0].API != testBase+"/api/v1/tags/Harbour" {
		t.Errorf("tags: %+v", a.Tags)
	}
	// A title with markup and quotes comes back as it was, not HTML-escaped.
	var storm articleDetailJSON
	w := getJSON(t, h, "/api/v1/articles/5", &storm)
	if storm.Title != `Storm "Ada" closes <schools> & roads` || !strings.Contains(w.Body.String(), `<schools> & roads`) {
		t.Errorf("title %q in %s", storm.Title, w.Body)
	}
}

func TestRelatedIsOtherCoverageWithoutCopies(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	var page listJSON[articleJSON]
	getJSON(t, h, "/api/v1/articles/1/related", &page)
	var ids []int64
	for _, a := range page.Items {
		ids = append(ids, a.ID)
	}
	// 2 is the other publisher's coverage; 3 is the target's own publisher and 4 a copy.
	if !slices.Equal(ids, []int64{2}) {
		t.Fatalf("related %v, want [2]", ids)
	}
}

func TestStoryCoverage(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	var s storyJSON
	getJSON(t, h, "/api/v1/stories/1", &s)
	if s.ID != 1 || s.Articles != 4 || s.Publishers != 2 || s.Countries != 2 {
		t.Errorf("sizes: %+v", s)
	}
	if s.FirstReported.ID != 1 || s.Headline == "" || s.Best.Title != s.Headline {
		t.Errorf("first %d, headline %q, best %q", s.FirstReported.ID, s.Headline, s.Best.Title)
	}
	if len(s.ByPublisher) != 2 || len(s.ByPublisher[0].Articles)+len(s.ByPublisher[1].Articles) != 4 {
		t.Errorf("by publisher: %+v", s.ByPublisher)
	}
	total := 0
	for _, b := range s.Timeline {
		total += b.Count
	}
	if len(s.Timeline) != 4 || total != 4 { // hours 5, 4, 3 and 2 ago
		t.Errorf("timeline %+v", s.Timeline)
	}
}

func TestMergedStoryRedirects(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	tests := []struct{ path, location string }{
		{"/api/v1/stories/7", testBase + "/api/v1/stories/1"},
		{"/story/7/feed.atom", testBase + "/story/1/feed.atom"},
		{"/story/7/feed.json", testBase + "/story/1/feed.json"},
	}
	for _, tt := range tests {
		w := do(h, http.MethodGet, tt.path)
		if w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != tt.location {
			t.Errorf("%s: %d to %q, want 301 to %s", tt.path, w.Code, w.Header().Get("Location"), tt.location)
		}
	}
}

func TestTagPages(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	var page tagPageJSON
	getJSON(t, h, "/api/v1/tags/Harbour?limit=1", &page)
	// One article per story: story 1's newest original.
	if page.Name != "Harbour" || len(page.Items) != 1 || page.Items[0].ID != 3 || page.Next != "" {
		t.Fatalf("tag page %+v", page)
	}
	if page.Link != testBase+"/tag/Harbour" {
		t.Errorf("link %q", page.Link)
	}
}

func TestTopGroupsLatestByStory(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	var top listJSON[topJSON]
	getJSON(t, h, "/api/v1/top", &top)
	type entry struct {
		story, lead int64
		arts, pubs  int
		link        string
	}
	var got []entry
	for _, it := range top.Items {
		e := entry{lead: it.Lead.ID, arts: it.Articles, pubs: it.Publishers, link: it.Link}
		if it.Story != nil {
			e.story = it.Story.ID
		}
		got = append(got, e)
	}
	want := []entry{
		{2, 8, 2, 2, testBase + "/story/2"},
		{0, 6, 1, 1, testBase + "/article/6"},
		{1, 3, 4, 2, testBase + "/story/1"},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("top %+v, want %+v", got, want)
	}
}

// stubTop shows that a ranking engine replaces the stand-in through Config.Top alone.
type stubTop []TopStory

func (s stubTop) TopStories(_ context.Context, limit int) ([]TopStory, error) {
	return s[:min(limit, len(s))], nil
}

func TestTopSourceIsSwappable(t *testing.T) {
	t.Parallel()
	st := newsFixture(testNow)
	h := newTestHandler(t, st, func(c *Config) {
		c.Top = stubTop{{Story: 1, Lead: st.articles[0], Articles: 9, Publishers: 7}}
	})
	var top listJSON[topJSON]
	getJSON(t, h, "/api/v1/top", &top)
	if len(top.Items) != 1 || top.Items[0].Articles != 9 || top.Items[0].Lead.ID != 1 {
		t.Fatalf("top %+v", top.Items)
	}
}

func TestEditionsAndSectionsListWhatIsConfigured(t *testing.T) {
	t.Parallel()
	empty := newTestHandler(t, newsFixture(testNow))
	for _, path := range []string{"/api/v1/editions", "/api/v1/sections"} {
		w := do(empty, http.MethodGet, path)
		if w.Code != http.StatusOK || strings.TrimSpace(w.Body.String()) != `{"items":[]}` {
			t.Errorf("%s: %d %s", path, w.Code, w.Body)
		}
	}
	h := newTestHandler(t, newsFixture(testNow), func(c *Config) {
		c.Editions = []Edition{{Code: "ie/en", Name: "Ireland", Country: "ie", Language: "en", Link: testBase + "/ie/en"}}
		c.Sections = []Section{{Slug: "world", Name: "World", Link: testBase + "/section/world"}}
	})
	var eds listJSON[Edition]
	getJSON(t, h, "/api/v1/editions", &eds)
	var secs listJSON[Section]
	getJSON(t, h, "/api/v1/sections", &secs)
	if len(eds.Items) != 1 || eds.Items[0].Code != "ie/en" || len(secs.Items) != 1 || secs.Items[0].Slug != "world" {
		t.Fatalf("editions %+v sections %+v", eds, secs)
	}
}

func TestSearchPagesAndFilters(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	tests := []struct {
		query string
		want  []int64
	}{
		{"q=harbour", []int64{3, 2, 1}}, // the copy (4) is never a result
		{"q=harbour&publisher=2", []int64{2}},
		{"q=harbour&from=" + testNow.Add(-210*time.Minute).Format(time.RFC3339), []int64{3}},
		{"q=harbour&to=" + testNow.Add(-210*time.Minute).Format(time.RFC3339), []int64{2, 1}},
		{"q=storm+ada", []int64{8, 5}},
		{"q=nothing", nil},
	}
	for _, tt := range tests {
		var got []int64
		for next := "/api/v1/search?limit=1&" + tt.query; next != ""; {
			var page searchJSON
			getJSON(t, h, strings.TrimPrefix(next, testBase), &page)
			for _, hit := range page.Items {
				got = append(got, hit.ID)
			}
			next = page.Next
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.query, got, tt.want)
		}
	}
	var page searchJSON
	getJSON(t, h, "/api/v1/search?q=storm", &page)
	if page.Query != "storm" || len(page.Items) != 2 || page.Items[1].ID != 5 {
		t.Fatalf("search page %+v", page)
	}
	// The store's highlighted HTML is passed through as it is, next to the plain title.
	if hit := page.Items[1]; hit.TitleHTML != "Storm &#34;Ada&#34; closes &lt;schools&gt; &amp; roads" || hit.Title != `Storm "Ada" closes <schools> & roads` {
		t.Errorf("hit title %q, html %q", hit.Title, hit.TitleHTML)
	}
}

func TestConditionalGetAndCaching(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	for _, path := range []string{"/api/v1/articles", "/api/v1/articles/2", "/api/openapi.json", "/feed.xml"} {
		first := do(h, http.MethodGet, path, "Origin", "https://app.example")
		etag := first.Header().Get("ETag")
		if first.Code != http.StatusOK || !strings.HasPrefix(etag, `"`) || len(etag) != 34 {
			t.Fatalf("%s: %d, ETag %q", path, first.Code, etag)
		}
		if first.Header().Get("Access-Control-Allow-Origin") != "*" || !strings.HasPrefix(first.Header().Get("Cache-Control"), "public, max-age=") {
			t.Errorf("%s: headers %v", path, first.Header())
		}
		if again := do(h, http.MethodGet, path); again.Header().Get("ETag") != etag {
			t.Errorf("%s: ETag changed between equal answers", path)
		}
		for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
			w := do(h, http.MethodGet, path, "If-None-Match", inm)
			if w.Code != http.StatusNotModified || w.Body.Len() != 0 || w.Header().Get("ETag") != etag {
				t.Errorf("%s If-None-Match %s: %d with %d bytes", path, inm, w.Code, w.Body.Len())
			}
		}
		if w := do(h, http.MethodGet, path, "If-None-Match", `"stale"`); w.Code != http.StatusOK {
			t.Errorf("%s with a stale tag: %d", path, w.Code)
		}
		if w := do(h, http.MethodHead, path); w.Code != http.StatusOK || w.Body.Len() != 0 || w.Header().Get("ETag") != etag {
			t.Errorf("%s HEAD: %d, %d bytes", path, w.Code, w.Body.Len())
		}
	}
}

func TestPreflight(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	w := do(h, http.MethodOptions, "/api/v1/articles", "Origin", "https://app.example",
		"Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match")
	if w.Code != http.StatusNoContent || w.Header().Get("Access-Control-Allow-Origin") != "*" ||
		!strings.Contains(w.Header().Get("Access-Control-Allow-Headers"), "If-None-Match") {
		t.Fatalf("preflight: %d %v", w.Code, w.Header())
	}
}

func TestErrorsAreJSONWithTheirStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, method, path string
		broken             bool // the store fails
		status             int
		message            string
	}{
		{"id not a number", "GET", "/api/v1/articles/abc", false, 400, "id must be a positive integer"},
		{"id zero", "GET", "/api/v1/stories/0", false, 400, "id must be a positive integer"},
		{"unknown article", "GET", "/api/v1/articles/99", false, 404, "not found"},
		{"unknown article related", "GET", "/api/v1/articles/99/related", false, 404, "not found"},
		{"unknown story", "GET", "/api/v1/stories/99", false, 404, "not found"},
		{"unknown tag", "GET", "/api/v1/tags/Nowhere", false, 404, "not found"},
		{"unknown tag feed", "GET", "/tag/Nowhere/feed.xml", false, 404, "not found"},
		{"forged cursor", "GET", "/api/v1/articles?cursor=djE6eDp5", false, 400, "cursor is not one this API gave out"},
		{"cursor not base64", "GET", "/api/v1/articles?cursor=%21%21", false, 400, "cursor is not one this API gave out"},
		{"limit zero", "GET", "/api/v1/articles?limit=0", false, 400, "limit must be a whole number from 1 to 100"},
		{"limit too big", "GET", "/api/v1/top?limit=101", false, 400, "limit must be a whole number from 1 to 100"},
		{"limit words", "GET", "/api/v1/tags/Harbour?limit=ten", false, 400, "limit must be a whole number from 1 to 100"},
		{"no such route", "GET", "/api/v1/nothing", false, 404, "no such API route"},
		{"no such version", "GET", "/api/v2/articles", false, 404, "no such API route"},
		{"writes refused", "POST", "/api/v1/articles", false, 405, "the API is read-only: use GET"},
		{"search without words", "GET", "/api/v1/search?q=%20", false, 400, "q must be 1 to 200 characters"},
		{"search of punctuation", "GET", "/api/v1/search?q=%2B%2B", false, 400, "q has no word to search for"},
		{"search foreign cursor", "GET", "/api/v1/search?q=storm&cursor=x", false, 400, "cursor is not one this API gave out for this search"},
		{"search bad date", "GET", "/api/v1/search?q=storm&from=yesterday", false, 400, "from must be a date (2026-11-26) or a time (RFC 3339)"},
		{"search bad publisher", "GET", "/api/v1/search?q=storm&publisher=daily", false, 400, "publisher must be a publisher's id"},
		{"store down", "GET", "/api/v1/articles", true, 500, "internal error"},
		{"store down story", "GET", "/api/v1/stories/1", true, 500, "internal error"},
		{"store down feed", "GET", "/feed.json", true, 500, "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := newsFixture(testNow)
			if tt.broken {
				st.err = errors.New("database is on fire at db.internal:5432")
			}
			w := do(newTestHandler(t, st), tt.method, tt.path)
			var body errorBody
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
				t.Fatalf("%d %q: %v", w.Code, w.Body, err)
			}
			if w.Code != tt.status || body.Error != tt.message {
				t.Fatalf("%d %q, want %d %q", w.Code, body.Error, tt.status, tt.message)
			}
			if !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") || w.Header().Get("Cache-Control") != "no-store" ||
				w.Header().Get("Access-Control-Allow-Origin") != "*" {
				t.Fatalf("headers %v", w.Header())
			}
		})
	}
}

func TestRegisterMountsBesideTheSite(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	root := http.NewServeMux()
	h.Register(root)
	root.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Header().Set("X-Site", "web") })
	tests := []struct {
		path string
		api  bool
	}{
		{"/", false}, {"/story/1", false}, {"/tag/Harbour", false}, {"/article/1", false},
		{"/api/v1/articles", true}, {"/api/v1/nothing", true}, {"/api/openapi.json", true},
		{"/feed.xml", true}, {"/story/1/feed.atom", true}, {"/tag/Harbour/feed.json", true},
	}
	for _, tt := range tests {
		w := do(root, http.MethodGet, tt.path)
		if site := w.Header().Get("X-Site") == "web"; site == tt.api {
			t.Errorf("%s: served by the site %v, want the API %v", tt.path, site, tt.api)
		}
	}
}

func TestNewNeedsAStore(t *testing.T) {
	t.Parallel()
	if _, err := New(Config{}); !errors.Is(err, ErrNoStore) {
		t.Fatalf("New without a store: %v", err)
	}
}

// TestTagNamesTravelEscaped checks tags that need escaping — a slash, a space, non-Latin
// letters — in the API, in the links it gives out, and in feed URLs.
func TestTagNamesTravelEscaped(t *testing.T) {
	t.Parallel()
	st := newsFixture(testNow)
	for _, name := range []string{"AC/DC", "Port Aldridge", "Μύκονος"} {
		st.tags[6] = append(st.tags[6], store.Tag{Name: name, Kind: "keyword"})
	}
	h := newTestHandler(t, st)
	var a articleDetailJSON
	getJSON(t, h, "/api/v1/articles/6", &a)
	if len(a.Tags) != 3 {
		t.Fatalf("tags %+v", a.Tags)
	}
	for _, tag := range a.Tags {
		var page tagPageJSON
		getJSON(t, h, strings.TrimPrefix(tag.API, testBase), &page)
		if page.Name != tag.Name || len(page.Items) != 1 || page.Items[0].ID != 6 || page.Link != tag.Link {
			t.Errorf("%s: %+v", tag.Name, page)
		}
		feedPath := strings.TrimPrefix(tag.Link, testBase) + "/feed.json"
		if w := do(h, http.MethodGet, feedPath); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"home_page_url": "`+tag.Link+`"`) {
			t.Errorf("%s: feed %s: %d %s", tag.Name, feedPath, w.Code, w.Body)
		}
	}
	if a.Tags[0].API != testBase+"/api/v1/tags/AC%2FDC" {
		t.Errorf("slash not escaped: %s", a.Tags[0].API)
	}
}
