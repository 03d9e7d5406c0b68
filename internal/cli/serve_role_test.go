package cli

import (
	"context"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/config"
	"newsdesk/internal/store/storetest"
)

func roleApp(t *testing.T, env map[string]string) *app {
	t.Helper()
	cfg := loadConfig(t, env)
	a, err := newApp(t.Context(), &Env{Stderr: io.Discard, Getenv: func(string) string { return "" }}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// On SQLite only "all" runs: a web process would never learn of a worker's writes.
func TestServeRefusesSplitRolesOnSQLite(t *testing.T) {
	t.Parallel()
	if got := loadConfig(t, nil).Role; got != config.RoleAll {
		t.Errorf("default role %q, want %q", got, config.RoleAll)
	}
	for _, role := range []string{config.RoleWeb, config.RoleWorker} {
		a := roleApp(t, map[string]string{
			"NEWSDESK_DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "n.db"),
			"NEWSDESK_LISTEN":       "127.0.0.1:0",
			"NEWSDESK_ROLE":         role,
		})
		err := a.runRole(t.Context(), a.cfg.Role, func(string) { t.Errorf("role %s started on SQLite", role) })
		if !errors.Is(err, errSplitRoleOnSQLite) {
			t.Errorf("role %s on SQLite: %v, want errSplitRoleOnSQLite", role, err)
		}
	}
}

// What each role serves on its listen address, on PostgreSQL.
func TestServeRolesServe(t *testing.T) {
	t.Parallel()
	dsn := storetest.PostgresDSN(t)
	cases := []struct {
		role     string
		front    int // status of GET /
		healthz  int
		metricOK bool
	}{
		{config.RoleWorker, http.StatusNotFound, http.StatusOK, true},
		{config.RoleWeb, http.StatusOK, http.StatusOK, true},
	}
	for _, tc := range cases {
		t.Run(tc.role, func(t *testing.T) {
			a := roleApp(t, map[string]string{"NEWSDESK_DATABASE_URL": dsn, "NEWSDESK_LISTEN": "127.0.0.1:0", "NEWSDESK_ROLE": tc.role})
			ctx, cancel := context.WithCancel(t.Context())
			base := make(chan string, 1)
			done := make(chan error, 1)
			go func() { done <- a.runRole(ctx, a.cfg.Role, func(u string) { base <- u }) }()
			var u string
			select {
			case u = <-base:
			case err := <-done:
				t.Fatalf("role %s: %v", tc.role, err)
			}
			get := func(path string) (int, string) {
				resp, err := http.Get(u + path)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				b, _ := io.ReadAll(resp.Body)
				return resp.StatusCode, string(b)
			}
			if code, _ := get("/"); code != tc.front {
				t.Errorf("GET / = %d, want %d", code, tc.front)
			}
			if code, body := get("/healthz"); code != tc.healthz {
				t.Errorf("GET /healthz = %d %q, want %d", code, body, tc.healthz)
			}
			if code, body := get("/metrics"); code != http.StatusOK || strings.Contains(body, "go_goroutines") != tc.metricOK {
				t.Errorf("GET /metrics = %d, go_goroutines present %v, want %v", code, !tc.metricOK, tc.metricOK)
			}
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("shutdown: %v", err)
				}
			case <-time.After(30 * time.Second):
				t.Fatal("no shutdown within 30s")
			}
		})
	}
}
