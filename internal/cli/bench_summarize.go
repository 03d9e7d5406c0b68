package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"newsdesk/internal/brief"
	"newsdesk/internal/brief/rouge"
	"newsdesk/internal/demo"
)

// benchSummarize scores offline key points against reference highlights with ROUGE, beside
// Lead-3 on the same articles; with --ask it scores question answering instead.
func benchSummarize(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "bench summarize", "bench summarize [--corpus FILE] [-n 3] [--halves] | --ask [--qa FILE]")
	corpus := fs.String("corpus", filepath.Join("..", "shared", "corpora", "summaries", "cnndm-dev.jsonl"),
		`JSONL of {"id","text","summary"} (optional "title")`)
	n := fs.Int("n", 3, "key points per article")
	halves := fs.Bool("halves", false, "also report the even and odd halves of the corpus (the tuning split)")
	ask := fs.Bool("ask", false, "run the Ask benchmark over the demo articles instead")
	qa := fs.String("qa", filepath.Join("internal", "brief", "testdata", "ask_qa.jsonl"), "Ask question set (with --ask)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 || *n < 1 {
		fs.Usage()
		return errUsage
	}
	if *ask {
		return benchAsk(ctx, env, *qa)
	}
	cases, err := readSummaryCorpus(*corpus)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "summaries: %d articles from %s; F-scores ×100, rouge-score conventions (lower case, a–z0–9 tokens, Porter stems)\n\n", len(cases), *corpus)
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tmethod\tROUGE-1\tROUGE-2\tROUGE-L\tROUGE-Lsum\twords\tµs/article\t")
	sets := []summarySet{{"all", cases}}
	if *halves {
		even, odd := splitHalves(cases)
		sets = append(sets, summarySet{"even", even}, summarySet{"odd", odd})
	}
	for _, set := range sets {
		methods := []struct {
			name string
			run  func(c summaryCase) []string
		}{
			{"key points", func(c summaryCase) []string { return brief.KeyPoints(c.Title, c.Text, *n) }},
			{fmt.Sprintf("Lead-%d", *n), func(c summaryCase) []string { return brief.Lead(c.Text, *n) }},
		}
		for _, m := range methods {
			if err := ctx.Err(); err != nil {
				return err
			}
			r := scoreSummaries(set.cases, m.run)
			fmt.Fprintf(tw, "%s\t%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.1f\t%.0f\t\n", set.name, m.name,
				100*r.r1, 100*r.r2, 100*r.l, 100*r.lsum, r.words, r.perArticle.Seconds()*1e6)
		}
	}
	return tw.Flush()
}

// summarySet is a named part of the corpus.
type summarySet struct {
	name  string
	cases []summaryCase
}

type summaryCase struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Text    string `json:"text"`
	Summary string `json:"summary"`
}

func readSummaryCorpus(path string) ([]summaryCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("bench summarize: %w", err)
	}
	defer f.Close()
	var cases []summaryCase
	dec := json.NewDecoder(bufio.NewReader(f))
	for {
		var c summaryCase
		err := dec.Decode(&c)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("bench summarize: %s record %d: %w", path, len(cases)+1, err)
		}
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("bench summarize: %s holds no articles", path)
	}
	return cases, nil
}

func splitHalves(cases []summaryCase) (even, odd []summaryCase) {
	for i, c := range cases {
		if i%2 == 0 {
			even = append(even, c)
		} else {
			odd = append(odd, c)
		}
	}
	return even, odd
}

type summaryScores struct {
	r1, r2, l, lsum, words float64
	perArticle             time.Duration
}

// scoreSummaries averages per-article F-scores, as rouge-score's aggregate reports them. The
// reference is split into sentences for ROUGE-Lsum; the corpus stores it on one line.
func scoreSummaries(cases []summaryCase, summarise func(summaryCase) []string) summaryScores {
	var s summaryScores
	var spent time.Duration
	for _, c := range cases {
		start := time.Now()
		out := summarise(c)
		spent += time.Since(start)
		r := rouge.Compare(out, brief.SplitSentences(c.Summary))
		s.r1 += r.R1.F
		s.r2 += r.R2.F
		s.l += r.L.F
		s.lsum += r.Lsum.F
		for _, p := range out {
			s.words += float64(len(rouge.Tokenize(p)))
		}
	}
	k := float64(len(cases))
	s.r1, s.r2, s.l, s.lsum, s.words = s.r1/k, s.r2/k, s.l/k, s.lsum/k, s.words/k
	s.perArticle = spent / time.Duration(len(cases))
	return s
}

// benchAsk asks the question set about the demo articles, once over the article alone and once
// over all the articles of its story, and reports how often the right sentence came first or
// in the first three.
func benchAsk(ctx context.Context, env *Env, qaPath string) error {
	f, err := os.Open(qaPath)
	if err != nil {
		return fmt.Errorf("bench summarize: %w", err)
	}
	defer f.Close()
	cases, err := brief.ParseAskCases(f)
	if err != nil {
		return fmt.Errorf("bench summarize: %s: %w", qaPath, err)
	}
	single, story := demoAskDocs()
	fmt.Fprintf(env.Stdout, "ask: %d questions about the demo articles from %s\n\n", len(cases), qaPath)
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "scope\tanswerable\ttop-1\ttop-3\tdeclined\tunanswerable\tdeclined\tµs/question\t")
	var misses []string
	for _, scope := range []struct {
		name string
		docs map[string][]brief.Doc
	}{{"article", single}, {"story", story}} {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		r, err := brief.EvaluateAsk(cases, func(slug string) ([]brief.Doc, bool) {
			d, ok := scope.docs[slug]
			return d, ok
		})
		if err != nil {
			return fmt.Errorf("bench summarize: %w", err)
		}
		per := time.Since(start) / time.Duration(max(r.Questions, 1))
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%.2f\t%d\t%d\t%d\t%.0f\t\n", scope.name, r.Answerable,
			share(r.Top1, r.Answerable), share(r.Top3, r.Answerable), r.Declined, r.Unanswerable, r.Abstained,
			per.Seconds()*1e6)
		for _, m := range r.Misses {
			misses = append(misses, scope.name+" "+m)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, m := range misses {
		fmt.Fprintf(env.Stdout, "miss (not in top 3): %s\n", m)
	}
	return nil
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// demoAskDocs indexes the demo articles by slug: each alone, and with its story's articles.
func demoAskDocs() (single, story map[string][]brief.Doc) {
	arts := demo.Articles()
	single = map[string][]brief.Doc{}
	byStory := map[string][]brief.Doc{}
	for i, a := range arts {
		d := brief.Doc{ID: int64(i + 1), Publisher: a.Publisher, Title: a.Title, Text: a.Text(), Published: a.Published}
		single[a.Slug] = []brief.Doc{d}
		byStory[a.Story] = append(byStory[a.Story], d)
	}
	story = map[string][]brief.Doc{}
	for _, a := range arts {
		story[a.Slug] = byStory[a.Story]
	}
	return single, story
}
