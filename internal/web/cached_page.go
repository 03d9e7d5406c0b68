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
	// A signed-in reader's page carries personal bits (their name and sign-out form in the
	// header, their votes, edit links and comment forms with their form token), so it is
	// rendered for them alone and never cached. The cache holds anonymous pages only; the
	// build below runs with an anonymous viewer whatever the request carries. This costs a
	// render per view for signed-in readers (a story page's brief included) and keeps one
	// simple rule: no cached byte ever depends on who asked. Fragments filled in by script
	// would have kept the cache for everybody but broken the pages without JavaScript.
	if v := viewerFrom(r.Context()); v.signedIn() {
		body, err := build(r.Context(), now)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeHTML(w, http.StatusOK, body)
		return
	}
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
	// Comments written through this server bump commentGen; the sum of two counters that
	// only grow changes whenever either does.
	st := stamp{changes: s.changes() + s.commentGen.Load(), minute: now.Unix() / 60}
	if p, ok := s.cache.get(key, st); ok {
		s.metrics.cache.WithLabelValues("hit").Inc()
		s.writePage(w, r, p)
		return
	}
	s.metrics.cache.WithLabelValues("miss").Inc()
	v, err, _ := s.flight.Do(fmt.Sprintf("%s|%d|%d", key, st.changes, st.minute), func() (any, error) {
		// The render is shared by every request waiting on it, so one reader hanging up
		// must not cancel it for the others.
		ctx, cancel := context.WithTimeout(withViewer(context.WithoutCancel(r.Context()), viewer{}), buildTimeout)
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
