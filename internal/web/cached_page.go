package web

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// pageBuild renders one cacheable page. It is not given the request: what it renders may
// depend only on the cache key, the store and the time it is handed, because its bytes are
// served to every reader until the stamp changes.
type pageBuild func(ctx context.Context, now time.Time) ([]byte, error)

// serveCached answers with the page cached under key, rendering it first when the cache has
// no copy for the current stamp. Concurrent misses for one page share a single render.
func (s *Server) serveCached(w http.ResponseWriter, r *http.Request, key string, build pageBuild) {
	now := s.now()
	if s.cache == nil {
		body, err := build(r.Context(), now)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		s.writePage(w, r, newCachedPage(key, stamp{}, body, false))
		return
	}
	// Changes is read before the store is: should ingest commit during the render, the page
	// is filed under the older generation and the next request renders it again.
	st := stamp{changes: s.changes(), minute: now.Unix() / 60}
	if p, ok := s.cache.get(key, st); ok {
		s.metrics.cache.WithLabelValues("hit").Inc()
		s.writePage(w, r, p)
		return
	}
	s.metrics.cache.WithLabelValues("miss").Inc()
	v, err, _ := s.flight.Do(fmt.Sprintf("%s|%d|%d", key, st.changes, st.minute), func() (any, error) {
		// The render is shared by every request waiting on it, so one reader hanging up
		// must not cancel it for the others.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), buildTimeout)
		defer cancel()
		body, err := build(ctx, now)
		if err != nil {
			return nil, err
		}
		p := newCachedPage(key, st, body, true)
		s.cache.put(p)
		return p, nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writePage(w, r, v.(*cachedPage))
}
