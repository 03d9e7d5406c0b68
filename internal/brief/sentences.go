package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titles are abbreviations that stand before a name and so never end a sentence.
var titles = setOf(
	"mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
	"cpl", "maj", "adm", "cmdr", "rev", "hon", "pres", "supt", "insp", "det", "fr", "messrs",
	"mme", "mlle", "hr", "st",
)

// abbreviations may end a sentence as well as sit inside one ("the company, Acme Inc., said").
// After them we only split when the next word is a usual sentence opener.
var abbreviations = setOf(
	"inc", "ltd", "co", "corp", "plc", "llc", "bros", "etc", "vs", "jr", "sr", "no", "nos",
	"approx", "est", "dept", "univ", "ave", "blvd", "rd", "mt", "ft", "fig", "vol", "pp", "ca",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
	"ky", "la", "mass", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
	"ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
	"bzw", "usw", "ca", "nr", "mme", "sig", "sra", "sr",
)

// openers are words that commonly begin an English sentence; after an abbreviation or an
// initial, a following opener is good evidence that the sentence did end there.
var openers = setOf(
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its",
	"our", "my", "this", "that", "these", "those", "there", "but", "and", "so", "yet", "in",
	"on", "at", "after", "before", "as", "when", "while", "if", "however", "meanwhile", "also",
	"then", "now", "some", "many", "most", "one", "what", "why", "how", "who", "where", "police",
	"officials", "last", "earlier", "later", "since", "despite", "according", "both", "several",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// SplitSentences splits text into sentences. Line breaks end sentences, except a single line
// break followed by a lower-case letter (hard-wrapped prose). Within a line a sentence ends at
// . ! ? or … followed by space and then a capital, a digit or an opening quote; abbreviations,
// initials, dotted acronyms (U.S., a.m.) and decimals are recognised so that "Mr. Smith paid
// $3.50 in the U.S. on Monday." stays one sentence.
func SplitSentences(text string) []string {
	var out []string
	for _, line := range splitLines(text) {
		out = appendLineSentences(out, line)
	}
	return out
}

// splitLines cuts text at line breaks that end a paragraph or a line of its own.
func splitLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	raw := strings.Split(text, "\n")
	var lines []string
	var cur strings.Builder
	for _, l := range raw {
		l = strings.TrimSpace(l)
		if l == "" {
			if cur.Len() > 0 {
				lines = append(lines, cur.String())
				cur.Reset()
			}
			continue
		}
		r, _ := utf8.DecodeRuneInString(l)
		if cur.Len() > 0 && !unicode.IsLower(r) {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(l)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '’', '”', ')', ']', '»', '›':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '‘', '“', '(', '[', '«', '‹', '¿', '¡':
		return true
	}
	return false
}

func appendLineSentences(out []string, line string) []string {
	start := 0
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if !isTerminator(r) {
			i += size
			continue
		}
		// The terminator run and any closing quotes or brackets belong to this sentence.
		end := i + size
		single := r == '.'
		for end < len(line) {
			r2, s2 := utf8.DecodeRuneInString(line[end:])
			if isTerminator(r2) {
				single = false
			} else if !isCloser(r2) {
				break
			}
			end += s2
		}
		if endsSentence(line, start, i, end, single) {
			if s := strings.TrimSpace(line[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
		i = end
	}
	if s := strings.TrimSpace(line[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// endsSentence decides whether the terminator at line[dot] (its run and closers ending at end)
// closes the sentence that began at start. single is true for a lone full stop, the only
// terminator that abbreviations make ambiguous.
func endsSentence(line string, start, dot, end int, single bool) bool {
	if end == len(line) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(line[end:])
	if !unicode.IsSpace(r) {
		return false // 3.5, U.S.-led, Yahoo!News, "word."Next
	}
	next := strings.TrimLeftFunc(line[end:], unicode.IsSpace)
	nr, _ := utf8.DecodeRuneInString(next)
	if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || isOpener(nr)) {
		return false
	}
	if !single {
		return true
	}
	word := lastWord(line[start:dot])
	lower := strings.ToLower(word)
	nextWord := strings.ToLower(firstWord(next))
	switch {
	case titles[lower]:
		return false
	case isInitial(word) || strings.Contains(word, "."):
		// J. Smith, U.S. officials, 7 a.m. Friday: only a real opener after it ends the sentence.
		return openers[nextWord]
	case abbreviations[lower]:
		if unicode.IsDigit(nr) {
			return false // No. 10, Jan. 5
		}
		return openers[nextWord]
	}
	return true
}

// lastWord returns the letters and dots just before position end, e.g. "U.S" or "Mr".
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= size
	}
	return strings.TrimLeft(s[i:], ".")
}

func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, isOpener)
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// isInitial reports a single capital letter such as the F in "John F. Kennedy".
func isInitial(word string) bool {
	r, size := utf8.DecodeRuneInString(word)
	return size == len(word) && unicode.IsUpper(r)
}
