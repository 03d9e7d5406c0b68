package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/store"
)

func TestSignUpLoginLogout(t *testing.T) {
	t.Parallel()
	as := newAuthSite(t)
	b := as.browser(t)
	tok := b.csrf("/signup")
	r := b.do(http.MethodPost, "/signup", url.Values{"csrf": {tok}, "email": {"ann@example.org"}, "name": {"Ann"}, "password": {testPassword}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/account?welcome=1" {
		t.Fatalf("sign up: %d %q", r.status, r.header.Get("Location"))
	}
	cookies := r.header.Values("Set-Cookie")
	var session string
	for _, c := range cookies {
		if strings.HasPrefix(c, sessionCookie+"=") {
			session = c
		}
	}
	for _, want := range []string{"HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(session, want) {
			t.Errorf("session cookie %q lacks %s", session, want)
		}
	}
	if strings.Contains(session, "Secure") {
		t.Errorf("session cookie on plain HTTP is Secure: %q", session)
	}
	page := b.get("/account?welcome=1")
	if page.status != http.StatusOK || !strings.Contains(page.body, "Signed in as") || !strings.Contains(page.body, "Welcome!") {
		t.Fatalf("account page: %d\n%s", page.status, page.body)
	}
	// Signed-in pages are never the cached copy and never cacheable.
	art := b.get("/article/1")
	if art.header.Get("Cache-Control") != "no-store" || !strings.Contains(art.body, "Signed in as") {
		t.Fatalf("signed-in article page: Cache-Control %q", art.header.Get("Cache-Control"))
	}
	anon := as.get(t, "/article/1")
	if strings.Contains(anon.body, "Signed in as") || strings.Contains(anon.body, `name="csrf"`) {
		t.Fatal("anonymous article page shows personal bits")
	}
	if r := b.post("/logout", nil); r.status != http.StatusSeeOther {
		t.Fatalf("logout: %d", r.status)
	}
	if b.signedIn() {
		t.Fatal("session cookie survives logout")
	}
	if r := b.get("/account"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/login") {
		t.Fatalf("account after logout: %d %q", r.status, r.header.Get("Location"))
	}
}

