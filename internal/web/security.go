package web

import (
	"crypto/rand"
	"errors"
	"fmt"
	"net/http"
)

// Content Security Policy and caching.
//
// Every response gets a fresh nonce in its CSP header, and script-src lists only our own
// origin and that nonce: no inline script runs unless it carries the nonce of this very
// response. Our only scripts are files under /static/ (Listen and the generated AI features), so
// 'self' lets them run. None of our templates has an inline script or style (the look is one
// external stylesheet, style-src 'self'), so no rendered body depends on the nonce. That is
// what lets the cached pages share one body between many responses while each response still
// has its own, unguessable nonce: the nonce lives only in the header, never in cached bytes.
//
// Templates are never given the nonce. Should a page ever need an inline script, it must be
// an uncached page that receives this response's nonce and marks its script with it; putting
// a nonce into a cached body would hand the same nonce to every reader and defeat it.
//
// Images are allowed from anywhere (img-src https: http: data:) because article images and
// publisher logos are served by the publishers.
func contentSecurityPolicy(nonce string) string {
	return cspBeforeNonce + nonce + cspAfterNonce
}

const (
	cspBeforeNonce = "default-src 'self'; script-src 'self' 'nonce-"
	cspAfterNonce  = "'; style-src 'self'; img-src 'self' https: http: data:; object-src 'none'; " +
		"frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)

// secure sets the security headers on every response before the handler runs, so they are
// present on pages, assets, errors and the mux's own answers alike.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		nonce := rand.Text() // 128 bits from crypto/rand, base32: valid in a CSP nonce
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy(nonce))
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY") // for browsers that predate frame-ancestors
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a handler panic into the 500 page instead of a dropped connection.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(v) // the handler asked for the connection to be dropped
			}
			s.serverError(w, r, fmt.Errorf("%w: %v", errPanic, v)) // logged there, with the path
		}()
		next.ServeHTTP(w, r)
	})
}

var errPanic = errors.New("handler panic")
