package fetch

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// UTF8 returns the body converted to UTF-8. The charset is taken, in order, from a byte order
// mark, the Content-Type header, the <?xml encoding?> declaration, or an HTML <meta> in the
// first 1024 bytes; a declaration of UTF-8 that the bytes contradict is not believed. With no
// usable declaration, valid UTF-8 is kept and anything else is read as windows-1252, which is
// what browsers do. Unknown labels are skipped, never an error. After a conversion the document's
// own declaration is rewritten to say UTF-8 so a parser does not decode it a second time.
func (r *Response) UTF8() ([]byte, error) {
	body := r.Body
	enc, bomLen := detectEncoding(body, r.Header.Get("Content-Type"))
	body = body[bomLen:]
	if enc == nil {
		if utf8.Valid(body) {
			return body, nil
		}
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, err
	}
	return rewriteDeclaration(out), nil
}

// detectEncoding picks the body's encoding; nil means UTF-8. bomLen is the length of a byte
// order mark to drop.
func detectEncoding(body []byte, contentType string) (enc encoding.Encoding, bomLen int) {
	switch {
	case bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}):
		return nil, 3
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 2
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 2
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if e, _, ok := believable(params["charset"], body); ok {
			return e, 0
		}
	}
	head := body[:min(len(body), 1024)]
	switch {
	case bytes.HasPrefix(head, []byte("<\x00?\x00")):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 0
	case bytes.HasPrefix(head, []byte("\x00<\x00?")):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 0
	}
	if label, ok := xmlEncoding(head); ok {
		if e, _, ok := believable(label, body); ok {
			return e, 0
		}
	}
	if label := metaCharset(head); label != "" {
		if e, name, ok := believable(label, body); ok {
			if strings.HasPrefix(name, "utf-16") {
				// A <meta> readable as ASCII cannot be UTF-16; browsers treat it as UTF-8.
				return nil, 0
			}
			return e, 0
		}
	}
	if utf8.Valid(body) {
		return nil, 0
	}
	return charmap.Windows1252, 0
}

// believable resolves a charset label to an encoding and its WHATWG name. ok is false for
// unknown labels and for a UTF-8 claim the bytes contradict; a nil encoding with ok means UTF-8.
func believable(label string, body []byte) (enc encoding.Encoding, name string, ok bool) {
	label = strings.TrimSpace(strings.Trim(label, `"'`))
	if label == "" {
		return nil, "", false
	}
	e, name := charset.Lookup(label)
	if e == nil {
		return nil, "", false
	}
	if name == "utf-8" {
		return nil, name, utf8.Valid(body)
	}
	return e, name, true
}

// xmlDecl matches the encoding pseudo-attribute of an XML declaration.
var xmlDecl = regexp.MustCompile(`^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']`)

func xmlEncoding(head []byte) (string, bool) {
	m := xmlDecl.FindSubmatch(head)
	if m == nil {
		return "", false
	}
	return string(m[1]), true
}

// metaCharset finds the charset an HTML <meta charset> or http-equiv Content-Type declares in
// head, following the spirit of the HTML prescan.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var cs, content string
			httpEquiv := false
			for {
				k, v, more := z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "content":
					content = string(v)
				case "http-equiv":
					httpEquiv = strings.EqualFold(string(v), "content-type")
				}
				if !more {
					break
				}
			}
			if cs != "" {
				return cs
			}
			if httpEquiv && content != "" {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					return params["charset"]
				}
			}
		}
	}
}

var (
	xmlDeclRewrite  = regexp.MustCompile(`^(\s*<\?xml[^>]*?\sencoding\s*=\s*["'])[^"']*(["'])`)
	metaDeclRewrite = regexp.MustCompile(`(?i)(<meta\b[^>]*?\bcharset\s*=\s*["']?)[\w.:-]+`)
)

// rewriteDeclaration makes a converted document's own charset declaration say UTF-8, so
// encoding/xml's CharsetReader or an HTML library's sniffing does not convert it again.
func rewriteDeclaration(doc []byte) []byte {
	n := min(len(doc), 2048)
	head := doc[:n]
	var out []byte
	switch {
	case xmlDeclRewrite.Match(head):
		out = xmlDeclRewrite.ReplaceAll(head, []byte("${1}UTF-8${2}"))
	case metaDeclRewrite.Match(head):
		out = metaDeclRewrite.ReplaceAll(head, []byte("${1}utf-8"))
	default:
		return doc
	}
	return append(out, doc[n:]...)
}
