package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeScript runs axe-core on the page and keeps the serious and critical violations.
const axeScript = `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(
  r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").split("\n").slice(1, 2).join(""))
  }))))`

// axeSource reads axe.min.js from $NEWSDESK_AXE_JS (.ci/run installs it with npm); empty
// when unset, which skips the accessibility checks.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("NEWSDESK_AXE_JS")
	if path == "" {
		t.Log("NEWSDESK_AXE_JS unset: accessibility checks skipped")
		return ""
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("NEWSDESK_AXE_JS: %v", err)
	}
	return string(b)
}

// screenshotDir is testdata/screenshots with NEWSDESK_SCREENSHOTS set, else a temp dir.
func screenshotDir(t *testing.T) string {
	t.Helper()
	if os.Getenv("NEWSDESK_SCREENSHOTS") == "" {
		return t.TempDir()
	}
	dir := filepath.Join("testdata", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowserWalk walks the site as a reader does, in Chromium: the front page of their
// edition, a story's full coverage, an article, a search from the header box, and a switch
// of edition, which is remembered. On each page it runs axe-core (when NEWSDESK_AXE_JS
// names axe.min.js) and fails on serious or critical violations, in light and dark mode,
// and takes a screenshot.
func TestBrowserWalk(t *testing.T) {
	browserCtx := startChromium(t)
	axe := axeSource(t)
	shots := screenshotDir(t)
	images := httptest.NewServer(http.HandlerFunc(servePNG))
	t.Cleanup(images.Close)
	cfg := Config{Store: newFakeStore(images.URL), Now: func() time.Time { return testNow }, Changes: func() uint64 { return 1 }}
	withEditions(&cfg)
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(srv.Handler())
	t.Cleanup(site.Close)
	tb := newTab(t, browserCtx)

	injectAxe := func() {
		t.Helper()
		if tb.eval(t, `typeof axe`) != "object" {
			if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[any](axe)); err != nil {
				t.Fatalf("inject axe-core: %v", err)
			}
		}
	}
	check := func(name string) {
		t.Helper()
		tb.wait(t, `document.readyState === "complete"`)
		tb.noViolations(t, name)
		tb.shot(t, shots, "walk-"+name)
		if axe == "" {
			return
		}
		injectAxe()
		for _, scheme := range []string{"light", "dark"} {
			tb.call(t, func(ctx context.Context) error {
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
				})
				return err
			})
			var found []struct {
				ID, Impact, Help string
				Nodes            []string
			}
			if err := json.Unmarshal([]byte(tb.evalAwait(t, axeScript)), &found); err != nil {
				t.Fatal(err)
			}
			for _, v := range found {
				t.Errorf("%s (%s): axe %s %s: %s\n  %s", name, scheme, v.Impact, v.ID, v.Help, strings.Join(v.Nodes, "\n  "))
			}
		}
		tb.call(t, func(ctx context.Context) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
			return err
		})
	}
	// at waits for a navigation to arrive; while the old document goes away, evaluating
	// fails, so errors only mean "not yet".
	at := func(path string) {
		t.Helper()
		want := `location.pathname === ` + jsString(path) + ` && document.readyState === "complete"`
		for end := time.Now().Add(10 * time.Second); ; {
			ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](want))
			if err == nil && ok {
				return
			}
			if time.Now().After(end) {
				t.Fatalf("never arrived at %s (%v)", path, err)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}

	// A reader whose browser prefers British English lands on the UK edition.
	tb.call(t, func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: "Mozilla/5.0 newsdesk-test", AcceptLanguage: "en-GB"})
		return err
	})
	tb.load(t, site.URL+"/")
	at("/gb/en")
	if got := tb.text(t, ".lead .card-title"); got != "Council approves the new harbour bridge" {
		t.Errorf("lead story %q", got)
	}
	check("front")

	// Full coverage of the lead story.
	tb.click(t, ".lead .coverage-link")
	at("/story/100")
	if got := tb.text(t, "h1.page-title"); got != "Council approves the new harbour bridge" {
		t.Errorf("story headline %q", got)
	}
	check("story")

	// The lead's article.
	tb.load(t, site.URL+"/gb/en")
	tb.click(t, ".lead .card-title a")
	at("/article/1/council-approves-the-new-harbour-bridge")
	check("article")

	// Search from the header.
	if err := chromedp.Do(tb.ctx,
		chromedp.SendKeys(chromedp.CSS("#site-search-q"), "harbour"),
		chromedp.Submit(chromedp.CSS("#site-search-q")),
	); err != nil {
		t.Fatalf("search: %v", err)
	}
	at("/search")
	if got := tb.eval(t, `String(document.querySelectorAll(".search-hit mark").length > 0)`); got != "true" {
		t.Error("no highlighted search results")
	}
	check("search")
	tb.load(t, site.URL+"/search?q=zeppelin")
	check("search-none")

	// The other pages a reader reaches.
	for _, p := range []struct{ name, path string }{
		{"section", "/gb/en/world"}, {"tag", "/tag/Port%20Aldridge"}, {"publisher", "/publisher/1"}, {"sources", "/sources"},
		{"ask", "/article/1/ask?q=When+does+work+start%3F"}, {"offline-page", "/offline"}, {"not-found", "/article/999"},
	} {
		tb.load(t, site.URL+p.path)
		check(p.name)
	}

	// Switch to the German edition; the choice is remembered.
	tb.load(t, site.URL+"/gb/en")
	tb.click(t, ".edition-switch summary")
	tb.click(t, `.edition-switch a[href="/de/de"]`)
	at("/de/de")
	if got := tb.eval(t, `document.documentElement.lang + " " + document.getElementById("top-stories-heading").textContent`); got != "de Schlagzeilen" {
		t.Errorf("German edition: %q", got)
	}
	check("edition-de")
	tb.load(t, site.URL+"/")
	at("/de/de")

	// The detector itself: an image without alt text is a critical violation.
	if axe != "" {
		injectAxe()
		tb.eval(t, `(document.querySelector("main").append(Object.assign(document.createElement("img"), {src: "data:,", width: 10, height: 10})), "")`)
		if got := tb.evalAwait(t, axeScript); !strings.Contains(got, `"image-alt"`) {
			t.Errorf("axe did not report an image without alt: %s", got)
		}
	}

	for _, m := range tb.messages() {
		if m.Source == "network" && strings.HasSuffix(m.URL, "/article/999") {
			continue // the 404 page we asked for
		}
		t.Errorf("console %s: %s (%s)", m.Type, m.Text, m.URL)
	}
}
