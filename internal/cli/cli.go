// Package cli holds newsdesk's subcommands: one file per command, dispatched from Main.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// Env is what a command may touch of the outside world; tests pass their own.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Logger *slog.Logger
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// commands is the table of subcommands. Each run function lives in its own file.
func commands() []command {
	return []command{
		{"serve", "run the web server and the ingest workers (default)", runServe},
		{"demo", "run the whole product offline with a simulated publisher", runDemo},
		{"migrate", "apply database migrations", runMigrate},
		{"copy", "copy a site from SQLite to PostgreSQL: --from sqlite:PATH --to postgres://…", runCopy},
		{"backup", "write a consistent copy of the SQLite database: --to FILE", runBackup},
		{"sources", "manage sources: add, list, import-opml, export-opml", runSources},
		{"users", "manage accounts: create-admin", runUsers},
		{"feed", "feed tools: parse FILE|URL", runFeed},
		{"extract", "extract the article from an HTML page as JSON", runExtract},
		{"cluster", "group a JSONL stream of articles into stories", runCluster},
		{"summarize", "write offline key points for a JSONL stream of articles", runSummarize},
		{"bench", "benchmarks: ingest, extract, cluster, summarize", runBench},
		{"version", "print the version", runVersion},
	}
}

// Version is set at build time with -ldflags "-X newsdesk/internal/cli.Version=…".
var Version = "dev"

// Main runs the command line and returns the process exit status.
func Main(args []string) int {
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	env.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: logLevel(os.Getenv("NEWSDESK_LOG_LEVEL"))}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return Run(ctx, env, args)
}

// Run dispatches args to a subcommand; it is Main without the process globals.
func Run(ctx context.Context, env *Env, args []string) int {
	name := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if name == "help" || name == "-h" || name == "--help" {
		usage(env.Stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		err := c.run(ctx, env, args)
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		default:
			fmt.Fprintf(env.Stderr, "newsdesk %s: %v\n", name, err)
			return 1
		}
	}
	fmt.Fprintf(env.Stderr, "newsdesk: unknown command %q\n\n", name)
	usage(env.Stderr)
	return 2
}

// errUsage reports a bad command line whose message was already printed.
var errUsage = errors.New("usage")

func usage(w io.Writer) {
	fmt.Fprintln(w, "newsdesk — a self-hosted news aggregator in one binary")
	fmt.Fprintln(w, "\nUsage: newsdesk <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'newsdesk <command> --help' for a command's flags.")
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(env *Env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: newsdesk %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

func logLevel(s string) slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return slog.LevelInfo
	}
	return l
}
