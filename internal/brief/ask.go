package brief

import (
	"math"
	"regexp"
	"sort"
	"strings"
)

// Ask weights. BM25's usual k1 and b; a sentence whose content fits the question's type (a
// number for "how many", a date for "when"...) gets cueBoost more, and a question is answered
// only when the best sentence covers minCoverage of the question's term weight.
const (
	bm25K1      = 1.2
	bm25B       = 0.75
	cueBoost    = 0.5
	minCoverage = 0.45
	// prevWeight carries part of the previous sentence's match into a sentence, because news
	// names a subject once and then says "he" or "it".
	prevWeight = 0.3
)

// questionType is what kind of answer a question expects.
type questionType int

const (
	qtOther questionType = iota
	qtWho
	qtWhen
	qtWhere
	qtQuantity
	qtWhy
	qtHow
)

var (
	quantityQ = regexp.MustCompile(`(?i)^(how (many|much|old|long|far|big|large|tall|high|fast|often)|what (percentage|proportion|share|number|amount|age|price|sum)|what is the (number|cost|price|total))\b`)
	whenQ     = regexp.MustCompile(`(?i)^(when|what (time|year|day|date|month)|which (year|day|date|month)|since when|by when)\b`)
	whereQ    = regexp.MustCompile(`(?i)^(where|in (which|what) (city|country|town|state|place)|which (city|country|town|state|place))\b`)
	whoQ      = regexp.MustCompile(`(?i)^(who|whom|whose|which (person|company|team|club|player|organisation|organization|party))\b`)
	whyQ      = regexp.MustCompile(`(?i)^(why|what (caused|led to|prompted|is the reason|was the reason))\b`)
	howQ      = regexp.MustCompile(`(?i)^how\b`)
)

func classify(q string) questionType {
	q = strings.TrimSpace(q)
	switch {
	case quantityQ.MatchString(q):
		return qtQuantity
	case whenQ.MatchString(q):
		return qtWhen
	case whereQ.MatchString(q):
		return qtWhere
	case whoQ.MatchString(q):
		return qtWho
	case whyQ.MatchString(q):
		return qtWhy
	case howQ.MatchString(q):
		return qtHow
	}
	return qtOther
}

// questionFiller are words of questions that say what is asked, not what it is about.
var questionFiller = setOf("happen", "happened", "happens", "name", "named", "called", "kind",
	"type", "much", "many", "long", "old", "far", "number", "percentage", "proportion", "amount",
	"time", "date", "year", "day", "month", "reason", "cause", "caused", "place", "city",
	"country", "town", "person", "mean", "means", "article", "story", "according")

