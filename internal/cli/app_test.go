package cli

import (
	"bytes"
	"flag"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"newsdesk/internal/config"
)

func loadConfig(t *testing.T, env map[string]string) *config.Config {
	t.Helper()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	flags := config.Register(fs)
	if err := fs.Parse(nil); err != nil {
		t.Fatal(err)
	}
	cfg, err := flags.Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// newLLM builds the service exactly when a URL is configured, and its log line names the
// endpoint's host without the credentials a URL may carry.
func TestNewLLM(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))

	svc, err := newLLM(loadConfig(t, nil), log)
	if err != nil || svc != nil {
		t.Fatalf("off: %v, %v", svc, err)
	}
	if !strings.Contains(logs.String(), "built-in only") {
		t.Errorf("off: log %q", logs.String())
	}

	logs.Reset()
	svc, err = newLLM(loadConfig(t, map[string]string{
		"NEWSDESK_LLM_URL": "http://reader:s3cret@127.0.0.1:11434", "NEWSDESK_LLM_MODEL": "llama3.2",
	}), log)
	if err != nil || svc == nil {
		t.Fatalf("on: %v, %v", svc, err)
	}
	// Its counters register on a registry and read as metrics.
	reg := prometheus.NewRegistry()
	reg.MustRegister(llmMetrics(svc)...)
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range families {
		names[f.GetName()] = true
	}
	for _, want := range []string{"newsdesk_llm_calls_total", "newsdesk_llm_fallbacks_total", "newsdesk_llm_tokens_today"} {
		if !names[want] {
			t.Errorf("metric %s missing from %v", want, names)
		}
	}
	if got := logs.String(); !strings.Contains(got, "host=127.0.0.1:11434") || !strings.Contains(got, "model=llama3.2") || strings.Contains(got, "s3cret") {
		t.Errorf("on: log %q", got)
	}
}
