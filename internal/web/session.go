package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"newsdesk/internal/account"
	"newsdesk/internal/store"
)

// Sessions and CSRF.
//
// The session cookie holds the opaque token account.Service hands out at login; only its
// hash is stored. The cookie is HttpOnly (no script reads it), SameSite=Lax (other sites'
// forms do not carry it), Secure on TLS requests, and scoped to the whole site.
//
// Cross-site request forgery is refused twice over. http.CrossOriginProtection wraps the
// whole mux and refuses any unsafe request a browser marks as cross-origin (Sec-Fetch-Site,
// or an Origin header naming another host). Every POST must also carry a form token: an
// HMAC of the session token under a server key, so a token is only good for one session.
// Forms shown before sign-in (login, sign-up, reset) are bound the same way to a random
// "pre-session" cookie set when the form is shown.
const (
	sessionCookie = "newsdesk_session"
	preCookie     = "newsdesk_pre"
	csrfField     = "csrf"
	// sessionCookieAge is how long the browser keeps the cookie; the server ends the session
	// earlier when it is idle (account.Config.SessionIdle).
	sessionCookieAge = 90 * 24 * time.Hour
)

// viewer is who is asking: the signed-in user, or the zero User for anonymous readers.
type viewer struct {
	User  store.User
	token string // the session token from the cookie; empty when anonymous
}

func (v viewer) signedIn() bool { return v.User.ID != 0 }

type viewerKey struct{}

// withViewer returns ctx carrying v.
func withViewer(ctx context.Context, v viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// viewerFrom returns the viewer resolved by the session middleware; anonymous when none.
func viewerFrom(ctx context.Context) viewer {
	v, _ := ctx.Value(viewerKey{}).(viewer)
	return v
}

// sessions resolves the session cookie into the request's viewer. A cookie naming no live
// session is cleared, so the browser stops sending it.
func (s *Server) sessions(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.accounts == nil {
			next.ServeHTTP(w, r)
			return
		}
		c, err := r.Cookie(sessionCookie)
		if err != nil || c.Value == "" {
			next.ServeHTTP(w, r)
			return
		}
		u, err := s.accounts.Session(r.Context(), c.Value)
		switch {
		case errors.Is(err, account.ErrNoSession):
			s.clearSession(w, r)
		case err != nil:
			// The database is unwell: serve the page as to an anonymous reader rather than fail.
			s.log.WarnContext(r.Context(), "web: session lookup", slog.Any("error", err))
		default:
			r = r.WithContext(withViewer(r.Context(), viewer{User: u, token: c.Value}))
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) setSession(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode, MaxAge: int(sessionCookieAge / time.Second)})
}

func (s *Server) clearSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true,
		Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

// formToken is the CSRF token of the forms shown to this request. For an anonymous
// reader it binds to the pre-session cookie, setting one when the browser has none.
func (s *Server) formToken(w http.ResponseWriter, r *http.Request) string {
	if v := viewerFrom(r.Context()); v.signedIn() {
		return s.mac("session", v.token)
	}
	if c, err := r.Cookie(preCookie); err == nil && c.Value != "" {
		return s.mac("pre", c.Value)
	}
	pre := rand.Text()
	http.SetCookie(w, &http.Cookie{Name: preCookie, Value: pre, Path: "/", HttpOnly: true,
		Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode})
	return s.mac("pre", pre)
}

// sessionFormToken is the token of a signed-in viewer's forms, for pages built without
// the response writer (they never need to set a cookie).
func (s *Server) sessionFormToken(v viewer) string {
	if !v.signedIn() {
		return ""
	}
	return s.mac("session", v.token)
}

// checkForm parses a POST form and checks its CSRF token.
func (s *Server) checkForm(r *http.Request) bool {
	r.Body = http.MaxBytesReader(nil, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return false
	}
	got := r.PostFormValue(csrfField)
	var want string
	if v := viewerFrom(r.Context()); v.signedIn() {
		want = s.mac("session", v.token)
	} else if c, err := r.Cookie(preCookie); err == nil && c.Value != "" {
		want = s.mac("pre", c.Value)
	}
	return want != "" && hmac.Equal([]byte(got), []byte(want))
}

// maxFormBytes bounds a form body: a comment is at most 10 000 characters.
const maxFormBytes = 64 << 10

func (s *Server) mac(kind, value string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(kind + "\x00" + value))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// crossOrigin refuses cross-origin unsafe requests before any handler sees them.
func (s *Server) crossOrigin(next http.Handler) http.Handler {
	p := http.NewCrossOriginProtection()
	p.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, http.StatusForbidden, errorView{Heading: "Request refused",
			Message: "This form was sent from another site. Go back to the page and try again."})
	}))
	return p.Handler(next)
}
