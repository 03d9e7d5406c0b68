package extract

import "strings"

// joinText returns the plain text of blocks, one paragraph per block, separated by blank lines.
func joinText(blocks []block) string {
	var b strings.Builder
	for _, bl := range blocks {
		if bl.text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.text)
	}
	return b.String()
}

// joinHTML returns the structural HTML of blocks: consecutive list items are grouped into
// their list and consecutive quoted blocks into one blockquote.
func joinHTML(blocks []block) string {
	var b strings.Builder
	inQuote := false
	list := int32(-1)
	ordered := false
	closeList := func() {
		if list != -1 {
			if ordered {
				b.WriteString("</ol>")
			} else {
				b.WriteString("</ul>")
			}
			list = -1
		}
	}
	for _, bl := range blocks {
		if bl.kind != kindLI || bl.list != list {
			closeList()
		}
		if bl.quote != inQuote {
			closeList()
			if bl.quote {
				b.WriteString("<blockquote>")
			} else {
				b.WriteString("</blockquote>")
			}
			inQuote = bl.quote
		}
		switch bl.kind {
		case kindP:
			b.WriteString("<p>" + bl.html + "</p>")
		case kindH2:
			b.WriteString("<h2>" + bl.html + "</h2>")
		case kindH3:
			b.WriteString("<h3>" + bl.html + "</h3>")
		case kindH4:
			b.WriteString("<h4>" + bl.html + "</h4>")
		case kindPre:
			b.WriteString("<pre>" + bl.html + "</pre>")
		case kindFigure:
			b.WriteString(bl.html)
		case kindLI:
			if list == -1 {
				list, ordered = bl.list, bl.ordered
				if ordered {
					b.WriteString("<ol>")
				} else {
					b.WriteString("<ul>")
				}
			}
			b.WriteString("<li>" + bl.html + "</li>")
		}
		b.WriteByte('\n')
	}
	closeList()
	if inQuote {
		b.WriteString("</blockquote>")
	}
	return strings.TrimSpace(b.String())
}
