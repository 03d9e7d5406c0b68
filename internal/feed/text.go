package feed

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// SummaryMaxChars is the length, in characters, past which a summary is cut at a word boundary.
const SummaryMaxChars = 400

// plainText returns the text of an HTML fragment (or of plain text, which is a fragment too):
// tags dropped, entities decoded once, script and style skipped, whitespace collapsed to single
// spaces. Block elements separate words so "<p>a</p><p>b</p>" reads "a b", not "ab".
func plainText(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return collapseSpace(fragment)
	}
	var b strings.Builder
	z := nethtml.NewTokenizer(strings.NewReader(fragment))
	skip := 0 // depth inside script/style, whose text is not prose
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			return collapseSpace(b.String())
		case nethtml.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Script || a == atom.Style {
				skip++
			}
			if separatesWords(a) {
				b.WriteByte(' ')
			}
		case nethtml.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if (a == atom.Script || a == atom.Style) && skip > 0 {
				skip--
			}
			if separatesWords(a) {
				b.WriteByte(' ')
			}
		}
	}
}

// separatesWords reports whether an element breaks the line when rendered.
func separatesWords(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Br, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Tr, atom.Td, atom.Th,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Pre,
		atom.Hr, atom.Figure, atom.Figcaption, atom.Section, atom.Article, atom.Header,
		atom.Footer, atom.Table, atom.Dd, atom.Dt, atom.Img:
		return true
	}
	return false
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// truncateWords cuts s to at most max characters at a word boundary and marks the cut with "…".
// A single word longer than max (a URL, say) is cut inside the word.
func truncateWords(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	// Byte offset of the rune at index max-1, leaving room for the ellipsis.
	cut, n := len(s), 0
	for i := range s {
		if n == max-1 {
			cut = i
			break
		}
		n++
	}
	head := s[:cut]
	if i := strings.LastIndexFunc(head, unicode.IsSpace); i > max/2 {
		head = head[:i]
	}
	head = strings.TrimRightFunc(head, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '"'
	})
	return head + "…"
}

// escapeText renders plain text as HTML paragraphs, for formats whose content is plain text
// (JSON Feed content_text, Atom type="text") so that Content is always HTML.
func escapeText(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if s == "" {
		return ""
	}
	var b strings.Builder
	for _, para := range strings.Split(s, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(html.EscapeString(para), "\n", "<br>"))
		b.WriteString("</p>")
	}
	return b.String()
}
