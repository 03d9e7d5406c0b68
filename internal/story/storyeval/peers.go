package storyeval

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
)

// The peer methods are what other self-hosted readers do to group stories, rebuilt from
// their documented behaviour so the benchmark can compare on the same stream. Both are
// online and single-link: an item joins the group of its most similar earlier item
// within PeerWindow when the similarity clears the threshold.

// PeerWindow is how far back the peers look for similar items.
const PeerWindow = 24 * time.Hour

// peerItem is one item seen by a peer: its sorted features and its group.
type peerItem struct {
	t     int64
	group int
	set   []int32
}

// singleLink runs the loop both peers share. It finds candidates by prefix filtering:
// with the features of every set sorted the same way, two sets whose Jaccard index is at
// least t must share one of the first len - ceil(t·len) + 1 features of each, so only
// those are indexed. Items arrive in time order, so postings are trimmed from the front.
func singleLink(items []Record, times []time.Time, threshold float64, features func(string) []string) []int {
	// Rarest features first makes the indexed prefixes short lists. The order is fixed
	// before the run (any fixed order keeps prefix filtering exact); it only costs the
	// peers a pass over the titles, no labels. Features become their rank in that order,
	// so sets are sorted int slices that intersect in one merge.
	raw := make([][]string, len(items))
	freq := make(map[string]int)
	for i, r := range items {
		raw[i] = features(r.Title)
		for _, f := range raw[i] {
			freq[f]++
		}
	}
	vocab := make([]string, 0, len(freq))
	for f := range freq {
		vocab = append(vocab, f)
	}
	slices.SortFunc(vocab, func(a, b string) int { return cmp.Or(cmp.Compare(freq[a], freq[b]), cmp.Compare(a, b)) })
	rank := make(map[string]int32, len(vocab))
	for i, f := range vocab {
		rank[f] = int32(i)
	}
	sets := make([][]int32, len(items))
	for i, fs := range raw {
		set := make([]int32, len(fs))
		for j, f := range fs {
			set[j] = rank[f]
		}
		slices.Sort(set)
		sets[i] = set
	}
	groups := make([]int, len(items))
	seen := make([]peerItem, 0, len(items))
	index := make(map[int32][]int) // prefix feature → positions in seen, oldest first
	window := int64(PeerWindow.Seconds())
	next := 0
	cand := make(map[int]struct{})
	for i := range items {
		t := times[i].Unix()
		set := sets[i]
		prefix := set[:prefixLen(len(set), threshold)]
		clear(cand)
		for _, f := range prefix {
			p := index[f]
			drop := 0
			for drop < len(p) && t-seen[p[drop]].t >= window {
				drop++
			}
			if drop > 0 {
				p = p[drop:]
				index[f] = p
			}
			for _, j := range p {
				cand[j] = struct{}{}
			}
		}
		best, bestS := -1, 0.0
		for j := range cand {
			if s := jaccard(set, seen[j].set); s > bestS || s == bestS && best >= 0 && j < best {
				best, bestS = j, s
			}
		}
		g := next
		if best >= 0 && bestS >= threshold {
			g = seen[best].group
		} else {
			next++
		}
		groups[i] = g
		pos := len(seen)
		seen = append(seen, peerItem{t: t, group: g, set: set})
		for _, f := range prefix {
			index[f] = append(index[f], pos)
		}
	}
	return groups
}

func prefixLen(n int, t float64) int {
	if n == 0 {
		return 0
	}
	p := n - int(math.Ceil(t*float64(n))) + 1
	return min(max(p, 1), n)
}

// NewsBlur groups like NewsBlur's similar-story check: the title is normalised to its
// significant words (lower case, no punctuation, no stopwords, at least three letters) and
// two titles are the same story when the Jaccard index of those word sets reaches the
// threshold.
func NewsBlur(items []Record, times []time.Time, threshold float64) []int {
	return singleLink(items, times, threshold, significantWords)
}

// TinyTinyRSS groups like Tiny Tiny RSS's PostgreSQL pg_trgm title similarity: each word
// is padded ("  word ") and cut into character trigrams, and two titles match when the
// Jaccard index of their trigram sets reaches the threshold (0.75 in TT-RSS).
func TinyTinyRSS(items []Record, times []time.Time, threshold float64) []int {
	return singleLink(items, times, threshold, trigrams)
}

var peerStopwords = func() map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(`the and for with from that this are was were has have had its into
	about after over says said will would could can not but you your they their them his her she him
	who what when where why how new more than out off all our just also amid`) {
		m[w] = struct{}{}
	}
	return m
}()

func significantWords(title string) []string {
	var set []string
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len([]rune(w)) < 3 {
			continue
		}
		if _, stop := peerStopwords[w]; stop {
			continue
		}
		set = append(set, w)
	}
	return sortedSet(set)
}

func trigrams(title string) []string {
	var set []string
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		rs := []rune("  " + w + " ")
		for i := 0; i+3 <= len(rs); i++ {
			set = append(set, string(rs[i:i+3]))
		}
	}
	return sortedSet(set)
}

func sortedSet(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

// jaccard compares two sorted sets.
func jaccard(a, b []int32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
