package web

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

const maxSlugLen = 80

// slugify turns a headline into the readable tail of an article URL: lower-case ASCII
// letters and digits joined by single hyphens. Accents are dropped ("Zürich" → "zurich");
// scripts without an ASCII spelling give an empty slug, and the URL is then just the id.
// The slug is decoration: the id alone decides which article a URL shows.
func slugify(title string) string {
	var b strings.Builder
	hyphen, cut := false, false
	for _, r := range norm.NFKD.String(title) {
		switch {
		case unicode.Is(unicode.Mn, r): // a combining accent split off by NFKD
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’': // "Europe's" → "europes", not "europe-s"
			continue
		default:
			hyphen = true
		}
		if b.Len() > maxSlugLen {
			cut = true
			break
		}
	}
	s := b.String()
	if cut {
		wordEnds := s[maxSlugLen] == '-'
		s = s[:maxSlugLen]
		if i := strings.LastIndexByte(s, '-'); !wordEnds && i > maxSlugLen/2 {
			s = s[:i] // do not end on half a word
		}
	}
	return strings.Trim(s, "-")
}

// articlePath is the canonical path of an article page.
func articlePath(id int64, title string) string {
	p := "/article/" + strconv.FormatInt(id, 10)
	if slug := slugify(title); slug != "" {
		p += "/" + slug
	}
	return p
}

func publisherPath(id int64) string {
	return "/publisher/" + strconv.FormatInt(id, 10)
}
