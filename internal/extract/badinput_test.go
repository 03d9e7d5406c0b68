package extract

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestBadInput checks that hostile or broken pages give a clear error or a best-effort
// article, within time and memory bounds.
func TestBadInput(t *testing.T) {
	para := "<p>" + strings.Repeat("Plain words of an ordinary article paragraph, nothing special at all. ", 3) + "</p>"
	huge := bytes.Repeat([]byte(para), 50<<20/len(para)+1) // > 50 MB
	cases := []struct {
		name    string
		body    []byte
		ctype   string
		wantErr error // nil: a result is expected
	}{
		{"empty", nil, "", ErrEmpty},
		{"png", append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 100)...), "", ErrNotHTML},
		{"binary", []byte("\x00\x01\x02\x03garbage\x00\xff\xfe"), "", ErrNotHTML},
		{"gzip not decoded", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), "", ErrNotHTML},
		{"plain text", []byte("Just some words, no markup at all, but long enough to be something a reader might read."), "", nil},
		{"no body", []byte("<html><head><title>Only a head</title></head></html>"), "", nil},
		{"fragment", []byte(para + para), "", nil},
		{"deep nesting", []byte(strings.Repeat("<div>", 100000) + para), "", ErrTooDeep},
		{"deep inline nesting", []byte(strings.Repeat("<span>", 100000) + para), "", ErrTooDeep},
		{"invalid utf-8", []byte("<html><head><meta charset=utf-8></head><body>" + para + "\xff\xfe\xc3(" + para + "</body></html>"), "text/html; charset=utf-8", nil},
		{"unknown charset", []byte("<html><head><meta charset=x-klingon></head><body>" + para + "</body></html>"), "", nil},
		{"utf-16 bom", append([]byte("\xff\xfe"), utf16le("<html><body>"+para+"</body></html>")...), "", nil},
		{"huge", huge, "text/html", nil},
	}
	ex := New(Options{})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			a, err := ex.Extract(context.Background(), tc.body, tc.ctype, "https://news.example/x")
			elapsed := time.Since(start)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Errorf("err = %v, want %v", err, tc.wantErr)
				}
			} else if err != nil && !errors.Is(err, ErrNoText) {
				t.Errorf("err = %v, want a best-effort result", err)
			}
			if a != nil && !utf8.ValidString(a.Text) {
				t.Errorf("text is not valid UTF-8")
			}
			// Bounds documented in docs/extraction.md: input is cut at MaxInputBytes, so even a
			// 50 MB page allocates a bounded amount and finishes in seconds on a slow core.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<30 {
				t.Errorf("allocated %d MB", alloc>>20)
			}
			if elapsed > 20*time.Second {
				t.Errorf("took %v", elapsed)
			}
		})
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestDecodeCharsets(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, ctype string
		body        []byte
		want        string
	}{
		{"header latin1", "text/html; charset=ISO-8859-1", []byte("<p>caf\xe9</p>"), "<p>café</p>"},
		{"meta latin1", "", []byte("<meta charset=\"iso-8859-1\"><p>caf\xe9</p>"), "café"},
		{"meta late in head", "", append(append([]byte("<head>"), bytes.Repeat([]byte(" "), 3000)...), []byte("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>")...), "Привет"},
		{"undeclared utf-8", "", []byte("<p>café</p>"), "café"},
		{"undeclared latin1", "", []byte("<p>caf\xe9</p>"), "café"},
		{"mislabelled utf-8", "text/html; charset=iso-8859-1", []byte("<p>café</p>"), "café"},
		{"bom", "text/html; charset=iso-8859-1", []byte("\xef\xbb\xbf<p>café</p>"), "café"},
		{"shift_jis", "text/html; charset=Shift_JIS", []byte("<p>\x93\xfa\x96\x7b</p>"), "日本"},
	}
	for _, tc := range cases {
		got, err := decode(tc.body, tc.ctype)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !strings.Contains(string(got), tc.want) {
			t.Errorf("%s: decode = %q, want it to contain %q", tc.name, got, tc.want)
		}
	}
}

// FuzzExtract feeds arbitrary bytes to the extractor: it must not panic, must return valid
// UTF-8, and must stay within its input bound.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.html")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b, "text/html")
		}
	}
	for _, s := range []string{
		"", "<", "<html><body><p>x</p>", "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":[[[]]]}</script>",
		"<time datetime='9999-99-99'>", "<meta charset=utf-16><p>a</p>", "<figure><figure><img src=x></figure>",
		"<ul><li><ul><li>a</ul></ul><blockquote><pre>b</pre></blockquote>", "<a href='javascript:x'>y</a>",
	} {
		f.Add([]byte(s), "text/html; charset=utf-8")
	}
	ex := New(Options{})
	f.Fuzz(func(t *testing.T, body []byte, ctype string) {
		a, err := ex.Extract(context.Background(), body, ctype, "https://news.example/fuzz")
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.HTML) || !utf8.ValidString(a.Title) {
			t.Fatalf("invalid UTF-8 in %+v", a)
		}
		// A byte of a legacy charset decodes to at most three bytes of UTF-8 (an undefined
		// windows-1252 byte becomes U+FFFD): text may grow that much, never more.
		if len(a.Text) > 3*len(body)+64 {
			t.Fatalf("text longer than its page: %d > %d", len(a.Text), len(body))
		}
	})
}
