package story

import (
	"math"
	"slices"
)

// cluster is one live story: the sum of its articles' vectors (the centroid, capped to its
// strongest terms), its time span and its recent members.
type cluster struct {
	id       int64
	centroid map[uint64]float32
	norm2    float64 // squared length of centroid
	size     int     // articles, copies included
	first    int64   // unix seconds
	last     int64
	members  []member // most recent articles, for splits; capped
}

type member struct {
	id  int64
	t   int64
	vec vector // nil for copies, which do not shape the centroid
}

// maxMembers caps the members a story remembers; older ones only live in the centroid.
const maxMembers = 256

func newCluster(id int64, t int64) *cluster {
	return &cluster{id: id, centroid: make(map[uint64]float32, 32), first: t, last: t}
}

// cosine returns the cosine between a normalised item vector and the centroid.
func (c *cluster) cosine(v vector) float64 {
	if c.norm2 == 0 {
		return 0
	}
	var s float64
	for _, t := range v {
		s += float64(t.w) * float64(c.centroid[t.h])
	}
	return s / math.Sqrt(c.norm2)
}

// similarity is the cosine between two centroids.
func (c *cluster) similarity(o *cluster) float64 {
	if c.norm2 == 0 || o.norm2 == 0 {
		return 0
	}
	a, b := c, o
	if len(a.centroid) > len(b.centroid) {
		a, b = b, a
	}
	var s float64
	for h, w := range a.centroid {
		s += float64(w) * float64(b.centroid[h])
	}
	return s / math.Sqrt(c.norm2*o.norm2)
}

// add folds a vector into the centroid and reports the terms it newly holds.
func (c *cluster) add(v vector, added func(h uint64)) {
	for _, t := range v {
		old, ok := c.centroid[t.h]
		if !ok {
			added(t.h)
		}
		nw := old + t.w
		c.centroid[t.h] = nw
		c.norm2 += float64(nw)*float64(nw) - float64(old)*float64(old)
	}
}

func (c *cluster) touch(t int64) {
	c.first = min(c.first, t)
	c.last = max(c.last, t)
}

func (c *cluster) remember(m member) {
	if len(c.members) >= maxMembers {
		copy(c.members, c.members[1:])
		c.members = c.members[:len(c.members)-1]
	}
	c.members = append(c.members, m)
}

// trim keeps the centroid's strongest limit terms once it holds twice as many, and reports
// the terms it dropped. Doing it in batches keeps the cost amortised.
func (c *cluster) trim(limit int, dropped func(h uint64)) {
	if limit <= 0 || len(c.centroid) <= 2*limit {
		return
	}
	ws := make([]float32, 0, len(c.centroid))
	for _, w := range c.centroid {
		ws = append(ws, w)
	}
	slices.Sort(ws)
	cut := ws[len(ws)-limit]
	kept := 0
	c.norm2 = 0
	for h, w := range c.centroid {
		if w < cut || kept >= limit {
			delete(c.centroid, h)
			dropped(h)
			continue
		}
		kept++
		c.norm2 += float64(w) * float64(w)
	}
}
