package web

import (
	"net/http"
	"strings"
)

// formPage is every page that is mostly forms: sign-in, sign-up, reset, the account page
// and plain notices. One template renders them all, so they look alike and each handler
// only says what its fields are.
type formPage struct {
	Heading string
	Intro   string
	Error   string // what went wrong with the last submission
	Notice  string // what went right
	Forms   []formView
	Links   []linkView
}

type formView struct {
	Heading  string
	Action   string
	CSRF     string
	Fields   []fieldView
	Hidden   []hiddenField
	Honeypot bool // add the field bots fill and people never see
	Submit   string
	Danger   bool
}

type fieldView struct {
	Name, Label, Type, Value, Autocomplete, Hint string
	Required                                     bool
	MaxLen                                       int
}

type hiddenField struct{ Name, Value string }

type linkView struct{ URL, Text string }

// honeypotField is the name of the field hidden from people by the stylesheet.
const honeypotField = "website"

// showForm renders a form page, uncached, with status.
func (s *Server) showForm(w http.ResponseWriter, r *http.Request, status int, title string, p formPage) {
	body, err := s.render(r.Context(), "form", layoutView{Site: s.site, Title: title, NoIndex: true, Content: p})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeHTML(w, status, body)
}

// safeNext is where to go after signing in: a path on this site, never another host
// ("//evil.example" and "/\evil.example" are other hosts to a browser).
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.ContainsAny(next, "\r\n") {
		return "/"
	}
	return next
}

// seeOther ends a POST with a redirect (post/redirect/get), so reloading does not resend it.
func seeOther(w http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// refuseForm answers a POST whose form token is missing or wrong.
func (s *Server) refuseForm(w http.ResponseWriter) {
	s.errorPage(w, http.StatusForbidden, errorView{Heading: "Form expired",
		Message: "This form is no longer valid (it may be from before you signed in or out). Go back, reload the page and try again."})
}

func (s *Server) forbidden(w http.ResponseWriter) {
	s.errorPage(w, http.StatusForbidden, errorView{Heading: "Not allowed", Message: "Your account may not do this."})
}
