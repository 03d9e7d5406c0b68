package extract

import (
	"unicode"
	"unicode/utf8"
)

// Quality scoring as the article-extraction-benchmark defines it: word tokens are runs of
// Unicode word characters (\w+), case kept; shingles are word 4-grams (a text of fewer than
// four tokens is one shorter shingle); prediction and truth are compared as multisets.

// PageScore is one page's comparison of predicted and true text.
type PageScore struct {
	TP, FP, FN   int
	PredShingles int
	TrueShingles int
	Exact        bool // the token lists are equal
}

// Precision is tp/(tp+fp), 1 when there is nothing to get wrong.
func (s PageScore) Precision() float64 {
	if s.FP == 0 && s.FN == 0 {
		return 1
	}
	if s.TP+s.FP == 0 {
		return 0
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Recall is tp/(tp+fn), 1 when there is nothing to get wrong.
func (s PageScore) Recall() float64 {
	if s.FP == 0 && s.FN == 0 {
		return 1
	}
	if s.TP+s.FN == 0 {
		return 0
	}
	return float64(s.TP) / float64(s.TP+s.FN)
}

// ScoreText compares a predicted article text with the true one.
func ScoreText(pred, truth string) PageScore {
	pt, tt := wordTokens(pred), wordTokens(truth)
	ps, ts := shingles(pt), shingles(tt)
	s := PageScore{Exact: equalTokens(pt, tt)}
	for k, n := range ps {
		s.PredShingles += n
		m := ts[k]
		s.TP += min(n, m)
	}
	for _, n := range ts {
		s.TrueShingles += n
	}
	s.FP = s.PredShingles - s.TP
	s.FN = s.TrueShingles - s.TP
	return s
}

// Totals averages page scores as the benchmark does: precision over pages whose prediction
// has shingles, recall over pages whose truth has shingles, F1 from the two averages, and
// accuracy as the share of pages whose token lists are equal.
type Totals struct {
	Pages                           int
	Precision, Recall, F1, Accuracy float64
}

// Summarize computes Totals from page scores.
func Summarize(scores []PageScore) Totals {
	var t Totals
	var pn, rn, exact int
	for _, s := range scores {
		if s.PredShingles > 0 {
			t.Precision += s.Precision()
			pn++
		}
		if s.TrueShingles > 0 {
			t.Recall += s.Recall()
			rn++
		}
		if s.Exact {
			exact++
		}
	}
	t.Pages = len(scores)
	if pn > 0 {
		t.Precision /= float64(pn)
	}
	if rn > 0 {
		t.Recall /= float64(rn)
	}
	if t.Precision+t.Recall > 0 {
		t.F1 = 2 * t.Precision * t.Recall / (t.Precision + t.Recall)
	}
	if t.Pages > 0 {
		t.Accuracy = float64(exact) / float64(t.Pages)
	}
	return t
}

// wordTokens splits s into runs of letters, digits, marks and connector punctuation, which is
// what Python's Unicode \w matches.
func wordTokens(s string) []string {
	var toks []string
	start := -1
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		word := r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
			unicode.Is(unicode.Pc, r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.No, r)
		if word && start < 0 {
			start = i
		} else if !word && start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
		i += w
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

type shingle [4]string

func shingles(toks []string) map[shingle]int {
	m := make(map[shingle]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	if len(toks) < 4 {
		var k shingle
		copy(k[:], toks)
		m[k]++
		return m
	}
	for i := 0; i+4 <= len(toks); i++ {
		m[shingle{toks[i], toks[i+1], toks[i+2], toks[i+3]}]++
	}
	return m
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
