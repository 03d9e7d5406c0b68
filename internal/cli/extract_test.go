package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func extractTestPage(n int) string {
	return fmt.Sprintf(`<html><head><title>Story %d | Site</title><meta property="og:site_name" content="Site"></head>
<body><article><h1>Story %d</h1><p>%s</p><p>%s</p></article></body></html>`, n, n,
		strings.Repeat(fmt.Sprintf("Paragraph of story %d with plain sentences in it. ", n), 4),
		strings.Repeat("A second paragraph, also long enough to be prose. ", 3))
}

func runExtractCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	code = Run(context.Background(), env, args)
	return out.String(), errb.String(), code
}

func TestExtractCommandSingle(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "page.html")
	if err := os.WriteFile(file, []byte(extractTestPage(1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"extract", "--url", "https://site.example/a", file}, {"extract", "--url", "https://site.example/a", "-"}} {
		out, errs, code := runExtractCLI(t, extractTestPage(1), args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		var a map[string]any
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatalf("%v: output is not one JSON object: %v\n%s", args, err, out)
		}
		for _, k := range []string{"url", "title", "byline", "language", "image", "site_name", "text", "html"} {
			if _, ok := a[k]; !ok {
				t.Errorf("%v: field %q missing", args, k)
			}
		}
		if a["title"] != "Story 1" || !strings.Contains(a["text"].(string), "Paragraph of story 1") {
			t.Errorf("%v: wrong article: %v", args, a)
		}
	}
	if _, _, code := runExtractCLI(t, "", "extract"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
}

// TestExtractCommandBatch checks relative and gzip paths, an error line for a missing page,
// and that output keeps input order.
func TestExtractCommandBatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var manifest strings.Builder
	const n = 12
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("p%d.html", i)
		data := []byte(extractTestPage(i))
		if i%2 == 1 {
			name += ".gz"
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(data)
			zw.Close()
			data = buf.Bytes()
		}
		if err := os.MkdirAll(filepath.Join(dir, "pages"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "pages", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&manifest, "{\"id\":\"id%d\",\"url\":\"https://site.example/%d\",\"path\":\"pages/%s\"}\n", i, i, name)
	}
	manifest.WriteString(`{"id":"missing","url":"https://site.example/x","path":"pages/nope.html"}` + "\n")
	mpath := filepath.Join(dir, "manifest.jsonl")
	if err := os.WriteFile(mpath, []byte(manifest.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runExtractCLI(t, "", "extract", "--batch", mpath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != n+1 {
		t.Fatalf("got %d lines, want %d", len(lines), n+1)
	}
	for i, l := range lines {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if i == n {
			if r["id"] != "missing" || r["error"] == nil || r["text"] != nil {
				t.Errorf("missing page line: %v", r)
			}
			continue
		}
		if r["id"] != fmt.Sprintf("id%d", i) || r["title"] != fmt.Sprintf("Story %d", i) {
			t.Errorf("line %d out of order or wrong: id=%v title=%v", i, r["id"], r["title"])
		}
	}
}

// TestBenchExtractMetadata runs the metadata benchmark on the demo publishers and checks
// that it reports every page and meets the targets there.
func TestBenchExtractMetadata(t *testing.T) {
	t.Parallel()
	out, errs, code := runExtractCLI(t, "", "bench", "extract", "--metadata", "--corpus", filepath.Join(t.TempDir(), "absent"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	targets := map[string]float64{"title exact": 0.90, "date (day)": 0.92, "byline": 0.75}
	found := 0
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		name := strings.Join(f[:len(f)-4], " ")
		target, ok := targets[name]
		if !ok {
			continue
		}
		found++
		var pages, right int
		var acc float64
		fmt.Sscan(f[len(f)-4], &pages)
		fmt.Sscan(f[len(f)-3], &right)
		fmt.Sscan(f[len(f)-2], &acc)
		if pages < 50 || acc < target {
			t.Errorf("%s: %d pages, accuracy %.4f, target %.2f", name, pages, acc, target)
		}
	}
	if found != len(targets) {
		t.Errorf("found %d of %d metadata rows:\n%s", found, len(targets), out)
	}
	if !strings.Contains(out, "no JSON-LD agreement figures") {
		t.Errorf("absent corpus not reported:\n%s", out)
	}
}
