package story

import "slices"

// publishers remembers the terms of each publisher's last few articles, so that a term
// frequent in one publisher's output — its home town, its own name, a section label its
// extractor leaves in the text — counts little when comparing its articles. Such a term
// is rare overall, so IDF rates it highly, yet it says where an article was published,
// not what it is about; without this, a local paper's unrelated articles group together.
// It needs no labels: only the publisher name an article arrives with.
type publishers struct {
	keep     int     // articles remembered per publisher
	strength float32 // how much of the share is taken off
	byPub    map[uint64]*pubHistory
}

// pubHistory is a ring of a publisher's latest articles' term sets, each sorted by hash.
type pubHistory struct {
	docs [][]uint64
	next int
	last int64 // unix seconds of the latest article
}

// pubMinDocs is the least history before damping starts: below it, a shared term is as
// likely a follow-up story as a house term.
const pubMinDocs = 4

func newPublishers(keep int, strength float64) *publishers {
	if strength <= 0 {
		keep = 0
	}
	return &publishers{keep: keep, strength: float32(strength), byPub: make(map[uint64]*pubHistory)}
}

// history returns the publisher's history, or nil when damping is off or the publisher is
// unknown.
func (p *publishers) history(name string) *pubHistory {
	if p.keep <= 0 || name == "" {
		return nil
	}
	return p.byPub[hashString(name)]
}

// damping is the factor a term's weight is multiplied by for this publisher: one minus
// strength times the share of its recent articles that hold the term, not counting one (an
// earlier article on the same story is a follow-up, not a habit). It counts articles, not
// the stories they went to, so that it still works when the house terms have already
// pulled unrelated articles into one story.
func (h *pubHistory) damping(term uint64, strength float32) float32 {
	if h == nil || len(h.docs) < pubMinDocs {
		return 1
	}
	n := 0
	for _, d := range h.docs {
		if _, ok := slices.BinarySearch(d, term); ok {
			n++
		}
	}
	if n <= 1 {
		return 1
	}
	return 1 - strength*float32(n-1)/float32(len(h.docs))
}

// record adds an article's terms (sorted by hash; the slice is kept) to its publisher.
func (p *publishers) record(name string, terms []uint64, t int64) {
	if p.keep <= 0 || name == "" {
		return
	}
	k := hashString(name)
	h := p.byPub[k]
	if h == nil {
		h = &pubHistory{}
		p.byPub[k] = h
	}
	h.last = max(h.last, t)
	if len(h.docs) < p.keep {
		h.docs = append(h.docs, terms)
		return
	}
	h.docs[h.next] = terms
	h.next = (h.next + 1) % p.keep
}

// expire forgets publishers silent since before cutoff.
func (p *publishers) expire(cutoff int64) {
	for k, h := range p.byPub {
		if h.last < cutoff {
			delete(p.byPub, k)
		}
	}
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}
