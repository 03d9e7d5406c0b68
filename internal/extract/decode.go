package extract

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// sniffLen is how much of the page is searched for a <meta charset>. Browsers stop at 1024
// bytes, but many real pages declare it later, after long inline scripts.
const sniffLen = 8 << 10

// decode returns the page as UTF-8. The charset comes from a byte-order mark, then the
// Content-Type header, then a <meta> declaration; a page that declares nothing is UTF-8 when
// it is valid UTF-8 and Windows-1252 otherwise. A declared single-byte charset is overruled
// when the bytes are valid, non-ASCII UTF-8, which happens with mislabelled pages and almost
// never by chance. A UTF-8 page is returned as it came, without a copy: body must not change
// while the page is extracted.
func decode(body []byte, contentType string) ([]byte, error) {
	if len(body) == 0 {
		return nil, ErrEmpty
	}
	if len(body) > MaxInputBytes {
		body = body[:MaxInputBytes]
	}
	if looksBinary(body) {
		return nil, ErrNotHTML
	}
	enc, name := declaredEncoding(body, contentType)
	if enc == nil || name == "utf-8" {
		if utf8.Valid(body) {
			return bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), nil
		}
		if enc == nil {
			enc, _ = htmlindex.Get("windows-1252")
		} else {
			return bytes.ToValidUTF8(body, []byte("\uFFFD")), nil
		}
	} else if isSingleByte(name) && !isASCII(body) && utf8.Valid(body) {
		return body, nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, fmt.Errorf("extract: decode %s: %w", name, err)
	}
	return out, nil
}

// declaredEncoding finds the encoding named by a BOM, the header or a <meta> tag.
func declaredEncoding(body []byte, contentType string) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(body, []byte("\xef\xbb\xbf")):
		return unicode.UTF8, "utf-8"
	case bytes.HasPrefix(body, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(body, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	if enc, name := charset.Lookup(paramCharset(contentType)); enc != nil {
		return enc, name
	}
	head := body
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if enc, name := charset.Lookup(metaCharset(head)); enc != nil {
		return enc, name
	}
	return nil, ""
}

// paramCharset returns the charset parameter of a Content-Type value.
func paramCharset(contentType string) string {
	// Lower-case first and slice the lowered string: ToLower may change byte offsets of
	// non-ASCII text, and charset names are case-insensitive anyway.
	lower := strings.ToLower(contentType)
	i := strings.Index(lower, "charset=")
	if i < 0 {
		return ""
	}
	v := lower[i+len("charset="):]
	if j := strings.IndexAny(v, "; "); j >= 0 {
		v = v[:j]
	}
	return strings.Trim(v, `"'`)
}

// metaCharset finds `charset=NAME` in the head of a page, which covers both
// <meta charset="x"> and <meta http-equiv content="text/html; charset=x">.
func metaCharset(head []byte) string {
	for off := 0; off < len(head); {
		i := indexFold(head[off:], "charset")
		if i < 0 {
			return ""
		}
		p := off + i + len("charset")
		off = p
		for p < len(head) && (head[p] == ' ' || head[p] == '=' || head[p] == '"' || head[p] == '\'') {
			p++
		}
		q := p
		for q < len(head) && (isAlnum(head[q]) || head[q] == '-' || head[q] == '_' || head[q] == ':' || head[q] == '.') {
			q++
		}
		if q > p {
			return string(head[p:q])
		}
	}
	return ""
}

func indexFold(b []byte, lowerNeedle string) int {
	n := len(lowerNeedle)
	for i := 0; i+n <= len(b); i++ {
		if b[i]|0x20 != lowerNeedle[0] {
			continue
		}
		if strings.EqualFold(string(b[i:i+n]), lowerNeedle) {
			return i
		}
	}
	return -1
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

func isSingleByte(name string) bool {
	return strings.HasPrefix(name, "windows-125") || strings.HasPrefix(name, "iso-8859") ||
		name == "koi8-r" || name == "koi8-u" || name == "macintosh"
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// looksBinary reports content that no HTML page has: NUL bytes or a known binary signature
// near the start. UTF-16 pages carry NULs, so a UTF-16 BOM is let through.
func looksBinary(b []byte) bool {
	if bytes.HasPrefix(b, []byte("\xfe\xff")) || bytes.HasPrefix(b, []byte("\xff\xfe")) {
		return false
	}
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	for _, sig := range [][]byte{[]byte("\x1f\x8b"), []byte("%PDF"), []byte("\x89PNG"), []byte("GIF8"), []byte("\xff\xd8\xff"), []byte("PK\x03\x04")} {
		if bytes.HasPrefix(head, sig) {
			return true
		}
	}
	return bytes.IndexByte(head, 0) >= 0
}
