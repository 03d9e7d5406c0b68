package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"flag"
	"html"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

var testStart = time.Date(2025, time.June, 3, 9, 0, 0, 0, time.UTC)

func newTestSim(t *testing.T, initial int) (*Simulator, *fakeClock, *httptest.Server) {
	t.Helper()
	clock := &fakeClock{t: testStart}
	sim := New(Options{Now: clock.Now, Initial: initial, Interval: 4 * time.Second})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	return sim, clock, srv
}

func get(t *testing.T, url string, header http.Header) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestReleaseSchedule(t *testing.T) {
	t.Parallel()
	sim, clock, _ := newTestSim(t, 10)
	total := len(sim.Timeline())
	steps := []struct {
		advance time.Duration
		want    int
	}{
		{0, 10},
		{3999 * time.Millisecond, 10},
		{time.Millisecond, 11},
		{4 * time.Second, 12},
		{time.Hour, total},
	}
	for _, s := range steps {
		clock.Advance(s.advance)
		if got := sim.Released(); got != s.want {
			t.Fatalf("after %v more: %d released, want %d", s.advance, got, s.want)
		}
	}
	tl := sim.Timeline()
	for i, r := range tl {
		switch {
		case i < 10 && (!r.At.Before(testStart) || r.At.Before(testStart.Add(-backlogSpan-time.Hour))):
			t.Errorf("initial release %d at %v, want within the hours before %v", i, r.At, testStart)
		case i >= 10 && !r.At.Equal(testStart.Add(time.Duration(i-9)*4*time.Second)):
			t.Errorf("release %d at %v, want start + %d intervals", i, r.At, i-9)
		case i > 0 && r.At.Before(tl[i-1].At):
			t.Errorf("release %d at %v is before release %d", i, r.At, i-1)
		}
	}
}

func TestDefaultsShowAFullFrontPage(t *testing.T) {
	t.Parallel()
	sim := New(Options{Now: func() time.Time { return testStart }})
	if got := sim.Released(); got < 42 {
		t.Errorf("default Initial releases %d at start, want at least 42", got)
	}
	tl := sim.Timeline()
	if last := tl[len(tl)-1].At.Sub(testStart); last > 60*time.Second {
		t.Errorf("last article publishes %v after start, want within the demo's first minute", last)
	}
}

// feedCheck parses one feed and returns its item links, newest first.
func feedCheck(t *testing.T, format string, body []byte) []string {
	t.Helper()
	switch format {
	case FormatJSONFeed:
		var doc jsonFeedDoc
		if err := json.Unmarshal(body, &doc); err != nil {
			t.Fatalf("JSON Feed does not parse: %v", err)
		}
		if doc.Version != "https://jsonfeed.org/version/1.1" {
			t.Errorf("JSON Feed version %q", doc.Version)
		}
	default:
		dec := xml.NewDecoder(bytes.NewReader(body))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", format, err)
			}
		}
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("gofeed cannot parse the %s feed: %v", format, err)
	}
	var links []string
	var prev time.Time
	for i, it := range feed.Items {
		// RSS 1.0 has no guid element: an item is identified by its rdf:about, its link.
		if format == FormatRSS1 && it.GUID == "" {
			it.GUID = it.Link
		}
		if it.Title == "" || it.Link == "" || it.GUID == "" || it.Description == "" || it.PublishedParsed == nil {
			t.Errorf("item %d lacks title, link, guid, summary or date: %+v", i, it)
			continue
		}
		if i > 0 && it.PublishedParsed.After(prev) {
			t.Errorf("item %d is newer than the one before it", i)
		}
		prev = *it.PublishedParsed
		links = append(links, it.Link)
	}
	return links
}

func TestFeeds(t *testing.T) {
	t.Parallel()
	sim, clock, srv := newTestSim(t, 20)
	clock.Advance(10 * time.Second) // two live releases
	released := map[string][]string{}
	for _, r := range sim.Timeline()[:sim.Released()] {
		released[r.Publisher] = append([]string{srv.URL + r.Path}, released[r.Publisher]...)
	}
	for i, p := range Publishers() {
		t.Run(p.Slug, func(t *testing.T) {
			resp, body := get(t, sim.FeedURLs(srv.URL)[i], nil)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			links := feedCheck(t, p.FeedFormat, body)
			if strings.Join(links, "\n") != strings.Join(released[p.Slug], "\n") {
				t.Errorf("feed lists\n%s\nwant the released articles newest first\n%s", strings.Join(links, "\n"), strings.Join(released[p.Slug], "\n"))
			}
		})
	}
}

