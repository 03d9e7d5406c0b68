package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"newsdesk/internal/account"
)

// The sign-up, sign-in, sign-out, verification and reset routes. Every form is plain
// HTML that works without JavaScript; every POST checks the form token and ends with a
// redirect or a re-shown form.

func emailField(v string) fieldView {
	return fieldView{Name: "email", Label: "Email", Type: "email", Value: v, Autocomplete: "email", Required: true, MaxLen: 254}
}

func passwordField(name, label, autocomplete string) fieldView {
	return fieldView{Name: name, Label: label, Type: "password", Autocomplete: autocomplete, Required: true, MaxLen: 1024}
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request, status int, email, next, msg string) {
	s.showForm(w, r, status, "Sign in", formPage{Heading: "Sign in", Error: msg,
		Forms: []formView{{Action: "/login", CSRF: s.formToken(w, r), Submit: "Sign in",
			Fields: []fieldView{emailField(email), passwordField("password", "Password", "current-password")},
			Hidden: []hiddenField{{"next", safeNext(next)}}}},
		Links: []linkView{{"/signup", "No account yet? Sign up"}, {"/reset", "Forgot your password?"}}})
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	if viewerFrom(r.Context()).signedIn() {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.loginForm(w, r, http.StatusOK, "", r.URL.Query().Get("next"), "")
}

// login signs in. Attempts are limited per client address and per email address; a
// success forgets the address's failures. Whatever session cookie the browser came with is
// ended and replaced (account.Service.Login), so a planted cookie is useless.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if !s.checkForm(r) {
		s.refuseForm(w)
		return
	}
	email, next := r.PostFormValue("email"), r.PostFormValue("next")
	key := strings.ToLower(strings.TrimSpace(email))
	if !s.allow(w, limitCheck{s.limits.authIP, clientIP(r)}, limitCheck{s.limits.loginUser, key}) {
		return
	}
	old := ""
	if c, err := r.Cookie(sessionCookie); err == nil {
		old = c.Value
	}
	token, _, err := s.accounts.Login(r.Context(), email, r.PostFormValue("password"), old)
	if errors.Is(err, account.ErrInvalidLogin) {
		s.loginForm(w, r, http.StatusUnauthorized, email, next, "Wrong email or password.")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.limits.loginUser.Reset(key)
	s.setSession(w, r, token)
	seeOther(w, r, safeNext(next))
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if !s.checkForm(r) {
		s.refuseForm(w)
		return
	}
	if err := s.accounts.Logout(r.Context(), viewerFrom(r.Context()).token); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.clearSession(w, r)
	seeOther(w, r, "/")
}

func (s *Server) signupForm(w http.ResponseWriter, r *http.Request, status int, email, name, msg string) {
	s.showForm(w, r, status, "Sign up", formPage{Heading: "Sign up",
		Intro: "An account lets you comment and vote. We mail you a link to confirm your address.", Error: msg,
		Forms: []formView{{Action: "/signup", CSRF: s.formToken(w, r), Submit: "Create account", Honeypot: true,
			Fields: []fieldView{emailField(email),
				{Name: "name", Label: "Display name", Type: "text", Value: name, Autocomplete: "nickname", Required: true, MaxLen: 40,
					Hint: "Shown with your comments."},
				passwordField("password", "Password", "new-password")}}},
		Links: []linkView{{"/login", "Have an account? Sign in"}}})
}

func (s *Server) signupPage(w http.ResponseWriter, r *http.Request) {
	s.signupForm(w, r, http.StatusOK, "", "", "")
}

func (s *Server) signup(w http.ResponseWriter, r *http.Request) {
	if !s.checkForm(r) {
		s.refuseForm(w)
		return
	}
	if !s.allow(w, limitCheck{s.limits.authIP, clientIP(r)}) {
		return
	}
	email, name, password := r.PostFormValue("email"), r.PostFormValue("name"), r.PostFormValue("password")
	if r.PostFormValue(honeypotField) != "" {
		// A bot: answer as if it worked and create nothing.
		seeOther(w, r, "/")
		return
	}
	if _, err := s.accounts.SignUp(r.Context(), email, name, password); err != nil {
		if msg, ok := accountMessage(err); ok {
			s.signupForm(w, r, http.StatusBadRequest, email, name, msg)
			return
		}
		s.serverError(w, r, err)
		return
	}
	old := ""
	if c, err := r.Cookie(sessionCookie); err == nil {
		old = c.Value
	}
	token, _, err := s.accounts.Login(r.Context(), email, password, old)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.setSession(w, r, token)
	seeOther(w, r, "/account?welcome=1")
}

