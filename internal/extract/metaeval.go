package extract

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Metadata scoring, used by `newsdesk bench extract --metadata`. Each comparison states what
// counts as the same: the targets are title exact, date to the day, and byline.

// SameTitle reports whether got is exactly the headline want, white space aside.
func SameTitle(got, want string) bool {
	return collapseSpace(got) == collapseSpace(want)
}

// SameDay reports whether got falls on want's calendar day, both read in got's own offset:
// the day the page gives, whichever zone the truth was recorded in.
func SameDay(got *time.Time, want time.Time) bool {
	return got != nil && got.Format(time.DateOnly) == want.In(got.Location()).Format(time.DateOnly)
}

// SameByline reports whether got and want name the same people: the names are compared as
// sets, ignoring case, punctuation, the joining words ("and", "und", "et", "y", "e"), a
// leading "By" and job titles after a comma ("By Jane Doe, AP Auto Writer" is "Jane Doe").
func SameByline(got, want string) bool {
	g, w := bylineNames(got), bylineNames(want)
	if len(g) == 0 || len(g) != len(w) {
		return false
	}
	for n := range w {
		if !g[n] {
			return false
		}
	}
	return true
}

func bylineNames(s string) map[string]bool {
	names := map[string]bool{}
	s = dropJobTitles(strings.TrimSpace(s))
	if loc := bylineLead.FindStringIndex(s); loc != nil {
		s = s[loc[1]-1:] // the lead pattern ends on the name's first character
	}
	for _, part := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ',' || r == '&' || r == ';' || r == '/' }) {
		for _, name := range splitWords(part, " and ", " und ", " et ", " y ", " e ") {
			var b strings.Builder
			for _, f := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(f)
			}
			if b.Len() > 0 {
				names[b.String()] = true
			}
		}
	}
	return names
}

func splitWords(s string, seps ...string) []string {
	out := []string{s}
	for _, sep := range seps {
		var next []string
		for _, p := range out {
			next = append(next, strings.Split(p, sep)...)
		}
		out = next
	}
	return out
}

// PageLD is what a page's own JSON-LD says about its article: its headline, publication
// date (as written) and the names of its authors.
type PageLD struct {
	Headline  string
	Published string
	Authors   []string
}

// ReadPageLD returns the first article-typed JSON-LD object of an HTML page. It is written
// apart from the extractor's metadata reader, so that the benchmark compares the extractor
// with the page rather than with itself.
func ReadPageLD(page []byte) (PageLD, bool) {
	z := html.NewTokenizer(bytes.NewReader(page))
	inLD := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return PageLD{}, false
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			inLD = false
			if atom.Lookup(name) != atom.Script {
				continue
			}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if string(k) == "type" && bytes.Contains(bytes.ToLower(v), []byte("ld+json")) {
					inLD = true
				}
			}
		case html.TextToken:
			if !inLD {
				continue
			}
			inLD = false
			var v any
			if json.Unmarshal(bytes.TrimSpace(z.Text()), &v) != nil {
				continue
			}
			if ld, ok := findArticleLD(v, 0); ok {
				return ld, true
			}
		}
	}
}

func findArticleLD(v any, depth int) (PageLD, bool) {
	if depth > 6 {
		return PageLD{}, false
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if ld, ok := findArticleLD(e, depth+1); ok {
				return ld, true
			}
		}
	case map[string]any:
		if ld, ok := findArticleLD(x["@graph"], depth+1); ok {
			return ld, true
		}
		if !isArticleType(x["@type"]) {
			return PageLD{}, false
		}
		ld := PageLD{Headline: plainString(x["headline"]), Published: plainString(x["datePublished"])}
		var add func(any)
		add = func(a any) {
			switch y := a.(type) {
			case string:
				ld.Authors = append(ld.Authors, y)
			case []any:
				for _, e := range y {
					add(e)
				}
			case map[string]any:
				if n := plainString(y["name"]); n != "" {
					ld.Authors = append(ld.Authors, n)
				}
			}
		}
		add(x["author"])
		return ld, true
	}
	return PageLD{}, false
}

func isArticleType(t any) bool {
	switch y := t.(type) {
	case string:
		return strings.HasSuffix(strings.ToLower(y), "article") || strings.EqualFold(y, "BlogPosting") || strings.EqualFold(y, "LiveBlogPosting")
	case []any:
		for _, e := range y {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func plainString(v any) string {
	switch y := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(y))
	case []any:
		if len(y) > 0 {
			return plainString(y[0])
		}
	}
	return ""
}

// ParseLDDate reads an ISO 8601 date as JSON-LD writes it. A date without a zone is read
// as UTC; the bool is false when s is not such a date.
func ParseLDDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.999999999Z0700",
		"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", time.DateOnly} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			// Year 1 is a CMS's empty date written out, not a date.
			return t, t.Year() > 1900
		}
	}
	return time.Time{}, false
}
