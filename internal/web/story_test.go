package web

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/store"
	"newsdesk/internal/story"
)

func TestStoryAndAskPages(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	tests := []struct {
		name     string
		path     string
		status   int
		location string // for redirects
		want     []string
		notWant  []string
	}{
		{"story", "/story/100", http.StatusOK, "", []string{
			"<title>Council approves the new harbour bridge · newsdesk</title>",
			`<link rel="canonical" href="/story/100">`,
			"4 articles from 3 publishers in 2 countries",
			`First reported by <a href="/article/9/lifting-bridge-approved-for-port-aldridge-harbour"`,
			`<ol class="brief">`, `class="cited-source" href="/article/7/`, // brief sentences cite their articles
			`<form class="ask-form" method="get" action="/story/100/ask" role="search">`,
			`role="img" aria-label="Articles per hour from 14 Mar 13:00 to 15:00; most in the hour from 14 Mar 14:00: 3 articles."`,
			`<title>14 Mar 14:00: 3 articles</title>`,
			`<span class="badge" title="A copy of Harbor Gazette's article">copy</span>`,
			"Coastal Wire", "Northwind Times", "Harbor Gazette",
		}, []string{"Rail strike", "<meta name=\"robots\""}},
		{"merged story", "/story/101", http.StatusMovedPermanently, "/story/100", nil, nil},
		{"merged story question", "/story/101/ask?q=How+much%3F", http.StatusMovedPermanently, "/story/100/ask?q=How+much%3F", nil, nil},
		{"unknown story", "/story/999", http.StatusNotFound, "", []string{"Page not found"}, nil},
		{"bad story id", "/story/abc", http.StatusNotFound, "", []string{"Page not found"}, nil},
		{"story answered", "/story/100/ask?q=How+much+will+the+bridge+cost%3F", http.StatusOK, "", []string{
			"<h1 class=\"page-title\">Ask about this story</h1>",
			`value="How much will the bridge cost?"`,
			"48 million pounds", `class="cited-source"`,
			`<meta name="robots" content="noindex">`,
		}, []string{"answers “How much"}},
		{"story not answered", "/story/100/ask?q=Who+won+the+cup+final+in+Madrid%3F", http.StatusOK, "", []string{
			"Nothing in this story answers “Who won the cup final in Madrid?”",
		}, []string{`<ol class="brief">`}},
		{"article answered", "/article/1/ask?q=When+does+work+start%3F", http.StatusOK, "", []string{
			"Ask this article", "Work starts in autumn and should take two years.",
			`<a class="cited-source" href="/article/1/council-approves-the-new-harbour-bridge" title="Council approves the new harbour bridge">Harbor Gazette</a>`,
		}, []string{"Nothing in this article"}},
		{"article not answered", "/article/1/ask?q=What+is+the+capital+of+Peru%3F", http.StatusOK, "", []string{
			"Nothing in this article answers “What is the capital of Peru?”",
			`value="What is the capital of Peru?"`,
		}, []string{`<ol class="brief">`}},
		{"empty question", "/article/1/ask?q=++", http.StatusOK, "", []string{
			"Type a question; the answer is quoted from this article",
		}, []string{"Nothing in", `<ol class="brief">`}},
		{"no question at all", "/story/100/ask", http.StatusOK, "", []string{"Type a question"}, nil},
		{"question escaped", "/article/1/ask?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", http.StatusOK, "", []string{
			"&lt;script&gt;alert(1)&lt;/script&gt;",
		}, []string{"<script>alert"}},
		{"unknown article question", "/article/999/ask?q=Why%3F", http.StatusNotFound, "", []string{"Page not found"}, nil},
		{"tag", "/tag/Port%20Aldridge", http.StatusOK, "", []string{
			"<title>Port Aldridge · newsdesk</title>", `<link rel="canonical" href="/tag/Port%20Aldridge">`,
			"Council approves the new harbour bridge", "Ferry timetable changes for spring",
		}, []string{
			"Harbour bridge vote", // the same story as article 1: one card per story
			"Rail strike",
		}},
		{"tag with a slash", "/tag/Harbour%20Board%2FTrust", http.StatusOK, "", []string{"Fish market reopens"}, nil},
		{"unknown tag", "/tag/nothing-here", http.StatusNotFound, "", []string{"Page not found"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := ts.get(t, tt.path)
			if r.status != tt.status {
				t.Fatalf("%s: status %d, want %d", tt.path, r.status, tt.status)
			}
			if got := r.header.Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.body, w) {
					t.Errorf("body lacks %q", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(r.body, w) {
					t.Errorf("body has %q", w)
				}
			}
		})
	}
}

