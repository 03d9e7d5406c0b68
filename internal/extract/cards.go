package extract

// Teaser lists ("more stories", river of headlines) are the commonest boilerplate with real
// prose in it: each card has a linked headline and a one-paragraph summary. They are found by
// structure: three or more sibling elements of the same tag and class that each hold a
// link-dominated block and a little prose.

// cardInfo is measured per element: whether its subtree has a link-dominated block.
func (an *analysis) linkBlocks() []int32 {
	els := an.elems
	counts := make([]int32, len(els))
	for i := range els {
		e := &els[i]
		if e.ownText >= 10 && float64(e.ownLink) > 0.5*float64(e.ownText) {
			counts[i] = 1
		}
	}
	for i := len(els) - 1; i > 0; i-- {
		if p := els[i].parent; p >= 0 {
			counts[p] += counts[i]
		}
	}
	return counts
}

// dropCardLists drops lists of teaser cards, except one containing keep (the positively
// hinted article body, or -1).
func (an *analysis) dropCardLists(keep int32) {
	els := an.elems
	links := an.linkBlocks()
	type group struct {
		n, cards int
		first    int32
	}
	for i := range els {
		p := &els[i]
		if p.drop || p.rawGood == 0 {
			continue
		}
		if keep >= 0 && keep >= int32(i) && keep < p.end {
			// Never drop an ancestor of the article body; its card children are checked on
			// their own when they are lists themselves.
			continue
		}
		groups := map[string]*group{}
		children := 0
		for c := int32(i) + 1; c < p.end; c = els[c].end {
			ce := &els[c]
			children++
			sig := ce.n.Data + "." + attr(ce.n, "class")
			g := groups[sig]
			if g == nil {
				g = &group{first: c}
				groups[sig] = g
			}
			g.n++
			if (links[c] >= 1 || ce.firstLink == 1) && ce.rawGood > 0 && ce.rawGood < 800 && int(links[c]) <= 4 {
				g.cards++
			}
		}
		for _, g := range groups {
			if g.n >= 3 && g.cards >= 3 && float64(g.cards) >= 0.6*float64(g.n) {
				p.drop = true
				break
			}
		}
	}
}
