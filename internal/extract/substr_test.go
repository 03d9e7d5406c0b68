package extract

import (
	"strings"
	"testing"
)

// TestSubstrMatcher compares the automaton with strings.Contains on every needle.
func TestSubstrMatcher(t *testing.T) {
	t.Parallel()
	sets := [][]string{{"he", "she", "his", "hers"}, {"share", "sharing", "ad-", "e_b"}, {"a"}}
	m := newSubstrMatcher(sets...)
	for _, s := range []string{"", "ushers", "social-share-bar", "x", "ahishe", "sharin", "nav ad-slot", "article_body", "bbbb", "hers ad-"} {
		var want uint32
		for bit, set := range sets {
			for _, w := range set {
				if strings.Contains(s, w) {
					want |= 1 << bit
				}
			}
		}
		if got := m.match(s); got != want {
			t.Errorf("match(%q) = %03b, want %03b", s, got, want)
		}
	}
}
