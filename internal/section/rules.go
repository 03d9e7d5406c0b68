package section

import (
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// FromCategories places an article by its feed's categories: the first category that names
// a section, as a whole ("Middle East" → middleeast) or by one of its words ("US Politics").
func FromCategories(categories []string) (Section, bool) {
	for _, c := range categories {
		if s, ok := lookup(c); ok {
			return s, true
		}
	}
	return "", false
}

// FromURL places an article by a section word in its URL: a directory of the path
// (/sport/…, /wirtschaft/…, /es/deportes/…) or the first label of the host (sport.example).
// The last path segment is the article's own slug and is not read: a headline that
// mentions football says less than a section directory does, and the classifier reads it.
func FromURL(raw string) (Section, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	segs := strings.Split(strings.Trim(u.EscapedPath(), "/"), "/")
	if !strings.HasSuffix(u.Path, "/") && len(segs) > 0 {
		segs = segs[:len(segs)-1]
	}
	for _, seg := range segs {
		if p, err := url.PathUnescape(seg); err == nil {
			seg = p
		}
		if s, ok := lookup(seg); ok {
			return s, true
		}
	}
	if host := u.Hostname(); strings.Count(host, ".") >= 2 {
		if s, ok := sectionWords[fold(host[:strings.IndexByte(host, '.')])]; ok {
			return s, true
		}
	}
	return "", false
}

// lookup finds the section a category or path segment names: whole, then word by word.
func lookup(s string) (Section, bool) {
	words := splitWords(s)
	if sec, ok := sectionWords[strings.Join(words, "")]; ok {
		return sec, true
	}
	// A long category is a sentence or a list of tags, not a section name.
	if len(words) > 3 {
		return "", false
	}
	for _, w := range words {
		if sec, ok := sectionWords[w]; ok {
			return sec, true
		}
	}
	return "", false
}

// splitWords folds s and cuts it into runs of letters and digits.
func splitWords(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

// fold lower-cases s and strips diacritics, with the German spellings of umlauts and ß
// that URLs use (Fußball → fussball, Märkte → maerkte is matched as markte and maerkte).
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r == 'ß':
			b.WriteString("ss")
		case unicode.Is(unicode.Mn, r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
