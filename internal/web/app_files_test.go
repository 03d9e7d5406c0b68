package web

import (
	"encoding/json"
	"fmt"
	"image/png"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestManifest(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	r := ts.get(t, "/manifest.webmanifest")
	if r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	if got := r.header.Get("Content-Type"); got != "application/manifest+json" {
		t.Errorf("Content-Type %q", got)
	}
	var m manifest
	if err := json.Unmarshal([]byte(r.body), &m); err != nil {
		t.Fatalf("manifest: %v\n%s", err, r.body)
	}
	if m.Name != "newsdesk" || m.ShortName != "newsdesk" || m.StartURL != "/" || m.Scope != "/" || m.Display != "standalone" {
		t.Errorf("manifest %+v", m)
	}
	hex := regexp.MustCompile(`^#[0-9a-f]{6}$`)
	if !hex.MatchString(m.ThemeColor) || !hex.MatchString(m.BackgroundColor) {
		t.Errorf("colours %q %q", m.ThemeColor, m.BackgroundColor)
	}
	// Every PNG icon is served, is a PNG of the size the manifest says, and there is a
	// 192, a 512 and a maskable one (what Chromium's install check asks for).
	have := map[string]bool{}
	for _, icon := range m.Icons {
		ir := ts.get(t, icon.Src)
		if ir.status != http.StatusOK || ir.header.Get("Content-Type") != icon.Type {
			t.Errorf("%s: status %d, type %q, want %s", icon.Src, ir.status, ir.header.Get("Content-Type"), icon.Type)
			continue
		}
		if icon.Type != "image/png" {
			continue
		}
		cfg, err := png.DecodeConfig(strings.NewReader(ir.body))
		if err != nil {
			t.Errorf("%s: %v", icon.Src, err)
			continue
		}
		if got := fmt.Sprintf("%dx%d", cfg.Width, cfg.Height); got != icon.Sizes {
			t.Errorf("%s is %s, manifest says %s", icon.Src, got, icon.Sizes)
		}
		have[icon.Sizes+" "+icon.Purpose] = true
	}
	for _, want := range []string{"192x192 any", "512x512 any", "512x512 maskable"} {
		if !have[want] {
			t.Errorf("no %s icon", want)
		}
	}
	// Revalidated, not cached blindly: the manifest names checksummed URLs that change.
	if got := r.header.Get("Cache-Control"); got != "no-cache" {
		t.Errorf("Cache-Control %q", got)
	}
	if nm := ts.get(t, "/manifest.webmanifest", "If-None-Match", r.header.Get("ETag")); nm.status != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d", nm.status)
	}
}

func TestServiceWorker(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	r := ts.get(t, "/sw.js")
	if r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	if got := r.header.Get("Content-Type"); got != "text/javascript; charset=utf-8" {
		t.Errorf("Content-Type %q", got)
	}
	if strings.Contains(r.body, "__PRECACHE__") || strings.Contains(r.body, "__VERSION__") {
		t.Error("placeholders left in the worker")
	}
	m := regexp.MustCompile(`(?m)^const PRECACHE = (\[.*\]);$`).FindStringSubmatch(r.body)
	if m == nil {
		t.Fatalf("no PRECACHE list in\n%s", r.body)
	}
	var precache []string
	if err := json.Unmarshal([]byte(m[1]), &precache); err != nil {
		t.Fatal(err)
	}
	// The shell is the offline page and the checksummed assets every page links; a worker
	// whose precache list has one failing URL never installs, so each must answer 200.
	front := ts.get(t, "/").body
	linked := regexp.MustCompile(`/static/app\.[0-9a-f]{12}\.(css|js)`).FindAllString(front, -1)
	if len(linked) != 2 {
		t.Fatalf("front page links %v, want the stylesheet and app.js", linked)
	}
	for _, u := range linked {
		if !slices.Contains(precache, u) {
			t.Errorf("%s, linked by the front page, is not precached: %v", u, precache)
		}
	}
	if precache[0] != "/offline" {
		t.Errorf("precache starts %q, want /offline", precache[0])
	}
	for _, u := range precache {
		if got := ts.get(t, u).status; got != http.StatusOK {
			t.Errorf("precached %s: status %d", u, got)
		}
	}
	// Built once: the same bytes and ETag on every request, so browsers' update checks
	// find nothing new until the assets change.
	if again := ts.get(t, "/sw.js"); again.body != r.body || again.header.Get("ETag") != r.header.Get("ETag") {
		t.Error("the worker changed between two requests")
	}
}

func TestAppLinksAndOfflinePage(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	for _, path := range []string{"/", "/article/1", "/story/100", "/sources", "/article/999"} {
		body := ts.get(t, path).body
		for _, want := range []string{
			`<link rel="manifest" href="/manifest.webmanifest">`,
			`<meta name="theme-color" content="#1a56db">`,
			`<script src="/static/app.`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %s", path, want)
			}
		}
	}
	for _, path := range []string{"/", "/article/1"} {
		if body := ts.get(t, path).body; !strings.Contains(body, `id="get-the-app"`) || !strings.Contains(body, "Add to Home Screen") {
			t.Errorf("%s has no install instructions", path)
		}
	}
	r := ts.get(t, "/offline")
	if r.status != http.StatusOK || !strings.Contains(r.body, "You are offline") || !strings.Contains(r.body, `content="noindex"`) {
		t.Errorf("/offline: status %d\n%s", r.status, r.body)
	}
}
