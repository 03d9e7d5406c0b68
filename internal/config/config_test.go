package config

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func load(t *testing.T, env map[string]string, args ...string) (*Config, error) {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := Register(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return f.Load(func(k string) string { return env[k] })
}

func TestDefaults(t *testing.T) {
	t.Parallel()
	c, err := load(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Listen != "127.0.0.1:8080" || c.DatabaseURL != filepath.Join("data", "newsdesk.db") || c.FetchMaxBody != 10<<20 || c.MinRefresh != 5*time.Minute {
		t.Fatalf("defaults: %+v", c)
	}
	if c.BaseURL != "http://127.0.0.1:8080" {
		t.Fatalf("base URL %q", c.BaseURL)
	}
}

func TestPrecedence(t *testing.T) {
	t.Parallel()
	secret := filepath.Join(t.TempDir(), "db")
	if err := os.WriteFile(secret, []byte("sqlite:/srv/news.db\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want func(*Config) bool
	}{
		{"env over default", map[string]string{"NEWSDESK_LISTEN": "0.0.0.0:9000"}, nil, func(c *Config) bool { return c.Listen == "0.0.0.0:9000" }},
		{"flag over env", map[string]string{"NEWSDESK_LISTEN": "0.0.0.0:9000"}, []string{"--listen", "127.0.0.1:1"}, func(c *Config) bool { return c.Listen == "127.0.0.1:1" }},
		{"secret from file", map[string]string{"NEWSDESK_DATABASE_URL": "x.db", "NEWSDESK_DATABASE_URL_FILE": secret}, nil, func(c *Config) bool { return c.DatabaseURL == "sqlite:/srv/news.db" }},
		{"allow list", map[string]string{"NEWSDESK_FETCH_ALLOW": "127.0.0.1:8081, localhost:9"}, nil, func(c *Config) bool {
			return len(c.FetchAllow) == 2 && c.FetchAllow[1] == "localhost:9"
		}},
	}
	for _, tt := range tests {
		c, err := load(t, tt.env, tt.args...)
		if err != nil || !tt.want(c) {
			t.Errorf("%s: %+v, %v", tt.name, c, err)
		}
	}
}

func TestValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"NEWSDESK_LISTEN": "nonsense"}, "NEWSDESK_LISTEN"},
		{map[string]string{"NEWSDESK_WORKERS": "0"}, "NEWSDESK_WORKERS"},
		{map[string]string{"NEWSDESK_FETCH_TIMEOUT": "forever"}, "duration"},
		{map[string]string{"NEWSDESK_FETCH_ALLOW": "10.0.0.1"}, "host:port"},
		{map[string]string{"NEWSDESK_MIN_REFRESH": "2h", "NEWSDESK_MAX_REFRESH": "1h"}, "longer than"},
		{map[string]string{"NEWSDESK_DATABASE_URL_FILE": "/does/not/exist"}, "_FILE"},
	}
	for _, tt := range tests {
		_, err := load(t, tt.env)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want it to mention %q", tt.env, err, tt.want)
		}
	}
}

func TestSetDefaults(t *testing.T) {
	t.Parallel()
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	f := Register(fs)
	f.SetDefaults(map[string]string{"db": "./data/demo.db", "poll-interval": "2s"})
	_ = fs.Parse(nil)
	c, err := f.Load(func(k string) string {
		if k == "NEWSDESK_POLL_INTERVAL" {
			return "3s"
		}
		return ""
	})
	if err != nil || c.DatabaseURL != "./data/demo.db" || c.PollInterval != 3*time.Second {
		t.Fatalf("%+v, %v", c, err)
	}
}