// The brief cites five sentences, each linked to the article it came from, and no copy.
func TestStoryBriefCitations(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	body := ts.get(t, "/story/100").body
	cited := regexp.MustCompile(`<li class="cited"><span class="cited-text">([^<]+)</span> <a class="cited-source" href="/article/(\d+)/`).FindAllStringSubmatch(body, -1)
	if len(cited) < 4 || len(cited) > briefSentences {
		t.Fatalf("%d brief sentences, want 4 to %d", len(cited), briefSentences)
	}
	texts := map[string]string{}
	for _, a := range ts.store.articles {
		texts[strconv.FormatInt(a.ID, 10)] = a.Text
	}
	for _, c := range cited {
		if c[2] == "8" {
			t.Errorf("sentence %q cites the copy", c[1])
		}
		if !strings.Contains(texts[c[2]], c[1]) {
			t.Errorf("sentence %q is not in article %s", c[1], c[2])
		}
	}
}

// The question pages are not cached: each question reads the store and the answer is marked
// no-store, while the story page is cached like the article page.
func TestAskNotCachedStoryCached(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	ask := ts.get(t, "/story/100/ask?q=How+much+will+the+bridge+cost%3F")
	if cc := ask.header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("question page Cache-Control %q, want no-store", cc)
	}
	calls := ts.store.calls.Load()
	ts.get(t, "/story/100/ask?q=How+much+will+the+bridge+cost%3F")
	if ts.store.calls.Load() == calls {
		t.Error("the question page was answered without reading the store")
	}

	first := ts.get(t, "/story/100")
	if first.header.Get("ETag") == "" || first.header.Get("Cache-Control") != "no-cache" {
		t.Errorf("story page headers %v", first.header)
	}
	calls = ts.store.calls.Load()
	if again := ts.get(t, "/story/100"); again.body != first.body {
		t.Error("a cached story page changed")
	}
	if ts.store.calls.Load() != calls {
		t.Error("the cached story page read the store")
	}
	ts.store.setTitle(9, "Port Aldridge bridge: the vote in full")
	ts.changes.Add(1)
	if r := ts.get(t, "/story/100"); !strings.Contains(r.body, "Port Aldridge bridge: the vote in full") {
		t.Error("after a change the story page was not rendered again")
	}
	for _, path := range []string{"/tag/Port%20Aldridge", "/tag/Port%20Aldridge"} {
		ts.get(t, path)
	}
	calls = ts.store.calls.Load()
	ts.get(t, "/tag/Port%20Aldridge")
	if ts.store.calls.Load() != calls {
		t.Error("the tag page is not cached")
	}
}

// Related articles: other publishers on the same story first, newest first, then articles of
// other stories on the same places; never the article itself, its copy, or an unrelated story.
func TestRelatedOrder(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	body := ts.get(t, "/article/1").body
	related := body[strings.Index(body, `id="related"`):]
	got := regexp.MustCompile(`<h3 class="card-title"><a href="/article/(\d+)/`).FindAllStringSubmatch(related, -1)
	var ids []string
	for _, m := range got {
		ids = append(ids, m[1])
	}
	if want := "7 9 3"; strings.Join(ids, " ") != want {
		t.Errorf("related articles %v, want %s", ids, want)
	}
}

func TestFrontPageStoryLinks(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	body := ts.get(t, "/").body
	cards := strings.Split(body, `<article class="card">`)[1:]
	byID := map[string]string{}
	for _, c := range cards {
		if m := regexp.MustCompile(`href="/article/(\d+)/`).FindStringSubmatch(c); m != nil {
			byID[m[1]] = c
		}
	}
	if _, listed := byID["8"]; listed {
		t.Error("the copy has a card of its own")
	}
	tests := []struct {
		id       string
		alsoIn   string
		coverage bool
	}{
		{"1", `<span class="also-in">Also in: Coastal Wire</span>`, true},
		{"7", "", true},
		{"2", "", false}, // a story of one article
		{"5", "", false}, // not grouped
	}
	for _, tt := range tests {
		c, ok := byID[tt.id]
		if !ok {
			t.Errorf("article %s has no card", tt.id)
			continue
		}
		if tt.alsoIn != "" && !strings.Contains(c, tt.alsoIn) {
			t.Errorf("card %s lacks %q", tt.id, tt.alsoIn)
		}
		if tt.alsoIn == "" && strings.Contains(c, "also-in") {
			t.Errorf("card %s names copies it has not got", tt.id)
		}
		if got := strings.Contains(c, `class="coverage-link" href="/story/`); got != tt.coverage {
			t.Errorf("card %s: full coverage link %v, want %v", tt.id, got, tt.coverage)
		}
	}
}

func TestAlsoIn(t *testing.T) {
	t.Parallel()
	tests := []struct {
		names []string
		own   string
		want  string
	}{
		{nil, "A", ""},
		{[]string{"B"}, "A", "B"},
		{[]string{"B", "A", "B", ""}, "A", "B"}, // own publisher, repeats and blanks left out
		{[]string{"B", "C", "D", "E", "F"}, "A", "B, C, D and 2 more"},
	}
	for _, tt := range tests {
		if got := alsoIn(tt.names, tt.own); got != tt.want {
			t.Errorf("alsoIn(%q, %q) = %q, want %q", tt.names, tt.own, got, tt.want)
		}
	}
}

