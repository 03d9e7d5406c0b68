package search

import (
	"html"
	"strings"
)

// Markers the database puts around matched words in snippets. They are private-use code
// points, which article text has no reason to hold; if some does, the worst outcome is a
// misplaced <mark>, never unescaped markup, because everything between markers is escaped.
const (
	MarkStart = "\uE000"
	MarkStop  = "\uE001"
)

// HighlightHTML turns text with MarkStart/MarkStop around matches into HTML: matches wrapped
// in <mark>, everything else escaped, marks always balanced. The result is safe to render
// as template.HTML.
func HighlightHTML(marked string) string {
	var b strings.Builder
	b.Grow(len(marked) + 32)
	open := false
	for marked != "" {
		i := strings.IndexAny(marked, MarkStart+MarkStop)
		if i < 0 {
			b.WriteString(html.EscapeString(marked))
			break
		}
		b.WriteString(html.EscapeString(marked[:i]))
		isStart := strings.HasPrefix(marked[i:], MarkStart)
		switch {
		case isStart && !open:
			b.WriteString("<mark>")
			open = true
		case !isStart && open:
			b.WriteString("</mark>")
			open = false
		}
		marked = marked[i+len(MarkStart):] // both markers are three bytes in UTF-8
	}
	if open {
		b.WriteString("</mark>")
	}
	return b.String()
}
