package section

import "unicode/utf8"

// stemRunes cuts every word to its first runes: a crude stemmer that works alike in the five
// languages (election/elections, Wirtschaft/wirtschaftlich) and keeps the vocabulary small.
const stemRunes = 7

// titleWeight counts a headline word as this many body words: a headline is the densest
// statement of what an article is about.
const titleWeight = 3

// maxTextWords bounds the body words read: the opening of an article places it as well as
// the whole, at a fraction of the cost.
const maxTextWords = 400

// tokens returns the classifier's terms of an article with their counts.
func tokens(title, text string) map[string]int {
	out := map[string]int{}
	addWords(out, title, titleWeight, 0)
	addWords(out, text, 1, maxTextWords)
	return out
}

func addWords(out map[string]int, s string, weight, limit int) {
	n := 0
	for _, w := range splitWords(s) {
		if limit > 0 && n >= limit {
			return
		}
		n++
		if utf8.RuneCountInString(w) < 3 || stopWords[w] || isNumber(w) {
			continue
		}
		if k := stem(w); out[k] < weight {
			out[k] = weight
		}
	}
}

func stem(w string) string {
	i, n := 0, 0
	for i < len(w) && n < stemRunes {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
		n++
	}
	return w[:i]
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
