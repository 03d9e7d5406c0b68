package extract

// substrMatcher finds which of several sets of needles occur as substrings of a class or id
// string, ignoring ASCII case, in one pass (an Aho–Corasick automaton over the bytes class names are
// made of). It replaces a strings.Contains per needle, which was a tenth of the extractor's
// time on pages with many distinct class names.
type substrMatcher struct {
	next []int16  // state*substrAlphabet + symbol → state
	out  []uint32 // state → bits of the sets with a needle ending here
}

// Needles are made of letters, '-' and '_'; every other byte is one symbol that no needle
// contains. A small alphabet and 16-bit states keep the table in the fastest caches.
const substrAlphabet = 29

var substrSymbol = func() (t [256]uint8) {
	for i := range t {
		t[i] = substrAlphabet - 1
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = uint8(c - 'a')
		t[c-'a'+'A'] = uint8(c - 'a') // matching ignores ASCII case
	}
	t['-'], t['_'] = 26, 27
	return t
}()

// newSubstrMatcher builds a matcher; sets[i] is reported as bit i. Needles must be lower
// case and made of the alphabet above.
func newSubstrMatcher(sets ...[]string) *substrMatcher {
	m := &substrMatcher{next: make([]int16, substrAlphabet), out: []uint32{0}}
	for i := range m.next {
		m.next[i] = -1
	}
	for bit, set := range sets {
		for _, w := range set {
			s := int16(0)
			for k := 0; k < len(w); k++ {
				sym := int16(substrSymbol[w[k]])
				if sym == substrAlphabet-1 || w[k] >= 'A' && w[k] <= 'Z' {
					panic("extract: needle " + w + " outside the class-name alphabet")
				}
				at := int(s)*substrAlphabet + int(sym)
				if m.next[at] < 0 {
					m.out = append(m.out, 0)
					for range substrAlphabet {
						m.next = append(m.next, -1)
					}
					if len(m.out) > 1<<15-1 {
						panic("extract: too many needles for the substring matcher")
					}
					m.next[at] = int16(len(m.out) - 1)
				}
				s = m.next[at]
			}
			m.out[s] |= 1 << bit
		}
	}
	// Breadth first: each state's failure is the longest proper suffix that is a state; a
	// missing transition takes the failure's transition, making the automaton a DFA.
	fail := make([]int16, len(m.out))
	queue := []int16{}
	for sym := int16(0); sym < substrAlphabet; sym++ {
		if t := m.next[sym]; t < 0 {
			m.next[sym] = 0
		} else {
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		m.out[s] |= m.out[fail[s]]
		for sym := int16(0); sym < substrAlphabet; sym++ {
			t := m.next[int(s)*substrAlphabet+int(sym)]
			if t < 0 {
				m.next[int(s)*substrAlphabet+int(sym)] = m.next[int(fail[s])*substrAlphabet+int(sym)]
				continue
			}
			fail[t] = m.next[int(fail[s])*substrAlphabet+int(sym)]
			queue = append(queue, t)
		}
	}
	return m
}

// match returns the bits of the sets with a needle in s.
func (m *substrMatcher) match(s string) uint32 {
	var bits uint32
	state := 0
	for i := 0; i < len(s); i++ {
		state = int(m.next[state*substrAlphabet+int(substrSymbol[s[i]])])
		bits |= m.out[state]
	}
	return bits
}
