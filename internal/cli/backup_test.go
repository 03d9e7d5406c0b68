package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsdesk/internal/store"
)

func TestBackupCommand(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "site.db")
	st, err := store.Open(ctx, db, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsurePublisher(ctx, store.Publisher{Name: "The Daily", HomeURL: "https://daily.example/"}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	out := filepath.Join(dir, "backup.db")
	tests := []struct {
		name string
		args []string
		code int
		msg  string // in stdout on success, stderr otherwise
	}{
		{"backup", []string{"backup", "--db", db, "--to", out}, 0, "backed up " + db + " to " + out},
		{"existing file", []string{"backup", "--db", db, "--to", out}, 1, "already exists"},
		{"no --to", []string{"backup", "--db", db}, 2, "Usage: newsdesk backup"},
		{"no database", []string{"backup", "--db", filepath.Join(dir, "none.db"), "--to", filepath.Join(dir, "b2.db")}, 1, "no such file"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
		code := Run(ctx, env, tt.args)
		got := stdout.String()
		if code != 0 {
			got = stderr.String()
		}
		if code != tt.code || !strings.Contains(got, tt.msg) {
			t.Errorf("%s: exit %d, %q; want %d and %q", tt.name, code, got, tt.code, tt.msg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("backing up a missing database created it")
	}
	b, err := store.Open(ctx, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if pubs, err := b.Publishers(ctx); err != nil || len(pubs) != 1 {
		t.Errorf("publishers in the backup: %v, %v", pubs, err)
	}
}
