package brief

import (
	"strings"
	"unicode"

	"newsdesk/internal/brief/porter"
)

// words returns the words of s: runs of letters and digits, with inner apostrophes and hyphens
// kept ("don't", "Covid-19"), case preserved.
func words(s string) []string {
	var out []string
	start := -1
	runes := []rune(s)
	for i, r := range runes {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		if !inWord && start >= 0 && (r == '\'' || r == '’' || r == '-') &&
			i+1 < len(runes) && (unicode.IsLetter(runes[i+1]) || unicode.IsDigit(runes[i+1])) {
			continue // joiner inside a word
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, string(runes[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, string(runes[start:]))
	}
	return out
}

// term normalises a word for matching: lower case, possessive dropped, Porter stem for plain
// ASCII words (other scripts and accented words are matched as written, lower-cased).
func term(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	w = strings.ReplaceAll(w, "’", "'")
	if base, ok := irregular[w]; ok {
		w = base
	}
	return porter.Stem(w)
}

// terms returns the content terms of s: stop words and bare punctuation dropped, stemmed.
func terms(s string) []string {
	ws := words(s)
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		lw := strings.TrimSuffix(strings.ReplaceAll(strings.ToLower(w), "’", "'"), "'s")
		if stopword(lw) && !(len(w) > 1 && allCaps(w)) { // "US" is a place, "us" a pronoun
			continue
		}
		out = append(out, term(w))
	}
	return out
}

// termCounts is a bag of terms.
type termCounts map[string]float64

func countTerms(ts []string) termCounts {
	c := make(termCounts, len(ts))
	for _, t := range ts {
		c[t]++
	}
	return c
}
