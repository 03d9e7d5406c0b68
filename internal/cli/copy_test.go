package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/store"
	"newsdesk/internal/store/storetest"
)

func TestCopyCommandLine(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "missing.db")
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no target", []string{"copy", "--from", "sqlite:x.db"}, 2, "Usage: newsdesk copy"},
		{"target not PostgreSQL", []string{"copy", "--from", "x.db", "--to", "sqlite:y.db"}, 1, "--to must be a postgres:// URL"},
		{"source PostgreSQL", []string{"copy", "--from", "postgres://h/db", "--to", "postgres://h/db2"}, 1, "--from must be a SQLite database"},
		{"source missing", []string{"copy", "--from", "sqlite:" + missing, "--to", "postgres://127.0.0.1:1/db"}, 1, "no such file"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
		if code := Run(context.Background(), env, tt.args); code != tt.code || !strings.Contains(stderr.String(), tt.msg) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tt.name, code, stderr.String(), tt.code, tt.msg)
		}
	}
}

func TestCopyCommand(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "site.db")
	src, err := store.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	p, err := src.EnsurePublisher(ctx, store.Publisher{Name: "The Daily", HomeURL: "https://daily.example/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"https://daily.example/a", "https://daily.example/b"} {
		if _, _, err := src.AddArticle(ctx, store.Article{PublisherID: p.ID, URL: u, Title: u, Published: time.Now(), Fetched: time.Now()}, 0, nil); err != nil {
			t.Fatal(err)
		}
	}
	src.Close()

	var stdout, stderr bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string {
		if k == "NEWSDESK_COPY_TO" {
			return dsn
		}
		return ""
	}}
	if code := Run(ctx, env, []string{"copy", "--from", "sqlite:" + path}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	// Not a terminal: one plain line per table, no carriage returns or escapes.
	if strings.ContainsAny(stderr.String(), "\r\033") || !strings.Contains(stderr.String(), "publishers") || !strings.Contains(stderr.String(), "2/2 100%") {
		t.Errorf("progress on a pipe: %q", stderr.String())
	}
	if !strings.Contains(stdout.String(), "copied 3 rows") || !strings.Contains(stdout.String(), "river_") {
		t.Errorf("summary: %q", stdout.String())
	}
	// Again: refused without --force, and with it nothing is copied twice.
	stdout.Reset()
	stderr.Reset()
	if code := Run(ctx, env, []string{"copy", "--from", path}); code != 1 || !strings.Contains(stderr.String(), "not empty") {
		t.Errorf("second copy: exit %d, %q", code, stderr.String())
	}
	if code := Run(ctx, env, []string{"copy", "--from", path, "--force"}); code != 0 || !strings.Contains(stdout.String(), "copied 0 rows") {
		t.Errorf("forced copy: exit %d, %q %q", code, stdout.String(), stderr.String())
	}
}
