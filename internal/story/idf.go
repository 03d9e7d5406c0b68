package story

import "math"

// docFreq keeps document frequencies that fade with time, so that IDF reflects what the
// news is about lately: a word every outlet uses this week ("crimea") stops being a strong
// signal, and a name nobody has used for a month is rare again. Entries that have faded
// away are dropped by prune, which keeps the table's size proportional to recent news.
type docFreq struct {
	halfLife float64 // seconds
	terms    map[uint64]dfEntry
	n        dfEntry // the decayed number of documents
}

type dfEntry struct {
	v float32 // decayed count at time t
	t int64   // unix seconds of the last update
}

func newDocFreq(halfLife float64) *docFreq {
	return &docFreq{halfLife: halfLife, terms: make(map[uint64]dfEntry)}
}

func (d *docFreq) decay(e dfEntry, now int64) float32 {
	if now <= e.t || e.v == 0 {
		return e.v
	}
	return e.v * float32(math.Exp2(-float64(now-e.t)/d.halfLife))
}

// addDoc counts one document holding the given distinct terms.
func (d *docFreq) addDoc(terms []uint64, now int64) {
	d.n = dfEntry{v: d.decay(d.n, now) + 1, t: max(now, d.n.t)}
	for _, t := range terms {
		e := d.terms[t]
		d.terms[t] = dfEntry{v: d.decay(e, now) + 1, t: max(now, e.t)}
	}
}

// idf is the smoothed inverse document frequency of a term now.
func (d *docFreq) idf(term uint64, now int64) float32 {
	n := d.decay(d.n, now)
	df := d.decay(d.terms[term], now)
	return float32(math.Log((float64(n) + 1) / (float64(df) + 0.5)))
}

// prune forgets terms whose count has faded below min.
func (d *docFreq) prune(now int64, min float32) {
	for k, e := range d.terms {
		if d.decay(e, now) < min {
			delete(d.terms, k)
		}
	}
}
