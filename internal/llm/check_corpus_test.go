package llm

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"newsdesk/internal/brief"
)

type summaryCase struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Summary string `json:"summary"`
}

// loadSummaries reads the shared CNN/DailyMail sample, or skips when it is not on this machine.
func loadSummaries(t *testing.T) []summaryCase {
	t.Helper()
	dir := os.Getenv("NEWSDESK_CORPORA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpora")
	}
	f, err := os.Open(filepath.Join(dir, "summaries", "cnndm-dev.jsonl"))
	if err != nil {
		t.Skipf("summaries corpus not available: %v", err)
	}
	defer f.Close()
	var cases []summaryCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var c summaryCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("corpus line: %v", err)
		}
		cases = append(cases, c)
	}
	return cases
}

var firstNumber = regexp.MustCompile(`\d+`)

// TestCheckOnReferenceSummaries measures the citation check on human-written abstractive
// summaries, which stand in for a faithful model. Each reference sentence is given the one or
// two article sentences that best cover its words, plus one holding a number it states that
// those lack, as citations (what a faithful model would cite):
// the share the check keeps is its false-drop rate's complement. The same sentences are then
// given a wrong citation (a random article sentence outside the five best) and, where they
// state a number, a changed number; and each article is paired with the reference sentences of
// another article, cited with this article's two closest sentences (an invented claim with the
// nearest-looking support): the share dropped is how well the check catches them.
func TestCheckOnReferenceSummaries(t *testing.T) {
	t.Parallel()
	cases := loadSummaries(t)
	rng := rand.New(rand.NewPCG(7, 11))
	var kept, total, wrongDropped, wrongTotal, numDropped, numTotal, alienDropped, alienTotal, halfDropped, halfTotal int
	for ci, c := range cases {
		doc := brief.Doc{ID: 1, Text: c.Text}
		src := articleSources([]brief.Doc{doc}, 1<<30)
		if len(src.list) < 8 {
			continue
		}
		srcTerms := make([]map[string]bool, len(src.list))
		for i, s := range src.list {
			srcTerms[i] = map[string]bool{}
			for _, t := range brief.SupportTerms(s.cite.Text) {
				srcTerms[i][t] = true
			}
		}
		// A sentence about another story, given this article's best-matching sentences as
		// citations: a model that invents a claim and cites what comes closest.
		other := cases[(ci+1+rng.IntN(len(cases)-1))%len(cases)]
		for _, sent := range brief.SplitSentences(other.Summary) {
			gen := contentTerms(sent)
			if len(gen) == 0 {
				continue
			}
			rank := rankByCover(gen, srcTerms)
			alienTotal++
			if check(generated{text: sent, cites: []int{rank[0] + 1, rank[1] + 1}}, src, checkSame, true).reason != "" {
				alienDropped++
			}
		}
		otherSents := brief.SplitSentences(other.Summary)
		for si, sent := range brief.SplitSentences(c.Summary) {
			gen := contentTerms(sent)
			if len(gen) == 0 {
				continue
			}
			rank := rankByCover(gen, srcTerms)
			if len(otherSents) > 0 {
				// Half true, half another story's: the first half of this sentence's words, the
				// second half of one of the other story's, cited as the true half would be.
				a, b := strings.Fields(sent), strings.Fields(otherSents[si%len(otherSents)])
				spliced := strings.Join(append(a[:len(a)/2:len(a)/2], b[len(b)/2:]...), " ")
				halfTotal++
				if check(generated{text: spliced, cites: []int{rank[0] + 1, rank[1] + 1}}, src, checkSame, true).reason != "" {
					halfDropped++
				}
			}
			cites := []int{rank[0] + 1}
			if cover(gen, srcTerms, rank[0], rank[1]) > cover(gen, srcTerms, rank[0]) {
				cites = append(cites, rank[1]+1)
			}
			// A faithful model also cites where a number it states comes from.
			have := numbers(supportOf(src, cites), true)
			for _, n := range numbersList(sent) {
				if have[n] || len(cites) >= 3 {
					continue
				}
				for _, i := range rank {
					if numbers(src.list[i].cite.Text, true)[n] {
						cites = append(cites, i+1)
						have = numbers(supportOf(src, cites), true)
						break
					}
				}
			}
			total++
			if check(generated{text: sent, cites: cites}, src, checkSame, true).reason == "" {
				kept++
			}
			wrong := rank[5+rng.IntN(len(rank)-5)]
			wrongTotal++
			if check(generated{text: sent, cites: []int{wrong + 1}}, src, checkSame, true).reason != "" {
				wrongDropped++
			}
			if loc := firstNumber.FindStringIndex(sent); loc != nil {
				n, _ := strconv.Atoi(sent[loc[0]:loc[1]])
				changed := sent[:loc[0]] + strconv.Itoa(n+1) + sent[loc[1]:]
				if !numbers(supportOf(src, cites), true)[strconv.Itoa(n+1)] {
					numTotal++
					if check(generated{text: changed, cites: cites}, src, checkSame, true).reason != "" {
						numDropped++
					}
				}
			}
		}
	}
	if total == 0 {
		t.Skip("no usable cases")
	}
	keptShare := float64(kept) / float64(total)
	wrongShare := float64(wrongDropped) / float64(wrongTotal)
	numShare := float64(numDropped) / float64(max(numTotal, 1))
	alienShare := float64(alienDropped) / float64(max(alienTotal, 1))
	t.Logf("reference sentences kept with best citations: %d/%d = %.3f", kept, total, keptShare)
	t.Logf("dropped with a wrong citation:               %d/%d = %.3f", wrongDropped, wrongTotal, wrongShare)
	t.Logf("dropped with a changed number:               %d/%d = %.3f", numDropped, numTotal, numShare)
	t.Logf("another story's sentence, closest citations: %d/%d = %.3f dropped", alienDropped, alienTotal, alienShare)
	halfShare := float64(halfDropped) / float64(max(halfTotal, 1))
	t.Logf("half this story, half another's:             %d/%d = %.3f dropped", halfDropped, halfTotal, halfShare)
	if keptShare < 0.8 || wrongShare < 0.95 || numShare < 0.95 || alienShare < 0.9 || halfShare < 0.75 {
		t.Errorf("check quality fell: kept %.3f (want ≥ 0.8), dropped: wrong citation %.3f (≥ 0.95), changed number %.3f (≥ 0.95), other story %.3f (≥ 0.9), half invented %.3f (≥ 0.75)",
			keptShare, wrongShare, numShare, alienShare, halfShare)
	}
}

func supportOf(src *sources, cites []int) string {
	s := ""
	for _, n := range cites {
		s += src.list[n-1].cite.Text + " "
	}
	return s
}

// rankByCover orders source sentences by how many of gen's terms they hold, most first.
func rankByCover(gen map[string]bool, src []map[string]bool) []int {
	idx := make([]int, len(src))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cover(gen, src, b) - cover(gen, src, a) })
	return idx
}

func cover(gen map[string]bool, src []map[string]bool, which ...int) int {
	n := 0
	for t := range gen {
		for _, w := range which {
			if src[w][t] {
				n++
				break
			}
		}
	}
	return n
}
