package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestClusterCommand(t *testing.T) {
	t.Parallel()
	in := strings.Join([]string{
		`{"id":"a","title":"Scientists discover rings around asteroid Chariklo","publisher":"CNET","published":"2014-03-27"}`,
		`{"id":"b","title":"Ally Financial files for IPO that could raise $3 billion","published":"2014-03-27T01:00:00Z"}`,
		`{"id":"c","title":"Astronomers find first asteroid with rings, Chariklo","publisher":"LA Times","published":"2014-03-27","story":"x"}`,
		`{"id":7,"title":"Ally Financial IPO could raise $3 billion","published":"2014-03-27"}`,
	}, "\n") + "\n"
	// A day of unrelated headlines first, so that word weights mean something.
	var bg strings.Builder
	for i, title := range []string{"Honda recalls Odyssey minivans", "Walmart to buy back used video games",
		"Colon cancer rates drop", "Bank of England names deputy governor", "Diablo 3 auction house closes",
		"Kate Winslet gets Walk of Fame star", "Viacom and Google settle YouTube suit", "Fish tank bursts at Disney"} {
		fmt.Fprintf(&bg, `{"id":"bg%d","title":%q,"published":"2014-03-26"}`+"\n", i, title)
	}
	in = bg.String() + in
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, []byte(in), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
	if code := Run(context.Background(), env, []string{"cluster", path}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	type line struct {
		ID    json.RawMessage `json:"id"`
		Story int64           `json:"story"`
	}
	var got []line
	dec := json.NewDecoder(&stdout)
	for dec.More() {
		var l line
		if err := dec.Decode(&l); err != nil {
			t.Fatal(err)
		}
		got = append(got, l)
	}
	if len(got) != 12 {
		t.Fatalf("got %d lines, want 12", len(got))
	}
	got = got[8:]
	wantIDs := []string{`"a"`, `"b"`, `"c"`, `7`}
	if len(got) != len(wantIDs) {
		t.Fatalf("got %d lines, want %d", len(got), len(wantIDs))
	}
	for i, l := range got {
		if string(l.ID) != wantIDs[i] || l.Story == 0 {
			t.Errorf("line %d = %s %d, want id %s and a story", i, l.ID, l.Story, wantIDs[i])
		}
	}
	if got[0].Story != got[2].Story || got[1].Story != got[3].Story || got[0].Story == got[1].Story {
		t.Errorf("stories %d %d %d %d, want a,c together and b,7 together", got[0].Story, got[1].Story, got[2].Story, got[3].Story)
	}
}

func TestClusterCommandErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, input string
		args        []string
		code        int
	}{
		{"no file", "", []string{"cluster"}, 2},
		{"bad json", "{not json\n", []string{"cluster", "-"}, 1},
		{"bad date", `{"id":"a","title":"x","published":"yesterday"}` + "\n", []string{"cluster", "-"}, 1},
		{"missing file", "", []string{"cluster", "/nonexistent/x.jsonl"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			env := &Env{Stdin: strings.NewReader(tt.input), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
			if code := Run(context.Background(), env, tt.args); code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
		})
	}
}

func TestBenchClusterDemo(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
	if code := Run(context.Background(), env, []string{"bench", "cluster", "--demo"}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"53 full-text articles", "language declared", "language detected"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "mixed story") {
		t.Errorf("the demo groups articles of different stories:\n%s", out)
	}
}
