package rank

// Diversify reorders a ranked list, best first, so that no two neighbours share a lead
// publisher or a section: at each place it takes the best remaining story that differs from
// the one before in both, looking at most lookahead stories down. When none within reach
// does, it settles for one with another lead publisher (on a section's page every story
// shares the section), and failing that takes the best: a page still fills. An empty
// section or publisher matches nothing.
func Diversify(ranked []Ranked, lookahead int) []Ranked {
	if lookahead <= 0 {
		lookahead = 1
	}
	pending := append([]Ranked(nil), ranked...)
	out := make([]Ranked, 0, len(ranked))
	for len(pending) > 0 {
		pick := 0
		if len(out) > 0 {
			prev := out[len(out)-1]
			reach := pending[:min(lookahead, len(pending))]
			if i := firstWhere(reach, func(r Ranked) bool { return otherPublisher(prev, r) && otherSection(prev, r) }); i >= 0 {
				pick = i
			} else if i := firstWhere(reach, func(r Ranked) bool { return otherPublisher(prev, r) }); i >= 0 {
				pick = i
			}
		}
		out = append(out, pending[pick])
		pending = append(pending[:pick], pending[pick+1:]...)
	}
	return out
}

func firstWhere(rs []Ranked, ok func(Ranked) bool) int {
	for i, r := range rs {
		if ok(r) {
			return i
		}
	}
	return -1
}

func otherPublisher(a, b Ranked) bool {
	return a.Lead.Publisher == 0 || a.Lead.Publisher != b.Lead.Publisher
}

func otherSection(a, b Ranked) bool {
	return a.Story.Section == "" || a.Story.Section != b.Story.Section
}
