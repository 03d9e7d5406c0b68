package web

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"newsdesk/internal/store"
)

// cspRecorder runs in every page before the page's own code and keeps the CSP violations the
// page reports, so a test can read them back whatever the console said.
const cspRecorder = `window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`

// TestBrowserSmoke loads pages in headless Chromium and checks that they render under the
// site's CSP without console errors. It skips when chromium is not on PATH. Screenshots go
// to a temporary directory, or to testdata/screenshots when NEWSDESK_SCREENSHOTS is set.
func TestBrowserSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not on PATH")
	}
	shots := t.TempDir()
	if os.Getenv("NEWSDESK_SCREENSHOTS") != "" {
		shots = filepath.Join("testdata", "screenshots")
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}

	// Article images and logos come from another origin, as publishers' do.
	images := httptest.NewServer(http.HandlerFunc(servePNG))
	t.Cleanup(images.Close)
	fs := newFakeStore(images.URL)
	fs.articles = append(fs.articles, store.Article{
		ID: 6, PublisherID: 2, URL: "https://northwind.example/a/styled", Title: "A body that slipped past the sanitiser",
		Published: testNow.Add(-time.Hour), HTML: `<p style="color: red">Inline styles must be blocked.</p>`,
	})
	// The real model service, against a fake OpenAI-compatible server; a second site has a
	// model that is down.
	model := newFakeOpenAI(t, bridgeModel)
	downModel := newFakeOpenAI(t, bridgeModel)
	downModel.srv.Close()
	newSite := func(l LLM) *httptest.Server {
		srv, err := New(Config{Store: fs, Now: func() time.Time { return testNow }, Changes: func() uint64 { return 1 }, LLM: l})
		if err != nil {
			t.Fatal(err)
		}
		site := httptest.NewServer(srv.Handler())
		t.Cleanup(site.Close)
		return site
	}
	site := newSite(newRealLLM(t, model))
	downSite := newSite(newRealLLM(t, downModel))

	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(browserCtx); err != nil { // starts the browser
		t.Fatalf("start chromium: %v", err)
	}

	t.Run("pages", func(t *testing.T) {
		tab := newTab(t, browserCtx)
		pages := []struct {
			name, path, heading, want string
		}{
			{"front", "/", ".lead .card-title", "Council approves the new harbour bridge"},
			{"article", "/article/1", "h1.article-title", "Council approves the new harbour bridge"},
			{"story", "/story/100", "h1.page-title", "Council approves the new harbour bridge"},
			{"tag", "/tag/Port%20Aldridge", "h1.page-title", "Port Aldridge"},
			{"ask", "/article/1/ask?q=When+does+work+start%3F", "h1.page-title", "Ask this article"},
			{"publisher", "/publisher/1", "h1.page-title", "Harbor Gazette"},
			{"sources", "/sources", "h1.page-title", "Sources"},
			{"not-found", "/article/999", "h1.page-title", "Page not found"},
		}
		for _, p := range pages {
			tab.load(t, site.URL+p.path)
			if got := tab.text(t, p.heading); got != p.want {
				t.Errorf("%s: %s reads %q, want %q", p.name, p.heading, got, p.want)
			}
			// The stylesheet loaded: cards and headings carry its rules.
			if got := tab.eval(t, `getComputedStyle(document.body).fontFamily`); !strings.Contains(got, "system-ui") {
				t.Errorf("%s: body font %q: stylesheet not applied", p.name, got)
			}
			tab.noViolations(t, p.path)
			tab.shot(t, shots, p.name)
		}

		// The Listen button: in the page, shown by listen.js exactly when the browser can
		// speak, which proves the script ran under the CSP.
		tab.load(t, site.URL+"/article/1")
		tab.wait(t, `document.readyState === "complete"`)
		if got := tab.eval(t, `String(!!document.querySelector("#ai-features button#listen"))`); got != "true" {
			t.Error("article page has no Listen button")
		}
		if got := tab.eval(t, `String(document.getElementById("listen").hidden === !("speechSynthesis" in window))`); got != "true" {
			t.Error("the Listen button's visibility does not follow speechSynthesis: listen.js did not run")
		}
		tab.noViolations(t, "/article/1 with listen.js")

		// The story timeline is drawn, its bars coloured by the stylesheet.
		tab.load(t, site.URL+"/story/100")
		if got := tab.eval(t, `String(document.querySelectorAll("svg.timeline-chart rect.timeline-bar").length)`); got != "2" {
			t.Errorf("timeline has %s bars, want 2", got)
		}
		if got := tab.eval(t, `getComputedStyle(document.querySelector(".timeline-bar")).fill`); got != "rgb(26, 86, 219)" {
			t.Errorf("timeline bar fill %q: the stylesheet does not reach the inline SVG", got)
		}
		if got := tab.eval(t, `String(document.querySelector("svg.timeline-chart").getBoundingClientRect().width > 300)`); got != "true" {
			t.Error("the timeline is not as wide as its column")
		}
		tab.noViolations(t, "/story/100")

		// Remote images load under img-src.
		tab.load(t, site.URL+"/")
		tab.wait(t, `[...document.images].every(i => i.complete && i.naturalWidth > 0)`)

		// Dark mode follows the reader's preference.
		if got := tab.eval(t, `getComputedStyle(document.body).backgroundColor`); got != "rgb(255, 255, 255)" {
			t.Errorf("light background %q", got)
		}
		tab.call(t, func(ctx context.Context) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
			})
			return err
		})
		if got := tab.eval(t, `getComputedStyle(document.body).backgroundColor`); got != "rgb(17, 19, 22)" {
			t.Errorf("dark background %q", got)
		}
		tab.shot(t, shots, "front-dark")

		// A phone-sized screen: nothing sticks out sideways.
		tab.call(t, func(ctx context.Context) error {
			return chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
		})
		for _, path := range []string{"/", "/article/1", "/story/100", "/article/1/ask?q=When+does+work+start%3F"} {
			tab.load(t, site.URL+path)
			if got := tab.eval(t, `String(document.documentElement.scrollWidth <= window.innerWidth)`); got != "true" {
				t.Errorf("%s overflows a 390 px wide screen", path)
			}
			tab.noViolations(t, path)
		}
		tab.shot(t, shots, "ask-mobile-dark")

		for _, m := range tab.messages() {
			if m.Source == "network" && m.URL == site.URL+"/article/999" {
				continue // the 404 page we asked for
			}
			t.Errorf("console %s: %s (%s)", m.Type, m.Text, m.URL)
		}
	})

	// The generated features: ai.js shows the box, streams the checked sentences in with
	// their citations, and shows the service's note when it falls back.
	t.Run("ai features", func(t *testing.T) {
		tab := newTab(t, browserCtx)
		sentences := `[...document.querySelectorAll("#ai-tools .ai-sentences li")]`
		finished := `document.querySelector("#ai-tools .ai-output").getAttribute("aria-busy") === null && ` + sentences + `.length > 0`

		tab.load(t, site.URL+"/article/1")
		tab.wait(t, `!document.getElementById("ai-tools").hidden`)
		tab.click(t, `#ai-tools button[data-feature="summary"]`)
		tab.wait(t, finished)
		if got := tab.eval(t, sentences+`.map(li => li.querySelector(".ai-text").textContent).join("|")`); !strings.Contains(got, "lifting bridge") || strings.Contains(got, "resigned") {
			t.Errorf("article summary sentences %q", got)
		}
		// On the article's own page the citation is the source sentence on hover, not a link.
		if got := tab.eval(t, `document.querySelector("#ai-tools .ai-sentences .ai-cite").title`); !strings.Contains(got, "lifting bridge") {
			t.Errorf("citation title %q", got)
		}
		if got := tab.eval(t, `document.querySelector("#ai-tools .ai-status").textContent`); !strings.Contains(got, "fake-model") || !strings.Contains(got, "checked") {
			t.Errorf("status %q", got)
		}
		if got := tab.eval(t, `String(document.querySelector("#ai-tools .ai-note").hidden)`); got != "true" {
			t.Error("a note shows for a checked answer")
		}
		tab.noViolations(t, "/article/1 summarized")
		tab.shot(t, shots, "article-ai")

		// A story's citations name the publisher and link to the article.
		tab.load(t, site.URL+"/story/100")
		tab.wait(t, `!document.getElementById("ai-tools").hidden`)
		tab.click(t, `#ai-tools button[data-feature="summary"]`)
		tab.wait(t, finished)
		if got := tab.eval(t, `(a => a.tagName + " " + a.textContent + " " + a.getAttribute("href"))(document.querySelector("#ai-tools .ai-cite"))`); !regexp.MustCompile(`^A (Harbor Gazette|Northwind Times|Coastal Wire) /article/\d+/`).MatchString(got) {
			t.Errorf("story citation %q", got)
		}
		tab.noViolations(t, "/story/100 summarized")

		// The model is down: the offline key points, under the service's note.
		tab.load(t, downSite.URL+"/article/1")
		tab.wait(t, `!document.getElementById("ai-tools").hidden`)
		tab.click(t, `#ai-tools button[data-feature="summary"]`)
		tab.wait(t, finished)
		if got := tab.eval(t, `(n => n.hidden ? "" : n.textContent)(document.querySelector("#ai-tools .ai-note"))`); !strings.Contains(got, "not available") {
			t.Errorf("fallback note %q", got)
		}
		tab.noViolations(t, "/article/1 with the model down")
		tab.shot(t, shots, "article-ai-fallback")
		for _, m := range tab.messages() {
			t.Errorf("console %s: %s (%s)", m.Type, m.Text, m.URL)
		}
	})

	// The detector itself: a body with an inline style is blocked and reported.
	t.Run("violation is detected", func(t *testing.T) {
		tab := newTab(t, browserCtx)
		tab.load(t, site.URL+"/article/6")
		tab.wait(t, `window.__csp.length > 0`)
		if v := tab.eval(t, `window.__csp.join("\n")`); !strings.Contains(v, "style-src") {
			t.Errorf("violation %q, want style-src", v)
		}
		if got := tab.eval(t, `getComputedStyle(document.querySelector(".article-body p")).color`); got == "rgb(255, 0, 0)" {
			t.Error("the inline style was applied")
		}
	})
}

