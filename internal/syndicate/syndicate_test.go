package syndicate

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/feed"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sample has the text a writer must escape: markup, ampersands, quotes, a control character
// XML cannot carry, and non-Latin script.
func sample() Feed {
	t0 := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	return Feed{
		Title:       `Newsdesk — "Harbour" & <Port>`,
		Description: "Stories tagged Harbour",
		Home:        "https://news.example/tag/Harbour",
		Language:    "en",
		Author:      "Newsdesk",
		Items: []Item{
			{
				ID: "https://news.example/article/2", Link: "https://news.example/article/2",
				External: "https://daily.example/2026/11/vote?a=1&b=2",
				Title:    `Council votes <b>yes</b> on "harbour" & pier`, Summary: "Tom & Jerry's <script>alert(1)</script> vote\x01ends",
				Author: "Jane Roe", Publisher: "The Daily", ImageURL: "https://daily.example/i.jpg?w=1&h=2",
				Published: t0, Updated: t0.Add(time.Hour), Categories: []string{"Harbour", "Politics & Power"},
			},
			{
				ID: "https://news.example/article/1", Link: "https://news.example/article/1",
				External: "https://wire.example/1", Title: "Ελλάδα: λιμάνι 港口", Publisher: "Wire",
				Published: t0.Add(-2 * time.Hour),
			},
		},
	}
}

func TestWriteParsesBack(t *testing.T) {
	t.Parallel()
	for _, format := range Formats {
		t.Run(string(format), func(t *testing.T) {
			t.Parallel()
			f := sample()
			self := "https://news.example/tag/Harbour/" + string(format)
			var buf bytes.Buffer
			if err := Write(&buf, f, format, self); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", string(format)), buf.Bytes())

			got, err := feed.Parse(buf.Bytes(), feed.Options{BaseURL: self})
			if err != nil {
				t.Fatalf("parse back: %v\n%s", err, buf.String())
			}
			wantFormat := map[Format]string{RSS: "rss", Atom: "atom", JSON: "json"}[format]
			if !strings.HasPrefix(got.Format, wantFormat) {
				t.Errorf("format %q, want %s", got.Format, wantFormat)
			}
			// RSS and Atom carry text as escaped HTML, which readers (feed.Parse among them)
			// decode once: the text must come back exactly, less the control character XML
			// cannot carry. JSON Feed titles are plain text by its spec, and feed.Parse reads
			// them as HTML anyway, so those are checked on the JSON itself.
			texts := got
			if format == JSON {
				texts = decodeJSONFeed(t, buf.Bytes())
			}
			if texts.Title != f.Title || got.Link != f.Home {
				t.Errorf("feed title %q link %q", texts.Title, got.Link)
			}
			if len(got.Items) != len(f.Items) || len(texts.Items) != len(f.Items) {
				t.Fatalf("%d items, want %d", len(got.Items), len(f.Items))
			}
			for i, it := range got.Items {
				want := f.Items[i]
				if texts.Items[i].Title != want.Title || it.Link != want.Link || it.GUID != want.ID {
					t.Errorf("item %d: title %q link %q guid %q", i, texts.Items[i].Title, it.Link, it.GUID)
				}
				if !it.Published.Equal(want.Published) {
					t.Errorf("item %d published %v, want %v", i, it.Published, want.Published)
				}
			}
			first := got.Items[0]
			if want := strings.ReplaceAll(f.Items[0].Summary, "\x01", ""); texts.Items[0].Summary != want {
				t.Errorf("summary %q, want %q", texts.Items[0].Summary, want)
			}
			if first.Author != "Jane Roe" {
				t.Errorf("author %q", first.Author)
			}
			if first.ImageURL != "https://daily.example/i.jpg?w=1&h=2" {
				t.Errorf("image %q", first.ImageURL)
			}
			if strings.Join(first.Categories, "|") != "Harbour|Politics & Power" {
				t.Errorf("categories %q", first.Categories)
			}
			if format != JSON { // XML must be well formed by encoding/xml's strict reading too
				d := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
				for {
					if _, err := d.Token(); err != nil {
						if err.Error() != "EOF" {
							t.Fatalf("not well formed: %v", err)
						}
						break
					}
				}
			}
		})
	}
}

func TestWriteEmptyFeed(t *testing.T) {
	t.Parallel()
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, Feed{Title: "Nothing yet", Home: "https://news.example/"}, format, "https://news.example/"+string(format)); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		// feed.Parse refuses feeds without items as empty; the document must still say
		// what it is.
		if _, err := feed.Parse(buf.Bytes(), feed.Options{}); err != nil && !errors.Is(err, feed.ErrEmpty) {
			t.Errorf("%s: %v\n%s", format, err, buf.String())
		}
	}
	if err := Write(&bytes.Buffer{}, Feed{}, Format("feed.txt"), ""); !errors.Is(err, ErrUnknownFormat) {
		t.Fatalf("unknown format: %v", err)
	}
}

func TestAlternates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		base, path string
		want       []string
	}{
		{"https://news.example/", "/", []string{"https://news.example/feed.xml", "https://news.example/feed.atom", "https://news.example/feed.json"}},
		{"https://news.example", "/story/12", []string{"https://news.example/story/12/feed.xml", "https://news.example/story/12/feed.atom", "https://news.example/story/12/feed.json"}},
		{"https://news.example/sub", "/tag/AC%2FDC", []string{"https://news.example/sub/tag/AC%2FDC/feed.xml", "https://news.example/sub/tag/AC%2FDC/feed.atom", "https://news.example/sub/tag/AC%2FDC/feed.json"}},
	}
	for _, tt := range tests {
		alts := Alternates(tt.base, tt.path, "T")
		if len(alts) != len(tt.want) {
			t.Fatalf("%s: %d alternates", tt.path, len(alts))
		}
		for i, a := range alts {
			if a.Href != tt.want[i] {
				t.Errorf("%s: %s, want %s", tt.path, a.Href, tt.want[i])
			}
		}
	}
	html := string(AlternateLinks("https://news.example", "/tag/x", `Say "hi" <now>`))
	for _, want := range []string{
		`<link rel="alternate" type="application/rss+xml" title="Say &#34;hi&#34; &lt;now&gt; (RSS)" href="https://news.example/tag/x/feed.xml">`,
		`type="application/atom+xml"`, `type="application/feed+json"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("links lack %s:\n%s", want, html)
		}
	}
}

// decodeJSONFeed reads the text fields of a JSON Feed as its spec defines them: plain text.
func decodeJSONFeed(t *testing.T, data []byte) *feed.Feed {
	t.Helper()
	var doc struct {
		Title string `json:"title"`
		Items []struct {
			Title       string `json:"title"`
			ContentText string `json:"content_text"`
		} `json:"items"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	out := &feed.Feed{Title: doc.Title}
	for _, it := range doc.Items {
		out.Items = append(out.Items, feed.Item{Title: it.Title, Summary: it.ContentText})
	}
	return out
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update once)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", path, got)
	}
}
