package cli

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"newsdesk/internal/config"
	"newsdesk/internal/demo"
	"newsdesk/internal/store"
)

// benchLoad runs the real application (site and ingest on one database) while a loopback
// publisher keeps publishing and an open-loop load generator requests pages at a fixed rate.
// Every interval it prints the window's throughput, errors, latency and memory, so that a
// leak shows as RSS that keeps climbing rather than as one peak figure.
func benchLoad(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "bench load", "bench load [flags]")
	rps := fs.Float64("rps", 500, "page requests per second to send (open loop)")
	rate := fs.Float64("rate", 50, "articles published per second")
	duration := fs.Duration("duration", 10*time.Minute, "how long to run the load")
	interval := fs.Duration("interval", 10*time.Second, "how often to print a line")
	publishers := fs.Int("publishers", 20, "generated publishers (feeds)")
	backlog := fs.Int("backlog", 20, "articles already in each feed at the start")
	hosts := fs.Int("hosts", 8, "loopback hosts the publishers are spread over")
	clients := fs.Int("clients", 64, "concurrent request workers of the load generator")
	db := fs.String("db", "", "database: empty for a temporary SQLite file, or a postgres:// URL (a fresh schema is made and dropped)")
	pages := fs.String("pages", "front,article,story,search", "page kinds in the mix, weighted 6:8:3:3 out of 20")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the loaded period to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	slots, err := mixSlots(*pages)
	if err != nil {
		return err
	}
	if *rps <= 0 || *duration <= 0 || *interval <= 0 || *clients < 1 {
		return errors.New("--rps, --duration, --interval and --clients must be positive")
	}

	tmp, err := os.MkdirTemp("", "newsdesk-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	dbURL := *db
	switch {
	case dbURL == "":
		dbURL = filepath.Join(tmp, "load.db")
	case strings.HasPrefix(dbURL, "postgres://") || strings.HasPrefix(dbURL, "postgresql://"):
		scoped, drop, err := freshSchema(ctx, dbURL)
		if err != nil {
			return err
		}
		defer drop()
		dbURL = scoped
	}

	gen := demo.NewGenerator(*publishers, *backlog, 1)
	genCtx, stopGen := context.WithCancel(ctx)
	defer stopGen()
	bases, err := gen.Start(genCtx, *hosts)
	if err != nil {
		return err
	}
	cfg, err := loadBenchConfig(tmp, dbURL, bases)
	if err != nil {
		return err
	}
	a, err := newApp(ctx, env, cfg)
	if err != nil {
		return err
	}
	for i, feedURL := range gen.FeedURLs(bases...) {
		home := strings.TrimSuffix(feedURL, path.Base(feedURL))
		pub, err := a.store.EnsurePublisher(ctx, store.Publisher{Name: fmt.Sprintf("Generated %d", i+1), HomeURL: home})
		if err != nil {
			a.store.Close()
			return err
		}
		if _, err := a.store.CreateFeed(ctx, store.Feed{PublisherID: pub.ID, URL: feedURL}); err != nil {
			a.store.Close()
			return err
		}
	}

	runCtx, stopApp := context.WithCancel(ctx)
	ready := make(chan string, 1)
	appErr := make(chan error, 1)
	go func() { appErr <- a.run(runCtx, func(u string) { ready <- u }) }()
	var base string
	select {
	case base = <-ready:
	case err := <-appErr:
		stopApp()
		return err
	case <-ctx.Done():
		stopApp()
		return errors.Join(ctx.Err(), <-appErr)
	}
	// The app owns the store from here: it closes it when run returns.
	defer func() {
		stopApp()
		if err := <-appErr; err != nil && !errors.Is(err, context.Canceled) {
			fmt.Fprintf(env.Stderr, "bench load: app: %v\n", err)
		}
	}()

	fmt.Fprintf(env.Stdout, "bench load: %s database, %d publishers on %d loopback hosts, publishing %.0f articles/s, requesting %.0f pages/s with %d clients for %s, GOMAXPROCS %d\n",
		a.store.Dialect(), *publishers, len(bases), *rate, *rps, *clients, *duration, runtime.GOMAXPROCS(0))
	// The backlog is ingested before the clock starts, so that the windows measure steady
	// publishing and serving rather than the first burst of fetching.
	backlogStart := time.Now()
	if err := waitArticles(ctx, a.store, *publishers**backlog, 5*time.Minute); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "backlog: %d articles ingested in %s\n", *publishers**backlog, time.Since(backlogStart).Round(100*time.Millisecond))
	gen.Publish(*rate, int(math.Ceil(*rate*duration.Seconds())))

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
	loadCtx, stopLoad := context.WithTimeout(ctx, *duration)
	defer stopLoad()
	targets := &loadTargets{}
	go targets.refresh(loadCtx, a.store)
	lg := newLoadGen(base, *clients)
	done := make(chan struct{})
	go func() { lg.run(loadCtx, *rps, targets, slots); close(done) }()

	rep := &loadReport{out: env.Stdout, interval: *interval}
	tick := time.NewTicker(*interval)
	defer tick.Stop()
	start := time.Now()
	for loop := true; loop; {
		select {
		case <-tick.C:
		case <-loadCtx.Done():
			loop = false
		}
		<-lg.idleAfter(loop, done)
		n, err := a.store.CountArticles(ctx)
		if err != nil {
			return err
		}
		w := lg.take()
		if !loop && w.sent == 0 && w.dropped == 0 && rep.last > 0 {
			break // the last tick and the end of the run coincided: nothing is left to report
		}
		rep.window(time.Since(start), n, w)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	rep.summary(time.Since(start))
	return nil
}

