package ingest

import (
	"context"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"newsdesk/internal/demo"
	"newsdesk/internal/section"
	"newsdesk/internal/store"
)

// TestDemoSections ingests every demo article through the four feed formats the demo
// publishers use and checks that the feeds' categories reach the articles: each article
// whose category names a section is placed by it, and the rest by the classifier, which
// its built-in word lists let place articles from the first one on.
func TestDemoSections(t *testing.T) {
	t.Parallel()
	arts := demo.Articles()
	sim := demo.New(demo.Options{Initial: len(arts), Interval: time.Hour})
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	h := newHarness(t, u.Host)
	ctx := context.Background()
	homes, feeds := sim.HomeURLs(srv.URL), sim.FeedURLs(srv.URL)
	for i := range feeds {
		pub, err := h.st.EnsurePublisher(ctx, store.Publisher{Name: homes[i], HomeURL: homes[i]})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.st.CreateFeed(ctx, store.Feed{PublisherID: pub.ID, URL: feeds[i]}); err != nil {
			t.Fatal(err)
		}
	}
	released := sim.Released()
	var stored []store.Article
	waitFor(t, "the demo articles", 45*time.Second, func() bool {
		n, _ := h.st.CountArticles(ctx) // copies included
		return n >= released
	})
	stored, err := h.st.LatestArticles(ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]demo.Article{}
	for _, a := range arts {
		byTitle[a.Title] = a
	}
	var byCategory, byModel int
	for _, a := range stored {
		d, ok := byTitle[a.Title]
		if !ok {
			continue
		}
		if a.Section == "" {
			t.Errorf("%q has no section", a.Title)
		}
		switch a.SectionBy {
		case store.SectionByCategory:
			byCategory++
		case store.SectionByModel:
			byModel++
		}
		if _, ruled := sectionRule(d.Section); ruled && a.SectionBy != store.SectionByCategory {
			t.Errorf("%q (category %q): %q by %q, want placed by its category", a.Title, d.Section, a.Section, a.SectionBy)
		}
	}
	t.Logf("demo: %d articles stored, %d placed by their feed category, %d by the classifier", len(stored), byCategory, byModel)
	if byCategory == 0 {
		t.Error("no feed category reached an article")
	}
}

// sectionRule reports whether a category alone places an article.
func sectionRule(category string) (string, bool) {
	d, ok := section.Rules(section.Input{Categories: []string{category}})
	return string(d.Section), ok
}
