package cli

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestBenchServeOutput runs the serving benchmark small and short and checks that it
// printed a parsable line for each target with requests served and none failed. Timings
// are not asserted: they depend on the machine.
func TestBenchServeOutput(t *testing.T) {
	var stdout, stderr bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(string) string { return "" }, Logger: slog.New(slog.DiscardHandler)}
	db := filepath.Join(t.TempDir(), "serve.db")
	args := []string{"--articles", "2000", "--duration", "1s", "--conns", "20", "--db", db}
	if err := benchServe(context.Background(), env, args); err != nil {
		t.Fatalf("bench serve: %v\nstderr: %s", err, stderr.String())
	}
	line := regexp.MustCompile(`(?m)^(\w+)\s+requests (\d+)  errors (\d+)  (\d+) req/s  p50 ([\d.]+) ms  p99 ([\d.]+) ms  ([\d.]+)x static$`)
	got := map[string]bool{}
	for _, m := range line.FindAllStringSubmatch(stdout.String(), -1) {
		got[m[1]] = true
		if n, _ := strconv.Atoi(m[2]); n == 0 {
			t.Errorf("%s: no requests completed", m[1])
		}
		if m[3] != "0" {
			t.Errorf("%s: %s requests failed", m[1], m[3])
		}
		if p50, _ := strconv.ParseFloat(m[5], 64); p50 <= 0 {
			t.Errorf("%s: p50 %s ms", m[1], m[5])
		}
	}
	for _, name := range []string{"static", "front", "article"} {
		if !got[name] {
			t.Errorf("no result line for %s in:\n%s", name, stdout.String())
		}
	}
	if !strings.Contains(stdout.String(), "generated 2000 articles") {
		t.Errorf("generation line missing:\n%s", stdout.String())
	}
}
