// Package rouge scores a candidate summary against a reference with ROUGE-N, ROUGE-L and
// ROUGE-Lsum, following the conventions of Google's rouge-score package so our figures can be
// set beside published ones:
//
//   - tokens: lower-case the text, replace every run of characters other than a–z and 0–9 by a
//     space, split on spaces, Porter-stem tokens longer than three characters;
//   - ROUGE-N: clipped n-gram overlap; precision over the candidate's n-grams, recall over the
//     reference's, F1 their harmonic mean;
//   - ROUGE-L ("rougeL"): the longest common subsequence of the two texts as single token
//     sequences (sentence-level LCS applied to the whole text);
//   - ROUGE-Lsum ("rougeLsum"): summary-level LCS from Lin (2004): for each reference sentence,
//     the union of its LCS with every candidate sentence, each token counted at most as often as
//     it occurs on both sides.
package rouge

import (
	"strings"

	"newsdesk/internal/brief/porter"
)

// Score is one ROUGE measure; all three values are in [0, 1].
type Score struct {
	Precision, Recall, F float64
}

func newScore(hits, candidate, reference int) Score {
	if hits == 0 || candidate == 0 || reference == 0 {
		return Score{}
	}
	p := float64(hits) / float64(candidate)
	r := float64(hits) / float64(reference)
	return Score{Precision: p, Recall: r, F: 2 * p * r / (p + r)}
}

// Tokenize splits text the way rouge-score does with stemming on. Letters outside a–z,
// accented ones included, separate tokens, as they do there.
func Tokenize(text string) []string {
	text = strings.ToLower(text)
	var tokens []string
	start := -1
	for i := 0; i <= len(text); i++ {
		alnum := i < len(text) && (text[i] >= 'a' && text[i] <= 'z' || text[i] >= '0' && text[i] <= '9')
		switch {
		case alnum && start < 0:
			start = i
		case !alnum && start >= 0:
			tok := text[start:i]
			if len(tok) > 3 {
				tok = porter.Stem(tok)
			}
			tokens = append(tokens, tok)
			start = -1
		}
	}
	return tokens
}

// N returns ROUGE-N of two token sequences.
func N(candidate, reference []string, n int) Score {
	c, cTotal := ngrams(candidate, n)
	r, rTotal := ngrams(reference, n)
	hits := 0
	for g, cn := range c {
		hits += min(cn, r[g])
	}
	return newScore(hits, cTotal, rTotal)
}

func ngrams(tokens []string, n int) (map[string]int, int) {
	counts := make(map[string]int)
	total := 0
	for i := 0; i+n <= len(tokens); i++ {
		counts[strings.Join(tokens[i:i+n], " ")]++
		total++
	}
	return counts, total
}

// L returns sentence-level ROUGE-L of two token sequences.
func L(candidate, reference []string) Score {
	table := lcsTable(reference, candidate)
	return newScore(table[len(reference)][len(candidate)], len(candidate), len(reference))
}

// Lsum returns summary-level ROUGE-L of two texts given as token sequences per sentence.
func Lsum(candidate, reference [][]string) Score {
	cCounts, cTotal := counts(candidate)
	rCounts, rTotal := counts(reference)
	hits := 0
	for _, ref := range reference {
		for _, tok := range unionLCS(ref, candidate) {
			if cCounts[tok] > 0 && rCounts[tok] > 0 {
				hits++
				cCounts[tok]--
				rCounts[tok]--
			}
		}
	}
	return newScore(hits, cTotal, rTotal)
}

func counts(sentences [][]string) (map[string]int, int) {
	m := make(map[string]int)
	total := 0
	for _, s := range sentences {
		for _, tok := range s {
			m[tok]++
		}
		total += len(s)
	}
	return m, total
}

// unionLCS returns the tokens of ref that lie on an LCS with at least one candidate sentence,
// in ref order.
func unionLCS(ref []string, candidate [][]string) []string {
	in := make([]bool, len(ref))
	for _, c := range candidate {
		for _, i := range lcsIndices(ref, c) {
			in[i] = true
		}
	}
	var out []string
	for i, ok := range in {
		if ok {
			out = append(out, ref[i])
		}
	}
	return out
}

// lcsTable returns the dynamic-programming table whose [i][j] is the LCS length of a[:i], b[:j].
func lcsTable(a, b []string) [][]int {
	t := make([][]int, len(a)+1)
	for i := range t {
		t[i] = make([]int, len(b)+1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				t[i][j] = t[i-1][j-1] + 1
			} else {
				t[i][j] = max(t[i-1][j], t[i][j-1])
			}
		}
	}
	return t
}

// lcsIndices walks the table back from the end and returns the positions in a of one LCS.
// Ties step back in a, the same choice rouge-score makes, so unions match its figures.
func lcsIndices(a, b []string) []int {
	t := lcsTable(a, b)
	var rev []int
	i, j := len(a), len(b)
	for i > 0 && j > 0 {
		switch {
		case a[i-1] == b[j-1]:
			rev = append(rev, i-1)
			i--
			j--
		case t[i][j-1] > t[i-1][j]:
			j--
		default:
			i--
		}
	}
	for l, r := 0, len(rev)-1; l < r; l, r = l+1, r-1 {
		rev[l], rev[r] = rev[r], rev[l]
	}
	return rev
}

// Scores holds the four measures the summary benchmark reports.
type Scores struct {
	R1, R2, L, Lsum Score
}

// Compare scores candidate sentences against reference sentences. ROUGE-1, -2 and -L see each
// side as one text; ROUGE-Lsum keeps the sentences apart.
func Compare(candidate, reference []string) Scores {
	cSents, cAll := tokenizeAll(candidate)
	rSents, rAll := tokenizeAll(reference)
	return Scores{
		R1:   N(cAll, rAll, 1),
		R2:   N(cAll, rAll, 2),
		L:    L(cAll, rAll),
		Lsum: Lsum(cSents, rSents),
	}
}

func tokenizeAll(sentences []string) ([][]string, []string) {
	per := make([][]string, 0, len(sentences))
	var all []string
	for _, s := range sentences {
		toks := Tokenize(s)
		per = append(per, toks)
		all = append(all, toks...)
	}
	return per, all
}
