package web

import (
	"bytes"
	"net/http"
	"time"
)

// staticFile serves an embedded asset by its checksummed name. The name changes whenever
// the content does, so the response may be cached for a year and never revalidated.
func (s *Server) staticFile(w http.ResponseWriter, r *http.Request) {
	f, ok := s.assets.files[r.PathValue("name")]
	if !ok {
		s.notFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", f.etag)
	// ServeContent handles Range, HEAD and If-None-Match; the zero modtime leaves out
	// Last-Modified, which the ETag makes redundant.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.body))
}

// favicon answers browsers that ask for /favicon.ico regardless of the page's icon link.
func (s *Server) favicon(w http.ResponseWriter, r *http.Request) {
	u, err := s.assets.URL("favicon.svg")
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, u, http.StatusMovedPermanently)
}