// loadBenchConfig is the default configuration with a private database, an ephemeral port,
// the generator's loopback hosts allowed, and the fast polling of bench ingest.
func loadBenchConfig(dir, dbURL string, bases []string) (*config.Config, error) {
	fs := flag.NewFlagSet("bench load", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	flags := config.Register(fs)
	if err := fs.Parse(nil); err != nil {
		return nil, err
	}
	cfg, err := flags.Load(func(string) string { return "" })
	if err != nil {
		return nil, err
	}
	cfg.DataDir = dir
	cfg.DatabaseURL = dbURL
	cfg.Listen = "127.0.0.1:0"
	cfg.BaseURL = ""
	cfg.LogLevel = "error"
	cfg.FetchAllow = nil
	for _, b := range bases {
		u, err := url.Parse(b)
		if err != nil {
			return nil, err
		}
		cfg.FetchAllow = append(cfg.FetchAllow, u.Host)
	}
	cfg.FetchHostInterval = 0
	cfg.PollInterval = 200 * time.Millisecond
	cfg.MinRefresh, cfg.MaxRefresh = time.Second, time.Second
	return cfg, nil
}

// freshSchema makes an empty schema so that a run never meets an earlier run's rows, and
// returns a URL whose connections use it plus a function that drops it.
func freshSchema(ctx context.Context, base string) (string, func(), error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", nil, fmt.Errorf("bench load: database URL: %w", err)
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", nil, err
	}
	schema := "bench_load_" + hex.EncodeToString(b[:])
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", nil, fmt.Errorf("bench load: %w", err)
	}
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("bench load: create schema: %w", err)
	}
	drop := func() {
		defer admin.Close()
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		admin.ExecContext(dctx, "DROP SCHEMA "+schema+" CASCADE")
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), drop, nil
}

// loadTargets holds the pages worth requesting, refreshed from the store as articles arrive.
type loadTargets struct {
	cur atomic.Pointer[targetSet]
}

type targetSet struct {
	articles, stories []int64
	words             []string
}

