package feed

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks the promises Parse makes on any input: no panic, and on success valid UTF-8
// text, UTC dates, and GUIDs that are never empty when a link exists.
// Run with: go test ./internal/feed -fuzz FuzzParse -fuzztime 60s
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*")
	for _, p := range paths {
		if strings.HasSuffix(p, ".golden") {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data, Options{BaseURL: "https://example.com/feed", Now: fixedNow})
		if err != nil {
			return
		}
		if !utf8.ValidString(feed.Title) {
			t.Errorf("title not UTF-8: %q", feed.Title)
		}
		for _, it := range feed.Items {
			if !utf8.ValidString(it.Title) || !utf8.ValidString(it.Summary) {
				t.Errorf("item text not UTF-8: %q", it.Title)
			}
			if it.Published.Location().String() != "UTC" || it.Published.IsZero() {
				t.Errorf("published %v not UTC or zero", it.Published)
			}
			if it.Link != "" && it.GUID == "" {
				t.Errorf("item %q has a link but no GUID", it.Link)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"rss20.xml", "atom10.xml", "jsonfeed11.json", "iso8859-1.xml"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse(data, Options{Now: fixedNow}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseLarge parses a generated 500-item RSS feed with HTML descriptions, about the
// size of a busy news site's full-content feed.
func BenchmarkParseLarge(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title><link>https://big.example.com/</link>`)
	for i := range 500 {
		fmt.Fprintf(&sb, `<item><title>Story number %d about the city &amp; the council</title><link>/news/%d</link><pubDate>Mon, 02 Jan 2006 15:04:05 GMT</pubDate><description><![CDATA[<p>%s</p>]]></description><content:encoded><![CDATA[<p>%s</p><p>%s</p>]]></content:encoded></item>`,
			i, i, strings.Repeat("Lead paragraph words. ", 20), strings.Repeat("Body text of the article. ", 60), strings.Repeat("More body. ", 40))
	}
	sb.WriteString(`</channel></rss>`)
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		f, err := Parse(data, Options{Now: fixedNow})
		if err != nil || len(f.Items) != 500 {
			b.Fatal(err)
		}
	}
}
