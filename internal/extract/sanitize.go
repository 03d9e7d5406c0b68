package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Sanitize reduces an HTML fragment to the structure newsdesk publishes: paragraphs, h2–h4,
// blockquotes, lists, figures with captions, images and links with absolute http(s) URLs,
// and strong/em/code. Everything else is unwrapped to its text or, for scripts, styles,
// forms and embeds, dropped. base resolves relative URLs; it may be nil.
//
// It is the same renderer the extractor uses for article bodies, so stored HTML and HTML
// sanitised later agree.
func Sanitize(fragment string, base *url.URL) string {
	if strings.TrimSpace(fragment) == "" {
		return ""
	}
	ctx := &html.Node{Type: html.ElementNode, DataAtom: atom.Body, Data: "body"}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return html.EscapeString(fragment)
	}
	r := newRenderer(nil, base)
	for _, n := range nodes {
		r.render(n)
	}
	r.flush()
	return joinHTML(r.blocks)
}
