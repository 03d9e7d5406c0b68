package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/extract"
	"newsdesk/internal/store"
)

// TestSourcesPageShowsLearnedTemplates learns a real template from a synthetic site and
// checks the sources page says what was learned and from how many pages.
func TestSourcesPageShowsLearnedTemplates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	mem := extract.NewMemoryTemplates()
	ex := extract.New(extract.Options{Templates: mem})
	pages := extract.SyntheticSite(12, 7)
	for _, p := range pages {
		if _, err := ex.Extract(ctx, []byte(p.HTML), "text/html; charset=utf-8", p.URL); err != nil {
			t.Fatal(err)
		}
	}
	site := strings.TrimPrefix(strings.Split(strings.TrimPrefix(pages[0].URL, "https://"), "/")[0], "www.")
	state, err := mem.LoadSiteTemplate(ctx, site)
	if err != nil {
		t.Fatalf("template of %s: %v", site, err)
	}
	fs := newFakeStore("https://img.example")
	fs.templates = []store.SiteTemplate{{Site: site, State: state, Pages: 12, Updated: testNow}}
	srv, err := New(Config{Store: fs, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/sources", nil))
	body, _ := io.ReadAll(rec.Body)
	want := []string{"Learned site templates", "<strong>" + site + "</strong>: learned from 12 pages", "recurring block"}
	for _, w := range want {
		if !strings.Contains(string(body), w) {
			t.Errorf("sources page lacks %q", w)
		}
	}
}