func (t *loadTargets) refresh(ctx context.Context, st *store.Store) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		if arts, err := st.LatestArticles(ctx, 200); err == nil {
			set := &targetSet{}
			for _, a := range arts {
				set.articles = append(set.articles, a.ID)
				if a.StoryID != 0 {
					set.stories = append(set.stories, a.StoryID)
				}
				for _, w := range strings.Fields(a.Title) {
					if len(w) >= 5 && len(set.words) < 100 {
						set.words = append(set.words, strings.ToLower(strings.Trim(w, ".,:;!?'\"")))
						break
					}
				}
			}
			t.cur.Store(set)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// pageWeights is the request mix out of 20: the front page, recent articles, their stories
// and searches for words of their titles.
var pageWeights = []pageWeight{{"front", 6}, {"article", 8}, {"story", 3}, {"search", 3}}

type pageWeight struct {
	kind   string
	weight int
}

// mixSlots spreads the enabled kinds over slots in proportion to their weights.
func mixSlots(pages string) ([]string, error) {
	var slots []string
	for _, k := range strings.Split(pages, ",") {
		k = strings.TrimSpace(k)
		i := slices.IndexFunc(pageWeights, func(w pageWeight) bool { return w.kind == k })
		if i < 0 {
			return nil, fmt.Errorf("unknown page kind %q (want front, article, story, search)", k)
		}
		for range pageWeights[i].weight {
			slots = append(slots, k)
		}
	}
	return slots, nil
}

// pick chooses the n-th request's page from the mix, falling back to the front page until
// the store has something else.
func (t *loadTargets) pick(n uint64, slots []string) string {
	set := t.cur.Load()
	if set == nil {
		return "/"
	}
	k := slots[n%uint64(len(slots))]
	i := int(n / uint64(len(slots)))
	switch {
	case k == "article" && len(set.articles) > 0:
		return "/article/" + strconv.FormatInt(set.articles[i%len(set.articles)], 10)
	case k == "story" && len(set.stories) > 0:
		return "/story/" + strconv.FormatInt(set.stories[i%len(set.stories)], 10)
	case k == "search" && len(set.words) > 0:
		return "/search?q=" + url.QueryEscape(set.words[i%len(set.words)])
	}
	return "/"
}

// loadGen sends requests at a fixed rate whatever the server's latency (open loop): a
// pacer releases due requests to a pool of clients, and a latency counts from the moment
// the request was due, so a slow server is not hidden by requests never sent.
type loadGen struct {
	base   string
	client *http.Client
	work   chan loadReq
	mu     sync.Mutex
	win    loadWindow
	active sync.WaitGroup
}

type loadReq struct {
	path string
	due  time.Time
}

type loadWindow struct {
	sent, errs, non2xx, dropped int
	lat                         []time.Duration
	byKind                      map[string][]time.Duration // front, article, story, search
	firstErr                    string
}

func newLoadGen(base string, clients int) *loadGen {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = clients, clients
	return &loadGen{
		base:   base,
		client: &http.Client{Transport: tr, Timeout: 30 * time.Second},
		work:   make(chan loadReq, clients),
	}
}

func (g *loadGen) run(ctx context.Context, rps float64, targets *loadTargets, slots []string) {
	for range cap(g.work) {
		g.active.Add(1)
		go g.worker(ctx)
	}
	defer func() { close(g.work); g.active.Wait() }()
	start := time.Now()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	var sent uint64
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			due := uint64(now.Sub(start).Seconds() * rps)
			for ; sent < due; sent++ {
				at := start.Add(time.Duration(float64(sent) / rps * float64(time.Second)))
				select {
				case g.work <- loadReq{path: targets.pick(sent, slots), due: at}:
				default: // every client is busy: the request counts as dropped, not silently late
					g.mu.Lock()
					g.win.dropped++
					g.mu.Unlock()
				}
			}
		}
	}
}

func (g *loadGen) worker(ctx context.Context) {
	defer g.active.Done()
	for r := range g.work {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, g.base+r.path, nil)
		if err != nil {
			g.record(r, 0, err)
			continue
		}
		resp, err := g.client.Do(req)
		if err != nil {
			if ctx.Err() != nil { // cut off by the end of the run, not a server failure
				continue
			}
			g.record(r, 0, err)
			continue
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil && ctx.Err() != nil {
			continue
		}
		g.record(r, resp.StatusCode, err)
	}
}

func (g *loadGen) record(r loadReq, status int, err error) {
	lat := time.Since(r.due)
	g.mu.Lock()
	defer g.mu.Unlock()
	g.win.sent++
	switch {
	case err != nil:
		g.win.errs++
		if g.win.firstErr == "" {
			g.win.firstErr = err.Error()
		}
	case status < 200 || status > 299:
		g.win.non2xx++
		if g.win.firstErr == "" {
			g.win.firstErr = fmt.Sprintf("GET %s: status %d", r.path, status)
		}
	}
	g.win.lat = append(g.win.lat, lat)
	if g.win.byKind == nil {
		g.win.byKind = map[string][]time.Duration{}
	}
	kind := pageKind(r.path)
	g.win.byKind[kind] = append(g.win.byKind[kind], lat)
}

