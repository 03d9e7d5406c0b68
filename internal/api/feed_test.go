package api

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"newsdesk/internal/feed"
	"newsdesk/internal/store"
	"newsdesk/internal/syndicate"
)

func TestFeedsParseBackWithAbsoluteLinks(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	pages := []struct {
		page  string
		title string
		links []string // the item links, in order
	}{
		{"/", "Newsdesk", []string{"/article/8", "/article/6", "/article/5", "/article/3", "/article/2", "/article/1"}},
		{"/story/1", "Newsdesk — ", []string{"/article/3", "/article/2", "/article/1"}}, // the copy (4) left out
		{"/tag/Harbour", "Newsdesk — Harbour", []string{"/article/3"}},
	}
	for _, p := range pages {
		for _, format := range syndicate.Formats {
			path := syndicate.Path(p.page, format)
			w := do(h, http.MethodGet, path)
			if w.Code != http.StatusOK || w.Header().Get("Content-Type") != format.ContentType() {
				t.Fatalf("%s: %d %s", path, w.Code, w.Header().Get("Content-Type"))
			}
			f, err := feed.Parse(w.Body.Bytes(), feed.Options{})
			if err != nil {
				t.Fatalf("%s: %v\n%s", path, err, w.Body)
			}
			if !strings.HasPrefix(f.Title, p.title) || f.Link != testBase+strings.TrimSuffix(p.page, "/") && f.Link != testBase+p.page {
				t.Errorf("%s: title %q link %q", path, f.Title, f.Link)
			}
			if len(f.Items) != len(p.links) {
				t.Fatalf("%s: %d items, want %d", path, len(f.Items), len(p.links))
			}
			for i, it := range f.Items {
				if it.Link != testBase+p.links[i] || it.GUID != it.Link {
					t.Errorf("%s item %d: link %q guid %q, want %s", path, i, it.Link, it.GUID, testBase+p.links[i])
				}
				if it.Published.IsZero() || it.Summary == "" || it.Author == "" {
					t.Errorf("%s item %d: %+v", path, i, it)
				}
			}
		}
	}
}

// TestFeedEscaping checks that a headline with quotes, markup and an ampersand survives each
// format: RSS and Atom carry it as escaped HTML, which readers decode once.
func TestFeedEscaping(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow))
	for _, format := range []syndicate.Format{syndicate.RSS, syndicate.Atom} {
		f, err := feed.Parse(do(h, http.MethodGet, syndicate.Path("/", format)).Body.Bytes(), feed.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Items[2].Title; got != `Storm "Ada" closes <schools> & roads` {
			t.Errorf("%s: title %q", format, got)
		}
	}
}

// TestFeedHook serves an extra page's feeds through Config.Feeds, the way editions and
// sections will get theirs.
func TestFeedHook(t *testing.T) {
	t.Parallel()
	st := newsFixture(testNow)
	h := newTestHandler(t, st, func(c *Config) {
		c.Feeds = []FeedRoute{{Page: "/ie/{lang}", Source: func(r *http.Request) (FeedPage, error) {
			if r.PathValue("lang") != "en" {
				return FeedPage{}, store.ErrNotFound
			}
			return FeedPage{Page: "/ie/en", Title: "Ireland", Language: "en", Articles: st.articles[:1]}, nil
		}}}
	})
	w := do(h, http.MethodGet, "/ie/en/feed.json")
	f, err := feed.Parse(w.Body.Bytes(), feed.Options{})
	if err != nil || f.Title != "Newsdesk — Ireland" || f.Link != testBase+"/ie/en" || len(f.Items) != 1 {
		t.Fatalf("edition feed: %v %+v", err, f)
	}
	if w := do(h, http.MethodGet, "/ie/ga/feed.xml"); w.Code != http.StatusNotFound {
		t.Fatalf("unknown edition feed: %d", w.Code)
	}
	if !containsPattern(h.Patterns(), "GET /ie/{lang}/feed.atom") {
		t.Fatalf("patterns %v", h.Patterns())
	}
	// A page whose first segment is a wildcard would swallow /api/...: New refuses it.
	_, err = New(Config{Store: st, Feeds: []FeedRoute{{Page: "/{country}/{lang}", Source: func(*http.Request) (FeedPage, error) {
		return FeedPage{}, nil
	}}}})
	if !errors.Is(err, ErrFeedRoute) {
		t.Fatalf("conflicting feed page: %v", err)
	}
}

func containsPattern(ps []string, p string) bool {
	for _, x := range ps {
		if x == p {
			return true
		}
	}
	return false
}
