package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"

	"newsdesk/internal/brief"
	"newsdesk/internal/llm"
)

// LLM is the optional language model behind the generated AI features; *llm.Service
// satisfies it. WriteSSE answers req as a server-sent event stream; a request that is wrong
// in itself (llm.ErrBadRequest, llm.ErrLanguage) must return its error before writing.
type LLM interface {
	WriteSSE(ctx context.Context, w http.ResponseWriter, req llm.Request) error
}

// articleAI serves /article/{id}/ai/{feature}: a generated feature of one article, streamed.
func (s *Server) articleAI(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if s.llm == nil || !ok {
		s.notFound(w, r)
		return
	}
	a, err := s.store.Article(r.Context(), id)
	if err != nil {
		s.fail(w, r, fmt.Errorf("ai article %d: %w", id, err))
		return
	}
	s.streamAI(w, r, llm.ScopeArticle, id, []brief.Doc{briefDoc(a)})
}

// storyAI serves /story/{id}/ai/{feature} over the articles a story question reads (originals
// only, at most askDocs); a merged story's request is sent on to the story it merged into.
func (s *Server) storyAI(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if s.llm == nil || !ok {
		s.notFound(w, r)
		return
	}
	arts, err := s.storyArticles(r.Context(), id)
	if err != nil {
		if moved, ok := errors.AsType[*movedError](err); ok {
			moved.to += "/ai/" + pathSegment(r.PathValue("feature"))
			if r.URL.RawQuery != "" {
				moved.to += "?" + r.URL.RawQuery
			}
		}
		s.fail(w, r, fmt.Errorf("ai story %d: %w", id, err))
		return
	}
	s.streamAI(w, r, llm.ScopeStory, id, briefDocs(arts, askDocs))
}

// streamAI hands the request to the model service, which writes the event stream. It is
// never cached: the answer depends on the model, its limits and the moment.
func (s *Server) streamAI(w http.ResponseWriter, r *http.Request, scope llm.Scope, id int64, docs []brief.Doc) {
	q := r.URL.Query()
	req := llm.Request{
		Feature:  llm.Feature(r.PathValue("feature")),
		Scope:    scope,
		ID:       id,
		Docs:     docs,
		Lang:     q.Get("lang"),
		Question: question(q.Get("q")),
		IP:       clientIP(r),
	}
	w.Header().Set("Cache-Control", "no-store")
	if r.Method == http.MethodHead {
		// The mux lets HEAD into GET routes; a link checker must not cost a model call.
		w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		return
	}
	tw := &trackingWriter{ResponseWriter: w}
	err := s.llm.WriteSSE(r.Context(), tw, req)
	switch {
	case err == nil:
	case tw.wrote:
		// The stream had begun; all that is left is to log why it ended early.
		level := slog.LevelWarn
		if r.Context().Err() != nil {
			level = slog.LevelDebug // the reader left
		}
		s.log.Log(r.Context(), level, "web: ai stream ended", slog.String("path", r.URL.Path), slog.Any("error", err))
	case errors.Is(err, llm.ErrBadRequest), errors.Is(err, llm.ErrLanguage):
		http.Error(w, strings.TrimPrefix(err.Error(), "llm: "), http.StatusBadRequest)
	default:
		s.serverError(w, r, fmt.Errorf("ai %s %d: %w", scope, id, err))
	}
}

// clientIP is the address a per-IP limit counts: the connection's peer. X-Forwarded-For is
// not read, because without a setting naming the proxies we sit behind, any client could
// write it and so pick a fresh limit for every request.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// pathSegment keeps a redirect target to one plain path segment whatever the request held.
func pathSegment(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return -1
	}, s)
}

// trackingWriter notes whether anything reached the client, which decides whether a failure
// can still be answered with a status code.
type trackingWriter struct {
	http.ResponseWriter
	wrote bool
}

func (w *trackingWriter) WriteHeader(code int) {
	w.wrote = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *trackingWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (Flush, write deadlines).
func (w *trackingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
