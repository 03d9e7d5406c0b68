package account

import (
	"context"
	"errors"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"newsdesk/internal/store"
)

// memMailer keeps what it is asked to send.
type memMailer struct {
	mu   sync.Mutex
	sent []Message
}

func (m *memMailer) Send(_ context.Context, msg Message) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, msg)
	return nil
}

// lastToken is the token of the newest mailed link.
func (m *memMailer) lastToken(t *testing.T) string {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.sent) == 0 {
		t.Fatal("no mail sent")
	}
	body := m.sent[len(m.sent)-1].Body
	i := strings.Index(body, "https://news.example/")
	if i < 0 {
		t.Fatalf("no link in %q", body)
	}
	link, _, _ := strings.Cut(body[i:], "\n")
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("token")
}

type fixture struct {
	svc   *Service
	st    *store.Store
	clock *fakeClock
	mail  *memMailer
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "a.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	f := fixture{st: st, clock: newFakeClock(), mail: &memMailer{}}
	f.svc, err = New(Config{Store: st, Mailer: f.mail, Now: f.clock.Now, BaseURL: "https://news.example/", Params: testParams})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

const annPassword = "tangerine kettle 42"

func (f fixture) signUp(t *testing.T, email, name string) store.User {
	t.Helper()
	u, err := f.svc.SignUp(context.Background(), email, name, annPassword)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestSignUp(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	u := f.signUp(t, "Ann@Example.org", "  Ann  Smith ")
	if u.DisplayName != "Ann Smith" || u.Role != store.RoleReader || !u.VerifiedAt.IsZero() || u.PasswordHash == annPassword {
		t.Fatalf("signed up %+v", u)
	}
	if len(f.mail.sent) != 1 || f.mail.sent[0].To != "Ann@Example.org" {
		t.Fatalf("verification mail %+v", f.mail.sent)
	}
	tests := []struct {
		email, name, password string
		want                  error
	}{
		{"ann@example.org", "Someone Else", annPassword, ErrEmailTaken},
		{"other@example.org", "ann smith", annPassword, ErrNameTaken},
		{"other@example.org", "Ann.Smith", annPassword, ErrNameTaken},
		{"not an email", "Someone", annPassword, ErrInvalidEmail},
	}
	for _, tt := range tests {
		if _, err := f.svc.SignUp(ctx, tt.email, tt.name, tt.password); !errors.Is(err, tt.want) {
			t.Errorf("SignUp(%q, %q): %v, want %v", tt.email, tt.name, err, tt.want)
		}
	}
	var pe *PolicyError
	if _, err := f.svc.SignUp(ctx, "bob@example.org", "Bob", "password1"); !errors.As(err, &pe) {
		t.Errorf("weak password: %v", err)
	}
	var ne *NameError
	if _, err := f.svc.SignUp(ctx, "bob@example.org", "admin", annPassword); !errors.As(err, &ne) {
		t.Errorf("reserved name: %v", err)
	}
}

func TestLoginRotatesSessions(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	ann := f.signUp(t, "ann@example.org", "Ann")

	if _, _, err := f.svc.Login(ctx, "ann@example.org", "wrong password!", ""); !errors.Is(err, ErrInvalidLogin) {
		t.Fatalf("wrong password: %v", err)
	}
	if _, _, err := f.svc.Login(ctx, "nobody@example.org", annPassword, ""); !errors.Is(err, ErrInvalidLogin) {
		t.Fatalf("unknown email: %v", err)
	}
	first, u, err := f.svc.Login(ctx, " ANN@example.org ", annPassword, "")
	if err != nil || u.ID != ann.ID {
		t.Fatalf("login: %+v, %v", u, err)
	}
	// An attacker plants a token of their own session in the victim's browser; logging
	// in ends it and hands out a new one.
	planted, _, _ := f.svc.Login(ctx, "ann@example.org", annPassword, "")
	second, _, err := f.svc.Login(ctx, "ann@example.org", annPassword, planted)
	if err != nil {
		t.Fatal(err)
	}
	if second == planted || second == first || len(second) < 40 {
		t.Fatalf("login did not issue a fresh token: %q", second)
	}
	if _, err := f.svc.Session(ctx, planted); !errors.Is(err, ErrNoSession) {
		t.Fatalf("planted token still signs in: %v", err)
	}
	for _, tok := range []string{first, second} {
		if got, err := f.svc.Session(ctx, tok); err != nil || got.ID != ann.ID {
			t.Fatalf("session %q: %+v, %v", tok, got, err)
		}
	}
	// The database holds hashes only.
	if _, err := f.st.Session(ctx, second); !errors.Is(err, store.ErrNotFound) {
		t.Fatal("the raw token is a key in the sessions table")
	}
	if err := f.svc.Logout(ctx, second); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Session(ctx, second); !errors.Is(err, ErrNoSession) {
		t.Fatalf("after logout: %v", err)
	}
	for _, tok := range []string{"", "garbage"} {
		if _, err := f.svc.Session(ctx, tok); !errors.Is(err, ErrNoSession) {
			t.Fatalf("session %q: %v", tok, err)
		}
	}
}

func TestSessionExpiry(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	f.signUp(t, "ann@example.org", "Ann")
	tok, _, err := f.svc.Login(ctx, "ann@example.org", annPassword, "")
	if err != nil {
		t.Fatal(err)
	}
	// Used every 20 days, the session slides past the 30-day idle limit…
	for range 4 {
		f.clock.Advance(20 * 24 * time.Hour)
		if _, err := f.svc.Session(ctx, tok); err != nil {
			t.Fatalf("active session ended at %v: %v", f.clock.Now(), err)
		}
	}
	// …but not past the 90-day maximum.
	f.clock.Advance(11 * 24 * time.Hour)
	if _, err := f.svc.Session(ctx, tok); !errors.Is(err, ErrNoSession) {
		t.Fatalf("session older than 90 days: %v", err)
	}
	idle, _, _ := f.svc.Login(ctx, "ann@example.org", annPassword, "")
	f.clock.Advance(30 * 24 * time.Hour)
	if _, err := f.svc.Session(ctx, idle); !errors.Is(err, ErrNoSession) {
		t.Fatalf("session idle 30 days: %v", err)
	}
}

func TestChangePasswordEndsOtherSessions(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	f.signUp(t, "ann@example.org", "Ann")
	here, _, _ := f.svc.Login(ctx, "ann@example.org", annPassword, "")
	there, _, _ := f.svc.Login(ctx, "ann@example.org", annPassword, "")
	var pe *PolicyError
	if err := f.svc.ChangePassword(ctx, here, annPassword, "short"); !errors.As(err, &pe) {
		t.Fatalf("weak new password: %v", err)
	}
	if err := f.svc.ChangePassword(ctx, here, "not the password", "a brand new secret"); !errors.Is(err, ErrInvalidLogin) {
		t.Fatalf("wrong current password: %v", err)
	}
	if err := f.svc.ChangePassword(ctx, here, annPassword, "a brand new secret"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Session(ctx, here); err != nil {
		t.Fatalf("the session that changed the password ended: %v", err)
	}
	if _, err := f.svc.Session(ctx, there); !errors.Is(err, ErrNoSession) {
		t.Fatalf("other session survived: %v", err)
	}
	if _, _, err := f.svc.Login(ctx, "ann@example.org", annPassword, ""); !errors.Is(err, ErrInvalidLogin) {
		t.Fatalf("old password still works: %v", err)
	}
	if _, _, err := f.svc.Login(ctx, "ann@example.org", "a brand new secret", ""); err != nil {
		t.Fatalf("new password: %v", err)
	}
}

func TestVerifyAndResetTokens(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	ann := f.signUp(t, "ann@example.org", "Ann")

	// Verification: single use.
	vt := f.mail.lastToken(t)
	u, err := f.svc.Verify(ctx, vt)
	if err != nil || u.VerifiedAt.IsZero() {
		t.Fatalf("verify: %+v, %v", u, err)
	}
	if _, err := f.svc.Verify(ctx, vt); !errors.Is(err, ErrBadToken) {
		t.Fatalf("verify twice: %v", err)
	}
	if err := f.svc.RequestVerify(ctx, ann.ID); err != nil || len(f.mail.sent) != 1 {
		t.Fatalf("verified account mailed again: %v, %d mails", err, len(f.mail.sent))
	}

	// Reset: unknown addresses are silently ignored.
	if err := f.svc.RequestReset(ctx, "nobody@example.org"); err != nil || len(f.mail.sent) != 1 {
		t.Fatalf("reset for unknown address: %v, %d mails", err, len(f.mail.sent))
	}
	session, _, _ := f.svc.Login(ctx, "ann@example.org", annPassword, "")
	if err := f.svc.RequestReset(ctx, "Ann@Example.org"); err != nil {
		t.Fatal(err)
	}
	rt := f.mail.lastToken(t)
	var pe *PolicyError
	if err := f.svc.Reset(ctx, rt, "123456789012"); !errors.As(err, &pe) {
		t.Fatalf("weak reset password: %v", err)
	}
	if err := f.svc.Reset(ctx, rt, "fresh marmalade 7"); err != nil {
		t.Fatalf("reset after a refused password: %v", err)
	}
	if err := f.svc.Reset(ctx, rt, "fresh marmalade 8"); !errors.Is(err, ErrBadToken) {
		t.Fatalf("reset twice: %v", err)
	}
	if _, err := f.svc.Session(ctx, session); !errors.Is(err, ErrNoSession) {
		t.Fatalf("session survived a reset: %v", err)
	}
	if _, _, err := f.svc.Login(ctx, "ann@example.org", "fresh marmalade 7", ""); err != nil {
		t.Fatalf("login with reset password: %v", err)
	}

	// Expiry: a reset link lasts an hour.
	if err := f.svc.RequestReset(ctx, "ann@example.org"); err != nil {
		t.Fatal(err)
	}
	late := f.mail.lastToken(t)
	f.clock.Advance(time.Hour)
	if err := f.svc.Reset(ctx, late, "another fine secret"); !errors.Is(err, ErrBadToken) {
		t.Fatalf("expired reset link: %v", err)
	}
	if err := f.svc.Reset(ctx, "made-up", "another fine secret"); !errors.Is(err, ErrBadToken) {
		t.Fatalf("made-up token: %v", err)
	}
}

func TestDeleteAccount(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	ann := f.signUp(t, "ann@example.org", "Ann")
	tok, _, _ := f.svc.Login(ctx, "ann@example.org", annPassword, "")
	if err := f.svc.DeleteAccount(ctx, tok, "wrong password!"); !errors.Is(err, ErrInvalidLogin) {
		t.Fatalf("delete with wrong password: %v", err)
	}
	if err := f.svc.DeleteAccount(ctx, tok, annPassword); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Session(ctx, tok); !errors.Is(err, ErrNoSession) {
		t.Fatalf("session of a deleted account: %v", err)
	}
	if _, _, err := f.svc.Login(ctx, "ann@example.org", annPassword, ""); !errors.Is(err, ErrInvalidLogin) {
		t.Fatalf("login to a deleted account: %v", err)
	}
	log, _ := f.st.AuditLog(ctx, store.AuditFilter{TargetKind: "user", TargetID: ann.ID})
	if len(log) != 1 || log[0].Action != "user.delete" || log[0].ActorID != ann.ID {
		t.Fatalf("audit %+v", log)
	}
}

func TestRoles(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	admin, err := f.svc.CreateAdmin(ctx, "root@example.org", "Chief Editor", annPassword)
	if err != nil || admin.Role != store.RoleAdmin || admin.VerifiedAt.IsZero() {
		t.Fatalf("create admin: %+v, %v", admin, err)
	}
	bob := f.signUp(t, "bob@example.org", "Bob")
	if err := f.svc.SetRole(ctx, bob, admin.ID, store.RoleReader, ""); !errors.Is(err, ErrForbidden) {
		t.Fatalf("reader demoting admin: %v", err)
	}
	if err := f.svc.SetRole(ctx, admin, admin.ID, store.RoleReader, ""); !errors.Is(err, ErrLastAdmin) {
		t.Fatalf("last admin demoting themselves: %v", err)
	}
	if err := f.svc.SetRole(ctx, admin, bob.ID, store.RoleModerator, "helps a lot"); err != nil {
		t.Fatal(err)
	}
	bob, _ = f.st.User(ctx, bob.ID)
	log, _ := f.st.AuditLog(ctx, store.AuditFilter{TargetKind: "user", TargetID: bob.ID})
	if len(log) != 1 || log[0].ActorID != admin.ID || !strings.Contains(log[0].Detail, "reader → moderator") {
		t.Fatalf("audit %+v", log)
	}
	deleted := bob
	deleted.DeletedAt = time.Now()
	matrix := []struct {
		name string
		u    store.User
		want []string // roles held
	}{
		{"anonymous", store.User{}, nil},
		{"reader", store.User{ID: 9, Role: store.RoleReader}, []string{store.RoleReader}},
		{"moderator", bob, []string{store.RoleReader, store.RoleModerator}},
		{"admin", admin, []string{store.RoleReader, store.RoleModerator, store.RoleAdmin}},
		{"deleted moderator", deleted, nil},
	}
	for _, m := range matrix {
		for _, role := range []string{store.RoleReader, store.RoleModerator, store.RoleAdmin, "superuser"} {
			if got, want := HasRole(m.u, role), slices.Contains(m.want, role); got != want {
				t.Errorf("%s has %s: %v, want %v", m.name, role, got, want)
			}
		}
		if CanModerate(m.u) != slices.Contains(m.want, store.RoleModerator) {
			t.Errorf("%s: CanModerate wrong", m.name)
		}
	}
}