func TestSignUpHoneypotCreatesNothing(t *testing.T) {
	t.Parallel()
	as := newAuthSite(t)
	b := as.browser(t)
	r := b.do(http.MethodPost, "/signup", url.Values{"csrf": {b.csrf("/signup")}, "email": {"bot@example.org"}, "name": {"Bot"},
		"password": {testPassword}, honeypotField: {"https://spam.example"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("honeypot sign-up: %d", r.status)
	}
	if _, err := as.db.UserByEmailKey(t.Context(), "bot@example.org"); err == nil {
		t.Fatal("a filled honeypot created an account")
	}
}

func TestLoginWrongPassword(t *testing.T) {
	t.Parallel()
	as := newAuthSite(t)
	u := as.user(t, "bea", store.RoleReader, false)
	b := as.browser(t)
	r := b.login(u.Email, "not-the-password-at-all")
	if r.status != http.StatusUnauthorized || !strings.Contains(r.body, "Wrong email or password.") {
		t.Fatalf("wrong password: %d", r.status)
	}
	if b.signedIn() {
		t.Fatal("signed in with a wrong password")
	}
}

// TestLoginBruteForce: five attempts a minute per address; the sixth is 429 with
// Retry-After, even with the right password.
func TestLoginBruteForce(t *testing.T) {
	t.Parallel()
	as := newAuthSite(t)
	u := as.user(t, "cyd", store.RoleReader, false)
	b := as.browser(t)
	for i := 1; i <= 5; i++ {
		if r := b.login(u.Email, "guess-number-"+string(rune('a'+i))); r.status != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i, r.status)
		}
	}
	r := b.login(u.Email, testPassword)
	if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") == "" {
		t.Fatalf("6th attempt: %d, Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
	// Another address is limited per account too: the same email from elsewhere waits.
	as.advance(61 * 1e9)
	if r := b.login(u.Email, testPassword); r.status != http.StatusSeeOther {
		t.Fatalf("after a minute: %d", r.status)
	}
}

// TestSessionFixation: a session cookie the browser had before login (planted, or from an
// earlier sign-in) is not the one it has after, and the old one is dead.
func TestSessionFixation(t *testing.T) {
	t.Parallel()
	as := newAuthSite(t)
	u := as.user(t, "deena", store.RoleReader, false)
	b := as.signIn(t, u)
	before := b.cookie(sessionCookie)
	if r := b.login(u.Email, testPassword); r.status != http.StatusSeeOther {
		t.Fatalf("second login: %d", r.status)
	}
	after := b.cookie(sessionCookie)
	if after == "" || after == before {
		t.Fatalf("session token not rotated at login: before %q after %q", before, after)
	}
	if _, err := as.acc.Session(t.Context(), before); err == nil {
		t.Fatal("the pre-login session still works")
	}
	// An attacker plants the token of a session of their own in the victim's browser; the
	// victim signs in and gets a token of their own, and the attacker's is ended.
	mallory := as.signIn(t, as.user(t, "mallory", store.RoleReader, false))
	planted := mallory.cookie(sessionCookie)
	victim := as.browser(t)
	base, _ := url.Parse(as.url)
	victim.c.Jar.SetCookies(base, []*http.Cookie{{Name: sessionCookie, Value: planted, Path: "/"}})
	if r := victim.login(u.Email, testPassword); r.status != http.StatusSeeOther {
		t.Fatalf("victim login: %d", r.status)
	}
	got := victim.cookie(sessionCookie)
	if got == planted || got == "" {
		t.Fatalf("planted cookie kept: %q", got)
	}
	if who, err := as.acc.Session(t.Context(), got); err != nil || who.ID != u.ID {
		t.Fatalf("victim's new session is %v, %v", who.ID, err)
	}
	if _, err := as.acc.Session(t.Context(), planted); err == nil {
		t.Fatal("the planted session still works")
	}
}

// TestCSRF: cross-origin POSTs are refused before the handler; same-origin ones without
// the right form token are refused by it.
func TestCSRF(t *testing.T) {
	t.Parallel()
	as := newAuthSite(t)
	u := as.user(t, "eve", store.RoleReader, false)
	b := as.signIn(t, u)
	tok := b.csrf("/account")
	form := func(csrf string) url.Values {
		return url.Values{"csrf": {csrf}, "kind": {"article"}, "target": {"1"}, "body": {"hello there"}, "back": {"/article/1"}}
	}
	cases := []struct {
		name    string
		csrf    string
		headers []string
		want    int
	}{
		{"other site by Sec-Fetch-Site", tok, []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
		{"other origin", tok, []string{"Origin", "https://evil.example"}, http.StatusForbidden},
		{"missing token", "", nil, http.StatusForbidden},
		{"wrong token", "AAAA" + tok[4:], nil, http.StatusForbidden},
		{"another session's token", as.signIn(t, as.user(t, "fay", store.RoleReader, false)).csrf("/account"), nil, http.StatusForbidden},
		{"same origin, right token", tok, []string{"Sec-Fetch-Site", "same-origin"}, http.StatusSeeOther},
	}
	for _, c := range cases {
		r := b.do(http.MethodPost, "/comments", form(c.csrf), c.headers...)
		if r.status != c.want {
			t.Errorf("%s: %d, want %d", c.name, r.status, c.want)
		}
	}
	n, err := as.db.CountUserComments(t.Context(), u.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d comments stored, want the one with the right token", n)
	}
	// Anonymous forms are bound to the pre-session cookie.
	anon := as.browser(t)
	if r := anon.do(http.MethodPost, "/login", url.Values{"email": {u.Email}, "password": {testPassword}}); r.status != http.StatusForbidden {
		t.Errorf("login without token: %d", r.status)
	}
}

func TestVerifyAndReset(t *testing.T) {
	t.Parallel()
	as := newAuthSite(t)
	u := as.user(t, "gail", store.RoleReader, false)
	b := as.browser(t)
	verify := as.mail.link(t, u.Email)
	if r := b.get(verify); r.status != http.StatusOK || !strings.Contains(r.body, "Address confirmed") {
		t.Fatalf("verify: %d", r.status)
	}
	if r := b.get(verify); r.status != http.StatusBadRequest {
		t.Fatalf("verify link used twice: %d", r.status)
	}
	// Asking for a reset says the same for a known and an unknown address.
	known := b.do(http.MethodPost, "/reset", url.Values{"csrf": {b.csrf("/reset")}, "email": {u.Email}})
	unknown := b.do(http.MethodPost, "/reset", url.Values{"csrf": {b.csrf("/reset")}, "email": {"nobody@example.org"}})
	if known.status != http.StatusOK || unknown.status != known.status || !strings.Contains(unknown.body, "If an account has this address") {
		t.Fatalf("reset request: %d vs %d", known.status, unknown.status)
	}
	link := as.mail.link(t, u.Email)
	token := strings.TrimPrefix(link, "/reset?token=")
	if r := b.get(link); r.status != http.StatusOK || !strings.Contains(r.body, `name="token"`) {
		t.Fatalf("reset form: %d", r.status)
	}
	const next = "amber-quay-signal-launch-58"
	weak := b.do(http.MethodPost, "/reset", url.Values{"csrf": {b.csrf(link)}, "token": {mustUnescape(t, token)}, "password": {"password"}})
	if weak.status != http.StatusBadRequest || !strings.Contains(weak.body, "Choose another password") {
		t.Fatalf("weak reset password: %d", weak.status)
	}
	r := b.do(http.MethodPost, "/reset", url.Values{"csrf": {b.csrf(link)}, "token": {mustUnescape(t, token)}, "password": {next}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("reset: %d\n%s", r.status, r.body)
	}
	as.advance(time.Minute) // the sign-in, sign-up and reset forms share five tries a minute per address
	if r := b.login(u.Email, testPassword); r.status != http.StatusUnauthorized {
		t.Fatalf("old password after reset: %d", r.status)
	}
	if r := b.login(u.Email, next); r.status != http.StatusSeeOther {
		t.Fatalf("new password after reset: %d", r.status)
	}
	// Change it back from the account page, then delete the account.
	if r := b.post("/account/password", url.Values{"current": {next}, "password": {testPassword}}); r.status != http.StatusSeeOther {
		t.Fatalf("change password: %d", r.status)
	}
	if r := b.post("/account/delete", url.Values{"password": {"wrong-password-here"}}); r.status != http.StatusBadRequest {
		t.Fatalf("delete with a wrong password: %d", r.status)
	}
	if r := b.post("/account/delete", url.Values{"password": {testPassword}}); r.status != http.StatusSeeOther || b.signedIn() {
		t.Fatalf("delete: %d, still signed in %v", r.status, b.signedIn())
	}
	if r := b.login(u.Email, testPassword); r.status != http.StatusUnauthorized {
		t.Fatalf("login to a deleted account: %d", r.status)
	}
}

func mustUnescape(t *testing.T, s string) string {
	t.Helper()
	v, err := url.QueryUnescape(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
