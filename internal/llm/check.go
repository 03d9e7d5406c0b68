package llm

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"newsdesk/internal/brief"
)

// checkMode is how strictly a generated sentence must match the sentences it cites.
type checkMode int

const (
	// checkSame: same language as the article. Most of the sentence's content words must be in
	// the cited sentences, and every number.
	checkSame checkMode = iota
	// checkSimple: "explain simply" replaces hard words with plain ones on purpose, so fewer
	// shared words are asked for; numbers are still strict.
	checkSimple
	// checkOtherLanguage: a summary, answer or timeline written in another language than the
	// article's. Words cannot be compared without a dictionary, so numbers must be in the
	// cited sentences and, where the target language writes names in Latin letters, at least
	// one name of the cited sentences must appear.
	checkOtherLanguage
	// checkTranslation: a translated sentence. Numbers must match both ways (none invented,
	// none lost) and, for Latin-script targets, at least half the cited names must appear.
	checkTranslation
)

// Thresholds of the word check: the share of a generated sentence's content terms (stemmed,
// synonyms folded) that the cited sentences contain. A sentence that cites the wrong source
// shares almost none; a faithful paraphrase of news copy keeps most names and key words.
const (
	minSupport       = 0.45
	minSupportSimple = 0.25
	minNameShare     = 0.5
	// maxUnsupportedRun catches a sentence that restates its source and then adds a clause of
	// its own: the share test passes it, but faithful paraphrase scatters its new words.
	maxUnsupportedRun = 4
)

// verdict is the outcome of checking one sentence.
type verdict struct {
	sentence Sentence
	reason   string // empty when the sentence is kept
}

// check decides whether the cited sources support g.
func check(g generated, src *sources, mode checkMode, latinTarget bool) verdict {
	if len(g.cites) == 0 {
		return verdict{reason: "no citation"}
	}
	var cited []source
	for _, n := range g.cites {
		s, ok := src.get(n)
		if !ok {
			return verdict{reason: fmt.Sprintf("cites [%d], which is not a source", n)}
		}
		cited = append(cited, s)
	}
	var support strings.Builder
	for _, s := range cited {
		support.WriteString(s.cite.Text)
		support.WriteString("\n")
		support.WriteString(s.extra)
		support.WriteString("\n")
	}
	supportText := support.String()

	have := numbers(supportText, true)
	for _, n := range numbersList(g.text) {
		if !have[n] {
			return verdict{reason: fmt.Sprintf("number %s is not in the cited sentences", n)}
		}
	}
	switch mode {
	case checkSame, checkSimple:
		gen := contentTerms(g.text)
		if len(gen) == 0 {
			return verdict{reason: "no content words"}
		}
		sup := map[string]bool{}
		for _, t := range brief.SupportTerms(supportText) {
			sup[t] = true
		}
		shared := 0
		for t := range gen {
			if sup[t] {
				shared++
			}
		}
		need := minSupport
		if mode == checkSimple {
			need = minSupportSimple
		}
		if share := float64(shared) / float64(len(gen)); share < need || shared == 0 {
			return verdict{reason: fmt.Sprintf("shares %d of %d content words with the cited sentences", shared, len(gen))}
		}
		if run := unsupportedRun(g.text, sup); mode == checkSame && run >= maxUnsupportedRun {
			return verdict{reason: fmt.Sprintf("has %d content words in a row the cited sentences lack", run)}
		}
	case checkTranslation:
		got := numbers(g.text, false)
		for _, m := range numberRun.FindAllString(supportWithoutExtra(cited), -1) {
			if n := normNumber(m); !got[n] {
				return verdict{reason: fmt.Sprintf("number %s of the source is missing", n)}
			}
		}
		if latinTarget {
			if r := nameCheck(g.text, cited, minNameShare); r != "" {
				return verdict{reason: r}
			}
		}
	case checkOtherLanguage:
		if latinTarget {
			if r := nameCheck(g.text, cited, 0); r != "" {
				return verdict{reason: r}
			}
		}
	}
	out := Sentence{Text: g.text}
	for _, s := range cited {
		out.Cites = append(out.Cites, s.cite)
	}
	return verdict{sentence: out}
}