func TestCoverageSummary(t *testing.T) {
	t.Parallel()
	tests := []struct {
		articles, publishers, countries int
		want                            string
	}{
		{1, 1, 0, "1 article from 1 publisher"},
		{2, 1, 1, "2 articles from 1 publisher in 1 country"},
		{12, 5, 3, "12 articles from 5 publishers in 3 countries"},
	}
	for _, tt := range tests {
		if got := coverageSummary(tt.articles, tt.publishers, tt.countries); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestTimeline(t *testing.T) {
	t.Parallel()
	h := func(n int) time.Time { return testNow.Truncate(time.Hour).Add(time.Duration(n-5) * time.Hour) }
	if v := newTimeline(testNow, nil); v != nil {
		t.Errorf("empty timeline %+v, want nil", v)
	}
	v := newTimeline(testNow, []story.Bucket{{Start: h(0), Count: 2}, {Start: h(1)}, {Start: h(2), Count: 4}, {Start: h(3), Count: 1}})
	if v == nil || len(v.Bars) != 3 {
		t.Fatalf("timeline %+v: want three bars (the empty hour has none)", v)
	}
	if v.Bars[1].H != "116.0" || v.Bars[1].Y != "4.0" {
		t.Errorf("tallest bar at y=%s height %s, want the full chart", v.Bars[1].Y, v.Bars[1].H)
	}
	if v.Bars[0].H != "58.0" {
		t.Errorf("half-height bar %s", v.Bars[0].H)
	}
	x := func(i int) float64 {
		f, err := strconv.ParseFloat(v.Bars[i].X, 64)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	if x(2) <= x(1) || x(1) <= x(0) {
		t.Errorf("bars out of order: %+v", v.Bars)
	}
	for _, want := range []string{"from 14 Mar 10:00 to 14:00", "most in the hour from 14 Mar 12:00: 4 articles"} {
		if !strings.Contains(v.Label, want) {
			t.Errorf("label %q lacks %q", v.Label, want)
		}
	}
	if v.Bars[2].Title != "14 Mar 13:00: 1 article" {
		t.Errorf("bar title %q", v.Bars[2].Title)
	}
	one := newTimeline(testNow, []story.Bucket{{Start: h(0), Count: 1}})
	if one == nil || len(one.Bars) != 1 || one.Bars[0].W != "36.0" || !strings.Contains(one.Label, "1 article in the hour from 14 Mar 10:00") {
		t.Errorf("single hour: %+v", one)
	}
	if one.Start != "14 Mar 10:00" || one.End != "11:00" {
		t.Errorf("single hour axis %q to %q, want the hour's start and end", one.Start, one.End)
	}
	late := newTimeline(testNow, []story.Bucket{{Start: time.Date(2026, 3, 13, 23, 0, 0, 0, time.UTC), Count: 1}})
	if late.End != "14 Mar 00:00" {
		t.Errorf("an hour ending at midnight ends on %q, want the next day's date", late.End)
	}
}

func TestQuestion(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("ab ", 100)
	tests := []struct {
		in, want string
	}{
		{"  Who   voted?\n", "Who voted?"},
		{"", ""},
		{"bad \xff byte", "bad byte"},
		{long, strings.TrimSpace(long[:maxQuestionRunes])},
	}
	for _, tt := range tests {
		if got := question(tt.in); got != tt.want {
			t.Errorf("question(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestListenScript(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	src := regexp.MustCompile(`<script src="(/static/listen\.[0-9a-f]{12}\.js)" defer></script>`).FindStringSubmatch(ts.get(t, "/article/1").body)
	if src == nil {
		t.Fatal("the article page does not load listen.js")
	}
	r := ts.get(t, src[1])
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("%s: %d %q", src[1], r.status, r.header.Get("Content-Type"))
	}
	for _, want := range []string{"speechSynthesis", "SpeechSynthesisUtterance", "button.hidden = false"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("listen.js lacks %q", want)
		}
	}
	if !strings.Contains(r.header.Get("Content-Security-Policy"), "script-src 'self' ") {
		t.Error("CSP does not let our own scripts run")
	}
}

// briefDocs leaves copies out and takes each publisher's newest article before anyone's second.
func TestBriefDocs(t *testing.T) {
	t.Parallel()
	arts := []store.Article{ // newest first, as StoryArticles returns them
		{ID: 1, PublisherID: 1, Text: "a"},
		{ID: 2, PublisherID: 1, Text: "b"},
		{ID: 3, PublisherID: 2, DuplicateOf: 1, Text: "a"},
		{ID: 4, PublisherID: 3, Snippet: "only a snippet"},
		{ID: 5, PublisherID: 2, Text: "c"},
	}
	tests := []struct {
		n    int
		want []int64
	}{
		{10, []int64{1, 4, 5, 2}},
		{2, []int64{1, 4}},
		{0, nil},
	}
	for _, tt := range tests {
		var got []int64
		for _, d := range briefDocs(arts, tt.n) {
			got = append(got, d.ID)
			if d.Text == "" {
				t.Errorf("doc %d has no text", d.ID)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("briefDocs(n=%d) = %v, want %v", tt.n, got, tt.want)
		}
	}
}
