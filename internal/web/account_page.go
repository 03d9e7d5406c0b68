package web

import (
	"errors"
	"net/http"
	"net/url"

	"newsdesk/internal/account"
	"newsdesk/internal/store"
)

// requireSignIn sends an anonymous reader to the sign-in page, coming back here after.
func requireSignIn(w http.ResponseWriter, r *http.Request) (viewer, bool) {
	v := viewerFrom(r.Context())
	if !v.signedIn() {
		next := r.URL.Path
		if r.Method != http.MethodGet {
			next = r.Referer()
			if u, err := url.Parse(next); err == nil {
				next = u.RequestURI()
			}
		}
		http.Redirect(w, r, "/login?"+url.Values{"next": {safeNext(next)}}.Encode(), http.StatusSeeOther)
		return v, false
	}
	return v, true
}

func (s *Server) accountPage(w http.ResponseWriter, r *http.Request) {
	s.showAccount(w, r, http.StatusOK, "", accountNotice(r.URL.Query()))
}

func accountNotice(q url.Values) string {
	switch {
	case q.Has("welcome"):
		return "Welcome! Your account is ready. Confirm your address with the link we mailed you."
	case q.Has("password"):
		return "Your password is changed. Every other session of your account is signed out."
	case q.Has("mailed"):
		return "A new confirmation link is on its way."
	}
	return ""
}

func (s *Server) showAccount(w http.ResponseWriter, r *http.Request, status int, errMsg, notice string) {
	v, ok := requireSignIn(w, r)
	if !ok {
		return
	}
	csrf := s.formToken(w, r)
	u := v.User
	intro := "Signed in as " + u.DisplayName + " <" + u.Email + ">, " + u.Role + "."
	if u.Blocked(s.now()) {
		intro += " Your account may not comment or vote at the moment."
	}
	forms := []formView{}
	if u.VerifiedAt.IsZero() {
		forms = append(forms, formView{Heading: "Confirm your address", Action: "/account/verify", CSRF: csrf, Submit: "Mail me a new link"})
	}
	forms = append(forms,
		formView{Heading: "Change your password", Action: "/account/password", CSRF: csrf, Submit: "Change password",
			Fields: []fieldView{passwordField("current", "Current password", "current-password"), passwordField("password", "New password", "new-password")}},
		formView{Heading: "Delete your account", Action: "/account/delete", CSRF: csrf, Submit: "Delete my account", Danger: true,
			Fields: []fieldView{passwordField("password", "Password", "current-password")}},
	)
	s.showForm(w, r, status, "Your account", formPage{Heading: "Your account", Intro: intro, Error: errMsg, Notice: notice, Forms: forms})
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) {
	v, ok := s.signedInPost(w, r)
	if !ok {
		return
	}
	err := s.accounts.ChangePassword(r.Context(), v.token, r.PostFormValue("current"), r.PostFormValue("password"))
	if msg, ok := accountMessage(err); ok {
		s.showAccount(w, r, http.StatusBadRequest, msg, "")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	seeOther(w, r, "/account?password=1")
}

func (s *Server) deleteAccount(w http.ResponseWriter, r *http.Request) {
	v, ok := s.signedInPost(w, r)
	if !ok {
		return
	}
	err := s.accounts.DeleteAccount(r.Context(), v.token, r.PostFormValue("password"))
	if msg, ok := accountMessage(err); ok {
		s.showAccount(w, r, http.StatusBadRequest, msg, "")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.clearSession(w, r)
	s.commentGen.Add(1) // their comments now read "deleted user"
	seeOther(w, r, "/")
}

func (s *Server) resendVerify(w http.ResponseWriter, r *http.Request) {
	v, ok := s.signedInPost(w, r)
	if !ok {
		return
	}
	if !s.allow(w, limitCheck{s.limits.authIP, clientIP(r)}) {
		return
	}
	if err := s.accounts.RequestVerify(r.Context(), v.User.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	seeOther(w, r, "/account?mailed=1")
}

// signedInPost is the start of every POST that needs an account: signed in, form token
// right.
func (s *Server) signedInPost(w http.ResponseWriter, r *http.Request) (viewer, bool) {
	v, ok := requireSignIn(w, r)
	if !ok {
		return v, false
	}
	if !s.checkForm(r) {
		s.refuseForm(w)
		return v, false
	}
	return v, true
}

// moderatorOnly is requireSignIn for the admin console: 403 for readers.
func (s *Server) moderatorOnly(w http.ResponseWriter, r *http.Request) (viewer, bool) {
	v, ok := requireSignIn(w, r)
	if !ok {
		return v, false
	}
	if !account.CanModerate(v.User) {
		s.forbidden(w)
		return v, false
	}
	return v, true
}

// errStatus maps the services' refusals to a status for pages that do not re-show a form.
func errStatus(err error) int {
	switch {
	case errors.Is(err, account.ErrForbidden):
		return http.StatusForbidden
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	}
	return http.StatusBadRequest
}
