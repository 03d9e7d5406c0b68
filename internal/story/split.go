package story

import "math"

// maybeSplit checks, every SplitMin articles, whether a story's recent members form two
// groups that have drifted apart (a trial that became a verdict and then an appeal is fine;
// a celebrity story that picked up two unrelated scandals is not). If the halves' centroids
// are less similar than SplitThreshold, the smaller half moves to a new story id.
func (e *Engine) maybeSplit(c *cluster) *Split {
	min := e.cfg.SplitMin
	if min <= 0 || c.size < min || c.size%min != 0 {
		return nil
	}
	var vecs []int // indices of members with vectors
	for i, m := range c.members {
		if m.vec != nil {
			vecs = append(vecs, i)
		}
	}
	if len(vecs) < min {
		return nil
	}
	side := bisect(c.members, vecs)
	var ca, cb map[uint64]float32 = make(map[uint64]float32), make(map[uint64]float32)
	na, nb := 0, 0
	for k, i := range vecs {
		dst := ca
		if side[k] {
			dst, nb = cb, nb+1
		} else {
			na++
		}
		for _, t := range c.members[i].vec {
			dst[t.h] += t.w
		}
	}
	if na < min/4 || nb < min/4 || mapCosine(ca, cb) >= e.cfg.SplitThreshold {
		return nil
	}
	// Move the smaller half; the larger keeps the id its readers know.
	moveB := nb <= na
	moving := make(map[int64]bool)
	for k, i := range vecs {
		if side[k] == moveB {
			moving[c.members[i].id] = true
		}
	}
	// Copies follow their originals.
	for _, m := range c.members {
		if m.vec == nil {
			if di := e.dups.items[m.id]; di != nil && moving[di.original] {
				moving[m.id] = true
			}
		}
	}
	n := e.newStory(e.nextID, c.first)
	e.nextID++
	s := &Split{From: c.id, To: n.id}
	kept := c.members[:0]
	var rest []member
	for _, m := range c.members {
		if !moving[m.id] {
			kept = append(kept, m)
			continue
		}
		rest = append(rest, m)
	}
	n.first, n.last = math.MaxInt64, math.MinInt64
	for _, m := range rest {
		s.Items = append(s.Items, m.id)
		if m.vec != nil {
			n.add(m.vec, func(h uint64) { e.postings[h] = append(e.postings[h], n.id) })
			c.subtract(m.vec, func(h uint64) { e.unpost(h, c.id) })
		}
		n.size++
		c.size--
		n.touch(m.t)
		n.remember(m)
		if di := e.dups.items[m.id]; di != nil {
			di.story = n.id
		}
	}
	c.members = kept
	if len(kept) > 0 {
		c.first, c.last = kept[0].t, kept[0].t
		for _, m := range kept {
			c.touch(m.t)
		}
	}
	n.trim(e.cfg.CentroidTerms, func(h uint64) { e.unpost(h, n.id) })
	return s
}

// subtract removes a member's vector from the centroid; terms that fall to nothing go.
func (c *cluster) subtract(v vector, dropped func(h uint64)) {
	for _, t := range v {
		old, ok := c.centroid[t.h]
		if !ok {
			continue
		}
		nw := old - t.w
		if nw <= 1e-6 {
			delete(c.centroid, t.h)
			dropped(t.h)
			nw = 0
		} else {
			c.centroid[t.h] = nw
		}
		c.norm2 += float64(nw)*float64(nw) - float64(old)*float64(old)
	}
	c.norm2 = math.Max(c.norm2, 0)
}

// bisect splits members (the indices idx) into two groups with a few rounds of spherical
// 2-means, seeded by the member least like the whole and the member least like that one.
func bisect(members []member, idx []int) []bool {
	whole := make(map[uint64]float32)
	for _, i := range idx {
		for _, t := range members[i].vec {
			whole[t.h] += t.w
		}
	}
	farthest := func(ref map[uint64]float32) int {
		best, bestS := 0, math.Inf(1)
		for k, i := range idx {
			if s := vecMapCosine(members[i].vec, ref); s < bestS {
				best, bestS = k, s
			}
		}
		return best
	}
	a := farthest(whole)
	seed := make(map[uint64]float32)
	for _, t := range members[idx[a]].vec {
		seed[t.h] = t.w
	}
	b := farthest(seed)
	ca, cb := seed, make(map[uint64]float32)
	for _, t := range members[idx[b]].vec {
		cb[t.h] = t.w
	}
	side := make([]bool, len(idx))
	for round := 0; round < 5; round++ {
		for k, i := range idx {
			side[k] = vecMapCosine(members[i].vec, cb) > vecMapCosine(members[i].vec, ca)
		}
		na, nb := make(map[uint64]float32), make(map[uint64]float32)
		for k, i := range idx {
			dst := na
			if side[k] {
				dst = nb
			}
			for _, t := range members[i].vec {
				dst[t.h] += t.w
			}
		}
		ca, cb = na, nb
	}
	return side
}

func vecMapCosine(v vector, m map[uint64]float32) float64 {
	var s, n float64
	for _, w := range m {
		n += float64(w) * float64(w)
	}
	if n == 0 {
		return 0
	}
	for _, t := range v {
		s += float64(t.w) * float64(m[t.h])
	}
	return s / math.Sqrt(n)
}

func mapCosine(a, b map[uint64]float32) float64 {
	var s, na, nb float64
	for h, w := range a {
		na += float64(w) * float64(w)
		s += float64(w) * float64(b[h])
	}
	for _, w := range b {
		nb += float64(w) * float64(w)
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return s / math.Sqrt(na*nb)
}
