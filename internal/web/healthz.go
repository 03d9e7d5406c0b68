package web

import (
	"context"
	"net/http"
	"time"
)

const readyTimeout = 5 * time.Second

// healthz answers load balancers and uptime checks: 200 "ok", or 503 with the reason.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
	defer cancel()
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	if err := s.ready(ctx); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(err.Error())) //nolint:errcheck // the checker went away
		return
	}
	w.Write([]byte("ok")) //nolint:errcheck // the checker went away
}
