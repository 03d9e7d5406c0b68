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

// tokens returns the classifier's terms of an article with their weights. A term counts
// once per field however often it is repeated there (titleWeight in the headline, 1 in the
// body): a long article that repeats a word is no more sure of its section than a short one,
// and presence keeps long texts from outvoting the rest of the training data.
func tokens(title, text string) map[string]int {
	out := map[string]int{}
	addWords(out, title, titleWeight, 0)
	addWords(out, text, 1, maxTextWords)
	return out
}

// addWords adds weight for each distinct term among the first limit words of s (all when
// limit is 0).
func addWords(out map[string]int, s string, weight, limit int) {
	seen := map[string]bool{}
	for i, w := range splitWords(s) {
		if limit > 0 && i >= limit {
			break
		}
		if utf8.RuneCountInString(w) < 3 || stopWords[w] || isNumber(w) {
			continue
		}
		if k := stem(w); !seen[k] {
			seen[k] = true
			out[k] += weight
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
