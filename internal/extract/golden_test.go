package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata golden files")

// TestGolden extracts each testdata page and compares the article with x.json-golden.
// Run `go test ./internal/extract -run TestGolden -update` after an intended change and
// review the diff.
func TestGolden(t *testing.T) {
	t.Parallel()
	pages, err := filepath.Glob("testdata/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no golden pages: %v", err)
	}
	ex := New(Options{})
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			body, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			a, err := ex.Extract(context.Background(), body, "text/html", "https://news.example/"+name)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(a); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(page, ".html") + ".json-golden"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create): %v", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("article differs from %s\n--- got\n%s\n--- want\n%s", golden, got.String(), want)
			}
		})
	}
}
