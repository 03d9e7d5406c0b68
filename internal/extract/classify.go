package extract

import (
	"strings"
	"unicode/utf8"
)

// Classifying a block runs a handful of regular expressions, which is slow next to
// everything else the extractor does. Each expression therefore comes with trigger words,
// and one pass over the block finds which expressions have a trigger in it; an ordinary
// paragraph usually has none and costs one scan.

// trigger is one trigger word of the patterns in mask.
type trigger struct {
	word    string
	wordEnd bool // the word must end where the trigger ends
	atStart bool // the word must start within the first startWindow bytes
	mask    uint32
}

// startWindow is how far into a block an anchored pattern's first word may start, leaving
// room for the quotes, bullets and dashes its `^\W*` skips.
const startWindow = 8

// shareBit marks the network names that make isShareBar worth running.
const shareBit = 31

// triggerIndex finds the triggers that occur in a lower-cased block.
type triggerIndex struct {
	byPair  map[uint16][]trigger // by the first two bytes of the word
	symbols []trigger            // triggers that do not start with a letter ("©", "#")
}

var classifyIndex = buildTriggerIndex()

func buildTriggerIndex() *triggerIndex {
	ix := &triggerIndex{byPair: map[uint16][]trigger{}}
	add := func(w string, bit int) {
		t := trigger{mask: 1 << bit}
		if s, ok := strings.CutPrefix(w, "^"); ok {
			w, t.atStart = s, true
		}
		if s, ok := strings.CutSuffix(w, "$"); ok {
			w, t.wordEnd = s, true
		}
		t.word = w
		if r, _ := utf8.DecodeRuneInString(w); !isWordRune(r) || len(w) < 2 {
			ix.symbols = append(ix.symbols, t)
			return
		}
		k := uint16(w[0])<<8 | uint16(w[1])
		ix.byPair[k] = append(ix.byPair[k], t)
	}
	if len(categoryPatterns) >= shareBit {
		panic("extract: too many category patterns for the trigger mask")
	}
	for i, p := range categoryPatterns {
		for _, w := range p.triggers {
			add(w, i)
		}
	}
	for w, ok := range shareNetworks {
		if ok {
			add(w+"$", shareBit)
		}
	}
	return ix
}

// mask returns the bits of the patterns with a trigger in lower.
func (ix *triggerIndex) mask(lower string) uint32 {
	var m uint32
	for _, t := range ix.symbols {
		if i := strings.Index(lower, t.word); i >= 0 && (!t.atStart || i <= startWindow) {
			m |= t.mask
		}
	}
	prevWord := false
	for i, w := 0, 1; i+1 < len(lower); i += w {
		c := lower[i]
		var word bool
		if c < utf8.RuneSelf {
			w, word = 1, c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		} else {
			var r rune
			r, w = utf8.DecodeRuneInString(lower[i:])
			word = isWordRune(r)
		}
		if !word || prevWord {
			prevWord = word
			continue
		}
		prevWord = true
		for _, t := range ix.byPair[uint16(c)<<8|uint16(lower[i+1])] {
			if m&t.mask != 0 || t.atStart && i > startWindow || !strings.HasPrefix(lower[i:], t.word) {
				continue
			}
			if t.wordEnd {
				if e := i + len(t.word); e < len(lower) {
					if r, _ := utf8.DecodeRuneInString(lower[e:]); isWordRune(r) {
						continue
					}
				}
			}
			m |= t.mask
		}
	}
	return m
}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80 && r != utf8.RuneError && !isSpace(r) && r != '©' && r != '«' && r != '»' && r != '“' && r != '”' && r != '„' && r != '‘' && r != '’' && r != '–' && r != '—' && r != '…' && r != '•' && r != '·'
}

// classifyText returns the boilerplate category of a short block of text, or NotBoilerplate.
func classifyText(text string) Category {
	if text == "" || len(text) > 4*maxPatternRunes {
		return NotBoilerplate
	}
	n := runeLen(text)
	if n > maxPatternRunes {
		return NotBoilerplate
	}
	lower := strings.ToLower(text)
	if n <= 20 && interfaceLabels[strings.TrimSpace(lower)] {
		return CategoryInterface
	}
	m := classifyIndex.mask(lower)
	if m == 0 {
		return NotBoilerplate
	}
	if m&(1<<shareBit) != 0 && n <= 200 && isShareBar(text) {
		return CategorySocial
	}
	for i, p := range categoryPatterns {
		if m&(1<<i) == 0 || n > p.max {
			continue
		}
		if p.re.MatchString(text) {
			return p.cat
		}
	}
	return NotBoilerplate
}

// maxPatternRunes is the longest block any pattern may remove.
var maxPatternRunes = func() int {
	m := 0
	for _, p := range categoryPatterns {
		m = max(m, p.max)
	}
	return m
}()
