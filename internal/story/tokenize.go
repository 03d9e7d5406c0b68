package story

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one content word of a text, reduced to a comparable form.
type token struct {
	hash   uint64
	entity bool // a proper noun or a number: names the who/where/how-much of an event
}

// tokenizer splits text into content tokens. It keeps a scratch buffer so that tokenising
// does not allocate per word; it is not safe for concurrent use.
type tokenizer struct {
	buf []byte
}

// fnv-1a, inlined so hashing a word costs no allocation.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// pairHash combines two term hashes into the hash of the ordered bigram.
func pairHash(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ (b + 0x632BE59BD9B4E019 + (a << 6) + (a >> 2))
	return h ^ h>>29
}

// words calls fn for every content word of s, after lower-casing, dropping stopwords and
// stemming. sentenceStart tells fn whether the word began a sentence, so capitalisation can
// be read as a sign of a proper noun only where it is not forced by grammar.
func (tk *tokenizer) words(s string, stem bool, fn func(w []byte, capital, sentenceStart bool)) {
	start := true // at the beginning of a sentence
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == ':' || r == '\n' || r == '"' || r == '“' {
				start = true
			}
			i += size
			continue
		}
		tk.buf = tk.buf[:0]
		capital := unicode.IsUpper(r)
		j := i
		for j < len(s) {
			r, size = utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				tk.buf = utf8.AppendRune(tk.buf, unicode.ToLower(r))
				j += size
				continue
			}
			// Keep inner apostrophes, hyphens and dots between letters or digits
			// ("o'neill", "t-mobile", "u.s.") as one word.
			if (r == '\'' || r == '’' || r == '-' || r == '.' || r == ',') && j+size < len(s) {
				next, _ := utf8.DecodeRuneInString(s[j+size:])
				if isWordRune(next) && (r != ',' || unicode.IsDigit(next) && len(tk.buf) > 0 && tk.buf[len(tk.buf)-1] >= '0' && tk.buf[len(tk.buf)-1] <= '9') {
					if r == '\'' || r == '’' {
						// possessive 's and contractions: drop the suffix
						if (next == 's' || next == 't') && (j+size+1 >= len(s) || !isWordRune(rune(s[j+size+1]))) {
							j += size + 1
							break
						}
					}
					if r == '-' {
						tk.buf = append(tk.buf, '-')
					}
					j += size
					continue
				}
			}
			break
		}
		i = j
		w := tk.buf
		if stem {
			w = stemEnglish(w)
		}
		if len(w) == 0 || isStopword(w) {
			start = false
			continue
		}
		fn(w, capital, start)
		start = false
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// stemEnglish strips the commonest inflections so that "recalls", "recalled" and "recall"
// meet. It is deliberately light: headline matching needs agreement, not linguistics.
func stemEnglish(w []byte) []byte {
	n := len(w)
	switch {
	case n > 4 && hasSuffix(w, "ies"):
		w = append(w[:n-3], 'y')
	case n > 4 && hasSuffix(w, "sses"):
		w = w[:n-2]
	case n > 3 && w[n-1] == 's' && !hasSuffix(w, "ss") && !hasSuffix(w, "us") && !hasSuffix(w, "is"):
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case n > 6 && hasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 5 && hasSuffix(w, "ied"):
		w = append(w[:n-3], 'y')
	case n > 5 && hasSuffix(w, "ed") && !hasSuffix(w, "eed"):
		w = w[:n-2]
	}
	return w
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

func isStopword(w []byte) bool {
	if len(w) == 1 && !(w[0] >= '0' && w[0] <= '9') {
		return true
	}
	_, ok := stopwords[string(w)] // no allocation: the compiler special-cases this lookup
	return ok
}

// stopwords are English function words plus the words news headlines use for every story
// ("update", "video", "report"), which say nothing about which story an article is on.
var stopwords = func() map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at
	be because been before being below between both but by can could did do does doing down during each
	few for from further had has have having he her here hers herself him himself his how i if in into is
	it its itself just me more most my myself no nor not now of off on once only or other our ours out
	over own same she should so some such than that the their theirs them themselves then there these
	they this those through to too under until up very was we were what when where which while who whom
	why will with would you your yours yourself yet via vs amid per us may might must shall ever
	update updat refile rpt wrapup corrected correct exclusive breaking video photo photos watch
	report say says said new news today week year day live here's what's it's don't can't won't
	one two three first get gets got make makes made take takes go goes going come comes know see
	look looks want wants back still way like just now over`) {
		m[w] = struct{}{}
	}
	return m
}()