// unsupportedRun is the longest run of consecutive content words of text (numbers aside) that
// sup lacks.
func unsupportedRun(text string, sup map[string]bool) int {
	run, best := 0, 0
	for _, t := range brief.SupportTerms(text) {
		switch {
		case strings.IndexFunc(t, func(r rune) bool { return !unicode.IsDigit(r) }) < 0:
		case sup[t]:
			run = 0
		default:
			run++
			best = max(best, run)
		}
	}
	return best
}

func supportWithoutExtra(cited []source) string {
	var b strings.Builder
	for _, s := range cited {
		b.WriteString(s.cite.Text)
		b.WriteString("\n")
	}
	return b.String()
}

// contentTerms are the distinct content terms of a generated sentence, numbers left out (they
// have their own, stricter, check).
func contentTerms(text string) map[string]bool {
	out := map[string]bool{}
	for _, t := range brief.SupportTerms(text) {
		if strings.IndexFunc(t, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
			out[t] = true
		}
	}
	return out
}

// nameCheck requires that at least share of the names in the cited sentences appear in text
// (at least one when share is 0). Names are capitalised words that do not open a sentence,
// compared case-insensitively; sources without names pass.
func nameCheck(text string, cited []source, share float64) string {
	names := map[string]bool{}
	for _, s := range cited {
		for _, n := range capitalisedNames(s.cite.Text) {
			names[n] = true
		}
	}
	if len(names) == 0 {
		return ""
	}
	lower := strings.ToLower(text)
	found := 0
	for n := range names {
		if strings.Contains(lower, n) {
			found++
		}
	}
	if found == 0 || float64(found) < share*float64(len(names)) {
		return fmt.Sprintf("has %d of the %d names of the cited sentences", found, len(names))
	}
	return ""
}

// capitalisedNames returns the lower-cased capitalised words of a sentence other than its first word.
func capitalisedNames(sentence string) []string {
	var out []string
	for i, w := range strings.FieldsFunc(sentence, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'')
	}) {
		r := []rune(w)
		if i == 0 || len(r) < 2 || !unicode.IsUpper(r[0]) || !unicode.In(r[0], unicode.Latin) || calendarWords[strings.ToLower(w)] {
			continue
		}
		out = append(out, strings.ToLower(w))
	}
	return out
}

// calendarWords are capitalised in English but translated, not kept, in other languages.
var calendarWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true,
}

var (
	// numberRun matches a written number: digits of any script with inner separators, as in
	// 1,200 or 3.5 or 1 200.
	numberRun = regexp.MustCompile(`\p{Nd}+(?:[.,\x{00A0}\x{202F}']\p{Nd}+)*`)
	// numberWords are English number words, so "three" in a source supports "3" in a summary
	// and the other way round. "one" is left out of what a generated sentence must support: it
	// is as often a pronoun ("one of the …") as a count.
	numberWords = map[string]string{
		"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
		"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
		"thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
		"eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
		"fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
		"hundred": "100", "dozen": "12",
	}
)

// numbersList returns the numbers a generated sentence states, normalised (digits only, in
// ASCII, no leading zeros; separators dropped so 1,200 and 1.200 and 1 200 agree, as do 3.5
// and 3,5 across languages).
func numbersList(text string) []string {
	var out []string
	for _, m := range numberRun.FindAllString(text, -1) {
		out = append(out, normNumber(m))
	}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ".,;:!?\"'()")
		if d, ok := numberWords[w]; ok && w != "one" {
			out = append(out, d)
		}
	}
	return out
}

// numbers returns the set of numbers in text; words adds English number words.
func numbers(text string, words bool) map[string]bool {
	out := map[string]bool{}
	for _, m := range numberRun.FindAllString(text, -1) {
		out[normNumber(m)] = true
	}
	if words {
		for _, w := range strings.Fields(strings.ToLower(text)) {
			if d, ok := numberWords[strings.Trim(w, ".,;:!?\"'()")]; ok {
				out[d] = true
			}
		}
	}
	return out
}

func normNumber(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsDigit(r) {
			b.WriteString(strconv.Itoa(digitValue(r)))
		}
	}
	n := strings.TrimLeft(b.String(), "0")
	if n == "" {
		return "0"
	}
	return n
}

// digitValue is the value of a decimal digit of any script: Unicode lays each script's ten
// digits out consecutively from its zero.
func digitValue(r rune) int {
	for z := r; z >= r-10; z-- {
		if !unicode.IsDigit(z) {
			return int(r - z - 1)
		}
	}
	return 0
}
