package cli

import (
	"context"
	"fmt"
)

// runBench dispatches to the benchmark named by its first argument.
func runBench(ctx context.Context, env *Env, args []string) error {
	benches := []struct {
		name, summary string
		run           func(context.Context, *Env, []string) error
	}{
		{"ingest", "replay generated feeds through the full pipeline", benchIngest},
		{"extract", "article extraction quality and speed against peer extractors", benchExtract},
		{"cluster", "story grouping quality and speed against peer methods", benchCluster},
		{"summarize", "key points ROUGE against Lead-3", benchSummarize},
		{"search", "full-text search latency at 100k and 1M generated articles", benchSearch},
		{"load", "page load while publishing: errors, p99 and RSS over time", benchLoad},
		{"serve", "front and article page req/s and p99 under load, against a static file", benchServe},
	}
	if len(args) > 0 {
		for _, b := range benches {
			if b.name == args[0] {
				return b.run(ctx, env, args[1:])
			}
		}
	}
	fmt.Fprintln(env.Stderr, "Usage: newsdesk bench <name> [flags]\n\nBenchmarks:")
	for _, b := range benches {
		fmt.Fprintf(env.Stderr, "  %-10s %s\n", b.name, b.summary)
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		return nil
	}
	return fmt.Errorf("unknown benchmark %q", args[0])
}
