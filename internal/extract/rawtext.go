package extract

import (
	"bytes"
	"strings"
)

// stripRawText returns the page with the contents of its <script> and <style> elements
// removed, keeping the tags themselves. Inline scripts and styles are often half a page's
// bytes; the HTML tokenizer reads them byte by byte and copies each into a string that the
// extractor then throws away, while this scan jumps from tag to tag with fast searches.
//
// The scan follows the tokenizer where it matters: attribute values are skipped (a "<"
// inside one starts nothing), comments are skipped, and the text of the other raw-text
// elements (title, textarea, noscript, iframe…) is passed over whole. JSON-LD scripts are
// kept: metadata is read from them. A script whose text contains "<!--" is left alone,
// because the parser's escaping rules may then run it past the first "</script>", and
// cutting it differently would leave code in the page as text.
func stripRawText(s []byte) []byte {
	var b []byte
	last := 0 // s[last:] is not yet copied
	for i := 0; i < len(s); {
		j := bytes.IndexByte(s[i:], '<')
		if j < 0 || i+j+1 >= len(s) {
			break
		}
		i += j
		rest := s[i:]
		switch c := rest[1]; {
		case c == '!':
			end := commentClose
			if !bytes.HasPrefix(rest, commentOpen) {
				end = tagClose
			}
			k := bytes.Index(rest[2:], end)
			if k < 0 {
				i = len(s)
				continue
			}
			i += 2 + k + len(end)
			continue
		case c == '/':
			k := bytes.IndexByte(rest, '>')
			if k < 0 {
				i = len(s)
				continue
			}
			i += k + 1
			continue
		case !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
			i++
			continue
		}
		open := tagEnd(rest)
		if open < 0 {
			break
		}
		name, strip := rawTextName(rest)
		if name == "" {
			i += open
			continue
		}
		if name == "plaintext" {
			break
		}
		body := i + open // first byte of the element's text
		end := closingTag(s[body:], name)
		if end < 0 {
			break
		}
		content := s[body : body+end]
		if strip && len(content) > 0 && !(name == "script" && (isJSONLD(string(rest[:open])) || bytes.Contains(content, commentOpen))) {
			if b == nil {
				b = make([]byte, 0, len(s))
			}
			b = append(b, s[last:body]...)
			last = body + end
		}
		i = body + end
	}
	if last == 0 {
		return s
	}
	return append(b, s[last:]...)
}

var (
	commentOpen  = []byte("<!--")
	commentClose = []byte("-->")
	tagClose     = []byte(">")
	endTagOpen   = []byte("</")
)

// rawTextElems are the elements whose text the tokenizer reads raw, up to their end tag;
// the contents of those marked true are dropped.
var rawTextElems = [...]struct {
	name  string
	strip bool
}{{"script", true}, {"style", true}, {"title", false}, {"textarea", false}, {"noscript", false},
	{"iframe", false}, {"noembed", false}, {"noframes", false}, {"xmp", false}, {"plaintext", false}}

// rawTextName returns the raw-text element whose start tag begins s, if any.
func rawTextName(s []byte) (string, bool) {
	switch s[1] | 0x20 {
	case 's', 't', 'n', 'i', 'x', 'p':
	default:
		return "", false
	}
	for _, e := range rawTextElems {
		if len(s) > len(e.name)+1 && equalFoldASCII(s[1:1+len(e.name)], e.name) {
			switch s[1+len(e.name)] {
			case '>', ' ', '\t', '\n', '\r', '\f', '/':
				return e.name, e.strip
			}
		}
	}
	return "", false
}

// tagEnd returns the index just past the '>' that ends the start tag at the start of s, or
// -1. A quote opens a value only right after '=' (and white space), as in the tokenizer.
func tagEnd(s []byte) int {
	for i := 1; i < len(s); {
		k := bytes.IndexAny(s[i:], `>"'`)
		if k < 0 {
			return -1
		}
		i += k
		if s[i] == '>' {
			return i + 1
		}
		p := i - 1
		for p > 0 && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r' || s[p] == '\f') {
			p--
		}
		if s[p] != '=' {
			i++
			continue
		}
		q := bytes.IndexByte(s[i+1:], s[i])
		if q < 0 {
			return -1
		}
		i += q + 2
	}
	return -1
}

// closingTag returns the index of "</name" (any case, followed by a space, '/' or '>') in
// s, or -1.
func closingTag(s []byte, name string) int {
	for i := 0; ; {
		j := bytes.Index(s[i:], endTagOpen)
		if j < 0 {
			return -1
		}
		i += j
		if rest := s[i+2:]; len(rest) > len(name) && equalFoldASCII(rest[:len(name)], name) {
			switch rest[len(name)] {
			case '>', ' ', '\t', '\n', '\r', '\f', '/':
				return i
			}
		}
		i += 2
	}
}

// isJSONLD reports whether a <script …> start tag declares JSON-LD.
func isJSONLD(tag string) bool {
	return strings.Contains(strings.ToLower(tag), "ld+json")
}

// equalFoldASCII reports whether b equals the lower-case ASCII name, ignoring case.
func equalFoldASCII(b []byte, name string) bool {
	if len(b) != len(name) {
		return false
	}
	for i := range b {
		if b[i]|0x20 != name[i] {
			return false
		}
	}
	return true
}
