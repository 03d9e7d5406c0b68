package config

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/llm"
)

func TestLLMOffByDefault(t *testing.T) {
	t.Parallel()
	c, err := load(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if lc, on := c.LLM(); on || lc.URL != "" {
		t.Fatalf("LLM on without a URL: %+v", lc)
	}
	// The table's defaults are package llm's own, so an unset variable means the same thing
	// to both.
	if c.LLMTimeout != llm.DefaultTimeout || c.LLMPerUserPerMinute != llm.DefaultPerUserPerMinute ||
		c.LLMPerIPPerMinute != llm.DefaultPerIPPerMinute || c.LLMCacheSize != llm.DefaultCacheSize ||
		c.LLMDailyBudget != 0 || c.LLMDailyRequests != 0 {
		t.Fatalf("LLM defaults: %+v", c)
	}
}

func TestLLMSettings(t *testing.T) {
	t.Parallel()
	keyFile := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(keyFile, []byte("sk-from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	base := map[string]string{"NEWSDESK_LLM_URL": "http://localhost:11434", "NEWSDESK_LLM_MODEL": "llama3.2"}
	with := func(kv ...string) map[string]string {
		env := map[string]string{}
		for k, v := range base {
			env[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			env[kv[i]] = kv[i+1]
		}
		return env
	}
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want llm.Config
	}{
		{"defaults", with(), nil, llm.Config{
			URL: "http://localhost:11434", Model: "llama3.2", Timeout: 45 * time.Second,
			PerUserPerMinute: 6, PerIPPerMinute: 10, CacheSize: 1000,
		}},
		{"everything set", with(
			"NEWSDESK_LLM_API_KEY", "sk-env", "NEWSDESK_LLM_TIMEOUT", "20s", "NEWSDESK_LLM_DAILY_BUDGET", "200000",
			"NEWSDESK_LLM_DAILY_REQUESTS", "500", "NEWSDESK_LLM_PER_USER_PER_MINUTE", "-1",
			"NEWSDESK_LLM_PER_IP_PER_MINUTE", "3", "NEWSDESK_LLM_CACHE_SIZE", "50",
		), nil, llm.Config{
			URL: "http://localhost:11434", Model: "llama3.2", APIKey: "sk-env", Timeout: 20 * time.Second,
			DailyBudget: 200000, DailyRequests: 500, PerUserPerMinute: -1, PerIPPerMinute: 3, CacheSize: 50,
		}},
		{"key file wins over the variable and is trimmed", with("NEWSDESK_LLM_API_KEY", "sk-env", "NEWSDESK_LLM_API_KEY_FILE", keyFile), nil, llm.Config{
			URL: "http://localhost:11434", Model: "llama3.2", APIKey: "sk-from-file", Timeout: 45 * time.Second,
			PerUserPerMinute: 6, PerIPPerMinute: 10, CacheSize: 1000,
		}},
		{"flags win", with(), []string{"--llm-model", "qwen2.5", "--llm-url", "https://api.example/v1"}, llm.Config{
			URL: "https://api.example/v1", Model: "qwen2.5", Timeout: 45 * time.Second,
			PerUserPerMinute: 6, PerIPPerMinute: 10, CacheSize: 1000,
		}},
		// llm reads a cache size of 0 as "the default"; the setting's 0 means no cache.
		{"cache off", with("NEWSDESK_LLM_CACHE_SIZE", "0"), nil, llm.Config{
			URL: "http://localhost:11434", Model: "llama3.2", Timeout: 45 * time.Second,
			PerUserPerMinute: 6, PerIPPerMinute: 10, CacheSize: -1,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := load(t, tt.env, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			got, on := c.LLM()
			if !on || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("LLM() = %+v, %v\nwant %+v", got, on, tt.want)
			}
		})
	}
}

func TestLLMValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"NEWSDESK_LLM_URL": "localhost:11434", "NEWSDESK_LLM_MODEL": "m"}, "NEWSDESK_LLM_URL"},
		{map[string]string{"NEWSDESK_LLM_URL": "ftp://models.example", "NEWSDESK_LLM_MODEL": "m"}, "http or https"},
		{map[string]string{"NEWSDESK_LLM_URL": "http://localhost:11434"}, "NEWSDESK_LLM_MODEL is empty"},
		{map[string]string{"NEWSDESK_LLM_TIMEOUT": "0s"}, "NEWSDESK_LLM_TIMEOUT"},
		{map[string]string{"NEWSDESK_LLM_TIMEOUT": "soon"}, "duration"},
		{map[string]string{"NEWSDESK_LLM_DAILY_BUDGET": "-5"}, "NEWSDESK_LLM_DAILY_BUDGET"},
		{map[string]string{"NEWSDESK_LLM_DAILY_REQUESTS": "many"}, "NEWSDESK_LLM_DAILY_REQUESTS"},
		{map[string]string{"NEWSDESK_LLM_PER_USER_PER_MINUTE": "0"}, "-1 for unlimited"},
		{map[string]string{"NEWSDESK_LLM_PER_IP_PER_MINUTE": "-2"}, "NEWSDESK_LLM_PER_IP_PER_MINUTE"},
		{map[string]string{"NEWSDESK_LLM_CACHE_SIZE": "-3"}, "NEWSDESK_LLM_CACHE_SIZE"},
		{map[string]string{"NEWSDESK_LLM_API_KEY_FILE": "/does/not/exist"}, "NEWSDESK_LLM_API_KEY_FILE"},
	}
	for _, tt := range tests {
		_, err := load(t, tt.env)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want it to mention %q", tt.env, err, tt.want)
		}
	}
}

// serve --help lists every LLM setting with its variable, and the key's _FILE variant.
func TestLLMFlagsInHelp(t *testing.T) {
	t.Parallel()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	Register(fs)
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	for _, want := range []string{"-llm-url", "NEWSDESK_LLM_URL", "-llm-model", "-llm-api-key", "NEWSDESK_LLM_API_KEY_FILE",
		"-llm-timeout", "-llm-daily-budget", "-llm-daily-requests", "-llm-per-user-per-minute", "-llm-per-ip-per-minute", "-llm-cache-size"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("help does not mention %s", want)
		}
	}
}
