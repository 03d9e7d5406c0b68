package cli

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"newsdesk/internal/config"
	"newsdesk/internal/demo"
	"newsdesk/internal/ingest"
	"newsdesk/internal/store"
)

// benchIngest replays generated feeds and pages from loopback publishers through the whole
// pipeline (fetch, parse, extract, store, on River and SQLite) and reports throughput, the
// time from publication to visibility, and peak memory.
func benchIngest(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "bench ingest", "bench ingest [flags]")
	publishers := fs.Int("publishers", 20, "generated publishers (feeds)")
	backlog := fs.Int("backlog", 50, "articles already in each feed at the start")
	rate := fs.Float64("rate", 50, "articles published per second after the backlog is in (0: none)")
	live := fs.Duration("live", 20*time.Second, "how long to publish live articles")
	hosts := fs.Int("hosts", 8, "loopback hosts the publishers are spread over")
	workers := fs.Int("workers", 2*runtime.NumCPU(), "ingest jobs worked at once")
	dir := fs.String("dir", "", "directory for the database (default: a temporary one, removed after)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *dir == "" {
		tmp, err := os.MkdirTemp("", "newsdesk-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		*dir = tmp
	}
	gen := demo.NewGenerator(*publishers, *backlog, 1)
	genCtx, stopGen := context.WithCancel(ctx)
	defer stopGen()
	bases, err := gen.Start(genCtx, *hosts)
	if err != nil {
		return err
	}
	var allow []string
	for _, b := range bases {
		u, _ := url.Parse(b)
		allow = append(allow, u.Host)
	}
	cfg := &config.Config{
		DatabaseURL: filepath.Join(*dir, "bench.db"), FetchAllow: allow, FetchTimeout: 30 * time.Second,
		FetchMaxBody: 10 << 20, FetchHostInterval: 0, LogLevel: "error",
	}
	log := newLogger(env, cfg.LogLevel)
	st, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer st.Close()
	fc, err := newFetcher(cfg, log, nil)
	if err != nil {
		return err
	}
	ex, err := newExtractor(cfg, st, log)
	if err != nil {
		return err
	}
	for i, feedURL := range gen.FeedURLs(bases...) {
		home := strings.TrimSuffix(feedURL, path.Base(feedURL))
		pub, err := st.EnsurePublisher(ctx, store.Publisher{Name: fmt.Sprintf("Generated %d", i+1), HomeURL: home})
		if err != nil {
			return err
		}
		if _, err := st.CreateFeed(ctx, store.Feed{PublisherID: pub.ID, URL: feedURL}); err != nil {
			return err
		}
	}
	p, err := ingest.New(ctx, ingest.Config{
		Store: st, Fetcher: fc, Extractor: ex, Logger: log, Workers: *workers,
		PollInterval: 200 * time.Millisecond, MinRefresh: time.Second, MaxRefresh: time.Second,
	})
	if err != nil {
		return err
	}
	total := *publishers * *backlog
	fmt.Fprintf(env.Stdout, "bench ingest: %d publishers on %d loopback hosts, %d backlog articles, %d workers, GOMAXPROCS %d\n",
		*publishers, len(bases), total, *workers, runtime.GOMAXPROCS(0))
	start := time.Now()
	cpuStart, _ := cpuTime()
	if err := p.Start(ctx); err != nil {
		return err
	}
	defer p.Stop(context.WithoutCancel(ctx), 10*time.Second)
	if err := waitArticles(ctx, st, total, 10*time.Minute); err != nil {
		return err
	}
	elapsed := time.Since(start)
	fmt.Fprintf(env.Stdout, "backlog:  %d articles in %.2fs = %.0f articles/s (fetch, parse, extract, store)\n",
		total, elapsed.Seconds(), float64(total)/elapsed.Seconds())
	// Wall-clock throughput moves with whatever else shares the cores; CPU time per article
	// is the steadier figure (it includes the loopback publisher's own serving).
	if cpuEnd, ok := cpuTime(); ok && cpuEnd > cpuStart {
		per := (cpuEnd - cpuStart) / time.Duration(total)
		fmt.Fprintf(env.Stdout, "cpu:      %s per article = %.0f articles per CPU-second (CPU-bound ceiling on %d idle cores: %.0f articles/s)\n",
			per.Round(10*time.Microsecond), float64(time.Second)/float64(per), runtime.NumCPU(), float64(runtime.NumCPU())*float64(time.Second)/float64(per))
	}

	if *rate > 0 && *live > 0 {
		n := int(*rate * live.Seconds())
		liveStart := time.Now()
		gen.Publish(*rate, n)
		if err := waitArticles(ctx, st, total+n, *live+2*time.Minute); err != nil {
			return err
		}
		lat, err := visibleLatencies(ctx, st, gen, liveStart)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "live:     %d articles published at %.0f/s, all visible; publication→visible p50 %s, p95 %s, max %s (feeds polled every 1s)\n",
			n, *rate, pct(lat, 50), pct(lat, 95), pct(lat, 100))
	}
	fmt.Fprintf(env.Stdout, "peak RSS: %s\n", peakRSS())
	return nil
}

func waitArticles(ctx context.Context, st *store.Store, want int, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		n, err := st.CountArticles(ctx)
		if err != nil {
			return err
		}
		if n >= want {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("only %d of %d articles visible after %s", n, want, limit)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

// visibleLatencies measures, for every article published since, the time from its
// publication by the generator to its being stored (visible).
func visibleLatencies(ctx context.Context, st *store.Store, gen *demo.Generator, since time.Time) ([]time.Duration, error) {
	arts, err := st.LatestArticles(ctx, 1<<20)
	if err != nil {
		return nil, err
	}
	var out []time.Duration
	for _, a := range arts {
		pub, ok := gen.PublishedAt(a.URL)
		if !ok || pub.Before(since) {
			continue
		}
		out = append(out, a.Fetched.Sub(pub))
	}
	slices.Sort(out)
	return out, nil
}

func pct(d []time.Duration, p int) string {
	if len(d) == 0 {
		return "n/a"
	}
	i := min(len(d)-1, (len(d)*p+99)/100-1)
	return d[max(i, 0)].Round(time.Millisecond).String()
}

// peakRSS reads the process's peak resident set size from /proc (Linux); elsewhere it
// reports the Go runtime's view.
func peakRSS() string {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return fmt.Sprintf("%d MiB (Go runtime, sys)", m.Sys>>20)
}
