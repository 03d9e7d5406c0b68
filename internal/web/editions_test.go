package web

import (
	"net/http"
	"strings"
	"testing"

	"newsdesk/internal/edition"
)

func withEditions(c *Config) {
	c.Editions = []edition.Edition{
		{Country: "gb", Language: "en", Name: "United Kingdom"},
		{Country: "us", Language: "en", Name: "United States"},
		{Country: "de", Language: "de", Name: "Deutschland"},
	}
}

func TestEditionRoot(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t, withEditions)
	tests := []struct {
		name    string
		headers []string
		want    string
	}{
		{"no hints: the first edition", nil, "/gb/en"},
		{"Accept-Language", []string{"Accept-Language", "de-DE,de;q=0.9,en;q=0.5"}, "/de/de"},
		{"Accept-Language with a region", []string{"Accept-Language", "en-US"}, "/us/en"},
		{"cookie wins", []string{"Accept-Language", "de", "Cookie", "edition=us/en"}, "/us/en"},
		{"stale cookie", []string{"Accept-Language", "de", "Cookie", "edition=fr/fr"}, "/de/de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ts.get(t, "/", tt.headers...)
			if r.status != http.StatusFound || r.header.Get("Location") != tt.want {
				t.Errorf("status %d to %q, want 302 to %s", r.status, r.header.Get("Location"), tt.want)
			}
			if r.header.Get("Cache-Control") != "no-store" || !strings.Contains(r.header.Get("Vary"), "Accept-Language") {
				t.Errorf("cacheable redirect: %v", r.header)
			}
		})
	}
}

func TestEditionPage(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t, withEditions)
	r := ts.get(t, "/de/de")
	if r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	var remembered *http.Cookie
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Name == editionCookie {
			remembered = c
		}
	}
	if remembered == nil || remembered.Value != "de/de" || remembered.Path != "/" || !remembered.HttpOnly || remembered.MaxAge <= 0 {
		t.Errorf("edition cookie %+v", remembered)
	}
	for _, want := range []string{
		`<html lang="de">`,
		"<title>Deutschland · newsdesk</title>",
		`<link rel="canonical" href="/de/de">`,
		`<h2 id="top-stories-heading" class="section-heading">Schlagzeilen</h2>`,
		`>vor 9 Minuten</time>`, // the lead, in German
		"3 Quellen", "Alle Berichte",
		`<h2 id="latest-heading" class="section-heading">Neueste</h2>`,
		`<summary>Ausgabe: Deutschland</summary>`,
		`<a href="/de/de" hreflang="de" aria-current="page">Deutschland</a>`,
		`<a href="/gb/en" hreflang="en">United Kingdom</a>`,
		`<link rel="alternate" hreflang="en-GB" href="/gb/en">`, `<link rel="alternate" hreflang="de-DE" href="/de/de">`,
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("/de/de lacks %s", want)
		}
	}
	gb := ts.get(t, "/gb/en").body
	for _, want := range []string{`<html lang="en">`, ">9 minutes ago</time>", "Top stories", "3 sources", `aria-current="page">United Kingdom</a>`} {
		if !strings.Contains(gb, want) {
			t.Errorf("/gb/en lacks %s", want)
		}
	}
	// Each edition is cached on its own: a second view reads nothing from the store.
	calls := ts.store.calls.Load()
	if again := ts.get(t, "/de/de"); again.body != r.body {
		t.Error("the cached edition page differs")
	}
	if ts.store.calls.Load() != calls {
		t.Error("the second view of an edition read the store")
	}
	for _, path := range []string{"/fr/fr", "/DE/de", "/de/de/extra", "/article/x"} {
		if got := ts.get(t, path).status; got != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, got)
		}
	}
}

// Without editions the root is the global front page, and two-segment paths are 404s.
func TestNoEditions(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	r := ts.get(t, "/")
	if r.status != http.StatusOK || strings.Contains(r.body, "edition-switch") || !strings.Contains(r.body, "Top stories") {
		t.Errorf("status %d, switcher or no top stories", r.status)
	}
	if got := ts.get(t, "/gb/en").status; got != http.StatusNotFound {
		t.Errorf("/gb/en without editions: %d", got)
	}
}

// The top stories: each card has its lead, the number of sources, other publishers'
// articles and the full coverage link; a single-article story has no coverage link.
func TestFrontTopStories(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	body := ts.get(t, "/").body
	top, _, ok := strings.Cut(body, `<section class="latest"`)
	if !ok {
		t.Fatal("no latest section")
	}
	lead, rest, _ := strings.Cut(top, `<div class="story-cards">`)
	for _, want := range []string{
		`<div class="lead">`, "Council approves the new harbour bridge", `<span class="source-count">3 sources</span>`,
		`<a class="coverage-link" href="/story/100">Full coverage</a>`,
		`<a href="/article/7/harbour-bridge-vote-council-backs-lifting-design">`, "Northwind Times · <time",
	} {
		if !strings.Contains(lead, want) {
			t.Errorf("lead story card lacks %s", want)
		}
	}
	if strings.Contains(lead, "/article/8/") {
		t.Error("the lead card lists a copy")
	}
	if !strings.Contains(rest, "Rail strike called off") || strings.Contains(rest, `href="/story/200"`) {
		t.Error("the one-article story is missing or links its coverage")
	}
}

func TestSectionPages(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t, withEditions)
	ts.store.mu.Lock()
	for i, a := range ts.store.articles {
		switch a.StoryID {
		case 200:
			ts.store.articles[i].Section = "business"
		case 100:
			ts.store.articles[i].Section = "politics"
		}
	}
	ts.store.mu.Unlock()
	tests := []struct {
		path    string
		status  int
		want    []string
		notWant []string
	}{
		{"/us/en/business", http.StatusOK, []string{
			"<title>Business · United States · newsdesk</title>", `<h1 class="page-title">Business</h1>`,
			`<a href="/us/en/business" aria-current="page">Business</a>`, "Rail strike called off",
		}, []string{"Council approves"}},
		{"/de/de/politics", http.StatusOK, []string{`<h1 class="page-title">Politik</h1>`, `<a href="/de/de/local">`, "Council approves"}, []string{"Rail strike"}},
		{"/gb/en/sport", http.StatusOK, []string{"No articles in this section yet."}, nil},
		{"/section/business", http.StatusOK, []string{"<title>Business · newsdesk</title>", "Rail strike called off", `<a href="/section/world">World</a>`}, []string{"/section/local"}},
		{"/gb/en/weather", http.StatusNotFound, nil, nil},
		{"/section/local", http.StatusNotFound, nil, nil},
		{"/xx/en/sport", http.StatusNotFound, nil, nil},
	}
	for _, tt := range tests {
		r := ts.get(t, tt.path)
		if r.status != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, r.status, tt.status)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(r.body, w) {
				t.Errorf("%s lacks %s", tt.path, w)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(r.body, w) {
				t.Errorf("%s has %s", tt.path, w)
			}
		}
	}
}
