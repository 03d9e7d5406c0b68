package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestStripRawText checks that stripping script and style text never changes what the
// parser makes of the rest of the page: the body's text and the JSON-LD stay the same.
func TestStripRawText(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, page string
		stripped   bool // whether anything should have been cut
	}{
		{"script and style", `<html><head><style>p{color:red}</style><script>var a = "<p>no</p>";</script></head><body><p>Story text.</p><script>if (a < b && c > d) {}</script><p>More text.</p></body></html>`, true},
		{"upper case", `<SCRIPT type="text/javascript">x = 1 < 2</SCRIPT ><p>Text</p>`, true},
		{"json-ld kept", `<script type="application/ld+json">{"headline":"A <b>title</b>"}</script><p>Text</p>`, false},
		{"escaped script left alone", `<script><!-- document.write("<script>x</script>"); --></script><p>After</p>`, false},
		{"script tag inside an attribute", `<a title="<script>">link</a><p>Kept paragraph.</p><script>y()</script><p>Tail</p>`, true},
		{"script tag inside a title", `<title>Using <script> tags</title><p>Body text</p><script>z()</script>`, true},
		{"script tag inside a textarea", `<textarea><script>not code</textarea><p>Body</p>`, false},
		{"script tag inside a comment", `<!-- <script> --><p>Visible</p><script>w()</script>`, true},
		{"unquoted value with a quote", `<script data-x=a"b>q()</script><p>Hello "world"</p>`, true},
		{"unterminated script", `<p>Before</p><script>never closed`, false},
		{"end tag look-alike", `<script>var s = "</scripts>"; t()</script><p>End</p>`, true},
		{"self-closing noise", `<script src="/a.js"/><p>Para</p></script><p>Next</p>`, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := string(stripRawText([]byte(tc.page)))
			if (got != tc.page) != tc.stripped {
				t.Errorf("stripped = %v, want %v: %q", got != tc.page, tc.stripped, got)
			}
			want, have := visibleText(t, tc.page), visibleText(t, got)
			if want != have {
				t.Errorf("text changed:\n got %q\nwant %q", have, want)
			}
		})
	}
}

// visibleText parses page and returns its body text without scripts and styles, plus the
// text of its JSON-LD blocks.
func visibleText(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var ld []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script && isJSONLD(attr(n, "type")) && n.FirstChild != nil {
			ld = append(ld, n.FirstChild.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return textOf(doc) + "|" + strings.Join(ld, "|")
}

// FuzzStripRawText checks on arbitrary input that stripping never changes the parsed text.
func FuzzStripRawText(f *testing.F) {
	for _, s := range []string{`<script>a<b</script><p>x</p>`, `<style>p{}</style>t`, `<a b='<script>'>c</a><script>d</script>`,
		`<title><script></title><script>e</script>`, `<!--<script>--><script>f</script>`, `<script type=application/ld+json>{}</script>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		if want, have := visibleText(t, page), visibleText(t, string(stripRawText([]byte(page)))); want != have {
			t.Errorf("text changed for %q:\n got %q\nwant %q", page, have, want)
		}
	})
}
