package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSummarizeCommand(t *testing.T) {
	t.Parallel()
	input := `{"id":"a1","title":"Bridge reopens","text":"The Kingsway Bridge reopened to traffic on Monday after two years of repairs costing £40 million. Engineers replaced the deck and strengthened the towers. Scroll down for video. Drivers had faced long detours through the city centre while the bridge was closed."}
{"id":2,"text":"The council approved the new budget for the city library on Monday evening."}
{"id":"empty","text":""}
`
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, []byte(input), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
	if code := Run(context.Background(), env, []string{"summarize", path}); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d output lines, want 3:\n%s", len(lines), stdout.String())
	}
	var out []struct {
		ID        json.RawMessage `json:"id"`
		KeyPoints []string        `json:"key_points"`
	}
	for _, l := range lines {
		var o struct {
			ID        json.RawMessage `json:"id"`
			KeyPoints []string        `json:"key_points"`
		}
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("output line %q: %v", l, err)
		}
		out = append(out, o)
	}
	if string(out[0].ID) != `"a1"` || string(out[1].ID) != `2` {
		t.Errorf("ids not echoed as given: %s, %s", out[0].ID, out[1].ID)
	}
	if len(out[0].KeyPoints) == 0 || !strings.HasPrefix(out[0].KeyPoints[0], "The Kingsway Bridge reopened") {
		t.Errorf("first article's key points = %q", out[0].KeyPoints)
	}
	for _, p := range out[0].KeyPoints {
		if strings.Contains(p, "Scroll down") {
			t.Errorf("furniture in key points: %q", p)
		}
	}
	if len(out[1].KeyPoints) != 1 {
		t.Errorf("one-sentence article gave %q", out[1].KeyPoints)
	}
	if out[2].KeyPoints == nil || len(out[2].KeyPoints) != 0 || !strings.Contains(lines[2], `"key_points":[]`) {
		t.Errorf("empty article should give an empty list, got %s", lines[2])
	}
}

func TestSummarizeStdinAndErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
		wantErr  string
	}{
		{"stdin", []string{"summarize", "-n", "1", "-"}, `{"id":1,"text":"One sentence that is long enough to count as a point."}`, 0, ""},
		{"no file argument", []string{"summarize"}, "", 2, "Usage"},
		{"missing file", []string{"summarize", "/nonexistent/x.jsonl"}, "", 1, "no such file"},
		{"bad json", []string{"summarize", "-"}, `{"id":1,"text":`, 1, "record 1"},
		{"missing id", []string{"summarize", "-"}, `{"text":"x"}`, 1, "missing id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			env := &Env{Stdin: strings.NewReader(tt.stdin), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
			code := Run(context.Background(), env, tt.args)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.wantCode, stderr.String())
			}
			if tt.wantErr != "" && !strings.Contains(stderr.String(), tt.wantErr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.wantErr)
			}
			if tt.wantCode == 0 && !strings.Contains(stdout.String(), `"key_points":["One sentence`) {
				t.Errorf("stdout %q", stdout.String())
			}
		})
	}
}

func TestBenchSummarizeSmallCorpus(t *testing.T) {
	t.Parallel()
	corpus := `{"id":"x","text":"The mayor opened the new library on Monday. It has 40,000 books. Scroll down for video. Readers queued for hours.","summary":"Mayor opens new library with 40,000 books."}
`
	path := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(path, []byte(corpus), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
	if code := Run(context.Background(), env, []string{"bench", "summarize", "--corpus", path}); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	for _, want := range []string{"1 articles", "key points", "Lead-3", "ROUGE-1", "ROUGE-Lsum"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("bench output lacks %q:\n%s", want, stdout.String())
		}
	}
}
