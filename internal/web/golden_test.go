package web

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden pages in testdata/")

// assetHash is blanked in golden pages so that a stylesheet edit does not rewrite them all.
var assetHash = regexp.MustCompile(`(/static/[a-z0-9-]+)\.[0-9a-f]{12}\.`)

// TestGoldenPages compares whole rendered pages with testdata/*.golden.html. Run
// `go test ./internal/web -run Golden -update` after an intended template change and review
// the diff.
func TestGoldenPages(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	pages := map[string]string{
		"front":     "/",
		"article":   "/article/1",
		"publisher": "/publisher/2",
		"sources":   "/sources",
		"not_found": "/article/999",
		"story":     "/story/100",
		"tag":       "/tag/Port%20Aldridge",
		"ask":       "/article/1/ask?q=When+does+work+start%3F",
	}
	for name, path := range pages {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := assetHash.ReplaceAllString(ts.get(t, path).body, "$1.HASH.")
			file := filepath.Join("testdata", name+".golden.html")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s; run with -update and review the diff\ngot:\n%s", path, file, got)
			}
		})
	}
}
