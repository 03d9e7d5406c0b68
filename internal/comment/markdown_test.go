package comment

import (
	"bufio"
	"net/url"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"newsdesk/internal/account"
)

func TestRender(t *testing.T) {
	t.Parallel()
	r := NewRenderer()
	const a = `" rel="nofollow ugc noopener">`
	tests := []struct{ name, in, want string }{
		{"paragraphs", "one\ntwo\n\nthree", "<p>one<br>two</p><p>three</p>"},
		{"emphasis", "*a* _b_ **c** __d__", "<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong></p>"},
		{"nested", "**bold *and em***", "<p><strong>bold <em>and em</em></strong></p>"},
		{"snake case stays", "snake_case_name", "<p>snake_case_name</p>"},
		{"lone stars stay", "2 * 3 * 4", "<p>2 * 3 * 4</p>"},
		{"escaped star", `\*not em\*`, "<p>*not em*</p>"},
		{"inline code", "use `a<b> && *c*`", "<p>use <code>a&lt;b&gt; &amp;&amp; *c*</code></p>"},
		{"unclosed code", "a ` b", "<p>a ` b</p>"},
		{"link", "[the site](https://example.org/a?b=1&c=2)", `<p><a href="https://example.org/a?b=1&amp;c=2` + a + "the site</a></p>"},
		{"mailto", "[me](mailto:ann@example.org)", `<p><a href="mailto:ann@example.org` + a + "me</a></p>"},
		{"link text formatted", "[**big**](http://example.org)", `<p><a href="http://example.org` + a + "<strong>big</strong></a></p>"},
		{"no link in link", "[a [b](http://x.org)](http://y.org)", `<p><a href="http://y.org` + a + "a [b](http://x.org)</a></p>"},
		{"bare url", "see https://example.org/x.", `<p>see <a href="https://example.org/x` + a + "https://example.org/x</a>.</p>"},
		{"bare url in parens", "(https://example.org/y)", `<p>(<a href="https://example.org/y` + a + "https://example.org/y</a>)</p>"},
		{"relative link refused", "[a](/x)", "<p>[a](/x)</p>"},
		{"javascript link refused", "[a](javascript:alert(1))", "<p>[a](javascript:alert(1))</p>"},
		{"quote", "> a\n> b\n\nc", "<blockquote><p>a<br>b</p></blockquote><p>c</p>"},
		{"nested quote", ">> deep", "<blockquote><blockquote><p>deep</p></blockquote></blockquote>"},
		{"quote depth capped", ">>>>> x", "<blockquote><blockquote><blockquote><p>&gt;&gt; x</p></blockquote></blockquote></blockquote>"},
		{"bullets", "- a\n* b\n+ c", "<ul><li>a</li><li>b</li><li>c</li></ul>"},
		{"numbers", "1. a\n2) b", "<ol><li>a</li><li>b</li></ol>"},
		{"item continues", "- a\n  more\n- b", "<ul><li>a<br>more</li><li>b</li></ul>"},
		{"list after paragraph", "intro\n- a", "<p>intro</p><ul><li>a</li></ul>"},
		{"html is text", "<b>hi</b> & bye", "<p>&lt;b&gt;hi&lt;/b&gt; &amp; bye</p>"},
		{"headings are text", "# Title", "<p># Title</p>"},
		{"crlf", "a\r\nb", "<p>a<br>b</p>"},
		{"invalid utf-8", "a\xffb", "<p>a\uFFFDb</p>"},
		{"empty", "  \n\n ", ""},
	}
	for _, tt := range tests {
		if got := r.Render(tt.in); got != tt.want {
			t.Errorf("%s: Render(%q)\n got %s\nwant %s", tt.name, tt.in, got, tt.want)
		}
	}
}

