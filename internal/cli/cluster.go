package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"newsdesk/internal/story"
	"newsdesk/internal/story/storyeval"
)

// clusterLine is what the cluster command reads from each line. It has no story field on
// purpose: the gold label some corpora carry must never reach the engine.
type clusterLine struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	Publisher string          `json:"publisher"`
	URL       string          `json:"url"`
	Published string          `json:"published"`
}

// runCluster groups a JSONL stream of articles into stories. Every line is assigned when it
// is read, seeing only the lines before it; the output gives each line's final story, after
// the merges and splits later lines caused, in input order.
func runCluster(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "cluster", "cluster [flags] FILE.jsonl[.gz]|-")
	cfg := story.DefaultConfig()
	fs.Float64Var(&cfg.Threshold, "threshold", cfg.Threshold, "least similarity for an article to join a story")
	fs.DurationVar(&cfg.Window, "window", cfg.Window, "how long a quiet story stays a candidate")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	var in io.Reader = env.Stdin
	if path := fs.Arg(0); path != "-" {
		rc, err := storyeval.Open(path)
		if err != nil {
			return err
		}
		defer rc.Close()
		in = rc
	}

	e := story.NewEngine(cfg)
	var ids []json.RawMessage
	var stories []int64
	redirect := make(map[int64]int64) // kept for the whole run: the engine forgets old ones
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if len(sc.Bytes()) == 0 {
			continue
		}
		var l clusterLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		t, err := storyeval.ParseTime(l.Published)
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		item := int64(len(ids) + 1)
		a := e.Add(story.Item{ID: item, Title: l.Title, Text: l.Text, Publisher: l.Publisher, URL: l.URL, Published: t})
		ids = append(ids, l.ID)
		stories = append(stories, a.Story)
		for _, m := range a.Merged {
			redirect[m] = a.Story
		}
		if a.Split != nil {
			for _, moved := range a.Split.Items {
				stories[moved-1] = a.Split.To
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read: %w", err)
	}

	w := bufio.NewWriter(env.Stdout)
	enc := json.NewEncoder(w)
	for i, id := range ids {
		if id == nil {
			id = json.RawMessage("null")
		}
		out := struct {
			ID    json.RawMessage `json:"id"`
			Story int64           `json:"story"`
		}{id, resolve(redirect, stories[i])}
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// resolve follows merge redirects to the surviving story.
func resolve(redirect map[int64]int64, id int64) int64 {
	for range len(redirect) + 1 {
		next, ok := redirect[id]
		if !ok || next == id {
			return id
		}
		id = next
	}
	return id
}
