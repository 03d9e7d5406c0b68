package web

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"newsdesk/internal/account"
	"newsdesk/internal/comment"
	"newsdesk/internal/store"
)

// authSite is a test site with accounts and comments on a real SQLite database; the
// articles and stories still come from the fake store.
type authSite struct {
	*testSite
	db   *store.Store
	acc  *account.Service
	com  *comment.Service
	mail *mailbox
}

// mailbox keeps the mail the account service sends.
type mailbox struct {
	mu   sync.Mutex
	msgs []account.Message
}

func (m *mailbox) Send(_ context.Context, msg account.Message) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.msgs = append(m.msgs, msg)
	return nil
}

// link returns the path and query of the link in the last mail to addr.
func (m *mailbox) link(t *testing.T, addr string) string {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := len(m.msgs) - 1; i >= 0; i-- {
		if m.msgs[i].To != addr {
			continue
		}
		for _, f := range strings.Fields(m.msgs[i].Body) {
			if u, err := url.Parse(f); err == nil && u.Host == "newsdesk.test" {
				return u.RequestURI()
			}
		}
	}
	t.Fatalf("no link mailed to %s", addr)
	return ""
}

// testParams make argon2id cheap: tests sign in hundreds of times.
var testParams = account.Params{Time: 1, Memory: 1024, Threads: 1, SaltLen: 16, KeyLen: 32}

const testPassword = "violet-harbour-lantern-93"

func newAuthSite(t *testing.T) *authSite {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "accounts.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	as := &authSite{db: db, mail: &mailbox{}}
	as.testSite = newTestSite(t, func(c *Config) {
		as.acc, err = account.New(account.Config{Store: db, Now: c.Now, Params: testParams, BaseURL: "http://newsdesk.test", Mailer: as.mail})
		if err != nil {
			t.Fatal(err)
		}
		as.com, err = comment.New(comment.Config{Store: db, Now: c.Now})
		if err != nil {
			t.Fatal(err)
		}
		c.Accounts, c.Comments, c.Admin = as.acc, as.com, db
	})
	return as
}

// user creates an account with role; blocked blocks it for good.
func (as *authSite) user(t *testing.T, name, role string, blocked bool) store.User {
	t.Helper()
	ctx := context.Background()
	u, err := as.acc.SignUp(ctx, name+"@example.org", name, testPassword)
	if err != nil {
		t.Fatalf("sign up %s: %v", name, err)
	}
	if role != store.RoleReader {
		if err := as.db.SetUserRole(ctx, u.ID, role, store.Audit{ActorID: u.ID, Action: "test.role"}); err != nil {
			t.Fatal(err)
		}
	}
	if blocked {
		if err := as.db.SetUserBlock(ctx, u.ID, store.BlockedForGood, "test", store.Audit{ActorID: u.ID, Action: "test.block"}); err != nil {
			t.Fatal(err)
		}
	}
	u.Role = role
	return u
}

// browser is a client with a cookie jar that does not follow redirects.
type browser struct {
	t    *testing.T
	base string
	c    *http.Client
}

func (as *authSite) browser(t *testing.T) *browser {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &browser{t: t, base: as.url, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) do(method, path string, form url.Values, headers ...string) response {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(b.t.Context(), method, b.base+path, body)
	if err != nil {
		b.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		b.t.Fatal(err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: string(data)}
}

func (b *browser) get(path string) response { b.t.Helper(); return b.do(http.MethodGet, path, nil) }

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf reads a form token from a page that shows forms to this browser.
func (b *browser) csrf(path string) string {
	b.t.Helper()
	r := b.get(path)
	m := csrfRe.FindStringSubmatch(r.body)
	if m == nil {
		b.t.Fatalf("GET %s (%d): no form token", path, r.status)
	}
	return m[1]
}

// post sends form with the token a signed-in browser's account page shows, or the login
// page's for an anonymous one.
func (b *browser) post(path string, form url.Values) response {
	b.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if !form.Has("csrf") {
		from := "/account"
		if !b.signedIn() {
			from = "/login"
		}
		form.Set("csrf", b.csrf(from))
	}
	return b.do(http.MethodPost, path, form)
}

func (b *browser) cookie(name string) string {
	u, _ := url.Parse(b.base)
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

func (b *browser) signedIn() bool { return b.cookie(sessionCookie) != "" }

func (b *browser) login(email, password string) response {
	b.t.Helper()
	from := "/login"
	if b.signedIn() {
		from = "/account" // /login sends a signed-in reader on
	}
	return b.do(http.MethodPost, "/login", url.Values{"csrf": {b.csrf(from)}, "email": {email}, "password": {password}})
}

// signIn logs u in and fails the test when that does not work.
func (as *authSite) signIn(t *testing.T, u store.User) *browser {
	t.Helper()
	b := as.browser(t)
	if r := b.login(u.Email, testPassword); r.status != http.StatusSeeOther {
		t.Fatalf("login %s: %d\n%s", u.Email, r.status, r.body)
	}
	return b
}
