package rouge

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{"The cat's 3.5 hats!", []string{"the", "cat", "s", "3", "5", "hat"}},
		{"Running dogs RUN", []string{"run", "dog", "run"}},
		{"café U.S.-led", []string{"caf", "u", "s", "led"}}, // é separates tokens, as in rouge-score
		{"  ", nil},
	}
	for _, tt := range tests {
		if got := Tokenize(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func checkScore(t *testing.T, name string, got Score, p, r float64) {
	t.Helper()
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	if !near(got.Precision, p) || !near(got.Recall, r) || !near(got.F, f) {
		t.Errorf("%s = %+v, want P=%.4f R=%.4f F=%.4f", name, got, p, r, f)
	}
}

func words(s string) []string { return strings.Fields(s) }

func TestN(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, cand, ref string
		n               int
		p, r            float64
	}{
		// unigrams: the×2, cat, on, mat shared out of six each side
		{"r1 one word differs", "the cat sat on the mat", "the cat lay on the mat", 1, 5.0 / 6, 5.0 / 6},
		// bigrams: "the cat", "on the", "the mat" of five each side
		{"r2 one word differs", "the cat sat on the mat", "the cat lay on the mat", 2, 3.0 / 5, 3.0 / 5},
		// counts clip: "the" twice in the candidate, once in the reference
		{"r1 clipped", "the the cat", "the cat sat down", 1, 2.0 / 3, 2.0 / 4},
		{"r1 disjoint", "a b", "c d", 1, 0, 0},
		{"r2 too short", "a", "a", 2, 0, 0},
	}
	for _, tt := range tests {
		checkScore(t, tt.name, N(words(tt.cand), words(tt.ref), tt.n), tt.p, tt.r)
	}
}

func TestL(t *testing.T) {
	t.Parallel()
	// LCS "the cat on the mat" = 5 tokens of 6 on each side.
	checkScore(t, "L", L(words("the cat sat on the mat"), words("the cat lay on the mat")), 5.0/6, 5.0/6)
	// Order matters for L but not for R1: LCS of "b a" and "a b" is 1.
	checkScore(t, "L reversed", L(words("b a"), words("a b")), 0.5, 0.5)
	checkScore(t, "L empty", L(nil, words("a")), 0, 0)
}

func TestLsum(t *testing.T) {
	t.Parallel()
	// Lin (2004), section 3.2: r = w1..w5, c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5.
	// LCS(r,c1) = w1 w2 and LCS(r,c2) = w1 w3 w5; their union w1 w2 w3 w5 gives 4 hits,
	// over 10 candidate and 5 reference tokens.
	ref := [][]string{words("w1 w2 w3 w4 w5")}
	cand := [][]string{words("w1 w2 w6 w7 w8"), words("w1 w3 w8 w9 w5")}
	checkScore(t, "Lsum Lin", Lsum(cand, ref), 4.0/10, 4.0/5)

	// Two reference sentences each matched by a different candidate sentence in the opposite
	// order: summary-level LCS finds both (4 hits), whole-text LCS only one sentence's worth.
	ref2 := [][]string{words("a b"), words("c d")}
	cand2 := [][]string{words("c d"), words("a b")}
	checkScore(t, "Lsum reordered", Lsum(cand2, ref2), 1, 1)
	checkScore(t, "L reordered", L(words("c d a b"), words("a b c d")), 0.5, 0.5)

	// A token used up by one reference sentence is not counted again for another.
	ref3 := [][]string{words("x y"), words("x z")}
	cand3 := [][]string{words("x")}
	checkScore(t, "Lsum clipped", Lsum(cand3, ref3), 1, 1.0/4)
}

func TestCompare(t *testing.T) {
	t.Parallel()
	got := Compare([]string{"The cats sat.", "On the mat!"}, []string{"The cat sat on the mat."})
	// tokens: the cat sat on the mat on both sides (cats stems to cat)
	checkScore(t, "R1", got.R1, 1, 1)
	checkScore(t, "R2", got.R2, 1, 1)
	checkScore(t, "L", got.L, 1, 1)
	checkScore(t, "Lsum", got.Lsum, 1, 1)
}
