package comment

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"
)

// The comment Markdown subset: paragraphs (a single newline is a line break), > quotes
// (nested up to maxQuoteDepth), - * + bulleted and 1. numbered lists, *emphasis*,
// **strong**, `inline code`, [links](https://…) and bare http(s) URLs. Everything else
// is text. The renderer escapes all text it writes, and its output then goes through an
// allow-list sanitiser anyway: the renderer is small and ours, the sanitiser is the wall.

const (
	maxQuoteDepth  = 3
	maxInlineDepth = 8 // emphasis inside strong inside a link…; deeper is written as text
)

// Renderer turns comment Markdown into safe HTML. It is safe for concurrent use.
type Renderer struct {
	policy *bluemonday.Policy
}

// linkRel is on every link a reader wrote: not endorsed by us (nofollow), user-generated
// (ugc), and the opened page gets no handle on ours (noopener).
const linkRel = "nofollow ugc noopener"

// NewRenderer returns a Renderer with its sanitiser policy.
func NewRenderer() *Renderer {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "em", "strong", "code", "blockquote", "ul", "ol", "li")
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("rel").Matching(regexp.MustCompile(`^` + linkRel + `$`)).OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(false)
	p.RequireNoFollowOnLinks(true)
	return &Renderer{policy: p}
}

// Render returns the HTML of a comment's raw Markdown.
func (r *Renderer) Render(src string) string {
	var b strings.Builder
	renderBlocks(&b, splitLines(src), 0)
	return r.policy.Sanitize(b.String())
}

// Sanitize passes HTML through the comment policy; exported for tests and for callers
// that assemble HTML of their own around rendered comments.
func (r *Renderer) Sanitize(s string) string { return r.policy.Sanitize(s) }

func splitLines(src string) []string {
	src = strings.ToValidUTF8(src, "\uFFFD")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	src = strings.ReplaceAll(src, "\x00", "\uFFFD")
	return strings.Split(src, "\n")
}

var (
	bulletRe  = regexp.MustCompile(`^ {0,3}[-*+][ \t]+`)
	numberRe  = regexp.MustCompile(`^ {0,3}[0-9]{1,9}[.)][ \t]+`)
	quoteRe   = regexp.MustCompile(`^ {0,3}>[ \t]?`)
	bareURLRe = regexp.MustCompile(`https?://[^\s<>"'\x60]+`)
)

func renderBlocks(b *strings.Builder, lines []string, quoteDepth int) {
	for i := 0; i < len(lines); {
		line := lines[i]
		switch {
		case strings.TrimSpace(line) == "":
			i++
		case quoteRe.MatchString(line):
			var inner, raw []string
			for ; i < len(lines) && quoteRe.MatchString(lines[i]); i++ {
				raw = append(raw, lines[i])
				inner = append(inner, quoteRe.ReplaceAllString(lines[i], ""))
			}
			if quoteDepth >= maxQuoteDepth {
				writeParagraph(b, raw)
				continue
			}
			b.WriteString("<blockquote>")
			renderBlocks(b, inner, quoteDepth+1)
			b.WriteString("</blockquote>")
		case bulletRe.MatchString(line) || numberRe.MatchString(line):
			re, tag := bulletRe, "ul"
			if !bulletRe.MatchString(line) {
				re, tag = numberRe, "ol"
			}
			b.WriteString("<" + tag + ">")
			for i < len(lines) && re.MatchString(lines[i]) {
				item := []string{re.ReplaceAllString(lines[i], "")}
				// Lines that follow an item without a marker continue it.
				for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "" && !isBlockStart(lines[i]); i++ {
					item = append(item, strings.TrimSpace(lines[i]))
				}
				b.WriteString("<li>")
				writeInline(b, strings.Join(item, "\n"))
				b.WriteString("</li>")
			}
			b.WriteString("</" + tag + ">")
		default:
			var para []string
			for ; i < len(lines) && strings.TrimSpace(lines[i]) != "" && !isBlockStart(lines[i]); i++ {
				para = append(para, lines[i])
			}
			writeParagraph(b, para)
		}
	}
}

func isBlockStart(line string) bool {
	return quoteRe.MatchString(line) || bulletRe.MatchString(line) || numberRe.MatchString(line)
}

func writeParagraph(b *strings.Builder, lines []string) {
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	b.WriteString("<p>")
	writeInline(b, strings.Join(lines, "\n"))
	b.WriteString("</p>")
}

func writeInline(b *strings.Builder, s string) {
	b.WriteString(inline(s, 0, true))
}

