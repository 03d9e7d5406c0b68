package api

import (
	"net/http"
	"sync"
	"time"
)

// cacheEntries bounds the answers kept. Keys include query strings, which clients choose,
// so the bound is what keeps made-up queries from growing the cache.
const cacheEntries = 1024

// bodyCache keeps finished answers keyed by request URI and stamped with the store's change
// counter: an answer is reused until the store changes or its max-age runs out, whichever
// comes first (the age bound matters for answers that depend on the clock, like a ranking
// with freshness decay). A repeat request then costs a map lookup, and a revalidation a
// 304 without touching the database.
type bodyCache struct {
	changes func() uint64
	now     func() time.Time
	mu      sync.Mutex
	entries map[string]cachedBody
}

type cachedBody struct {
	stamp       uint64
	at          time.Time
	contentType string
	body        []byte
	etag        string
	maxAge      time.Duration
}

func (c *bodyCache) get(key string, stamp uint64) (cachedBody, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || e.stamp != stamp || c.now().Sub(e.at) >= e.maxAge {
		return cachedBody{}, false
	}
	return e, true
}

func (c *bodyCache) put(key string, e cachedBody) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[key]; !ok && len(c.entries) >= cacheEntries {
		for k := range c.entries { // evict one at random: map order is random enough
			delete(c.entries, k)
			break
		}
	}
	c.entries[key] = e
}

// cacheWriter marks a response whose finished body writeBody should keep.
type cacheWriter struct {
	http.ResponseWriter
	key   string
	stamp uint64
}

// cached serves fn's answer from the cache when the store has not changed since it was
// made. The stamp is read before fn runs, so a write that lands while fn reads makes the
// kept answer stale at once rather than hiding the write.
func (h *Handler) cached(fn http.HandlerFunc) http.HandlerFunc {
	if h.cache == nil {
		return fn
	}
	return func(w http.ResponseWriter, r *http.Request) {
		key := r.URL.RequestURI()
		stamp := h.cache.changes()
		if e, ok := h.cache.get(key, stamp); ok {
			sendBody(w, r, e)
			return
		}
		fn(&cacheWriter{ResponseWriter: w, key: key, stamp: stamp}, r)
	}
}

// keep stores a finished answer when w came through cached.
func (h *Handler) keep(w http.ResponseWriter, b cachedBody) {
	if cw, ok := w.(*cacheWriter); ok {
		b.stamp, b.at = cw.stamp, h.now()
		h.cache.put(cw.key, b)
	}
}