// tab is one browser tab with its console collected.
type tab struct {
	ctx     context.Context
	mu      sync.Mutex
	console []chromedp.ConsoleMessage
}

func newTab(t *testing.T, browserCtx context.Context) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	tb := &tab{ctx: ctx}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspRecorder}); err != nil {
		t.Fatalf("install CSP recorder: %v", err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() {
				tb.mu.Lock()
				tb.console = append(tb.console, m)
				tb.mu.Unlock()
			}
		}
	}()
	return tb
}

func (tb *tab) messages() []chromedp.ConsoleMessage {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), tb.console...)
}

func (tb *tab) call(t *testing.T, f func(ctx context.Context) error) {
	t.Helper()
	if err := f(tb.ctx); err != nil {
		t.Fatal(err)
	}
}

func (tb *tab) load(t *testing.T, url string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
}

func (tb *tab) click(t *testing.T, css string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(css))); err != nil {
		t.Fatalf("click %s: %v", css, err)
	}
}

// noViolations checks the CSP recorder of the page now loaded.
func (tb *tab) noViolations(t *testing.T, path string) {
	t.Helper()
	if v := tb.eval(t, `window.__csp.join("\n")`); v != "" {
		t.Errorf("%s: CSP violations: %s", path, v)
	}
}

func (tb *tab) text(t *testing.T, css string) string {
	t.Helper()
	s, err := chromedp.Run(tb.ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("text of %s: %v", css, err)
	}
	return strings.TrimSpace(s)
}

func (tb *tab) eval(t *testing.T, js string) string {
	t.Helper()
	s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return s
}

// wait polls a predicate in the page until it holds or chromedp's poll timeout passes.
func (tb *tab) wait(t *testing.T, predicate string) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](predicate, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", predicate, err)
	}
}

func (tb *tab) shot(t *testing.T, dir, name string) {
	t.Helper()
	buf, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	file := filepath.Join(dir, name+".png")
	if err := os.WriteFile(file, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", file)
}

// servePNG answers every path with a small image whose colour depends on the path.
func servePNG(w http.ResponseWriter, r *http.Request) {
	img := image.NewRGBA(image.Rect(0, 0, 160, 90))
	c := color.RGBA{R: byte(len(r.URL.Path) * 37), G: 120, B: 200, A: 255}
	for y := range 90 {
		for x := range 160 {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		http.Error(w, fmt.Sprint(err), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(buf.Bytes()) //nolint:errcheck // test server
}
