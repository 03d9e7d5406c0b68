package cli

import (
	"bytes"
	"io"
	"maps"
	"regexp"
	"strings"
	"testing"
)

// A short run at low rates prints the header, the backlog line, one line per window and
// the summary. Timing figures are not checked: they depend on the machine.
func TestBenchLoadPrintsWindowsAndSummary(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	env := &Env{Stdout: &out, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	args := []string{"--duration", "3s", "--interval", "1s", "--rps", "20", "--rate", "5",
		"--publishers", "3", "--backlog", "2", "--hosts", "1", "--clients", "4"}
	if err := benchLoad(t.Context(), env, args); err != nil {
		t.Fatalf("bench load: %v\n%s", err, out.String())
	}
	text := out.String()
	window := regexp.MustCompile(`(?m)^t=\S+\s+articles=\d+\s+req/s=\d+\s+errors=\d+ non2xx=\d+ dropped=\d+ p50=\S+\s+p99=\S+\s+rss=\d+MiB heap=\d+MiB$`)
	if n := len(window.FindAllString(text, -1)); n < 2 {
		t.Errorf("%d window lines, want at least 2:\n%s", n, text)
	}
	for _, want := range []string{"bench load: sqlite database", "backlog: 6 articles ingested", "total: ", "rss: first "} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if !regexp.MustCompile(`(?m)^total: \d+ requests in .* errors 0, non-2xx 0,`).MatchString(text) {
		t.Errorf("summary reports failed requests at 20 req/s:\n%s", text)
	}
}

// The mix keeps the kinds' weights and refuses an unknown kind.
func TestBenchLoadMixSlots(t *testing.T) {
	t.Parallel()
	cases := []struct {
		pages   string
		counts  map[string]int
		wantErr bool
	}{
		{"front,article,story,search", map[string]int{"front": 6, "article": 8, "story": 3, "search": 3}, false},
		{"article, search", map[string]int{"article": 8, "search": 3}, false},
		{"front,comments", nil, true},
	}
	for _, tc := range cases {
		slots, err := mixSlots(tc.pages)
		if (err != nil) != tc.wantErr {
			t.Errorf("mixSlots(%q) error %v, want error %t", tc.pages, err, tc.wantErr)
			continue
		}
		got := map[string]int{}
		for _, s := range slots {
			got[s]++
		}
		if !tc.wantErr && !maps.Equal(got, tc.counts) {
			t.Errorf("mixSlots(%q) = %v, want %v", tc.pages, got, tc.counts)
		}
	}
}
