package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/store"
)

func TestPageCache(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		first, second string // two paths of one page
		id            int64
	}{
		{"front page", "/", "/", 1},
		{"article", "/article/1", "/article/1/council-approves-the-new-harbour-bridge", 1},
		{"publisher", "/publisher/1", "/publisher/1", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ts := newTestSite(t)
			r1 := ts.get(t, tt.first)
			calls := ts.store.calls.Load()

			// Content changes but nobody says so: the cached bytes are served as they were.
			ts.store.setTitle(tt.id, "A quietly changed headline")
			r2 := ts.get(t, tt.second)
			if r2.status != http.StatusOK || r2.body != r1.body {
				t.Errorf("cache hit: status %d, body differs from the first response: %v", r2.status, r2.body != r1.body)
			}
			if got := ts.store.calls.Load(); got != calls {
				t.Errorf("cache hit read the store %d times", got-calls)
			}

			// Ingest bumps Changes: the page is rendered again from the store.
			ts.changes.Add(1)
			r3 := ts.get(t, tt.first)
			if !strings.Contains(r3.body, "A quietly changed headline") {
				t.Error("page not re-rendered after Changes moved")
			}
			if ts.store.calls.Load() == calls {
				t.Error("store not read after Changes moved")
			}
		})
	}
}

// Relative times in a cached page may be at most a minute stale.
func TestPageCacheMinute(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	if r := ts.get(t, "/"); !strings.Contains(r.body, ">9 minutes ago</time>") {
		t.Fatal("front page lacks 9 minutes ago")
	}
	ts.advance(59 * time.Second) // testNow is on a minute boundary: still the same minute
	if r := ts.get(t, "/"); !strings.Contains(r.body, ">9 minutes ago</time>") {
		t.Error("page re-rendered within the minute")
	}
	ts.advance(time.Second)
	if r := ts.get(t, "/"); !strings.Contains(r.body, ">10 minutes ago</time>") {
		t.Error("relative time not refreshed in the next minute")
	}
}

func TestPageCacheOffWithoutChanges(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t, func(c *Config) { c.Changes = nil })
	ts.get(t, "/article/1")
	ts.store.setTitle(1, "Edited headline")
	if r := ts.get(t, "/article/1"); !strings.Contains(r.body, "Edited headline") {
		t.Error("without Changes the page must be rendered on every request")
	}
}

func TestPageETag(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	r := ts.get(t, "/article/1")
	etag := r.header.Get("ETag")
	if etag == "" || r.header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("ETag %q, Cache-Control %q: want an ETag and no-cache", etag, r.header.Get("Cache-Control"))
	}
	if r := ts.get(t, "/article/1", "If-None-Match", etag); r.status != http.StatusNotModified || r.body != "" {
		t.Errorf("revalidation: %d with %d bytes, want 304 and no body", r.status, len(r.body))
	}
	ts.store.setTitle(1, "Edited headline")
	ts.changes.Add(1)
	if r := ts.get(t, "/article/1", "If-None-Match", etag); r.status != http.StatusOK || r.header.Get("ETag") == etag {
		t.Errorf("after a change: %d with ETag %q, want 200 and a new ETag", r.status, r.header.Get("ETag"))
	}
}

// A missing article is not cached: it may be stored a moment later.
func TestNotFoundNotCached(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	if r := ts.get(t, "/article/3"); r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	ts.store.mu.Lock()
	ts.store.articles = slices.DeleteFunc(ts.store.articles, func(a store.Article) bool { return a.ID == 3 }) // article 3 deleted…
	ts.store.mu.Unlock()
	ts.changes.Add(1) // …and ingest said so
	if r := ts.get(t, "/article/3"); r.status != http.StatusNotFound {
		t.Errorf("deleted article: status %d, want 404", r.status)
	}
	calls := ts.store.calls.Load()
	ts.get(t, "/article/3")
	if ts.store.calls.Load() == calls {
		t.Error("a 404 was answered from the cache")
	}
}
