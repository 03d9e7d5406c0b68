package brief

import (
	"math"
	"sort"
)

// kpParams are the few knobs of the key-point scorer. They were tuned on half of a news
// summarisation set and checked on the other half (see docs/ai.md); keep them few.
type kpParams struct {
	decay      float64 // position prior exp(-i/decay): news puts the facts first
	centrality float64 // weight of similarity to the rest of the article (and story)
	title      float64 // weight of similarity to the headline
	redundancy float64 // cosine above which a candidate repeats a chosen point
	shortWords int     // sentences shorter than this many words are discounted linearly
	budget     int     // words per requested point; picking stops once n*budget words are in
	// overshoot bounds how far past the budget a later pick may take the total (as a factor
	// of the budget); a longer sentence is passed over for a shorter one further down.
	overshoot float64
}

func defaultKPParams() kpParams {
	return kpParams{decay: 1.5, centrality: 1, title: 0.3, redundancy: 0.5, shortWords: 10, budget: 23, overshoot: 1.3}
}

// sentence is one sentence of a document with what scoring needs.
type sentence struct {
	text   string
	index  int // position in its document
	nWords int
	bag    termCounts
}

func analyse(text string) []sentence {
	raw := SplitSentences(text)
	out := make([]sentence, 0, len(raw))
	for i, s := range raw {
		out = append(out, sentence{text: s, index: i, nWords: len(words(s)), bag: countTerms(terms(s))})
	}
	return out
}

// KeyPoints returns up to n sentences of text that tell its story, in reading order. Sentences
// are scored by position (news writes the facts first), fitness to stand alone (no captions,
// bylines, questions, fragments), and centrality: similarity to the rest of the article, to the
// headline, and to the other articles of the same story when related texts are given. Picks
// that repeat an earlier pick are skipped.
func KeyPoints(title, text string, n int, related ...[]string) []string {
	var rel []string
	for _, r := range related {
		rel = append(rel, r...)
	}
	return keyPoints(title, text, n, rel, defaultKPParams())
}

func keyPoints(title, text string, n int, related []string, p kpParams) []string {
	sents := analyse(text)
	if n <= 0 || len(sents) == 0 {
		return nil
	}
	picked := pickSentences(sents, scoreSentences(sents, title, related, p), n, p)
	out := make([]string, 0, len(picked))
	for _, s := range picked {
		out = append(out, cleanSentence(s.text))
	}
	return out
}

func scoreSentences(sents []sentence, title string, related []string, p kpParams) []float64 {
	doc := termCounts{}
	for _, s := range sents {
		doc.add(s.bag, 1)
	}
	story := termCounts{}
	for _, r := range related {
		story.add(countTerms(terms(r)), 1)
	}
	head := countTerms(terms(title))
	docSq := 0.0
	for _, x := range doc {
		docSq += x * x
	}
	scores := make([]float64, len(sents))
	for i, s := range sents {
		q := quality(s.text, s.nWords)
		if q == 0 {
			continue
		}
		// Similarity to the article without the sentence itself, so long sentences do not
		// win by matching their own words.
		central := cosineWithoutSelf(s.bag, doc, docSq)
		if len(story) > 0 {
			central = (central + cosine(s.bag, story)) / 2
		}
		score := math.Exp(-float64(i)/p.decay) + p.centrality*central
		if len(head) > 0 {
			score += p.title * cosine(s.bag, head)
		}
		if s.nWords < p.shortWords {
			q *= float64(s.nWords) / float64(p.shortWords)
		}
		scores[i] = q * score
	}
	return scores
}

// pickSentences takes the best-scored sentences, skipping near-repeats, until it has n of them
// or budget words, and returns them in document order. The word budget keeps three long
// sentences from becoming a paragraph: readers (and ROUGE) want points, not the article.
func pickSentences(sents []sentence, scores []float64, n int, p kpParams) []sentence {
	budget := n * p.budget
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]] > scores[order[b]] })
	var picked []sentence
	total := 0
	for _, i := range order {
		if len(picked) == n || total >= budget || scores[i] <= 0 {
			break
		}
		if repeats(sents[i], picked, p.redundancy) {
			continue
		}
		if len(picked) > 0 && p.overshoot > 0 && float64(total+sents[i].nWords) > p.overshoot*float64(budget) {
			continue
		}
		picked = append(picked, sents[i])
		total += sents[i].nWords
	}
	sort.Slice(picked, func(a, b int) bool { return picked[a].index < picked[b].index })
	return picked
}

func repeats(s sentence, picked []sentence, threshold float64) bool {
	for _, p := range picked {
		if cosine(s.bag, p.bag) > threshold {
			return true
		}
	}
	return false
}

// Lead returns the first n sentences of text unchanged: the Lead-3 baseline when n is 3.
func Lead(text string, n int) []string {
	s := SplitSentences(text)
	return s[:min(n, len(s))]
}

// cosineWithoutSelf is cosine(a, doc−a) for a bag a contained in doc, from the dot product
// and norms instead of building doc−a: copying the article's bag once per sentence made
// key points quadratic in article length.
func cosineWithoutSelf(a, doc termCounts, docSq float64) float64 {
	ad, aa := 0.0, 0.0
	for t, x := range a {
		ad += x * doc[t]
		aa += x * x
	}
	dot := ad - aa
	restSq := docSq - 2*ad + aa
	if dot <= 0 || restSq <= 0 || aa == 0 {
		return 0
	}
	return dot / (math.Sqrt(aa) * math.Sqrt(restSq))
}
