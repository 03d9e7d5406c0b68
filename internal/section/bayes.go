package section

import (
	"math"
	"slices"
)

// Model is a multinomial naive-Bayes classifier over the sections, learning online. Its
// memory is bounded twice: the vocabulary is pruned to its most frequent terms when it
// outgrows MaxTerms, and once more than MaxDocs documents are counted every count is
// halved, so that the model follows the news of recent weeks rather than of years. It is
// not safe for concurrent use; Classifier guards it.
type Model struct {
	maxTerms int
	maxDocs  float64
	docs     [numSections]float64 // documents learned per section
	words    [numSections]float64 // term occurrences learned per section
	counts   map[string]*[numSections]float64
}

// smoothing is the Laplace pseudo-count every term gets in every section.
const smoothing = 0.5

func newModel(maxTerms, maxDocs int) *Model {
	return &Model{maxTerms: maxTerms, maxDocs: float64(maxDocs), counts: map[string]*[numSections]float64{}}
}

// learn counts one document of a section.
func (m *Model) learn(terms map[string]int, s Section) {
	k := s.index()
	if k < 0 || len(terms) == 0 {
		return
	}
	m.docs[k]++
	for t, n := range terms {
		c := m.counts[t]
		if c == nil {
			c = new([numSections]float64)
			m.counts[t] = c
		}
		c[k] += float64(n)
		m.words[k] += float64(n)
	}
	if len(m.counts) > m.maxTerms {
		m.prune(m.maxTerms * 3 / 4)
	}
	if total(m.docs) > m.maxDocs {
		m.halve()
	}
}

// prune keeps the keep most frequent terms. Cutting to below the limit means the sort runs
// once per many documents, not on every one.
func (m *Model) prune(keep int) {
	type tf struct {
		term string
		n    float64
	}
	all := make([]tf, 0, len(m.counts))
	for t, c := range m.counts {
		all = append(all, tf{t, total(*c)})
	}
	slices.SortFunc(all, func(a, b tf) int {
		if a.n != b.n {
			if a.n > b.n {
				return -1
			}
			return 1
		}
		if a.term < b.term {
			return -1
		}
		return 1
	})
	for _, x := range all[keep:] {
		c := m.counts[x.term]
		for k := range c {
			m.words[k] -= c[k]
		}
		delete(m.counts, x.term)
	}
}

// halve ages every count, dropping terms whose counts fall below one occurrence.
func (m *Model) halve() {
	for k := range m.docs {
		m.docs[k] /= 2
		m.words[k] = 0
	}
	for t, c := range m.counts {
		keep := false
		for k := range c {
			c[k] /= 2
			m.words[k] += c[k]
			keep = keep || c[k] >= 1
		}
		if !keep {
			for k := range c {
				m.words[k] -= c[k]
			}
			delete(m.counts, t)
		}
	}
}

// Score is a section's posterior probability for one article.
type Score struct {
	Section     Section
	Probability float64
}

// scores returns the posterior of every section that has training documents, best first.
// Terms the model has never seen are skipped: they carry no evidence either way.
func (m *Model) scores(terms map[string]int) []Score {
	var logp [numSections]float64
	trained := 0
	docs := total(m.docs)
	vocab := float64(len(m.counts)) + 1
	for k := range all {
		if m.docs[k] <= 0 {
			logp[k] = math.Inf(-1)
			continue
		}
		trained++
		logp[k] = math.Log(m.docs[k] / docs)
		denom := math.Log(m.words[k] + smoothing*vocab)
		for t, n := range terms {
			c := m.counts[t]
			if c == nil {
				continue
			}
			logp[k] += float64(n) * (math.Log(c[k]+smoothing) - denom)
		}
	}
	if trained == 0 {
		return nil
	}
	best := math.Inf(-1)
	for _, l := range logp {
		best = max(best, l)
	}
	var sum float64
	out := make([]Score, 0, trained)
	for k, l := range logp {
		if math.IsInf(l, -1) {
			continue
		}
		p := math.Exp(l - best)
		sum += p
		out = append(out, Score{all[k], p})
	}
	for i := range out {
		out[i].Probability /= sum
	}
	slices.SortStableFunc(out, func(a, b Score) int {
		switch {
		case a.Probability > b.Probability:
			return -1
		case a.Probability < b.Probability:
			return 1
		}
		return 0
	})
	return out
}

func total(xs [numSections]float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}