func TestConditionalGET(t *testing.T) {
	t.Parallel()
	sim, clock, srv := newTestSim(t, 5)
	// The feed of the publisher whose article is released next.
	next := sim.Timeline()[5]
	var feedURL string
	for i, p := range Publishers() {
		if p.Slug == next.Publisher {
			feedURL = sim.FeedURLs(srv.URL)[i]
		}
	}
	resp, _ := get(t, feedURL, nil)
	etag, lastMod := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	if etag == "" || lastMod == "" {
		t.Fatalf("no validators: ETag %q, Last-Modified %q", etag, lastMod)
	}
	tests := []struct {
		name   string
		header http.Header
		want   int
	}{
		{"matching etag", http.Header{"If-None-Match": {etag}}, http.StatusNotModified},
		{"other etag", http.Header{"If-None-Match": {`"nope"`}}, http.StatusOK},
		{"not modified since", http.Header{"If-Modified-Since": {lastMod}}, http.StatusNotModified},
		{"modified since", http.Header{"If-Modified-Since": {testStart.Add(-24 * time.Hour).Format(http.TimeFormat)}}, http.StatusOK},
	}
	for _, tt := range tests {
		if resp, _ := get(t, feedURL, tt.header); resp.StatusCode != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, resp.StatusCode, tt.want)
		}
	}
	clock.Advance(4 * time.Second)
	resp, body := get(t, feedURL, http.Header{"If-None-Match": {etag}})
	if resp.StatusCode != http.StatusOK || resp.Header.Get("ETag") == etag {
		t.Fatalf("after a release: status %d, ETag %q; want 200 and a new ETag", resp.StatusCode, resp.Header.Get("ETag"))
	}
	if !bytes.Contains(body, []byte(next.Path)) {
		t.Errorf("feed does not list the article just released, %s", next.Path)
	}
}

// clutterMarkers are texts each publisher's pages must carry around the article, in its
// language, and the markup its template uses for ads.
var clutterMarkers = map[string][]string{
	"en": {"ADVERTISEMENT", "cookies", "Share", "newsletter"},
	"de": {"ANZEIGE", "Cookies", "Artikel teilen", "Newsletter"},
	"fr": {"PUBLICITÉ", "cookies", "Partager", "Newsletter"},
}

var adMarkup = map[string]string{
	"harbour-herald":    `class="ad-slot ad-slot--mpu"`,
	"valley-ledger":     `class="ad-container in-article-ad"`,
	"meridian-wire":     `class="Advertisement" data-ad-position="in-article-2"`,
	"lakeshore-tribune": `class="ad-unit ad-unit--bigbox"`,
	"circuit-weekly":    `class="promo-slot promo-slot--inline"`,
	"rheinblick":        `class="werbung werbung--inread"`,
	"courrier-du-val":   `class="pub pub--inread"`,
}

func TestArticlePages(t *testing.T) {
	t.Parallel()
	sim, clock, srv := newTestSim(t, 1000)
	clock.Advance(time.Second)
	arts := map[string]Article{}
	for _, a := range Articles() {
		arts[a.Slug] = a
	}
	lang := map[string]string{}
	for _, p := range Publishers() {
		lang[p.Slug] = p.Language
	}
	ldRe := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	for _, r := range sim.Timeline() {
		resp, body := get(t, srv.URL+r.Path, nil)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", r.Path, resp.StatusCode)
			continue
		}
		page := html.UnescapeString(string(body))
		a := arts[r.Slug]
		for _, p := range a.Paragraphs {
			// A pull quote's attribution sits in its own element, so look for the words alone.
			words, _, _ := strings.Cut(stripMarker(p), " — ")
			if !strings.Contains(page, words) {
				t.Errorf("%s: paragraph missing: %.60q", r.Path, p)
			}
		}
		for _, m := range append(clutterMarkers[lang[r.Publisher]], a.Title) {
			if !strings.Contains(page, m) {
				t.Errorf("%s: page lacks %q", r.Path, m)
			}
		}
		if !strings.Contains(string(body), adMarkup[r.Publisher]) {
			t.Errorf("%s: no in-article ad marked up as %s", r.Path, adMarkup[r.Publisher])
		}
		if m := ldRe.FindSubmatch(body); m != nil {
			var ld map[string]any
			if err := json.Unmarshal(m[1], &ld); err != nil || ld["headline"] != a.Title {
				t.Errorf("%s: JSON-LD %s does not parse to the headline: %v", r.Path, m[1], err)
			}
		}
	}
}

