// Package porter implements the original Porter (1980) suffix-stripping stemmer for English.
//
// It follows M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980, as
// published (ABLI→ABLE in step 2, no LOGI rule). NLTK's default mode, which rouge-score uses,
// adds a few extensions on top of the same algorithm; they change the stem of a handful of
// rare words and do not move ROUGE figures measurably.
package porter

// Stem returns the Porter stem of a lower-case ASCII word. Words of two letters or fewer and
// words holding anything but a–z are returned unchanged, because the rules are only defined for
// English letters.
func Stem(word string) string {
	if len(word) <= 2 {
		return word
	}
	for i := 0; i < len(word); i++ {
		if word[i] < 'a' || word[i] > 'z' {
			return word
		}
	}
	s := &stemmer{b: []byte(word)}
	s.step1a()
	s.step1b()
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	return string(s.b)
}

// stemmer holds the word being reduced; every rule edits b in place from its end.
type stemmer struct {
	b []byte
}

// consonant reports whether b[i] is a consonant in Porter's sense: y is a consonant at the
// start of a word or after a vowel, and a vowel after a consonant.
func (s *stemmer) consonant(i int) bool {
	switch s.b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !s.consonant(i-1)
	}
	return true
}

// measure returns m for the prefix b[:n], the number of vowel-consonant sequences in
// [C](VC)^m[V].
func (s *stemmer) measure(n int) int {
	m, i := 0, 0
	for i < n && s.consonant(i) {
		i++
	}
	for i < n {
		for i < n && !s.consonant(i) {
			i++
		}
		if i >= n {
			break
		}
		for i < n && s.consonant(i) {
			i++
		}
		m++
	}
	return m
}

// hasVowel reports whether b[:n] contains a vowel (*v*).
func (s *stemmer) hasVowel(n int) bool {
	for i := 0; i < n; i++ {
		if !s.consonant(i) {
			return true
		}
	}
	return false
}

// doubleConsonant reports whether b[:n] ends with two equal consonants (*d).
func (s *stemmer) doubleConsonant(n int) bool {
	return n >= 2 && s.b[n-1] == s.b[n-2] && s.consonant(n-1)
}

// cvc reports whether b[:n] ends consonant-vowel-consonant with the last not w, x or y (*o).
// Such stems get an e back (hop(e), fil(e)).
func (s *stemmer) cvc(n int) bool {
	if n < 3 || !s.consonant(n-1) || s.consonant(n-2) || !s.consonant(n-3) {
		return false
	}
	switch s.b[n-1] {
	case 'w', 'x', 'y':
		return false
	}
	return true
}

func (s *stemmer) hasSuffix(suf string) bool {
	n := len(s.b)
	return n >= len(suf) && string(s.b[n-len(suf):]) == suf
}

// stemLen is the length of the word without suffix suf, assumed present.
func (s *stemmer) stemLen(suf string) int { return len(s.b) - len(suf) }

func (s *stemmer) replace(suf, with string) {
	s.b = append(s.b[:s.stemLen(suf)], with...)
}

func (s *stemmer) step1a() {
	switch {
	case s.hasSuffix("sses"):
		s.replace("sses", "ss")
	case s.hasSuffix("ies"):
		s.replace("ies", "i")
	case s.hasSuffix("ss"):
	case s.hasSuffix("s"):
		s.replace("s", "")
	}
}

func (s *stemmer) step1b() {
	if s.hasSuffix("eed") {
		if s.measure(s.stemLen("eed")) > 0 {
			s.replace("eed", "ee")
		}
		return
	}
	removed := false
	for _, suf := range []string{"ed", "ing"} {
		if s.hasSuffix(suf) && s.hasVowel(s.stemLen(suf)) {
			s.replace(suf, "")
			removed = true
			break
		}
	}
	if !removed {
		return
	}
	n := len(s.b)
	switch {
	case s.hasSuffix("at"), s.hasSuffix("bl"), s.hasSuffix("iz"):
		s.b = append(s.b, 'e')
	case s.doubleConsonant(n):
		switch s.b[n-1] {
		case 'l', 's', 'z':
		default:
			s.b = s.b[:n-1]
		}
	case s.measure(n) == 1 && s.cvc(n):
		s.b = append(s.b, 'e')
	}
}

func (s *stemmer) step1c() {
	if s.hasSuffix("y") && s.hasVowel(s.stemLen("y")) {
		s.b[len(s.b)-1] = 'i'
	}
}

// rule is one suffix rewrite; the rule lists are searched for the longest matching suffix and
// only that one is tried, as the algorithm prescribes.
type rule struct{ suffix, with string }

var step2Rules = []rule{
	{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
	{"izer", "ize"}, {"abli", "able"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"},
	{"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"},
	{"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"},
	{"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
}

var step3Rules = []rule{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"},
	{"ful", ""}, {"ness", ""},
}

var step4Suffixes = []string{
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
	"ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
}

// longest returns the longest rule whose suffix ends the word.
func (s *stemmer) longest(rules []rule) (rule, bool) {
	var best rule
	found := false
	for _, r := range rules {
		if s.hasSuffix(r.suffix) && len(r.suffix) > len(best.suffix) {
			best, found = r, true
		}
	}
	return best, found
}

func (s *stemmer) applyIfMeasured(rules []rule) {
	if r, ok := s.longest(rules); ok && s.measure(s.stemLen(r.suffix)) > 0 {
		s.replace(r.suffix, r.with)
	}
}

func (s *stemmer) step2() { s.applyIfMeasured(step2Rules) }
func (s *stemmer) step3() { s.applyIfMeasured(step3Rules) }

func (s *stemmer) step4() {
	best := ""
	for _, suf := range step4Suffixes {
		if s.hasSuffix(suf) && len(suf) > len(best) {
			best = suf
		}
	}
	if best == "" {
		return
	}
	n := s.stemLen(best)
	if s.measure(n) <= 1 {
		return
	}
	if best == "ion" && (n == 0 || (s.b[n-1] != 's' && s.b[n-1] != 't')) {
		return
	}
	s.b = s.b[:n]
}

func (s *stemmer) step5() {
	if s.hasSuffix("e") {
		n := s.stemLen("e")
		if m := s.measure(n); m > 1 || (m == 1 && !s.cvc(n)) {
			s.b = s.b[:n]
		}
	}
	n := len(s.b)
	if s.measure(n) > 1 && s.doubleConsonant(n) && s.b[n-1] == 'l' {
		s.b = s.b[:n-1]
	}
}
