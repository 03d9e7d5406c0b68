package extract

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzSanitize feeds arbitrary markup to the allow-list sanitiser and parses what comes out,
// as a browser would: no script-capable element, no event handler or style attribute, and
// no link or image address with a scheme other than http, https or mailto.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		`<p>Hello <a href="/x" onclick="alert(1)">link</a></p>`,
		`<img src="javascript:alert(1)"><script>alert(1)</script>`,
		`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`,
		`<a href="jav&#x09;ascript:alert(1)">x</a>`,
		`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
		`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
		`<figure><img src="//cdn.example/a.jpg"><figcaption>c</figcaption></figure>`,
	} {
		f.Add(s)
	}
	base, _ := url.Parse("https://news.example/story/1")
	forbidden := map[string]bool{"script": true, "style": true, "iframe": true, "object": true, "embed": true,
		"svg": true, "math": true, "form": true, "input": true, "button": true, "textarea": true, "link": true,
		"meta": true, "base": true, "frame": true, "frameset": true, "template": true, "noscript": true}
	f.Fuzz(func(t *testing.T, in string) {
		out := Sanitize(in, base)
		nodes, err := html.ParseFragment(strings.NewReader(out), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
		if err != nil {
			t.Fatalf("output does not parse: %v", err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				if forbidden[n.Data] {
					t.Fatalf("input %q: output has <%s>: %s", in, n.Data, out)
				}
				for _, a := range n.Attr {
					k := strings.ToLower(a.Key)
					if strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" || k == "formaction" {
						t.Fatalf("input %q: output has attribute %s: %s", in, a.Key, out)
					}
					if k == "href" || k == "src" {
						u, err := url.Parse(strings.TrimSpace(a.Val))
						if err != nil {
							t.Fatalf("input %q: unparsable %s %q", in, k, a.Val)
						}
						if s := strings.ToLower(u.Scheme); s != "" && s != "http" && s != "https" && s != "mailto" {
							t.Fatalf("input %q: %s with scheme %q: %s", in, k, u.Scheme, out)
						}
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		for _, n := range nodes {
			walk(n)
		}
	})
}
