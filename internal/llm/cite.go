package llm

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsdesk/internal/brief"
)

// generated is one sentence of a model's reply with the source numbers it cites, in the order
// written, without repeats.
type generated struct {
	text  string
	cites []int
}

var (
	// citationGroup matches a run of citation markers with the space before it: " [3]",
	// " [2][5]", " [2, 5]", " [1], [4]", " [2-4]".
	citationGroup = regexp.MustCompile(`(?:\s*,?\s*\[\s*\d{1,4}(?:\s*(?:,|;|-|–)\s*\d{1,4})*\s*\])+`)
	citationList  = regexp.MustCompile(`\[([^\]]*)\]`)
	citationRange = regexp.MustCompile(`^(\d+)\s*[-–]\s*(\d+)$`)
	// listMarker is the bullet or number a model puts before points it writes as a list.
	listMarker = regexp.MustCompile(`^\s*(?:[-*•·–]|\d{1,2}[.)])\s+`)
	// maxRange bounds "[2-40]": a model citing a whole span is not pointing at support.
	maxRange = 5
)

// parseNumbers reads the numbers of one marker group, expanding short ranges.
func parseNumbers(group string) []int {
	var out []int
	for _, m := range citationList.FindAllStringSubmatch(group, -1) {
		for _, part := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ';' }) {
			part = strings.TrimSpace(part)
			if rm := citationRange.FindStringSubmatch(part); rm != nil {
				a, _ := strconv.Atoi(rm[1])
				b, _ := strconv.Atoi(rm[2])
				if b < a || b-a >= maxRange {
					out = append(out, -1) // marks the sentence as citing out of range
					continue
				}
				for n := a; n <= b; n++ {
					out = append(out, n)
				}
				continue
			}
			if n, err := strconv.Atoi(part); err == nil {
				out = append(out, n)
			}
		}
	}
	return out
}

// piece is a sentence found in a line, with where it starts in the raw line.
type piece struct {
	generated
	rawStart int
	definite bool // a full-width stop ends it: the boundary after it cannot move
}

// parseLine splits one line of reply (no line breaks) into sentences and gives each the
// citations written inside it or straight after its final stop ("… rose 3% [2]." and
// "… rose 3%. [2]" both cite 2). Sentences are found with brief.SplitSentences once the markers
// are cut out, so abbreviations and decimals are handled as for articles; CJK full stops, which
// need no following space, also end sentences.
func parseLine(raw string) []piece {
	body := raw
	offset := 0
	if m := listMarker.FindStringIndex(body); m != nil {
		body, offset = body[m[1]:], m[1]
	}
	// Cut the markers out, remembering where each group sat in the cut text and how cut
	// positions map back to raw ones.
	type group struct {
		at   int
		nums []int
	}
	var (
		clean  strings.Builder
		groups []group
		spans  [][2]int // {cleanStart, rawStart} of each kept segment
	)
	prev := 0
	for _, m := range citationGroup.FindAllStringIndex(body, -1) {
		spans = append(spans, [2]int{clean.Len(), offset + prev})
		clean.WriteString(body[prev:m[0]])
		groups = append(groups, group{at: clean.Len(), nums: parseNumbers(body[m[0]:m[1]])})
		prev = m[1]
	}
	spans = append(spans, [2]int{clean.Len(), offset + prev})
	clean.WriteString(body[prev:])
	text := clean.String()
	toRaw := func(c int) int {
		r := spans[0]
		for _, s := range spans {
			if s[0] <= c {
				r = s
			}
		}
		return r[1] + c - r[0]
	}

	var out []piece
	cursor := 0
	for _, s := range brief.SplitSentences(text) {
		for _, part := range splitFullWidth(s) {
			at := strings.Index(text[cursor:], part.text)
			if at < 0 {
				continue // cannot happen: the splitter returns trimmed substrings
			}
			start := cursor + at
			cursor = start + len(part.text)
			out = append(out, piece{generated: generated{text: part.text}, rawStart: toRaw(start), definite: part.definite})
		}
	}
	if len(out) == 0 {
		return nil
	}
	// A group belongs to the last sentence that starts at or before it: markers inside a
	// sentence or between its stop and the next sentence are its own.
	starts := make([]int, len(out))
	for i, p := range out {
		starts[i] = p.rawStart
	}
	for _, g := range groups {
		rawAt := toRaw(g.at)
		k := 0
		for i, st := range starts {
			if st <= rawAt {
				k = i
			}
		}
		out[k].cites = appendUnique(out[k].cites, g.nums...)
	}
	for i := range out {
		out[i].text = tidy(out[i].text)
	}
	return out
}

type fwPart struct {
	text     string
	definite bool
}

// splitFullWidth cuts a sentence after each ideographic full stop, exclamation or question
// mark, which end sentences in Chinese and Japanese without a following space.
func splitFullWidth(s string) []fwPart {
	var out []fwPart
	start := 0
	for i, r := range s {
		if r == '。' || r == '！' || r == '？' {
			end := i + utf8.RuneLen(r)
			if t := strings.TrimSpace(s[start:end]); t != "" {
				out = append(out, fwPart{t, true})
			}
			start = end
		}
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, fwPart{t, false})
	}
	return out
}

func appendUnique(list []int, ns ...int) []int {
	for _, n := range ns {
		found := false
		for _, m := range list {
			found = found || m == n
		}
		if !found {
			list = append(list, n)
		}
	}
	return list
}

// tidy removes Markdown emphasis and stray spacing from a generated sentence.
func tidy(s string) string {
	s = strings.NewReplacer("**", "", "__", "").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimSpace(s)
}

// splitter turns a reply that arrives in pieces into sentences as soon as each is complete: a
// sentence is complete when a line break follows it, or when the next sentence has begun and
// its first word is whole (the splitter's abbreviation rules look at that word).
type splitter struct {
	pending string
}

func (s *splitter) write(delta string) []generated {
	s.pending += delta
	var out []generated
	if i := strings.LastIndexByte(s.pending, '\n'); i >= 0 {
		for _, line := range strings.Split(s.pending[:i], "\n") {
			out = appendPieces(out, parseLine(line))
		}
		s.pending = s.pending[i+1:]
	}
	ps := parseLine(s.pending)
	if len(ps) < 2 {
		return out
	}
	last := ps[len(ps)-1]
	ready := len(ps) - 1
	if !ps[ready-1].definite && strings.IndexFunc(last.text, unicode.IsSpace) < 0 {
		ready-- // the boundary before the last sentence may still move
	}
	if ready == 0 {
		return out
	}
	out = appendPieces(out, ps[:ready])
	s.pending = s.pending[ps[ready].rawStart:]
	return out
}

// flush returns what is left at the end of the reply.
func (s *splitter) flush() []generated {
	var out []generated
	for _, line := range strings.Split(s.pending, "\n") {
		out = appendPieces(out, parseLine(line))
	}
	s.pending = ""
	return out
}

func appendPieces(out []generated, ps []piece) []generated {
	for _, p := range ps {
		if p.text != "" {
			out = append(out, p.generated)
		}
	}
	return out
}

// parseReply splits a whole reply into sentences.
func parseReply(text string) []generated {
	var s splitter
	return append(s.write(text), s.flush()...)
}
