package feed

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// fixedNow is what undated items get in golden files.
var fixedNow = time.Date(2025, 1, 15, 12, 0, 0, 0, time.UTC)

// TestParseGolden parses every fixture under testdata/ and compares the result, or the error,
// with the .golden file beside it. Run with -update to rewrite them after a deliberate change.
func TestParseGolden(t *testing.T) {
	t.Parallel()
	inputs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for _, in := range inputs {
		if strings.HasSuffix(in, ".golden") || !(strings.HasSuffix(in, ".xml") || strings.HasSuffix(in, ".json")) {
			continue
		}
		n++
		t.Run(filepath.Base(in), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := goldenOutput(t, data)
			golden := in + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\n%s", in, golden, got)
			}
		})
	}
	if n < 10 {
		t.Fatalf("found only %d fixtures", n)
	}
}

func goldenOutput(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := Parse(data, Options{BaseURL: "https://fetched.example.net/feeds/main.xml", Now: fixedNow})
	if err != nil {
		return []byte("error: " + err.Error() + "\n")
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		data string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \n\t ", ErrEmpty},
		{"bom only", "\xef\xbb\xbf", ErrEmpty},
		{"html", "<!doctype html><html><body>hi</body></html>", ErrNotFeed},
		{"html without doctype", "<html><head><title>x</title></head></html>", ErrNotFeed},
		{"xhtml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`, ErrNotFeed},
		{"other xml", `<?xml version="1.0"?><sitemap><url/></sitemap>`, ErrUnknownFormat},
		{"plain text", "hello world", ErrUnknownFormat},
		{"json not a feed", `{"error": "not found"}`, ErrUnknownFormat},
		{"broken json", `{"version": "https://jsonfeed.org/version/1.1", "items": [`, ErrMalformed},
		{"items null", `{"version":"https://jsonfeed.org/version/1","items":[null]}`, ErrMalformed},
		{"truncated rss", `<rss version="2.0"><channel><title>x</title><item><title>y`, ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse([]byte(tt.data), Options{Now: fixedNow})
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse() = %v, %v; want error %v", f, err, tt.want)
			}
		})
	}
}