// take returns the window so far and starts a new one.
func (g *loadGen) take() loadWindow {
	g.mu.Lock()
	defer g.mu.Unlock()
	w := g.win
	g.win = loadWindow{}
	return w
}

// idleAfter returns a channel that is ready at once mid-run, and at the end once the
// load generator has finished its requests, so that the last window is complete.
func (g *loadGen) idleAfter(running bool, done chan struct{}) <-chan struct{} {
	if running {
		c := make(chan struct{})
		close(c)
		return c
	}
	return done
}

// pageKind names the kind of page a request path asks for, for per-kind latencies.
func pageKind(p string) string {
	switch {
	case strings.HasPrefix(p, "/article/"):
		return "article"
	case strings.HasPrefix(p, "/story/"):
		return "story"
	case strings.HasPrefix(p, "/search"):
		return "search"
	}
	return "front"
}

// loadReport prints the per-window lines and keeps what the summary needs.
type loadReport struct {
	out      io.Writer
	interval time.Duration
	all      []time.Duration
	byKind   map[string][]time.Duration
	sent     int
	errs     int
	non2xx   int
	dropped  int
	firstErr string
	rss      []int64 // KiB, one per window
	last     time.Duration
}

func (r *loadReport) window(elapsed time.Duration, articles int, w loadWindow) {
	slices.Sort(w.lat)
	secs := (elapsed - r.last).Seconds()
	r.last = elapsed
	rss := vmRSS()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Fprintf(r.out, "t=%-6s articles=%-6d req/s=%-6.0f errors=%d non2xx=%d dropped=%d p50=%-8s p99=%-8s rss=%dMiB heap=%dMiB\n",
		elapsed.Round(time.Second), articles, float64(w.sent)/max(secs, 1e-9), w.errs, w.non2xx, w.dropped,
		pct(w.lat, 50), pct(w.lat, 99), rss>>10, m.HeapAlloc>>20)
	r.all = append(r.all, w.lat...)
	if r.byKind == nil {
		r.byKind = map[string][]time.Duration{}
	}
	for k, l := range w.byKind {
		r.byKind[k] = append(r.byKind[k], l...)
	}
	r.sent += w.sent
	r.errs += w.errs
	r.non2xx += w.non2xx
	r.dropped += w.dropped
	if r.firstErr == "" {
		r.firstErr = w.firstErr
	}
	r.rss = append(r.rss, rss)
}

func (r *loadReport) summary(elapsed time.Duration) {
	slices.Sort(r.all)
	fmt.Fprintf(r.out, "total: %d requests in %s = %.0f req/s; errors %d, non-2xx %d, dropped %d; p50 %s, p99 %s, max %s\n",
		r.sent, elapsed.Round(time.Second), float64(r.sent)/elapsed.Seconds(), r.errs, r.non2xx, r.dropped,
		pct(r.all, 50), pct(r.all, 99), pct(r.all, 100))
	for _, k := range []string{"front", "article", "story", "search"} {
		l := r.byKind[k]
		slices.Sort(l)
		fmt.Fprintf(r.out, "  %-8s %6d requests, p50 %s, p99 %s\n", k, len(l), pct(l, 50), pct(l, 99))
	}
	if r.firstErr != "" {
		fmt.Fprintf(r.out, "first error: %s\n", r.firstErr)
	}
	if len(r.rss) == 0 {
		return
	}
	// The first window includes start-up and the backlog's ingest; RSS is judged against
	// the value after it.
	warm := r.rss[min(1, len(r.rss)-1)]
	peak := slices.Max(r.rss[min(1, len(r.rss)-1):])
	verdict := "flat"
	if float64(peak) > 1.25*float64(warm) {
		verdict = "GROWING"
	}
	fmt.Fprintf(r.out, "rss: first %dMiB, after warm-up %dMiB, last %dMiB, max %dMiB; %s (max within +25%% of after-warm-up: %t)\n",
		r.rss[0]>>10, warm>>10, r.rss[len(r.rss)-1]>>10, slices.Max(r.rss)>>10, verdict, verdict == "flat")
}

// vmRSS is the process's current resident set size in KiB from /proc (Linux); elsewhere
// the Go runtime's memory from the OS stands in.
func vmRSS() int64 {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
				if err == nil {
					return n
				}
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.Sys >> 10)
}
