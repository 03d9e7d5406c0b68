package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"newsdesk/internal/brief"
)

// summarizeInput is one line of `newsdesk summarize`'s input. The id is echoed as given, string
// or number.
type summarizeInput struct {
	ID    json.RawMessage `json:"id"`
	Title string          `json:"title"`
	Text  string          `json:"text"`
}

type summarizeOutput struct {
	ID        json.RawMessage `json:"id"`
	KeyPoints []string        `json:"key_points"`
}

// runSummarize writes offline key points for each article of a JSONL file (or stdin for "-").
func runSummarize(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "summarize", "summarize [-n 3] FILE.jsonl|-")
	n := fs.Int("n", 3, "key points per article")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *n < 1 {
		fs.Usage()
		return errUsage
	}
	in := io.Reader(env.Stdin)
	if path := fs.Arg(0); path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("summarize: %w", err)
		}
		defer f.Close()
		in = f
	}
	return summarizeStream(ctx, brief.Offline{}, in, env.Stdout, *n)
}

// summarizeStream reads articles as a JSON stream and writes one result line per article,
// flushing as it goes so a long file shows progress.
func summarizeStream(ctx context.Context, s brief.Summarizer, in io.Reader, out io.Writer, n int) error {
	dec := json.NewDecoder(bufio.NewReader(in))
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for line := 1; ; line++ {
		var a summarizeInput
		err := dec.Decode(&a)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("summarize: record %d: %w", line, err)
		}
		if len(a.ID) == 0 {
			return fmt.Errorf("summarize: record %d: missing id", line)
		}
		points, err := s.KeyPoints(ctx, a.Title, a.Text, n)
		if err != nil {
			return fmt.Errorf("summarize: record %d: %w", line, err)
		}
		if points == nil {
			points = []string{}
		}
		if err := enc.Encode(summarizeOutput{ID: a.ID, KeyPoints: points}); err != nil {
			return fmt.Errorf("summarize: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("summarize: %w", err)
	}
	return nil
}
