package api

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk/internal/store"
)

// countingStore counts the reads behind /api/v1/articles.
type countingStore struct {
	*fakeStore
	reads atomic.Int64
}

func (c *countingStore) LatestArticlesAfter(ctx context.Context, after store.ArticleCursor, limit int) ([]store.Article, error) {
	c.reads.Add(1)
	return c.fakeStore.LatestArticlesAfter(ctx, after, limit)
}

func TestAnswersAreReusedUntilTheStoreChanges(t *testing.T) {
	t.Parallel()
	st := &countingStore{fakeStore: newsFixture(testNow)}
	var changes atomic.Uint64
	var clock atomic.Int64 // seconds after testNow
	h := newTestHandler(t, st, func(c *Config) {
		c.Changes = changes.Load
		c.Now = func() time.Time { return testNow.Add(time.Duration(clock.Load()) * time.Second) }
	})
	steps := []struct {
		name   string
		before func()
		header []string
		reads  int64 // store reads so far
		status int
	}{
		{"first request reads", nil, nil, 1, 200},
		{"repeat is served from the cache", nil, nil, 1, 200},
		{"revalidation is a 304 from the cache", nil, []string{"If-None-Match", "*"}, 1, 304},
		{"a store change reads again", func() { changes.Add(1) }, nil, 2, 200},
		{"then it is cached again", nil, nil, 2, 200},
		{"max-age passing reads again", func() { clock.Add(int64(cacheList / time.Second)) }, nil, 3, 200},
	}
	var etag string
	for _, s := range steps {
		if s.before != nil {
			s.before()
		}
		w := do(h, http.MethodGet, "/api/v1/articles", s.header...)
		if w.Code != s.status || st.reads.Load() != s.reads {
			t.Fatalf("%s: %d after %d reads, want %d after %d", s.name, w.Code, st.reads.Load(), s.status, s.reads)
		}
		if etag == "" {
			etag = w.Header().Get("ETag")
		}
		if w.Header().Get("ETag") != etag { // the data did not change, so neither does the tag
			t.Fatalf("%s: ETag %s, want %s", s.name, w.Header().Get("ETag"), etag)
		}
	}
	// Other query strings are other answers.
	if w := do(h, http.MethodGet, "/api/v1/articles?limit=1"); w.Code != 200 || st.reads.Load() != 4 {
		t.Fatalf("another page: %d after %d reads", w.Code, st.reads.Load())
	}
}

func TestCacheIsBounded(t *testing.T) {
	t.Parallel()
	c := &bodyCache{changes: func() uint64 { return 0 }, now: time.Now, entries: map[string]cachedBody{}}
	for i := range cacheEntries + 50 {
		c.put(string(rune('a'+i%26))+itoa(int64(i)), cachedBody{maxAge: time.Minute})
	}
	if len(c.entries) != cacheEntries {
		t.Fatalf("%d entries, bound %d", len(c.entries), cacheEntries)
	}
}