var (
	dateCue     = regexp.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|yesterday|today|tomorrow|tonight|weekend|morning|afternoon|evening|night|ago|last (week|month|year)|next (week|month|year)|this (week|month|year)|(19|20)\d\d|\d{1,2}(:\d\d)? ?(am|pm|a\.m\.|p\.m\.)|\d{1,2}/\d{1,2}|since|until|decade|century|spring|summer|autumn|fall|winter)\b`)
	quantityCue = regexp.MustCompile(`(?i)(\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|quarter|double|triple|percent|per cent)\b)`)
	whyCue      = regexp.MustCompile(`(?i)\b(because|due to|as a result|owing to|so that|in order to|reason|caused|led to|after|amid|since|thanks to|blamed|following)\b`)
	howCue      = regexp.MustCompile(`(?i)\b(by|through|using|via|with|after)\b`)
)

// hasCue reports whether sentence s carries the kind of content a question of type qt asks for.
func hasCue(qt questionType, s string, ents []entity) bool {
	switch qt {
	case qtWhen:
		return dateCue.MatchString(s)
	case qtQuantity:
		return quantityCue.MatchString(s)
	case qtWhy:
		return whyCue.MatchString(s)
	case qtHow:
		return howCue.MatchString(s)
	case qtWho, qtWhere:
		want := KindPlace
		if qt == qtWho {
			want = KindPerson
		}
		for _, e := range ents {
			if e.kind == want || (qt == qtWho && e.kind == KindOrg) {
				return true
			}
		}
	}
	return false
}

// askSentence is a candidate answer.
type askSentence struct {
	storySentence
	terms []string
	ents  []entity
}

// Ask returns up to k sentences of docs that answer question, best first, each citing its
// article. Sentences are ranked with BM25 over the sentences of the given articles, boosted
// when they hold the kind of answer the question's type asks for (a person for "who", a date
// for "when", a place for "where", a number for "how many"); answered is false, with no
// answers, when no sentence covers enough of what the question is about.
func Ask(question string, docs []Doc, k int) ([]Answer, bool) {
	if k <= 0 {
		return nil, false
	}
	var qTerms []string
	for _, w := range words(question) {
		lw := strings.ToLower(w)
		if stopword(lw) || questionFiller[lw] {
			continue
		}
		qTerms = append(qTerms, term(w))
	}
	if len(qTerms) == 0 {
		return nil, false
	}
	qt := classify(question)

	var sents []askSentence
	for d, doc := range docs {
		texts := SplitSentences(doc.Text)
		ents := make([][]entity, len(texts))
		if qt == qtWho || qt == qtWhere {
			for i, t := range texts {
				ents[i] = entities([]string{t})
			}
		}
		for i, t := range texts {
			sents = append(sents, askSentence{
				storySentence: storySentence{sentence: sentence{text: t, index: i, nWords: len(words(t))}, doc: d},
				terms:         allTerms(t),
				ents:          ents[i],
			})
		}
	}
	if len(sents) == 0 {
		return nil, false
	}

	idf, avgLen := sentenceIDF(sents)
	qWeight := 0.0
	uniq := map[string]bool{}
	for _, t := range qTerms {
		if !uniq[t] {
			uniq[t] = true
			qWeight += idfOf(idf, t, len(sents))
		}
	}
	raw := make([]float64, len(sents))
	cover := make([]float64, len(sents))
	for i, s := range sents {
		raw[i], cover[i] = bm25(uniq, s.terms, idf, avgLen, len(sents))
		cover[i] /= qWeight
	}
	var ranked []askRank
	for i, s := range sents {
		score, cov := raw[i], cover[i]
		if i > 0 && sents[i-1].doc == s.doc {
			score += prevWeight * raw[i-1]
			cov = max(cov, cov+prevWeight*cover[i-1])
		}
		if score == 0 {
			continue
		}
		if hasCue(qt, s.text, s.ents) {
			score *= 1 + cueBoost
		}
		if s.nWords < 4 {
			score *= 0.5 // a heading or fragment is a poor answer
		}
		ranked = append(ranked, askRank{i, score, min(cov, 1)})
	}
	sort.SliceStable(ranked, func(a, b int) bool { return ranked[a].score > ranked[b].score })
	if len(ranked) == 0 || bestCoverage(ranked[:min(len(ranked), 3)]) < minCoverage {
		return nil, false
	}
	var out []Answer
	for _, r := range ranked[:min(k, len(ranked))] {
		s := sents[r.i]
		out = append(out, Answer{
			Cited: Cited{Text: cleanSentence(s.text), DocID: docs[s.doc].ID, Sentence: s.index},
			Score: r.score,
		})
	}
	return out, true
}

// askRank is a sentence's rank in one Ask call.
type askRank struct {
	i            int // index into the call's sentences
	score, cover float64
}

func bestCoverage(rs []askRank) float64 {
	best := 0.0
	for _, r := range rs {
		best = max(best, r.cover)
	}
	return best
}

// allTerms returns the stemmed words of s without stop words, repeats kept.
func allTerms(s string) []string { return terms(s) }

func sentenceIDF(sents []askSentence) (map[string]int, float64) {
	df := map[string]int{}
	total := 0
	for _, s := range sents {
		seen := map[string]bool{}
		for _, t := range s.terms {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
		total += len(s.terms)
	}
	return df, float64(total) / float64(len(sents))
}

// idfOf is BM25's idf, always positive; a term no sentence holds gets the largest value, so an
// unmatched rare question word weighs against answering.
func idfOf(df map[string]int, t string, n int) float64 {
	d := float64(df[t])
	return math.Log(1 + (float64(n)-d+0.5)/(d+0.5))
}

// bm25 scores a sentence's terms against the question's and returns the score and the idf
// weight of the question terms it contains.
func bm25(q map[string]bool, sTerms []string, df map[string]int, avgLen float64, n int) (score, covered float64) {
	tf := map[string]float64{}
	for _, t := range sTerms {
		if q[t] {
			tf[t]++
		}
	}
	l := float64(len(sTerms))
	for t, f := range tf {
		idf := idfOf(df, t, n)
		score += idf * f * (bm25K1 + 1) / (f + bm25K1*(1-bm25B+bm25B*l/avgLen))
		covered += idf
	}
	return score, covered
}
