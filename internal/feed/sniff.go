package feed

import (
	"bytes"
	"mime"
	"strings"
)

// sniffWindow bounds how far IsFeed and Parse look for the root element: a declaration,
// comments and a DOCTYPE come first, and none is long in a real feed.
const sniffWindow = 64 << 10

// docKind is what the first bytes of a document say it is.
type docKind int

const (
	kindUnknown docKind = iota
	kindEmpty
	kindXMLFeed // root element rss, rdf:RDF or feed
	kindJSON    // a JSON object; whether it is a JSON Feed is decided by parsing
	kindHTML    // root element html, or an HTML doctype
	kindOtherXML
)

// IsFeed reports whether data looks like an RSS, Atom or JSON feed rather than, typically, an
// HTML page. It reads only the start of data. The content type is consulted only for a JSON
// document, which is a feed when served as one or when it names the JSON Feed version.
func IsFeed(data []byte, contentType string) bool {
	data = toUTF8(prefix(data, sniffWindow), "")
	switch kind, _ := sniff(data); kind {
	case kindXMLFeed:
		return true
	case kindJSON:
		mt, _, _ := mime.ParseMediaType(contentType)
		return mt == "application/feed+json" || bytes.Contains(data, []byte("jsonfeed.org/version"))
	default:
		return false
	}
}

func prefix(data []byte, n int) []byte {
	if len(data) > n {
		return data[:n]
	}
	return data
}

// sniff classifies a UTF-8 document by its first element and returns that element's lower-case
// local name. It skips the XML declaration, processing instructions, comments and a DOCTYPE,
// including an internal subset, so entity-definition bombs are stepped over unread.
func sniff(data []byte) (docKind, string) {
	s := string(prefix(data, sniffWindow))
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		switch {
		case s == "":
			if len(data) == 0 || len(bytes.TrimSpace(data)) == 0 {
				return kindEmpty, ""
			}
			return kindUnknown, ""
		case s[0] == '{':
			return kindJSON, ""
		case s[0] != '<':
			return kindUnknown, ""
		case strings.HasPrefix(s, "<?"):
			s = skipPast(s, "?>")
		case strings.HasPrefix(s, "<!--"):
			s = skipPast(s, "-->")
		case len(s) >= 9 && strings.EqualFold(s[:9], "<!doctype"):
			if fields := strings.Fields(strings.ToLower(s[9:min(len(s), 40)])); len(fields) > 0 &&
				strings.HasPrefix(fields[0], "html") {
				return kindHTML, "html"
			}
			s = skipDoctype(s)
		default:
			name := elementName(s[1:])
			switch name {
			case "rss", "rdf", "feed":
				return kindXMLFeed, name
			case "html", "head", "body":
				return kindHTML, name
			case "":
				return kindUnknown, ""
			}
			return kindOtherXML, name
		}
	}
}

func skipPast(s, end string) string {
	if i := strings.Index(s, end); i >= 0 {
		return s[i+len(end):]
	}
	return ""
}

// skipDoctype steps over <!DOCTYPE …>, whose internal subset in brackets may contain '>'.
func skipDoctype(s string) string {
	depth := 0
	var quote byte
	for i := 2; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '>' && depth <= 0:
			return s[i+1:]
		}
	}
	return ""
}

// elementName returns the lower-case local name at the start of a tag body ("rdf:RDF" → "rdf").
func elementName(s string) string {
	end := strings.IndexAny(s, " \t\r\n/>")
	if end < 0 {
		end = len(s)
	}
	name := strings.ToLower(s[:end])
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		// rdf:RDF is RSS 1.0; a prefixed Atom root (atom:feed) is rare but valid.
		if name[:i] == "rdf" {
			return "rdf"
		}
		name = name[i+1:]
	}
	return name
}
