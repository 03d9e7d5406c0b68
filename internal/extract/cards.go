package extract

import (
	"strings"

	"golang.org/x/net/html"
)

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
		n, cards, truncated int
		first               int32
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
				if endsWithEllipsis(ce.n) {
					g.truncated++
				}
			}
		}
		for _, g := range groups {
			if g.n < 3 || g.cards < 3 || float64(g.cards) < 0.6*float64(g.n) {
				continue
			}
			// A list that is most of the article body is a listicle ("10 things in tech"),
			// unless its summaries are cut off with an ellipsis, as teasers are.
			if a := an.positiveAncestor(int32(i)); a >= 0 && p.rawGood >= 0.5*els[a].rawGood && g.truncated*2 < g.cards {
				continue
			}
			p.drop = true
			break
		}
	}
}

// endsWithEllipsis reports whether the last text under n ends with "..." or "…".
func endsWithEllipsis(n *html.Node) bool {
	for c := n.LastChild; c != nil; {
		switch c.Type {
		case html.TextNode:
			t := strings.TrimRight(c.Data, " \t\r\n\u00a0")
			if t == "" {
				break
			}
			return strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")
		case html.ElementNode:
			if c.LastChild != nil {
				c = c.LastChild
				continue
			}
		}
		for c.PrevSibling == nil {
			c = c.Parent
			if c == n || c == nil {
				return false
			}
		}
		c = c.PrevSibling
	}
	return false
}

// positiveAncestor returns the nearest strict ancestor of i with a positive hint, or -1.
func (an *analysis) positiveAncestor(i int32) int32 {
	for k := an.elems[i].parent; k >= 0; k = an.elems[k].parent {
		if an.elems[k].hint > 0 {
			return k
		}
	}
	return -1
}