// accountMessage turns the account service's refusals into what the form says.
func accountMessage(err error) (string, bool) {
	var pe *account.PolicyError
	var ne *account.NameError
	switch {
	case errors.As(err, &pe):
		return "Choose another password: " + pe.Reason + ".", true
	case errors.As(err, &ne):
		return "Choose another display name: " + ne.Reason + ".", true
	case errors.Is(err, account.ErrInvalidEmail):
		return "That is not an email address.", true
	case errors.Is(err, account.ErrEmailTaken):
		return "An account with this email exists. Sign in, or reset its password.", true
	case errors.Is(err, account.ErrNameTaken):
		return "This display name is taken.", true
	case errors.Is(err, account.ErrInvalidLogin):
		return "Your current password is not right.", true
	case errors.Is(err, account.ErrBadToken):
		return "This link is not valid any more. Ask for a new one.", true
	}
	return "", false
}

func (s *Server) verify(w http.ResponseWriter, r *http.Request) {
	_, err := s.accounts.Verify(r.Context(), r.URL.Query().Get("token"))
	if errors.Is(err, account.ErrBadToken) {
		s.showForm(w, r, http.StatusBadRequest, "Confirm your address", formPage{Heading: "Confirm your address",
			Error: "This link is not valid any more: it was used already or is too old.", Links: []linkView{{"/account", "Ask for a new one"}}})
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.showForm(w, r, http.StatusOK, "Confirm your address", formPage{Heading: "Address confirmed",
		Notice: "Thank you: your email address is confirmed.", Links: []linkView{{"/", "Go to the front page"}}})
}

func (s *Server) resetPage(w http.ResponseWriter, r *http.Request) {
	if token := r.URL.Query().Get("token"); token != "" {
		s.resetForm(w, r, http.StatusOK, token, "")
		return
	}
	s.showForm(w, r, http.StatusOK, "Reset your password", formPage{Heading: "Reset your password",
		Intro: "We mail you a link to choose a new password.",
		Forms: []formView{{Action: "/reset", CSRF: s.formToken(w, r), Submit: "Send the link", Fields: []fieldView{emailField("")}}}})
}

func (s *Server) resetForm(w http.ResponseWriter, r *http.Request, status int, token, msg string) {
	s.showForm(w, r, status, "Choose a new password", formPage{Heading: "Choose a new password", Error: msg,
		Forms: []formView{{Action: "/reset", CSRF: s.formToken(w, r), Submit: "Set the password",
			Hidden: []hiddenField{{"token", token}}, Fields: []fieldView{passwordField("password", "New password", "new-password")}}}})
}

// reset asks for a reset link, or sets the new password with one. Asking answers the same
// whether or not the address has an account.
func (s *Server) reset(w http.ResponseWriter, r *http.Request) {
	if !s.checkForm(r) {
		s.refuseForm(w)
		return
	}
	if !s.allow(w, limitCheck{s.limits.authIP, clientIP(r)}) {
		return
	}
	if token := r.PostFormValue("token"); token != "" {
		err := s.accounts.Reset(r.Context(), token, r.PostFormValue("password"))
		if msg, ok := accountMessage(err); ok {
			s.resetForm(w, r, http.StatusBadRequest, token, msg)
			return
		}
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		seeOther(w, r, "/login?"+url.Values{"reset": {"1"}}.Encode())
		return
	}
	if err := s.accounts.RequestReset(r.Context(), r.PostFormValue("email")); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.showForm(w, r, http.StatusOK, "Reset your password", formPage{Heading: "Check your mail",
		Notice: "If an account has this address, a link to choose a new password is on its way."})
}
