package feed

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestParseOPML(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/subscriptions.opml")
	if err != nil {
		t.Fatal(err)
	}
	outlines, problems, err := ParseOPML(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []Outline{
		{Title: "Top level feed", XMLURL: "https://top.example.com/rss", HTMLURL: "https://top.example.com/"},
		{Title: "Ledger", XMLURL: "https://ledger.example.com/feed.xml", HTMLURL: "https://ledger.example.com/", Category: "News"},
		{Title: "Tech & Science", XMLURL: "http://tech.example.org/atom?x=1&y=2", Category: "News/Tech"},
		{Title: "feeds.example.net", XMLURL: "http://feeds.example.net/rss", Category: "News/Tech"},
		{Title: "Back in News", XMLURL: "https://back.example.com/feed", Category: "News"},
		{Title: "Untitled folder child", XMLURL: "https://child.example.com/rss"},
		{Title: "Category attribute", XMLURL: "https://cat.example.com/rss", Category: "Sports/Football"},
		{Title: "url attribute", XMLURL: "https://url.example.com/rss", Category: "Misc"},
		{Title: "Été", XMLURL: "https://ete.example.fr/rss", Category: "Misc"},
	}
	if !reflect.DeepEqual(outlines, want) {
		t.Errorf("outlines:\n%#v\nwant\n%#v", outlines, want)
	}
	wantProblems := []struct {
		title string
		line  int
		text  string
	}{
		{"Script", 12, "only http and https"},
		{"Empty URL", 13, "empty"},
		{"Relative", 14, "not an absolute URL"},
		{"Bad escape", 15, "cannot be parsed"},
		{"No host", 16, "no host"},
		{"Blank type rss", 21, "empty"},
	}
	if len(problems) != len(wantProblems) {
		t.Fatalf("got %d problems, want %d: %v", len(problems), len(wantProblems), problems)
	}
	for i, w := range wantProblems {
		var oe *OutlineError
		if !errors.As(problems[i], &oe) || !errors.Is(problems[i], ErrInvalidURL) {
			t.Errorf("problem %d is %T %v, want *OutlineError wrapping ErrInvalidURL", i, problems[i], problems[i])
			continue
		}
		if oe.Title != w.title || oe.Line != w.line || !strings.Contains(oe.Error(), w.text) {
			t.Errorf("problem %d = %q (line %d), want title %q line %d containing %q", i, oe.Error(), oe.Line, w.title, w.line, w.text)
		}
	}
}

func TestParseOPMLErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     error
	}{
		{"empty", "", ErrNotOPML},
		{"html", "<!doctype html><html></html>", ErrNotOPML},
		{"rss", `<rss version="2.0"/>`, ErrNotOPML},
		{"broken xml", `<opml version="2.0"><body><outline text="a" xmlUrl="http://a.example/"><outline`, ErrNotOPML},
		{"too large", "<opml>" + strings.Repeat(" ", MaxOPMLBytes) + "</opml>", ErrOPMLSize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, _, err := ParseOPML(strings.NewReader(tt.in)); !errors.Is(err, tt.want) {
				t.Errorf("ParseOPML() error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	t.Parallel()
	in := []Outline{
		{Title: "Loose", XMLURL: "https://loose.example.com/rss"},
		{Title: `Quotes "and" <angles> & ampersands`, XMLURL: "https://q.example.com/feed?a=1&b=2", HTMLURL: "https://q.example.com/", Category: "News"},
		{Title: "Deep", XMLURL: "https://deep.example.com/atom", Category: "News/Tech/Go"},
		{Title: "Sibling", XMLURL: "https://sib.example.com/atom", Category: "News/Tech"},
		{Title: "Other", XMLURL: "https://other.example.com/rss", Category: "Sport"},
		{Title: "News again", XMLURL: "https://again.example.com/rss", Category: "News"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "newsdesk & friends", in); err != nil {
		t.Fatal(err)
	}
	out, problems, err := ParseOPML(&buf)
	if err != nil || len(problems) > 0 {
		t.Fatalf("ParseOPML(WriteOPML()) = %v, %v\n%s", problems, err, buf.String())
	}
	// Writing groups each folder's feeds together, so only the order may change.
	want := slices.Clone(in)
	byURL := func(a, b Outline) int { return strings.Compare(a.XMLURL, b.XMLURL) }
	slices.SortFunc(want, byURL)
	slices.SortFunc(out, byURL)
	if !reflect.DeepEqual(out, want) {
		t.Errorf("round trip:\n%#v\nwant\n%#v", out, want)
	}
}

func TestWriteOPMLGolden(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	err := WriteOPML(&buf, "My feeds", []Outline{
		{Title: "Ledger", XMLURL: "https://ledger.example.com/feed.xml", HTMLURL: "https://ledger.example.com/", Category: "News"},
		{Title: "Loose", XMLURL: "https://loose.example.com/rss"},
	})
	if err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/written.opml.golden"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("WriteOPML output differs from %s:\n%s", golden, buf.String())
	}
}