// inline renders one run of inline Markdown. links is false inside a link's text, where a
// nested link would be invalid HTML.
func inline(s string, depth int, links bool) string {
	if depth > maxInlineDepth {
		return escapeText(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteString(html.EscapeString(s[i+1 : i+2]))
			i += 2
			continue
		case c == '\n':
			b.WriteString("<br>")
			i++
			continue
		case c == '`':
			if j := strings.IndexByte(s[i+1:], '`'); j >= 0 {
				b.WriteString("<code>" + html.EscapeString(s[i+1:i+1+j]) + "</code>")
				i += j + 2
				continue
			}
		case c == '[' && links:
			if text, href, n, ok := parseLink(s[i:]); ok {
				b.WriteString(`<a href="` + html.EscapeString(href) + `" rel="` + linkRel + `">` + inline(text, depth+1, false) + "</a>")
				i += n
				continue
			}
		case (c == 'h' || c == 'H') && links && (i == 0 || !isWordByte(s[i-1])):
			if loc := bareURLRe.FindStringIndex(s[i:]); loc != nil && loc[0] == 0 {
				u := trimURLPunct(s[i : i+loc[1]])
				if href, ok := safeURL(u); ok {
					b.WriteString(`<a href="` + html.EscapeString(href) + `" rel="` + linkRel + `">` + html.EscapeString(u) + "</a>")
					i += len(u)
					continue
				}
			}
		case c == '*' || c == '_':
			if strings.HasPrefix(s[i:], strings.Repeat(string(c), 2)) {
				if inner, n, ok := delimited(s, i, string(c)+string(c)); ok {
					b.WriteString("<strong>" + inline(inner, depth+1, links) + "</strong>")
					i += n
					continue
				}
			} else if inner, n, ok := delimited(s, i, string(c)); ok {
				b.WriteString("<em>" + inline(inner, depth+1, links) + "</em>")
				i += n
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(html.EscapeString(s[i : i+size]))
		i += size
	}
	return b.String()
}

// delimited finds the emphasis run opening at s[i] with delim: the opener must be followed
// by a non-space, the closer preceded by one, and "_" must sit at word edges so that
// snake_case_names stay as they are. It returns the inner text and the bytes consumed.
func delimited(s string, i int, delim string) (string, int, bool) {
	start := i + len(delim)
	if start >= len(s) || s[start] == ' ' || s[start] == '\n' {
		return "", 0, false
	}
	if delim[0] == '_' && i > 0 && isWordByte(s[i-1]) {
		return "", 0, false
	}
	for j := start + 1; j+len(delim) <= len(s); j++ {
		if s[j:j+len(delim)] != delim || s[j-1] == ' ' || s[j-1] == '\n' {
			continue
		}
		end := j + len(delim)
		// In a run like "***" closing "**bold *em***", the inner emphasis takes the first
		// star and the strong closer is the last two.
		for len(delim) == 2 && end < len(s) && s[end] == delim[0] {
			j, end = j+1, end+1
		}
		if len(delim) == 1 && end < len(s) && s[end] == delim[0] {
			j++ // part of a double delimiter: not our closer
			continue
		}
		if delim[0] == '_' && end < len(s) && isWordByte(s[end]) {
			continue
		}
		return s[start:j], end - i, true
	}
	return "", 0, false
}

// parseLink reads [text](url) at the start of s. A URL that is not http, https or mailto
// makes it not a link: the brackets stay as text.
func parseLink(s string) (text, href string, n int, ok bool) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				if i+1 >= len(s) || s[i+1] != '(' {
					return "", "", 0, false
				}
				end := strings.IndexByte(s[i+2:], ')')
				if end < 0 {
					return "", "", 0, false
				}
				raw := strings.TrimSpace(s[i+2 : i+2+end])
				href, ok := safeURL(raw)
				if !ok || i == 1 {
					return "", "", 0, false
				}
				return s[1:i], href, i + 3 + end, true
			}
		case '\n':
			if i > 0 && s[i-1] == '\n' {
				return "", "", 0, false
			}
		}
	}
	return "", "", 0, false
}

// safeURL accepts absolute http, https and mailto URLs, and returns them re-encoded.
func safeURL(raw string) (string, bool) {
	if raw == "" || strings.ContainsAny(raw, " \t\n<>\"'`") {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
	case "mailto":
		if u.Opaque == "" {
			return "", false
		}
	default:
		return "", false
	}
	return u.String(), true
}

// trimURLPunct drops the sentence punctuation a bare URL is usually followed by.
func trimURLPunct(u string) string {
	for len(u) > 0 && strings.ContainsRune(".,;:!?)]'", rune(u[len(u)-1])) {
		if u[len(u)-1] == ')' && strings.Count(u, "(") >= strings.Count(u, ")") {
			break
		}
		u = u[:len(u)-1]
	}
	return u
}

func escapeText(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

func isASCIIPunct(c byte) bool {
	return c < 0x80 && unicode.IsPunct(rune(c)) || strings.IndexByte("`*_[]()<>#+-.!\\|~", c) >= 0
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// HasLink reports whether raw Markdown would render a link, or names a web address a
// reader could copy: new accounts may not post either.
func HasLink(raw string) bool {
	lower := strings.ToLower(raw)
	if strings.Contains(lower, "http://") || strings.Contains(lower, "https://") || strings.Contains(lower, "www.") ||
		strings.Contains(lower, "mailto:") || strings.Contains(lower, "](") {
		return true
	}
	return false
}
