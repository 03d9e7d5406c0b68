package feed

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// xmlDeclEncoding finds the encoding pseudo-attribute of an XML declaration at the start.
var xmlDeclEncoding = regexp.MustCompile(`^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// toUTF8 returns the document as valid UTF-8 whatever it was served as, so that neither the XML
// decoder (which stops at the first invalid byte) nor its charset hook ever sees a problem.
//
// The order of evidence is: a byte-order mark, the XML declaration, the HTTP charset, then the
// bytes themselves. Two common publisher mistakes are repaired: a declaration of ISO-8859-1 or
// windows-1252 on a document that is in fact valid UTF-8 (it is read as UTF-8), and undeclared
// single-byte text (read as windows-1252 when no valid multi-byte sequence occurs at all).
// Remaining invalid sequences become U+FFFD. When the input was XML its declaration is
// rewritten to say UTF-8 so that the decoder does not convert a second time.
func toUTF8(data []byte, contentType string) []byte {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return cleanXMLDecl(validUTF8(trimLeadingSpace(data[len(bomUTF8):])))
	case bytes.HasPrefix(data, bomUTF16LE):
		return cleanXMLDecl(trimLeadingSpace(decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), data[2:])))
	case bytes.HasPrefix(data, bomUTF16BE):
		return cleanXMLDecl(trimLeadingSpace(decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), data[2:])))
	}
	// Blank lines before the XML declaration (a classic of PHP templates) make it invalid.
	data = trimLeadingSpace(data)

	label := ""
	if m := xmlDeclEncoding.FindSubmatch(data); m != nil {
		label = string(m[1])
	} else if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	enc, name := lookupEncoding(label)

	switch {
	case enc == nil:
		// UTF-8 declared, or a label we do not know: trust the bytes.
		if !utf8.Valid(data) && !hasMultiByteRune(data) {
			return cleanXMLDecl(decodeWith(charmap.Windows1252, data))
		}
		return cleanXMLDecl(validUTF8(data))
	case isLatin(name) && utf8.Valid(data):
		// Either pure ASCII (same bytes in both) or UTF-8 mislabelled as Latin-1.
		return cleanXMLDecl(data)
	default:
		return cleanXMLDecl(decodeWith(enc, data))
	}
}

// lookupEncoding maps a charset label to an encoding and its WHATWG name; a nil encoding means
// UTF-8 or a label we do not know.
func lookupEncoding(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.TrimSpace(label))
	if label == "" || label == "utf-8" || label == "utf8" {
		return nil, "utf-8"
	}
	// A declared UTF-16 without a BOM is nearly always a mislabelled 8-bit document: the
	// declaration itself was readable as ASCII.
	if strings.HasPrefix(label, "utf-16") || label == "unicode" {
		return nil, "utf-8"
	}
	enc, name := charset.Lookup(label)
	// The WHATWG "replacement" encoding would turn the whole document into U+FFFD.
	if enc == nil || name == "utf-8" || name == "replacement" {
		return nil, "utf-8"
	}
	return enc, name
}

// isLatin reports whether a WHATWG encoding name is one of the Western single-byte sets that
// publishers declare by habit (ISO-8859-1 and ASCII labels both map to windows-1252).
func isLatin(name string) bool {
	return name == "windows-1252" || name == "iso-8859-15"
}

func decodeWith(enc encoding.Encoding, data []byte) []byte {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return validUTF8(data)
	}
	return validUTF8(out)
}

// validUTF8 replaces invalid sequences with U+FFFD; it returns data itself when already valid.
func validUTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD"))
}

// hasMultiByteRune reports whether data holds at least one valid multi-byte UTF-8 sequence.
func hasMultiByteRune(data []byte) bool {
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r != utf8.RuneError && size > 1 {
			return true
		}
		data = data[size:]
	}
	return false
}

// cleanXMLDecl rewrites the encoding of an XML declaration to UTF-8, now that it is true.
func cleanXMLDecl(data []byte) []byte {
	m := xmlDeclEncoding.FindSubmatchIndex(data)
	if m == nil {
		return data
	}
	if strings.EqualFold(string(data[m[2]:m[3]]), "utf-8") {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:m[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, data[m[3]:]...)
}

func trimLeadingSpace(data []byte) []byte {
	return bytes.TrimLeft(data, " \t\r\n")
}
