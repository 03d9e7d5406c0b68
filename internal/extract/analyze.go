package extract

import (
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// elem is one element of the body in document order, with the text measurements used to
// pick the article container. Subtrees are index intervals: elem i spans [i, end).
type elem struct {
	n      *html.Node
	parent int32
	end    int32
	block  bool
	hint   int8 // -1 negative, +1 positive class/id hint
	drop   bool // removed: junk, hidden, negative hint, operator rule or learned template

	ownText   int32  // runes of text whose nearest block ancestor is this element
	ownLink   int32  // of which inside <a>
	ownPunct  int32  // sentence punctuation in own text
	firstLink int8   // 0 no text yet, 1 the subtree's first text is link text, 2 it is not
	textHash  uint64 // FNV-1a of own text, letters only and lower-cased, for site templates

	good    float64 // prose mass of the subtree, after drops
	bad     float64 // link-heavy mass of the subtree, after drops
	rawGood float64 // prose mass before drops, to protect the content from bad hints
}

// analysis holds the elements of the body and the page's prose total.
type analysis struct {
	elems []elem
	index map[*html.Node]int32
}

// analyze walks body once, collecting element measurements. Junk elements are detached from
// the tree so that nothing later sees them.
// sizeHint is the number of elements expected (the metadata walk counts them), so that the
// element array and index are allocated once.
func analyze(body *html.Node, removed func(*html.Node) bool, sizeHint int) *analysis {
	sizeHint = max(sizeHint, 64)
	an := &analysis{elems: make([]elem, 0, sizeHint), index: make(map[*html.Node]int32, sizeHint)}
	an.walk(body, -1, -1, false, removed)
	an.aggregate()
	return an
}

func (an *analysis) walk(n *html.Node, parent, block int32, inLink bool, removed func(*html.Node) bool) {
	switch n.Type {
	case html.TextNode:
		if block < 0 {
			return
		}
		l, p := measure(n.Data)
		if l >= 3 {
			mark := int8(2)
			if inLink {
				mark = 1
			}
			for k := parent; k >= 0 && an.elems[k].firstLink == 0; k = an.elems[k].parent {
				an.elems[k].firstLink = mark
			}
		}
		e := &an.elems[block]
		e.ownText += int32(min(l, 1<<30))
		e.ownPunct += int32(min(p, 1<<30))
		if e.textHash == 0 {
			e.textHash = fnvOffset
		}
		e.textHash = foldHash(e.textHash, n.Data)
		if inLink {
			e.ownLink += int32(min(l, 1<<30))
		}
		return
	case html.ElementNode:
	default:
		return
	}
	i := int32(len(an.elems))
	an.elems = append(an.elems, elem{n: n, parent: parent})
	an.index[n] = i
	e := &an.elems[i]
	e.block = blockTags[n.DataAtom] || block < 0
	if e.block {
		block = i
	}
	if isHidden(n) || (removed != nil && removed(n)) {
		e.drop = true
	}
	if n.DataAtom != atom.Body && n.DataAtom != atom.Html && n.DataAtom != atom.Figcaption {
		e.hint = int8(hintScore(n))
		if e.hint == 0 && structuralNeg(n.DataAtom) {
			e.hint = -1
		}
	}
	if n.DataAtom == atom.A {
		inLink = true
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode || c.Type == html.ElementNode && junkTags[c.DataAtom] {
			n.RemoveChild(c)
		} else {
			an.walk(c, i, block, inLink, removed)
		}
		c = next
	}
	an.elems[i].end = int32(len(an.elems))
}

// measure counts the non-space runes of s and its sentence punctuation.
func measure(s string) (runes, punct int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ', '\n', '\t', '\r', '\f':
			case '.', ',', ';', ':', '?', '!':
				runes++
				punct++
			default:
				runes++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if isSpace(r) {
			continue
		}
		runes++
		switch r {
		case '。', '、', '，', '؟', '،', '।':
			punct++
		}
	}
	return runes, punct
}

