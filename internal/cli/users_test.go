package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"newsdesk/internal/store"
)

func TestUsersCreateAdmin(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "u.db")
	const pw = "violet-harbour-lantern-93"
	code, stdout, stderr := runCLI(t, pw+"\n", nil, "users", "create-admin", "--email", "Root@Example.org", "--name", "Chief Editor", "--db", db)
	if code != 0 || !strings.Contains(stdout, "created admin Chief Editor <Root@Example.org>") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// From a file, a second admin; the same address again is refused.
	file := writeTemp(t, "pw", pw+"\r\n")
	if code, _, stderr := runCLI(t, "", nil, "users", "create-admin", "--email", "ed@example.org", "--name", "Night Editor", "--password-file", file, "--db", db); code != 0 {
		t.Fatalf("password file: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, pw+"\n", nil, "users", "create-admin", "--email", "root@example.org", "--name", "Other Name", "--db", db); code != 1 || !strings.Contains(stderr, "exists") {
		t.Fatalf("duplicate: exit %d, %s", code, stderr)
	}
	st, err := store.Open(context.Background(), db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.UserByEmailKey(context.Background(), "root@example.org")
	if err != nil || u.Role != store.RoleAdmin || u.VerifiedAt.IsZero() {
		t.Fatalf("stored user %+v, %v", u, err)
	}
	if n, err := st.CountUsersWithRole(context.Background(), store.RoleAdmin); err != nil || n != 2 {
		t.Fatalf("%d admins, %v", n, err)
	}
}

func TestUsersCreateAdminRefuses(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "u.db")
	cases := []struct {
		name, stdin string
		args        []string
		code        int
		want        string
	}{
		{"no email", "x\n", []string{"--name", "Chief Editor"}, 2, "Usage"},
		{"no password", "", []string{"--email", "a@example.org", "--name", "Chief Editor"}, 1, "no password"},
		{"weak password", "password\n", []string{"--email", "a@example.org", "--name", "Chief Editor"}, 1, "weak password"},
		{"unknown command", "", nil, 1, "unknown users command"},
	}
	for _, c := range cases {
		args := append([]string{"users", "create-admin"}, c.args...)
		if c.name == "unknown command" {
			args = []string{"users", "promote"}
		}
		code, _, stderr := runCLI(t, c.stdin, nil, append(args, "--db", db)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q", c.name, code, stderr)
		}
	}
}
