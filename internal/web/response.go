package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"newsdesk/internal/store"
)

// writeHTML sends an uncached page.
func writeHTML(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body) //nolint:errcheck // the client went away; nothing left to tell it
}

// fail answers a failed page build: a permanent redirect for a page that moved, the 404
// page for a missing row, else the 500 page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if moved, ok := errors.AsType[*movedError](err); ok {
		http.Redirect(w, r, moved.to, http.StatusMovedPermanently)
		return
	}
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	s.serverError(w, r, err)
}

// errorView is the 404 and 500 page.
type errorView struct {
	Status  int
	Heading string
	Message string
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, http.StatusNotFound, errorView{
		Heading: "Page not found",
		Message: "There is no page at this address. The article may have been removed, or the link may be mistyped.",
	})
}

func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	level := slog.LevelError
	if errors.Is(err, context.Canceled) {
		level = slog.LevelDebug // the reader hung up; nothing went wrong here
	}
	s.log.Log(r.Context(), level, "web: request failed", slog.String("path", r.URL.Path), slog.Any("error", err))
	s.errorPage(w, http.StatusInternalServerError, errorView{
		Heading: "Something went wrong",
		Message: "This page could not be shown. The problem has been logged; please try again in a moment.",
	})
}

func (s *Server) errorPage(w http.ResponseWriter, status int, v errorView) {
	v.Status = status
	body, err := s.pages.render("error", layoutView{Site: s.site, Title: v.Heading, Content: v})
	if err != nil {
		s.log.Error("web: render error page", slog.Any("error", err))
		http.Error(w, http.StatusText(status), status)
		return
	}
	writeHTML(w, status, body)
}