// blockWeight classifies a block's own text: prose counts for the container, link lists
// count against it, short plain text is neutral.
func blockWeight(e *elem) (good, bad float64) {
	if e.ownText == 0 {
		return 0, 0
	}
	plain := e.ownText - e.ownLink
	density := float64(e.ownLink) / float64(e.ownText)
	switch {
	case density > 0.5:
		return 0, float64(e.ownText)
	case plain >= 80 || plain >= 30 && e.ownPunct > 0:
		w := float64(plain)
		if e.n.DataAtom == atom.P {
			w *= 1.1
		}
		return w, float64(e.ownLink)
	}
	return 0, float64(e.ownLink)
}

// aggregate sums block weights up the tree, once ignoring drops (rawGood) and once honouring
// them (good, bad).
func (an *analysis) aggregate() {
	els := an.elems
	for i := range els {
		els[i].good, els[i].bad = blockWeight(&els[i])
		els[i].rawGood = els[i].good
	}
	for i := len(els) - 1; i > 0; i-- {
		if p := els[i].parent; p >= 0 {
			els[p].rawGood += els[i].rawGood
		}
	}
	an.sumKept()
}

// sumKept recomputes good and bad with dropped subtrees left out.
func (an *analysis) sumKept() {
	els := an.elems
	for i := range els {
		if els[i].drop {
			els[i].good, els[i].bad = 0, 0
			continue
		}
		els[i].good, els[i].bad = blockWeight(&els[i])
	}
	for i := len(els) - 1; i > 0; i-- {
		if els[i].drop {
			continue
		}
		if p := els[i].parent; p >= 0 {
			els[p].good += els[i].good
			els[p].bad += els[i].bad
		}
	}
}

// dropNegatives drops subtrees with a negative hint and lists of teaser cards. A subtree
// that contains the most prose-rich positively hinted element ("article-body") is kept, and
// so is one that holds most of the page's prose (a page wrapped in <form>, a body class that
// happens to say "sidebar").
func (an *analysis) dropNegatives() {
	els := an.elems
	if len(els) == 0 {
		return
	}
	total := els[0].rawGood
	pos := int32(-1)
	for i := range els {
		if els[i].hint > 0 && (els[i].rawGood >= 0.2*total || els[i].rawGood >= 1000) &&
			(pos < 0 || els[i].rawGood > els[pos].rawGood) && !an.droppedAbove(int32(i)) {
			pos = int32(i)
		}
	}
	contains := func(i, j int32) bool { return j >= i && j < els[i].end }
	for i := range els {
		e := &els[i]
		if e.hint >= 0 || e.drop {
			continue
		}
		if pos >= 0 && contains(int32(i), pos) || e.rawGood >= 0.75*total {
			continue
		}
		// A "paywall" or "truncated" wrapper inside the article body that holds most of it is
		// the article, whatever its class says.
		if pos >= 0 && contains(pos, int32(i)) && e.rawGood >= 0.5*els[pos].rawGood {
			continue
		}
		e.drop = true
	}
	an.dropCardLists(pos)
	an.propagateDrops()
}

// best returns// best returns the index of the element whose kept prose minus link mass is highest; on a
// tie the deeper element wins, because its ancestors only add boilerplate.
func (an *analysis) best() int32 {
	els := an.elems
	best, bestScore := int32(0), -1.0
	for i := len(els) - 1; i >= 0; i-- {
		e := &els[i]
		if e.drop || e.good == 0 {
			continue
		}
		s := e.good - 0.5*e.bad
		if e.hint > 0 {
			s *= 1.15
		}
		if s > bestScore*1.0001 {
			best, bestScore = int32(i), s
		}
	}
	return best
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// foldHash adds the letters of s to an FNV-1a hash, ASCII lower-cased. Digits, spaces and
// punctuation are left out so that dates and counters do not make a recurring block unique.
func foldHash(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= 0x80:
		default:
			continue
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// droppedAbove reports whether i or one of its ancestors is dropped (a hidden microdata copy
// of the article must not pass for the article).
func (an *analysis) droppedAbove(i int32) bool {
	for ; i >= 0; i = an.elems[i].parent {
		if an.elems[i].drop {
			return true
		}
	}
	return false
}