func loadPayloads(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("testdata/xss_payloads.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.ReplaceAll(line, `\n`, "\n"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

var allowedTags = map[string]bool{"p": true, "br": true, "em": true, "strong": true, "code": true,
	"blockquote": true, "ul": true, "ol": true, "li": true, "a": true}

// checkSafe parses rendered HTML as a browser would and fails on anything that could run
// script: an element outside the allow-list, any attribute but href and rel on links, a
// link to anything but http, https or mailto, a link without rel="nofollow" (with
// fullRel, without exactly linkRel).
func checkSafe(t *testing.T, payload, out string, fullRel bool) {
	t.Helper()
	lower := strings.ToLower(out)
	for _, bad := range []string{"<script", "<svg", "<img", "<iframe", "<style", "<math", "javascript:", "vbscript:", "data:"} {
		if strings.Contains(lower, bad) && !strings.Contains(textOf(t, out), strings.TrimPrefix(bad, "<")) {
			t.Errorf("payload %q: output holds %q outside text: %s", payload, bad, out)
		}
	}
	doc, err := html.Parse(strings.NewReader("<body>" + out))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data != "html" && n.Data != "head" && n.Data != "body" {
			if !allowedTags[n.Data] {
				t.Errorf("payload %q: element <%s> in %s", payload, n.Data, out)
			}
			for _, at := range n.Attr {
				switch {
				case n.Data == "a" && at.Key == "href":
					u, err := url.Parse(at.Val)
					if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto") {
						t.Errorf("payload %q: link to %q in %s", payload, at.Val, out)
					}
				case n.Data == "a" && at.Key == "rel":
					if !strings.Contains(at.Val, "nofollow") || fullRel && at.Val != linkRel {
						t.Errorf("payload %q: rel %q", payload, at.Val)
					}
				default:
					t.Errorf("payload %q: attribute %s=%q on <%s> in %s", payload, at.Key, at.Val, n.Data, out)
				}
			}
		}
		if n.Type == html.CommentNode {
			t.Errorf("payload %q: comment node in %s", payload, out)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// textOf is the decoded text of HTML: a payload shown as text is harmless.
func textOf(t *testing.T, s string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<body>" + s))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(strings.ToLower(n.Data))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}

func TestRenderNeverRunsScript(t *testing.T) {
	t.Parallel()
	payloads := loadPayloads(t)
	if len(payloads) < 100 {
		t.Fatalf("%d payloads, want at least 100", len(payloads))
	}
	r := NewRenderer()
	for _, p := range payloads {
		checkSafe(t, p, r.Render(p), true)
		// Wrapped in Markdown constructs, too.
		for _, wrap := range []string{"> %s", "- %s", "**%s**", "[%s](https://example.org)", "x %s y\n\nz"} {
			in := strings.Replace(wrap, "%s", p, 1)
			checkSafe(t, in, r.Render(in), true)
		}
	}
}

// The sanitiser stands on its own: fed the payloads as raw HTML (as if the renderer had
// a bug and passed them through), it still lets nothing dangerous out.
func TestSanitiserAloneStopsPayloads(t *testing.T) {
	t.Parallel()
	r := NewRenderer()
	for _, p := range loadPayloads(t) {
		checkSafe(t, p, r.Sanitize(p), false)
	}
}

// Display names come from the same hostile readers: each payload is refused, or cleaned
// to something with no markup characters at all.
func TestDisplayNamesFromPayloads(t *testing.T) {
	t.Parallel()
	for _, p := range loadPayloads(t) {
		name, _, err := account.CleanName(p)
		if err == nil && strings.ContainsAny(name, "<>\"&`=/:") {
			t.Errorf("display name %q accepted from %q", name, p)
		}
	}
}

func TestHasLink(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want bool
	}{
		{"plain words", false},
		{"see https://example.org", true},
		{"HTTP://EXAMPLE.ORG", true},
		{"go to www.example.org", true},
		{"[a](b)", true},
		{"mailto:a@b.org", true},
		{"a file.txt and an e.g. here", false},
	}
	for _, tt := range tests {
		if got := HasLink(tt.in); got != tt.want {
			t.Errorf("HasLink(%q) = %v", tt.in, got)
		}
	}
}
