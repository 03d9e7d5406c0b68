package web

import (
	"context"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// startChromium starts headless Chromium for one test, or skips the test without it.
func startChromium(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser")
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not on PATH")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	t.Cleanup(cancel)
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
	t.Cleanup(cancelAlloc)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return browserCtx
}

// evalAwait evaluates an expression that gives a promise and returns what it resolves to.
func (tb *tab) evalAwait(t *testing.T, js string) string {
	t.Helper()
	s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return s
}

// TestBrowserApp checks the app in Chromium: installable (the browser's own check finds
// nothing missing), the service worker takes control, and an article opened once reads
// again with the network gone, while a page never opened shows the offline page.
func TestBrowserApp(t *testing.T) {
	browserCtx := startChromium(t)
	srv, err := New(Config{Store: newFakeStore("data:"), Now: func() time.Time { return testNow }, Changes: func() uint64 { return 1 }})
	if err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(srv.Handler())
	t.Cleanup(site.Close)
	tb := newTab(t, browserCtx)

	tb.load(t, site.URL+"/")
	// Chromium fetches and checks the manifest after the load; until it has, the check
	// reports that there is no manifest yet, so poll until the answer settles on none.
	var last []string
	deadline := time.Now().Add(10 * time.Second)
	for {
		res, err := chromedp.Call(tb.ctx, page.GetInstallabilityErrors, cdp.Empty{})
		if err != nil {
			t.Fatalf("Page.getInstallabilityErrors: %v", err)
		}
		last = last[:0]
		for _, e := range res.InstallabilityErrors {
			last = append(last, e.ErrorID)
		}
		if len(last) == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if len(last) > 0 {
		t.Errorf("not installable: %v", last)
	}

	// The worker registers on load and claims the page once active.
	tb.wait(t, `!!navigator.serviceWorker.controller`)
	if got := tb.evalAwait(t, `caches.keys().then(k => k.filter(n => n.startsWith("shell-")).length + "")`); got != "1" {
		t.Errorf("shell caches: %s", got)
	}

	// Open an article: the worker keeps it.
	article := site.URL + "/article/1/council-approves-the-new-harbour-bridge"
	tb.load(t, article)
	want := tb.text(t, "h1.article-title")
	body := tb.text(t, ".article-body")
	keptJS := `caches.open("pages-v1").then(c => c.match(` + jsString(article) + `)).then(r => r ? "yes" : "")`
	for end := time.Now().Add(10 * time.Second); tb.evalAwait(t, keptJS) != "yes"; {
		if time.Now().After(end) {
			t.Fatal("the opened article was not kept")
		}
		time.Sleep(50 * time.Millisecond)
	}

	// Offline, for the page and for its service worker: DevTools emulates the network per
	// target, and the worker's fetches are its own target's.
	targets, err := chromedp.Targets(tb.ctx)
	if err != nil {
		t.Fatal(err)
	}
	goOffline := func(ctx context.Context) {
		t.Helper()
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			t.Fatalf("network domain: %v", err)
		}
		yes := true
		if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &yes,
			MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
		}); err != nil {
			t.Fatalf("go offline: %v", err)
		}
	}
	goOffline(tb.ctx)
	workers := 0
	for _, info := range targets {
		if info.Type != "service_worker" || !strings.HasPrefix(info.URL, site.URL) {
			continue
		}
		workers++
		swCtx, cancel := chromedp.NewContext(browserCtx, chromedp.WithTargetID(info.TargetID))
		t.Cleanup(cancel)
		goOffline(swCtx)
	}
	if workers != 1 {
		t.Fatalf("%d service worker targets", workers)
	}
	if got := tb.evalAwait(t, `fetch("/healthz").then(r => "fetched", e => "failed")`); got != "failed" {
		t.Fatalf("offline, the page could still fetch: %s", got)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Reload()); err != nil {
		t.Fatalf("reload offline: %v", err)
	}
	if got := tb.text(t, "h1.article-title"); got != want {
		t.Errorf("offline, the article's headline reads %q, want %q", got, want)
	}
	if got := tb.text(t, ".article-body"); got != body || got == "" {
		t.Errorf("offline, the article's text reads %q, want %q", got, body)
	}
	// The stylesheet came from the shell cache.
	if got := tb.eval(t, `getComputedStyle(document.body).fontFamily`); !strings.Contains(got, "system-ui") {
		t.Errorf("offline, body font %q: stylesheet not applied", got)
	}
	// A page never opened: the offline page, not the browser's error. This also proves the
	// worker's own fetches were offline, so the article above came from its cache.
	tb.load(t, site.URL+"/article/2")
	if got := tb.text(t, "h1.page-title"); got != "You are offline" {
		t.Errorf("offline, a page never opened shows %q", got)
	}
	tb.noViolations(t, "offline")
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
