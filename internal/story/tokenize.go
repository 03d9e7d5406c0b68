package story

import (
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

// words calls fn for every content word of s, after folding case and diacritics, dropping
// the language's stop words and, when stem is set, stemming. sentenceStart tells fn whether
// the word began a sentence, so capitalisation can be read as a sign of a proper noun only
// where it is not forced by grammar (German capitalises every noun, so there it is no sign).
func (tk *tokenizer) words(s string, lang language, stem bool, fn func(w []byte, capital, sentenceStart bool)) {
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
				if f := foldRune(r); f != 0 {
					tk.buf = utf8.AppendRune(tk.buf, f)
				} else {
					tk.buf = append(tk.buf, foldWide(r)...)
				}
				j += size
				continue
			}
			if (r == '\'' || r == '’') && lang.elides() {
				break // "l'équipe": the article is a word of its own
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
		if len(w) == 0 || tk.isStopword(lang, w) {
			start = false
			continue
		}
		if stem {
			// English lists inflected filler by its stem ("updat"), so it is checked again.
			if w = lang.stem(w); lang == langEnglish && tk.isStopword(lang, w) {
				start = false
				continue
			}
		}
		if lang == langGerman {
			capital = false
		}
		fn(w, capital, start)
		start = false
	}
}

func toLower(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
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

func (tk *tokenizer) isStopword(l language, w []byte) bool {
	if len(w) == 1 && !(w[0] >= '0' && w[0] <= '9') {
		return true
	}
	return stopwords.has(l, w)
}
