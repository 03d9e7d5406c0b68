package llm

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"newsdesk/internal/brief"
)

// Source selection bounds. A prompt lists numbered sentences; the model cites the numbers.
const (
	storyLeadSentences = 12 // per article of a story: the facts sit at the top of news copy
	askContext         = 6  // sentences brief.Ask retrieves for a question
	timelinePoints     = 3  // key sentences per article of a timeline
)

// source is one numbered sentence of a prompt.
type source struct {
	cite      brief.Cited
	doc       int // index into the docs the sources were built from
	published time.Time
	// extra is text the check may count as support besides the sentence itself: the article's
	// date and publisher, which story and timeline prompts show beside the sentence, so a
	// generated "On 5 March, …" can rest on them.
	extra string
}

// sources are the numbered sentences of one prompt; number n is list[n-1].
type sources struct {
	list      []source
	truncated bool // the bound on prompt size left sentences out
}

func (s *sources) add(docs []brief.Doc, d, i int, text string, extra string) {
	s.list = append(s.list, source{
		cite:      brief.Cited{Text: strings.Join(strings.Fields(text), " "), DocID: docs[d].ID, Sentence: i},
		doc:       d,
		published: docs[d].Published,
		extra:     extra,
	})
}

// get returns the source numbered n (1-based) and whether there is one.
func (s *sources) get(n int) (source, bool) {
	if n < 1 || n > len(s.list) {
		return source{}, false
	}
	return s.list[n-1], true
}

// articleSources numbers the sentences of one article in reading order, up to maxChars.
func articleSources(docs []brief.Doc, maxChars int) *sources {
	s := &sources{}
	used := 0
	for i, t := range brief.SplitSentences(docs[0].Text) {
		if used+len(t) > maxChars && len(s.list) > 0 {
			s.truncated = true
			break
		}
		used += len(t)
		s.add(docs, 0, i, t, "")
	}
	return s
}

// storySources numbers the lead sentences of a story's articles, taking one sentence from each
// article in turn so that every publisher is heard before the bound cuts the list; the list is
// then put back in article and reading order.
func storySources(docs []brief.Doc, maxChars int) *sources {
	split := make([][]string, len(docs))
	for d, doc := range docs {
		split[d] = brief.SplitSentences(doc.Text)
	}
	type pick struct{ d, i int }
	var picks []pick
	used := 0
	truncated := false
fill:
	for i := range storyLeadSentences {
		for d := range docs {
			if i >= len(split[d]) {
				continue
			}
			if used+len(split[d][i]) > maxChars && len(picks) > 0 {
				truncated = true
				break fill
			}
			used += len(split[d][i])
			picks = append(picks, pick{d, i})
		}
	}
	slices.SortFunc(picks, func(a, b pick) int { return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(a.i, b.i)) })
	s := &sources{truncated: truncated}
	for _, p := range picks {
		s.add(docs, p.d, p.i, split[p.d][p.i], dateLine(docs[p.d]))
	}
	return s
}

// askSources numbers the sentences brief.Ask retrieves for the question, each preceded by the
// sentence before it (news names a subject once and then says "he"), in article and reading
// order. answered is false when brief.Ask finds that the articles do not answer.
func askSources(question string, docs []brief.Doc) (*sources, bool) {
	answers, ok := brief.Ask(question, docs, askContext)
	if !ok {
		return &sources{}, false
	}
	byID := map[int64]int{}
	for d, doc := range docs {
		byID[doc.ID] = d
	}
	type pick struct{ d, i int }
	seen := map[pick]bool{}
	var picks []pick
	for _, a := range answers {
		d := byID[a.DocID]
		for _, i := range []int{a.Sentence - 1, a.Sentence} {
			if p := (pick{d, i}); i >= 0 && !seen[p] {
				seen[p] = true
				picks = append(picks, p)
			}
		}
	}
	slices.SortFunc(picks, func(a, b pick) int { return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(a.i, b.i)) })
	s := &sources{}
	split := map[int][]string{}
	for _, p := range picks {
		if _, ok := split[p.d]; !ok {
			split[p.d] = brief.SplitSentences(docs[p.d].Text)
		}
		if p.i < len(split[p.d]) {
			extra := ""
			if len(docs) > 1 {
				extra = dateLine(docs[p.d]) // story prompts show it in the article header
			}
			s.add(docs, p.d, p.i, split[p.d][p.i], extra)
		}
	}
	return s, true
}

// timelineSources numbers the key sentences of each article of a story, oldest article first,
// each with its date and publisher. When the story has more articles than fit, articles are
// taken evenly across its time span so the timeline still runs from start to end.
func timelineSources(docs []brief.Doc, maxChars int) *sources {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return docs[a].Published.Compare(docs[b].Published) })
	points := make([][]brief.Cited, len(docs))
	size := 0
	for _, d := range order {
		points[d] = brief.StoryBrief(docs[d:d+1], timelinePoints)
		for _, p := range points[d] {
			size += len(p.Text)
		}
	}
	s := &sources{}
	keep := order
	if size > maxChars && len(order) > 1 {
		// Keep every k-th article (always the first and last) so the kept text fits.
		n := max(2, len(order)*maxChars/size)
		keep = nil
		for j := range n {
			keep = append(keep, order[j*(len(order)-1)/(n-1)])
		}
		keep = slices.Compact(keep)
		s.truncated = true
	}
	used := 0
	for _, d := range keep {
		for _, p := range points[d] {
			if used+len(p.Text) > maxChars && len(s.list) > 0 {
				s.truncated = true
				return s
			}
			used += len(p.Text)
			s.add(docs, d, p.Sentence, p.Text, dateLine(docs[d]))
		}
	}
	return s
}

// dateLine is the header a timeline prompt gives each sentence: its article's date and
// publisher.
func dateLine(d brief.Doc) string {
	var parts []string
	if !d.Published.IsZero() {
		parts = append(parts, d.Published.UTC().Format("2 January 2006"))
	}
	if d.Publisher != "" {
		parts = append(parts, d.Publisher)
	}
	return strings.Join(parts, ", ")
}

// render writes the numbered list for a prompt. Story prompts name each article before its
// sentences so the model knows which publisher says what.
func (s *sources) render(docs []brief.Doc, withHeaders bool) string {
	var b strings.Builder
	last := -1
	for n, src := range s.list {
		if withHeaders && src.doc != last {
			last = src.doc
			d := docs[src.doc]
			fmt.Fprintf(&b, "\nArticle: %q", oneLine(d.Title))
			if h := dateLine(d); h != "" {
				fmt.Fprintf(&b, " (%s)", h)
			}
			b.WriteString("\n")
		}
		if src.extra != "" && !withHeaders {
			fmt.Fprintf(&b, "[%d] (%s) %s\n", n+1, src.extra, src.cite.Text)
			continue
		}
		fmt.Fprintf(&b, "[%d] %s\n", n+1, src.cite.Text)
	}
	return strings.TrimLeft(b.String(), "\n")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
