package brief

import (
	"math"
	"regexp"
	"sort"
	"strings"
)

// askParams are Ask's few weights.
type askParams struct {
	k1, b float64 // BM25's term saturation and length normalisation
	// cue multiplies the score of a sentence holding the kind of content the question's type
	// asks for (a number for "how many", a date for "when"...) by 1+cue.
	cue float64
	// minCoverage is the share of the question's term weight the best sentences must cover for
	// the article to count as answering.
	minCoverage float64
	// prev carries part of the previous sentence's match into a sentence, because news names a
	// subject once and then says "he" or "it".
	prev float64
	// title is the share of a question term's weight a headline match counts for.
	title float64
	// lead favours early sentences, which hold an article's main facts: score × (1+lead·e^(-i/5)).
	lead float64
}

func defaultAskParams() askParams {
	return askParams{k1: 1.2, b: 0.5, cue: 0.5, minCoverage: 0.45, prev: 0.3, title: 0.5, lead: 0.5}
}

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
var questionFiller = setOf("happen", "happened", "happens", "kind", "type", "much", "many",
	"long", "old", "far", "number", "percentage", "proportion", "amount", "time", "date", "year",
	"day", "month", "place", "city", "country", "town", "person", "mean", "means", "article",
	"story", "according")

var (
	dateCue     = regexp.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|yesterday|today|tomorrow|tonight|weekend|morning|afternoon|evening|night|ago|last (week|month|year)|next (week|month|year)|this (week|month|year)|(19|20)\d\d|\d{1,2}(:\d\d)? ?(am|pm|a\.m\.|p\.m\.)|\d{1,2}/\d{1,2}|since|until|decade|century|spring|summer|autumn|fall|winter)\b`)
	quantityCue = regexp.MustCompile(`(?i)(\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|quarter|double|triple|percent|per cent)\b)`)
	whyCue      = regexp.MustCompile(`(?i)\b(because|due to|as a result|owing to|so that|in order to|reason|caused|led to|after|amid|since|thanks to|blamed|following)\b`)
	howCue      = regexp.MustCompile(`(?i)\b(by|through|using|used|uses|via|with|after)\b`)
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
	return ask(question, docs, k, defaultAskParams())
}

func ask(question string, docs []Doc, k int, p askParams) ([]Answer, bool) {
	if k <= 0 {
		return nil, false
	}
	q := parseQuestion(question)
	if len(q.terms) == 0 {
		return nil, false
	}
	qt := q.kind

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
				terms:         expandAll(terms(t)),
				ents:          ents[i],
			})
		}
	}
	if len(sents) == 0 {
		return nil, false
	}

	idf, avgLen := sentenceIDF(sents)
	n := len(sents)
	qWeight := 0.0
	for _, t := range q.terms {
		qWeight += idfOf(idf, t, n)
	}
	titles := make([]map[string]bool, len(docs))
	for d, doc := range docs {
		titles[d] = map[string]bool{}
		for _, t := range terms(doc.Title) {
			titles[d][expand(t)] = true
		}
	}
	raw := make([]float64, n)
	cover := make([]float64, n)
	for i, s := range sents {
		raw[i], cover[i] = q.bm25(s.terms, idf, avgLen, n, p.k1, p.b)
		cover[i] /= qWeight
	}
	// What the headline says, every sentence of the article is about: a question term found
	// only there counts half towards whether the article answers.
	titleCover := make([]float64, len(docs))
	for d := range docs {
		for _, t := range q.terms {
			if titles[d][t] {
				titleCover[d] += p.title * idfOf(idf, t, n) / qWeight
			}
		}
	}
	var ranked []askRank
	for i, s := range sents {
		score, cov := raw[i], cover[i]+titleCover[s.doc]
		if i > 0 && sents[i-1].doc == s.doc {
			score += p.prev * raw[i-1]
			cov += p.prev * cover[i-1]
		}
		if score == 0 {
			continue
		}
		if hasCue(qt, s.text, s.ents) {
			score *= 1 + p.cue
		}
		score *= 1 + p.lead*math.Exp(-float64(s.index)/5)
		if s.nWords < 4 {
			score *= 0.5 // a heading or fragment is a poor answer
		}
		ranked = append(ranked, askRank{i, score, min(cov, 1)})
	}
	sort.SliceStable(ranked, func(a, b int) bool { return ranked[a].score > ranked[b].score })
	if len(ranked) == 0 || bestCoverage(ranked[:min(len(ranked), 3)]) < p.minCoverage {
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

func expandAll(ts []string) []string {
	for i, t := range ts {
		ts[i] = expand(t)
	}
	return ts
}

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

// question is a parsed question: its content terms, each mapped to its synonym group's head,
// and the kind of answer it expects.
type question struct {
	terms []string // distinct
	kind  questionType
}

func parseQuestion(text string) question {
	q := question{kind: classify(text)}
	seen := map[string]bool{}
	for _, w := range words(text) {
		lw := strings.ToLower(w)
		if stopword(lw) || questionFiller[lw] {
			continue
		}
		t := expand(term(w))
		if !seen[t] {
			seen[t] = true
			q.terms = append(q.terms, t)
		}
	}
	return q
}

// bm25 scores a sentence's terms (already expanded) against the question's and returns the
// score and the idf weight of the question terms it contains.
func (q question) bm25(sTerms []string, df map[string]int, avgLen float64, n int, k1, b float64) (score, covered float64) {
	tf := map[string]float64{}
	for _, t := range sTerms {
		tf[t]++
	}
	l := float64(len(sTerms))
	for _, t := range q.terms {
		f := tf[t]
		if f == 0 {
			continue
		}
		idf := idfOf(df, t, n)
		score += idf * f * (k1 + 1) / (f + k1*(1-b+b*l/avgLen))
		covered += idf
	}
	return score, covered
}

// expand maps a term to the head of its synonym group, or returns it unchanged.
func expand(t string) string {
	if h, ok := synonymHeads[t]; ok {
		return h
	}
	return t
}

// synonymHeads maps each stemmed synonym to its group's stemmed head; built once from the
// fixed word lists.
var synonymHeads = func() map[string]string {
	m := map[string]string{}
	for _, g := range synonymGroups {
		for _, w := range g {
			m[term(w)] = term(g[0])
		}
	}
	return m
}()
