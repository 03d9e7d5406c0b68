package web

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// routes wires every URL of the site. Each route is instrumented with its own pattern as the
// latency label, which keeps the label set small and known in advance.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	s.handle(mux, "GET /{$}", http.HandlerFunc(s.frontPage))
	s.handle(mux, "GET /article/{id}", http.HandlerFunc(s.articlePage))
	s.handle(mux, "GET /article/{id}/{slug}", http.HandlerFunc(s.articlePage))
	s.handle(mux, "GET /article/{id}/ask", http.HandlerFunc(s.articleAsk))
	s.handle(mux, "GET /article/{id}/ai/{feature}", http.HandlerFunc(s.articleAI))
	s.handle(mux, "GET /story/{id}", http.HandlerFunc(s.storyPage))
	s.handle(mux, "GET /story/{id}/ask", http.HandlerFunc(s.storyAsk))
	s.handle(mux, "GET /story/{id}/ai/{feature}", http.HandlerFunc(s.storyAI))
	s.handle(mux, "GET /tag/{name}", http.HandlerFunc(s.tagPage))
	s.handle(mux, "GET /publisher/{id}", http.HandlerFunc(s.publisherPage))
	s.handle(mux, "GET /sources", http.HandlerFunc(s.sourcesPage))
	s.handle(mux, "GET /healthz", http.HandlerFunc(s.healthz))
	s.handle(mux, "GET /metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{Registry: s.registry}))
	s.handle(mux, "GET /static/{name}", http.HandlerFunc(s.staticFile))
	s.handle(mux, "GET /favicon.ico", http.HandlerFunc(s.favicon))
	s.handle(mux, "/", http.HandlerFunc(s.notFound))
	return s.secure(s.recoverPanics(mux))
}

func (s *Server) handle(mux *http.ServeMux, pattern string, h http.Handler) {
	mux.Handle(pattern, s.metrics.instrument(pattern, h))
}
