package web

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// routes wires every URL of the site. Each route is instrumented with its own pattern as the
// latency label, which keeps the label set small and known in advance.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	s.handle(mux, "GET /{$}", http.HandlerFunc(s.rootPage))
	s.handle(mux, "GET /{country}/{lang}", http.HandlerFunc(s.editionPage))
	s.handle(mux, "GET /{country}/{lang}/{section}", http.HandlerFunc(s.editionPage))
	s.handle(mux, "GET /section/{name}", http.HandlerFunc(s.sectionPage))
	s.handle(mux, "GET /search", http.HandlerFunc(s.searchPage))
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
	s.handle(mux, "GET /manifest.webmanifest", http.HandlerFunc(s.manifest))
	s.handle(mux, "GET /sw.js", http.HandlerFunc(s.serviceWorker))
	s.handle(mux, "GET "+offlinePath, http.HandlerFunc(s.offlinePage))
	if s.accounts != nil {
		s.accountRoutes(mux)
	}
	s.handle(mux, "/", http.HandlerFunc(s.notFound))
	// Cross-origin refusal runs before the session is even looked up; the session
	// middleware runs before every handler, so each knows its viewer.
	return s.secure(s.recoverPanics(s.crossOrigin(s.sessions(mux))))
}

func (s *Server) handle(mux *http.ServeMux, pattern string, h http.Handler) {
	mux.Handle(pattern, s.metrics.instrument(pattern, h))
}

// accountRoutes are the routes that exist only when accounts are on.
func (s *Server) accountRoutes(mux *http.ServeMux) {
	s.handle(mux, "GET /login", http.HandlerFunc(s.loginPage))
	s.handle(mux, "POST /login", http.HandlerFunc(s.login))
	s.handle(mux, "POST /logout", http.HandlerFunc(s.logout))
	s.handle(mux, "GET /signup", http.HandlerFunc(s.signupPage))
	s.handle(mux, "POST /signup", http.HandlerFunc(s.signup))
	s.handle(mux, "GET /verify", http.HandlerFunc(s.verify))
	s.handle(mux, "GET /reset", http.HandlerFunc(s.resetPage))
	s.handle(mux, "POST /reset", http.HandlerFunc(s.reset))
	s.handle(mux, "GET /account", http.HandlerFunc(s.accountPage))
	s.handle(mux, "POST /account/password", http.HandlerFunc(s.changePassword))
	s.handle(mux, "POST /account/delete", http.HandlerFunc(s.deleteAccount))
	s.handle(mux, "POST /account/verify", http.HandlerFunc(s.resendVerify))
	if s.comments != nil {
		s.handle(mux, "POST /comments", http.HandlerFunc(s.commentPost))
		s.handle(mux, "POST /comments/{id}/edit", http.HandlerFunc(s.commentEdit))
		s.handle(mux, "POST /comments/{id}/delete", http.HandlerFunc(s.commentDelete))
		s.handle(mux, "POST /comments/{id}/vote", http.HandlerFunc(s.commentVote))
		s.handle(mux, "POST /comments/{id}/report", http.HandlerFunc(s.commentReport))
		s.handle(mux, "GET /admin", s.adminGet(s.adminQueue))
		s.handle(mux, "GET /admin/users", s.adminGet(s.adminUsers))
		s.handle(mux, "GET /admin/locks", s.adminGet(s.adminLocks))
		s.handle(mux, "GET /admin/words", s.adminGet(s.adminWords))
		s.handle(mux, "GET /admin/audit", s.adminGet(s.adminAudit))
		s.handle(mux, "GET /admin/sources", s.adminGet(s.adminSources))
		s.handle(mux, "POST /admin/comments/{id}/{action}", http.HandlerFunc(s.adminComment))
		s.handle(mux, "POST /admin/users/{id}/block", http.HandlerFunc(s.adminBlock))
		s.handle(mux, "POST /admin/users/{id}/unblock", http.HandlerFunc(s.adminUnblock))
		s.handle(mux, "POST /admin/users/{id}/role", http.HandlerFunc(s.adminRole))
		s.handle(mux, "POST /admin/locks", http.HandlerFunc(s.adminLock))
		s.handle(mux, "POST /admin/words", http.HandlerFunc(s.adminWord))
		s.handle(mux, "POST /admin/sources/{id}/{op}", http.HandlerFunc(s.adminFeed))
	}
}