func TestDevelopingStoriesSayMoreToFollow(t *testing.T) {
	t.Parallel()
	sim, _, srv := newTestSim(t, 1000)
	c, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	developing := 0
	for _, e := range c.entries {
		if !e.Developing {
			continue
		}
		developing++
		_, body := get(t, srv.URL+e.Path, nil)
		want := chromeFor(sim.sites[e.Publisher].Language).MoreToFollow
		if !strings.Contains(html.UnescapeString(string(body)), want) {
			t.Errorf("%s: developing story without %q", e.Path, want)
		}
	}
	if developing == 0 {
		t.Error("no developing story in the content")
	}
}

func TestNotFound(t *testing.T) {
	t.Parallel()
	sim, _, srv := newTestSim(t, 3)
	unreleased := sim.Timeline()[3]
	tests := []struct{ name, path string }{
		{"unreleased article", unreleased.Path},
		{"unreleased image", "/" + unreleased.Publisher + "/images/" + unreleased.Slug + ".svg"},
		{"wrong section", "/" + sim.Timeline()[0].Publisher + "/nowhere/" + sim.Timeline()[0].Slug},
		{"unknown publisher", "/daily-nothing/"},
		{"unknown file", "/harbour-herald/wp-login.php"},
	}
	for _, tt := range tests {
		if resp, _ := get(t, srv.URL+tt.path, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s %s: status %d, want 404", tt.name, tt.path, resp.StatusCode)
		}
	}
}

func TestAssets(t *testing.T) {
	t.Parallel()
	sim, _, srv := newTestSim(t, 1000)
	wellFormed := func(name string, b []byte) {
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := dec.Token(); err == io.EOF {
				return
			} else if err != nil {
				t.Errorf("%s: not well-formed: %v", name, err)
				return
			}
		}
	}
	for i, p := range Publishers() {
		for _, path := range []string{p.LogoPath, p.FaviconPath} {
			resp, body := get(t, srv.URL+path, nil)
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/svg+xml" {
				t.Errorf("%s: status %d, type %q", path, resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			wellFormed(path, body)
		}
		if _, body := get(t, srv.URL+"/"+p.Slug+"/favicon.png", nil); len(body) == 0 {
			t.Errorf("%s: empty PNG favicon", p.Slug)
		} else if _, err := png.Decode(bytes.NewReader(body)); err != nil {
			t.Errorf("%s: favicon.png: %v", p.Slug, err)
		}
		_, home := get(t, sim.HomeURLs(srv.URL)[i], nil)
		if !bytes.Contains(home, []byte(`rel="alternate"`)) || !bytes.Contains(home, []byte(p.FeedPath)) {
			t.Errorf("%s: home page does not advertise its feed", p.Slug)
		}
	}
	a := Articles()[0]
	resp, img := get(t, srv.URL+a.ImageURL, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: status %d", a.ImageURL, resp.StatusCode)
	}
	wellFormed(a.ImageURL, img)
	if resp, body := get(t, srv.URL+"/robots.txt", nil); resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("Allow: /")) {
		t.Errorf("robots.txt: status %d, body %q", resp.StatusCode, body)
	}
	if resp, body := get(t, srv.URL+"/", nil); resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("The Harbour Herald")) {
		t.Errorf("index: status %d", resp.StatusCode)
	}
}

// TestFeedGolden pins the exact bytes of one feed of each format at a fixed clock and host.
func TestFeedGolden(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{t: testStart}
	sim := New(Options{Now: clock.Now, Initial: 12})
	for _, p := range Publishers() {
		name := strings.ReplaceAll(strings.ToLower(p.FeedFormat), " ", "-") + ".golden"
		golden := filepath.Join("testdata", name)
		if p.Slug == "circuit-weekly" || p.Slug == "rheinblick" || p.Slug == "courrier-du-val" {
			continue // one publisher per format is enough
		}
		req := httptest.NewRequest(http.MethodGet, "http://demo.test"+p.FeedPath, nil)
		rec := httptest.NewRecorder()
		sim.Handler().ServeHTTP(rec, req)
		got := rec.Body.Bytes()
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s feed differs from %s; run go test -update if the change is intended\n%s", p.Slug, golden, got)
		}
	}
}

func TestStart(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	sim := New(Options{})
	base, err := sim.Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("base URL %q is not on loopback", base)
	}
	resp, _ := get(t, sim.FeedURLs(base)[0], nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("feed: status %d", resp.StatusCode)
	}
	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := http.Get(base + "/robots.txt")
		if err != nil {
			break // the server is gone, as it should be once ctx ends
		}
		resp.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("server still answering 5 s after its context ended")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
