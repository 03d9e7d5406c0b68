package story

import (
	"cmp"
	"math"
	"slices"
)

// Related picks the "Related articles" for target from the candidates the store hands in
// (recent articles with their stories). Same-story coverage comes first: other
// publishers, newest first, copies left out, never two from one publisher in a row. Then
// one article from each other fresh story on the same people, places and topics, most
// related first. At most limit articles are returned.
func Related(target Item, targetStory int64, candidates []Candidate, limit int) []Candidate {
	if limit <= 0 {
		return nil
	}
	var same, other []Candidate
	for _, c := range candidates {
		if c.ID == target.ID || c.DuplicateOf != 0 {
			continue
		}
		if targetStory != 0 && c.Story == targetStory {
			if c.Publisher != target.Publisher || c.Publisher == "" {
				same = append(same, c)
			}
			continue
		}
		other = append(other, c)
	}
	slices.SortStableFunc(same, func(a, b Candidate) int {
		return cmp.Or(b.Published.Compare(a.Published), cmp.Compare(a.ID, b.ID))
	})
	out := alternatePublishers(same, target.Publisher, limit)
	if len(out) >= limit || len(other) == 0 {
		return out
	}
	last := target.Publisher
	if len(out) > 0 {
		last = out[len(out)-1].Publisher
	}
	for _, c := range topicNeighbours(target, other) {
		if len(out) >= limit {
			break
		}
		if c.Publisher != "" && c.Publisher == last {
			continue
		}
		out = append(out, c)
		last = c.Publisher
	}
	return out
}

// alternatePublishers keeps the order of cs but never puts two articles of one publisher
// next to each other: an article that would repeat the previous publisher waits for the
// next slot where it does not. Articles that can never be placed are left out.
func alternatePublishers(cs []Candidate, first string, limit int) []Candidate {
	out := make([]Candidate, 0, min(limit, len(cs)))
	used := make([]bool, len(cs))
	last := first
	for len(out) < limit {
		picked := -1
		for i, c := range cs {
			if !used[i] && (c.Publisher == "" || c.Publisher != last) {
				picked = i
				break
			}
		}
		if picked < 0 {
			break
		}
		used[picked] = true
		out = append(out, cs[picked])
		last = cs[picked].Publisher
	}
	return out
}

// topicNeighbours ranks the best article of each other story by how much it shares with
// the target (names count double) and how fresh it is.
func topicNeighbours(target Item, cs []Candidate) []Candidate {
	var tk tokenizer
	bag := func(it *Item) map[uint64]float64 {
		m := make(map[uint64]float64)
		lang := tk.itemLanguage(it)
		tk.words(it.Title, lang, true, func(w []byte, _, _ bool) { m[hashBytes(w)] += 1 })
		n := 0
		tk.words(it.Text, lang, true, func(w []byte, capital, start bool) {
			if n++; n > 200 {
				return
			}
			wt := 0.25
			if capital && !start {
				wt = 0.5
			}
			m[hashBytes(w)] += wt
		})
		return m
	}
	df := make(map[uint64]int)
	bags := make([]map[uint64]float64, len(cs))
	for i := range cs {
		bags[i] = bag(&cs[i].Item)
		for h := range bags[i] {
			df[h]++
		}
	}
	tb := bag(&target)
	n := float64(len(cs) + 1)
	weigh := func(m map[uint64]float64) (map[uint64]float64, float64) {
		var norm float64
		for h, tf := range m {
			w := math.Log1p(tf) * math.Log(n/float64(df[h]+1)+1)
			m[h] = w
			norm += w * w
		}
		return m, math.Sqrt(norm)
	}
	tv, tn := weigh(tb)
	if tn == 0 {
		return nil
	}
	newest := target.Published
	for _, c := range cs {
		if c.Published.After(newest) {
			newest = c.Published
		}
	}
	type scored struct {
		c     Candidate
		score float64
	}
	best := make(map[int64]scored) // per story: its most related article
	for i, c := range cs {
		v, vn := weigh(bags[i])
		if vn == 0 {
			continue
		}
		var d float64
		for h, w := range v {
			d += w * tv[h]
		}
		sim := d / (tn * vn)
		if sim < 0.08 {
			continue
		}
		age := newest.Sub(c.Published)
		score := sim * (0.5 + 0.5*math.Exp(-age.Hours()/48))
		key := c.Story
		if key == 0 {
			key = -c.ID
		}
		if b, ok := best[key]; !ok || score > b.score {
			best[key] = scored{c, score}
		}
	}
	ranked := make([]scored, 0, len(best))
	for _, s := range best {
		ranked = append(ranked, s)
	}
	slices.SortFunc(ranked, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.c.ID, b.c.ID))
	})
	out := make([]Candidate, len(ranked))
	for i, s := range ranked {
		out[i] = s.c
	}
	return out
}
