package cli

import (
	"context"
	"fmt"
	"io"

	"newsdesk/internal/story"
	"newsdesk/internal/story/storyeval"
)

// benchCluster measures story grouping on a labelled corpus: our engine and, in the same
// run, the NewsBlur-style and Tiny Tiny RSS-style peers, with BCubed and pairwise scores,
// throughput and peak memory. --repeat cycles the corpus with shifted dates to show that
// memory stays flat on a long stream.
func benchCluster(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "bench cluster", "bench cluster [flags]")
	corpus := fs.String("corpus", "../shared/corpora/clustering/uci-news-2014-03.jsonl.gz", "labelled JSONL corpus")
	repeat := fs.Int("repeat", 1, "cycle the corpus this many times, dates shifted (e.g. 2 for ~120k items)")
	peers := fs.Bool("peers", true, "also run the peer methods")
	every := fs.Int("sample", 0, "report engine memory every N items (0: ten times per run)")
	demoOnly := fs.Bool("demo", false, "score the demo's full-text articles instead of the corpus")
	halves := fs.Bool("halves", false, "also score the corpus's first and last ten days apart (tuning and held-out)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *demoOnly {
		return benchClusterDemo(env.Stdout)
	}
	recs, err := storyeval.Load(*corpus)
	if err != nil {
		return err
	}
	s, err := storyeval.NewStream(recs, *repeat)
	if err != nil {
		return err
	}
	out := env.Stdout
	fmt.Fprintf(out, "corpus %s: %d items (repeat %d)\n\n", *corpus, len(s.Records), *repeat)
	if *every <= 0 {
		*every = max(len(s.Records)/10, 1)
	}
	fmt.Fprintf(out, "%10s %10s %10s %10s\n", "items", "heap MB", "RSS MB", "stories")
	res := storyeval.RunEngine(s, story.DefaultConfig(), *every, func(m storyeval.Sample) {
		fmt.Fprintf(out, "%10d %10.1f %10.1f %10d\n", m.Items, m.HeapMB, m.RSSMB, m.Stories)
	})
	fmt.Fprintln(out)
	results := []storyeval.Result{res}
	if *peers {
		if err := ctx.Err(); err != nil {
			return err
		}
		results = append(results, storyeval.RunPeer("NewsBlur-style", s, []float64{0.2, 0.3, 0.4, 0.5}, storyeval.NewsBlur))
		if err := ctx.Err(); err != nil {
			return err
		}
		results = append(results, storyeval.RunPeer("TinyTinyRSS-style", s, []float64{0.75}, storyeval.TinyTinyRSS))
		if err := ctx.Err(); err != nil {
			return err
		}
		// TT-RSS's 0.75 only catches near-identical titles; give it its best threshold too.
		results = append(results, storyeval.RunPeer("TinyTinyRSS-best", s, []float64{0.4, 0.5, 0.6}, storyeval.TinyTinyRSS))
	}
	printClusterResults(out, results)
	if *halves {
		fmt.Fprintln(out)
		return benchClusterHalves(ctx, out, recs)
	}
	return nil
}

// benchClusterHalves scores the engine on the corpus's first and last ten days as separate
// streams: parameters are tuned on the first, so the last is the held-out figure.
func benchClusterHalves(ctx context.Context, out io.Writer, recs []storyeval.Record) error {
	first, last := storyeval.SplitDays(recs, 10)
	var results []storyeval.Result
	for _, h := range []struct {
		name string
		recs []storyeval.Record
	}{{"first 10 days", first}, {"last 10 days", last}} {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := storyeval.NewStream(h.recs, 1)
		if err != nil {
			return err
		}
		r := storyeval.RunEngine(s, story.DefaultConfig(), 0, nil)
		r.Method, r.Note = "newsdesk", fmt.Sprintf("%s: %d items", h.name, len(h.recs))
		results = append(results, r)
	}
	printClusterResults(out, results)
	return nil
}

// benchClusterDemo scores the engine on the demo's full-text articles in three languages,
// with their language declared and left to detection, and lists every mixed or split story.
func benchClusterDemo(out io.Writer) error {
	var results []storyeval.Result
	for _, detect := range []bool{false, true} {
		r := storyeval.RunDemo(story.DefaultConfig(), detect)
		note := "language declared"
		if detect {
			note = "language detected"
		}
		results = append(results, storyeval.Result{Method: "newsdesk demo", Note: note, Scores: r.Scores,
			Items: len(r.Items), Elapsed: r.Elapsed})
		if detect {
			continue
		}
		fmt.Fprintf(out, "demo: %d full-text articles, %d stories\n", len(r.Items), r.Scores.Gold)
		for _, line := range storyeval.DemoErrors(r) {
			fmt.Fprintln(out, "  "+line)
		}
		fmt.Fprintln(out)
	}
	printClusterResults(out, results)
	return nil
}

func printClusterResults(w io.Writer, results []storyeval.Result) {
	fmt.Fprintf(w, "%-18s %7s %7s %7s  %7s %7s %7s  %9s %9s %8s  %s\n",
		"method", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1", "clusters", "items/s", "peak MB", "note")
	for _, r := range results {
		s := r.Scores
		fmt.Fprintf(w, "%-18s %7.3f %7.3f %7.3f  %7.3f %7.3f %7.3f  %4d/%-4d %9.0f %8.1f  %s\n",
			r.Method, s.BCubedP, s.BCubedR, s.BCubedF1, s.PairP, s.PairR, s.PairF1,
			s.Predicted, s.Gold, r.ItemsPerSecond(), float64(r.PeakRSS)/(1<<20), r.Note)
	}
}
