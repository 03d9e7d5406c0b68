package llm

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestConfigFromEnv(t *testing.T) {
	t.Parallel()
	keyFile := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(keyFile, []byte("  from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		env     map[string]string
		ok      bool
		wantErr bool
		check   func(c Config) bool
	}{
		{name: "off without URL", env: map[string]string{EnvModel: "llama3"}},
		{name: "minimal", ok: true, env: map[string]string{EnvURL: "http://localhost:11434", EnvModel: "llama3.2"},
			check: func(c Config) bool { return c.Model == "llama3.2" && c.APIKey == "" && c.Timeout == 0 }},
		{name: "everything", ok: true, env: map[string]string{
			EnvURL: " https://api.openai.com/v1 ", EnvModel: "gpt-4o-mini", EnvAPIKey: "sk-env", EnvTimeout: "20s",
			EnvDailyBudget: "200000", EnvDailyRequests: "500", EnvPerUserPerMinute: "3", EnvPerIPPerMinute: "-1", EnvCacheSize: "50"},
			check: func(c Config) bool {
				return c.URL == "https://api.openai.com/v1" && c.APIKey == "sk-env" && c.Timeout == 20*time.Second &&
					c.DailyBudget == 200000 && c.DailyRequests == 500 && c.PerUserPerMinute == 3 && c.PerIPPerMinute == -1 && c.CacheSize == 50
			}},
		{name: "key file wins", ok: true, env: map[string]string{EnvURL: "http://h", EnvModel: "m", EnvAPIKey: "sk-env", EnvAPIKeyFile: keyFile},
			check: func(c Config) bool { return c.APIKey == "from-file" }},
		{name: "missing key file", wantErr: true, env: map[string]string{EnvURL: "http://h", EnvModel: "m", EnvAPIKeyFile: keyFile + ".missing"}},
		{name: "no model", wantErr: true, env: map[string]string{EnvURL: "http://h"}},
		{name: "bad URL", wantErr: true, env: map[string]string{EnvURL: "localhost:11434", EnvModel: "m"}},
		{name: "bad timeout", wantErr: true, env: map[string]string{EnvURL: "http://h", EnvModel: "m", EnvTimeout: "soon"}},
		{name: "negative budget", wantErr: true, env: map[string]string{EnvURL: "http://h", EnvModel: "m", EnvDailyBudget: "-5"}},
		{name: "bad number", wantErr: true, env: map[string]string{EnvURL: "http://h", EnvModel: "m", EnvCacheSize: "lots"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, ok, err := ConfigFromEnv(func(k string) string { return tc.env[k] })
			if (err != nil) != tc.wantErr || ok != tc.ok {
				t.Fatalf("ok %v err %v; want ok %v, error %v", ok, err, tc.ok, tc.wantErr)
			}
			if tc.check != nil && !tc.check(c) {
				t.Errorf("config %+v", c)
			}
		})
	}
}

func TestConfigDefaults(t *testing.T) {
	t.Parallel()
	c := Config{Timeout: 5 * time.Second}.withDefaults()
	if c.FirstTokenTimeout != 5*time.Second || c.PerUserPerMinute != DefaultPerUserPerMinute || c.CacheSize != DefaultCacheSize || c.Now == nil {
		t.Errorf("defaults %+v", c)
	}
}
