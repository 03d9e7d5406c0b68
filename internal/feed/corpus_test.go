package feed

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir holds real news pages (see /work/shared/corpora/README.md); never copied here.
const corpusDir = "../../../shared/corpora/extraction-aeb"

// TestDiscoverCorpus runs Discover over real publishers' article pages and checks the
// promises that hold for any page: absolute http(s) URLs, no duplicates, no WordPress API
// links, and no comment feeds among guesses. It skips when the corpus is absent.
func TestDiscoverCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test skipped in -short mode")
	}
	truthData, err := os.ReadFile(filepath.Join(corpusDir, "ground-truth.json"))
	if err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	var truth map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(truthData, &truth); err != nil {
		t.Fatal(err)
	}
	pages, withFeeds, advertised, guessed := 0, 0, 0, 0
	for id, meta := range truth {
		page, err := readGzip(filepath.Join(corpusDir, "html", id+".html.gz"))
		if err != nil {
			continue
		}
		pages++
		links := Discover(page, meta.URL)
		if len(links) > 0 {
			withFeeds++
		}
		seen := map[string]bool{}
		for _, l := range links {
			if parseBase(l.URL) == nil {
				t.Errorf("%s: not an absolute http(s) URL: %q", id, l.URL)
			}
			if seen[l.URL] {
				t.Errorf("%s: duplicate %q", id, l.URL)
			}
			seen[l.URL] = true
			if strings.Contains(l.URL, "/wp-json/") {
				t.Errorf("%s: WordPress API link returned: %q", id, l.URL)
			}
			if l.Type == "" {
				guessed++
				if strings.Contains(strings.ToLower(l.URL), "comment") {
					t.Errorf("%s: comment feed guessed: %q", id, l.URL)
				}
			} else {
				advertised++
			}
		}
		if IsFeed(page, "text/html") {
			t.Errorf("%s: an HTML page sniffed as a feed", id)
		}
		if _, err := Parse(page, Options{BaseURL: meta.URL}); err == nil {
			t.Errorf("%s: an HTML page parsed as a feed", id)
		}
	}
	if pages == 0 {
		t.Skip("no corpus pages readable")
	}
	t.Logf("%d pages: %d with feeds (%d advertised links, %d guessed from <a>)", pages, withFeeds, advertised, guessed)
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	_, err = io.Copy(&buf, zr)
	return buf.Bytes(), err
}
