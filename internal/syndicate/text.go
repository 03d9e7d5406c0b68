package syndicate

import "strings"

// clean drops the characters XML 1.0 cannot carry (C0 controls other than tab and line
// breaks, U+FFFE/U+FFFF). encoding/xml would write U+FFFD for them; a
// stray control byte in a headline is noise, not a character worth a replacement glyph.
// JSON Feed gets the same text, so the three formats agree.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF:
			return -1
		}
		return r
	}, s)
}

// asHTML is plain text as an HTML fragment. RSS readers take <title> and <description> as
// HTML whatever the spec's silence, and Atom says so with type="html": escaping once means
// "Tom & Jerry <3" reads the same in all of them instead of losing its "<3".
// Quotes need no escaping outside attributes.
func asHTML(s string) string { return htmlEscaper.Replace(clean(s)) }

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func cleanAll(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = clean(s)
	}
	return out
}
