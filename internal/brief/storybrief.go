package brief

import "math"

// Story brief weights. Support from other publishers is what makes a fact central to a story;
// position and sentence quality keep the pick readable, as for key points.
const (
	supportThreshold = 0.25 // cosine at which another article's sentence states the same fact
	briefRedundancy  = 0.4  // cosine above which a candidate repeats a chosen fact
	sameDocDiscount  = 0.85 // each earlier pick from the same article lowers the next one's score
	briefDecay       = 4.0  // position prior exp(-i/decay) within each article
	// maxDocSentences bounds the pairwise comparison, which grows with the square of the
	// story's sentences; the facts a story agrees on sit well within an article's first 40.
	maxDocSentences = 40
)

// storySentence is a sentence of one article of a story.
type storySentence struct {
	sentence
	doc int // index into docs
}

// StoryBrief returns up to n sentences that state the story's central facts across its
// articles, most central first, each citing its article. A sentence is central when other
// publishers' articles say the same thing (a close sentence in another article) and when it
// resembles the story as a whole; sentences that repeat a chosen fact are skipped, and picks
// spread over the articles rather than summarising one of them.
func StoryBrief(docs []Doc, n int) []Cited {
	if n <= 0 || len(docs) == 0 {
		return nil
	}
	if len(docs) == 1 {
		return citeKeyPoints(docs[0], n)
	}
	var all []storySentence
	perDoc := make([][]storySentence, len(docs))
	story := termCounts{}
	for d, doc := range docs {
		sents := analyse(doc.Text)
		for _, s := range sents[:min(len(sents), maxDocSentences)] {
			ss := storySentence{sentence: s, doc: d}
			all = append(all, ss)
			perDoc[d] = append(perDoc[d], ss)
			story.add(s.bag, 1)
		}
		story.add(countTerms(terms(doc.Title)), 2) // headlines name the story
	}
	scores := make([]float64, len(all))
	for i, s := range all {
		q := quality(s.text, s.nWords)
		if q == 0 {
			continue
		}
		support := 0.0
		for d := range docs {
			if d == s.doc || docs[d].Publisher != "" && docs[d].Publisher == docs[s.doc].Publisher {
				continue // agreement must come from another publisher
			}
			best := 0.0
			for _, o := range perDoc[d] {
				best = max(best, cosine(s.bag, o.bag))
			}
			if best >= supportThreshold {
				support += best
			}
		}
		support /= float64(len(docs) - 1)
		scores[i] = q * (math.Exp(-float64(s.index)/briefDecay) + support + cosine(s.bag, story))
	}
	return pickCited(docs, all, scores, n)
}

func pickCited(docs []Doc, all []storySentence, scores []float64, n int) []Cited {
	var picked []storySentence
	used := make([]int, len(docs))
	taken := make([]bool, len(all))
	for len(picked) < n {
		best, bestScore := -1, 0.0
		for i, s := range all {
			if taken[i] || scores[i] <= 0 {
				continue
			}
			sc := scores[i] * math.Pow(sameDocDiscount, float64(used[s.doc]))
			if sc > bestScore {
				best, bestScore = i, sc
			}
		}
		if best < 0 {
			break
		}
		taken[best] = true
		if repeats(all[best].sentence, sentencesOf(picked), briefRedundancy) {
			continue
		}
		picked = append(picked, all[best])
		used[all[best].doc]++
	}
	out := make([]Cited, 0, len(picked))
	for _, s := range picked {
		out = append(out, Cited{Text: cleanSentence(s.text), DocID: docs[s.doc].ID, Sentence: s.index})
	}
	return out
}

func sentencesOf(ss []storySentence) []sentence {
	out := make([]sentence, len(ss))
	for i, s := range ss {
		out[i] = s.sentence
	}
	return out
}

// citeKeyPoints is the brief of a one-article story: its key points, cited.
func citeKeyPoints(doc Doc, n int) []Cited {
	sents := analyse(doc.Text)
	p := defaultKPParams()
	picked := pickSentences(sents, scoreSentences(sents, doc.Title, nil, p), n, p)
	out := make([]Cited, 0, len(picked))
	for _, s := range picked {
		out = append(out, Cited{Text: cleanSentence(s.text), DocID: doc.ID, Sentence: s.index})
	}
	return out
}
