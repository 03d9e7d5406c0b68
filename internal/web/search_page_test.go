package web

import (
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/store"
)

func TestSearchPage(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	ts.store.mu.Lock()
	for i := range ts.store.articles {
		if ts.store.articles[i].ID == 2 {
			ts.store.articles[i].Section = "business"
		}
	}
	ts.store.mu.Unlock()
	tests := []struct {
		name    string
		path    string
		want    []string
		notWant []string
	}{
		{"empty", "/search", []string{"<title>Search · newsdesk</title>", "Type a word", `id="search-q"`}, []string{"No results", "search-hit"}},
		{"only punctuation", "/search?q=%22%22+-", []string{"Type a word"}, []string{"No results"}},
		{"results", "/search?q=bridge", []string{
			"<title>Search: bridge · newsdesk</title>",
			"Results for “bridge”",
			`<a href="/article/1/council-approves-the-new-harbour-bridge">Council approves the new harbour <mark>bridge</mark></a>`,
			`<input id="site-search-q" type="search" name="q" value="bridge"`, // the header box keeps the words
			`<a href="/search?publisher=2&amp;q=bridge">Only results from Northwind Times</a>`,
		}, []string{"/article/8/", "Type a word", `rel="next"`}},
		{"no results", "/search?q=zeppelin", []string{"No results", "Nothing matches “zeppelin”. Check the spelling"}, []string{"search-hit"}},
		{"no results with filters", "/search?q=bridge&section=sport", []string{
			"No results", `<a href="/search?q=bridge">Search without filters</a>`, `<option value="sport" selected>Sport</option>`,
		}, []string{"search-hit"}},
		{"section", "/search?q=rail&section=business", []string{"/article/2/", `<option value="business" selected>`}, nil},
		{"publisher", "/search?q=bridge&publisher=2", []string{"Only from Northwind Times", "/article/7/", `name="publisher" value="2"`}, []string{"/article/1/", "Only results from"}},
		{"unknown publisher is no filter", "/search?q=bridge&publisher=99", []string{"/article/1/"}, []string{"Only from"}},
		{"bad section ignored", "/search?q=bridge&section=%3Cb%3E", []string{"/article/1/", `<option value="" selected>All sections</option>`}, nil},
		{"dates", "/search?q=bridge&from=2026-03-14&to=2026-03-14", []string{"/article/1/", `value="2026-03-14"`}, nil},
		{"dates exclude", "/search?q=bridge&to=2026-03-13", []string{"No results"}, []string{"/article/1/"}},
		{"bad date ignored", "/search?q=bridge&from=yesterday", []string{"/article/1/"}, []string{`value="yesterday"`}},
		{"escaped", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", []string{"&lt;script&gt;alert(1)&lt;/script&gt;"}, []string{"<script>alert"}},
		{"stale cursor starts again", "/search?q=bridge&after=nonsense&page=3", []string{"/article/1/"}, []string{"Page 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ts.get(t, tt.path)
			if r.status != http.StatusOK {
				t.Fatalf("status %d", r.status)
			}
			if got := r.header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control %q", got)
			}
			if !strings.Contains(r.body, `<meta name="robots" content="noindex">`) {
				t.Error("search page not noindex")
			}
			for _, w := range tt.want {
				if !strings.Contains(r.body, w) {
					t.Errorf("lacks %s", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(r.body, w) {
					t.Errorf("has %s", w)
				}
			}
		})
	}
}

func TestSearchPages(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	ts.store.mu.Lock()
	for i := range 25 {
		ts.store.articles = append(ts.store.articles, store.Article{
			ID: int64(1000 + i), PublisherID: 2, Title: fmt.Sprintf("Tide table %02d", i),
			Published: testNow.Add(-time.Duration(i+1) * time.Hour), Text: "Tides for the week.",
		})
	}
	ts.store.mu.Unlock()
	hits := regexp.MustCompile(`<li class="search-hit">`)
	first := ts.get(t, "/search?q=tide").body
	if n := len(hits.FindAllString(first, -1)); n != searchPageSize {
		t.Fatalf("first page has %d hits, want %d", n, searchPageSize)
	}
	m := regexp.MustCompile(`<a href="(/search\?[^"]+)" rel="next">Next page</a>`).FindStringSubmatch(first)
	if m == nil {
		t.Fatal("first page has no next link")
	}
	second := ts.get(t, html.UnescapeString(m[1])).body
	if n := len(hits.FindAllString(second, -1)); n != 5 {
		t.Errorf("second page has %d hits, want 5", n)
	}
	for _, want := range []string{"Page 2", `<a href="/search?q=tide">First page</a>`, "<mark>Tide</mark> table 24"} {
		if !strings.Contains(second, want) {
			t.Errorf("second page lacks %s", want)
		}
	}
	if strings.Contains(second, `rel="next"`) || strings.Contains(second, "<mark>Tide</mark> table 00") {
		t.Error("second page links further or repeats the first")
	}
}

func TestSearchBoxInHeader(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	for _, path := range []string{"/", "/article/1", "/story/100", "/sources", "/nope"} {
		body := ts.get(t, path).body
		if !strings.Contains(body, `<form class="site-search" role="search" action="/search" method="get">`) ||
			!strings.Contains(body, `<label for="site-search-q" class="visually-hidden">Search articles</label>`) {
			t.Errorf("%s has no labelled search box", path)
		}
	}
}

func TestSearchStoreError(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	ts.store.mu.Lock()
	ts.store.err = fmt.Errorf("disk on fire")
	ts.store.mu.Unlock()
	if r := ts.get(t, "/search?q=bridge"); r.status != http.StatusInternalServerError || strings.Contains(r.body, "disk on fire") {
		t.Errorf("status %d", r.status)
	}
}
