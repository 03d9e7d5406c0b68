package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"newsdesk/internal/search/searchgen"
	"newsdesk/internal/store"
	"newsdesk/internal/web"
)

// benchServeAcceptEncoding is what a current browser sends; every target gets the same.
const benchServeAcceptEncoding = "gzip, deflate, br, zstd"

// benchServeStoryGroup is how many consecutive generated articles share a story, so the
// front page's top stories have several sources each.
const benchServeStoryGroup = 4

// benchServe loads generated articles into a SQLite store, serves them through the real web
// server and drives the front page and article pages with an in-process load generator,
// next to a handler in the same process that writes the front page's bytes from memory:
// the ratio says what rendering, the store and the page cache cost over plain HTTP.
func benchServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "bench serve", "bench serve [flags]")
	articles := fs.Int("articles", 1000000, "generated articles to load")
	duration := fs.Duration("duration", 10*time.Second, "load time per target")
	conns := fs.Int("conns", 100, "concurrent keep-alive connections")
	dbPath := fs.String("db", "", "SQLite file to load into and reuse on later runs (default: a temporary one, removed after)")
	batch := fs.Int("batch", 5000, "articles per insert transaction")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *articles <= 0 || *duration <= 0 || *conns <= 0 || *batch <= 0 {
		return errors.New("--articles, --duration, --conns and --batch must be positive")
	}
	if *dbPath == "" {
		tmp, err := os.MkdirTemp("", "newsdesk-bench-serve-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		*dbPath = filepath.Join(tmp, "serve.db")
	}
	st, err := store.Open(ctx, "sqlite:"+*dbPath, env.Logger)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	out := env.Stdout
	stored, err := st.CountArticles(ctx)
	if err != nil {
		return err
	}
	if stored == 0 {
		t0 := time.Now()
		if err := benchServeLoad(ctx, env, st, *articles, *batch); err != nil {
			return err
		}
		stored = *articles
		fmt.Fprintf(out, "bench serve: generated %d articles into %s in %s\n", stored, *dbPath, time.Since(t0).Round(time.Second))
	} else {
		fmt.Fprintf(out, "bench serve: reusing %s with %d articles (--articles ignored)\n", *dbPath, stored)
	}

	srv, err := web.New(web.Config{Store: st, Ready: st.Ping, Changes: st.Changes})
	if err != nil {
		return err
	}
	appURL, stopApp, err := benchServeListen(srv.Handler())
	if err != nil {
		return err
	}
	defer stopApp()

	client := benchServeClient(*conns)
	defer client.CloseIdleConnections()
	front, err := benchServeFetch(ctx, client, appURL+"/")
	if err != nil {
		return fmt.Errorf("front page: %w", err)
	}
	staticURL, stopStatic, err := benchServeListen(benchServeStatic(front))
	if err != nil {
		return err
	}
	defer stopStatic()

	// A few article ids across the store: the newest, recent ones and old ones.
	n := int64(stored)
	ids := []int64{n, n - 1, n - 100, n - 2000, n / 2, n / 10, 1}
	var articlePaths []string
	for _, id := range ids {
		if id >= 1 {
			articlePaths = append(articlePaths, fmt.Sprintf("/article/%d", id))
		}
	}
	targets := []struct {
		name  string
		base  string
		paths []string
	}{
		{"static", staticURL, []string{"/"}},
		{"front", appURL, []string{"/"}},
		{"article", appURL, articlePaths},
	}
	fmt.Fprintf(out, "load: %d keep-alive HTTP/1.1 connections, %s per target, Accept-Encoding %q, GOMAXPROCS %d on %d CPUs; the load generator shares the CPUs with the server\n",
		*conns, *duration, benchServeAcceptEncoding, runtime.GOMAXPROCS(0), runtime.NumCPU())
	newest, err := benchServeFetch(ctx, client, appURL+articlePaths[0])
	if err != nil {
		return fmt.Errorf("article page: %w", err)
	}
	fmt.Fprintf(out, "front page: %d bytes on the wire (Content-Encoding %q); article pages: %d ids, the newest %d bytes\n",
		len(front.body), front.header.Get("Content-Encoding"), len(articlePaths), len(newest.body))
	var staticRate float64
	for _, t := range targets {
		for _, p := range t.paths { // warm the page cache and the connections' first request
			if _, err := benchServeFetch(ctx, client, t.base+p); err != nil {
				return fmt.Errorf("%s %s: %w", t.name, p, err)
			}
		}
		r := benchServeDrive(ctx, client, t.base, t.paths, *conns, *duration)
		if t.name == "static" {
			staticRate = r.rate
		}
		ratio := 0.0
		if staticRate > 0 {
			ratio = r.rate / staticRate
		}
		fmt.Fprintf(out, "%-8s requests %d  errors %d  %.0f req/s  p50 %.2f ms  p99 %.2f ms  %.2fx static\n",
			t.name, r.n, r.errors, r.rate, searchMS(r.p50), searchMS(r.p99), ratio)
	}
	fmt.Fprintln(out, "targets: front and article ≥ 0.50x static, p99 < 20 ms")
	return nil
}

// benchServeLoad generates n articles with seventy publishers in seven editions, and puts
// every run of benchServeStoryGroup consecutive articles in one story (named by its first
// article's id; the store is fresh, so article i gets id i+1).
func benchServeLoad(ctx context.Context, env *Env, st *store.Store, n, batch int) error {
	pubs, err := benchSearchPublishers(ctx, st)
	if err != nil {
		return err
	}
	gen := searchgen.New(1, pubs, time.Now(), 180*24*time.Hour)
	for built := 0; built < n; {
		size := min(batch, n-built)
		arts := make([]store.Article, size)
		for j := range arts {
			i := built + j
			arts[j] = gen.Article(i, n)
			arts[j].StoryID = int64(i/benchServeStoryGroup*benchServeStoryGroup + 1)
		}
		if _, err := st.AddArticlesBulk(ctx, arts); err != nil {
			return err
		}
		built += size
		if built%100000 == 0 {
			fmt.Fprintf(env.Stderr, "bench serve: %d articles stored\n", built)
		}
	}
	return nil
}

// benchServeListen serves h on a fresh loopback port.
func benchServeListen(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("bench serve: listen: %w", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln) //nolint:errcheck // ends with ErrServerClosed on stop
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// benchServeClient keeps up to conns HTTP/1.1 connections open to each host; compression
// is left to the Accept-Encoding header we send, so bodies arrive as the server wrote them.
func benchServeClient(conns int) *http.Client {
	return &http.Client{Transport: &http.Transport{
		MaxConnsPerHost:     conns,
		MaxIdleConnsPerHost: conns,
		MaxIdleConns:        2 * conns,
		DisableCompression:  true,
		IdleConnTimeout:     time.Minute,
	}}
}

type benchServePage struct {
	header http.Header
	body   []byte
}

func benchServeFetch(ctx context.Context, client *http.Client, url string) (benchServePage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return benchServePage{}, err
	}
	req.Header.Set("Accept-Encoding", benchServeAcceptEncoding)
	resp, err := client.Do(req)
	if err != nil {
		return benchServePage{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return benchServePage{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return benchServePage{}, fmt.Errorf("status %s", resp.Status)
	}
	return benchServePage{header: resp.Header, body: body}, nil
}

// benchServeStatic writes the front page's bytes with its headers, from memory: the same
// response the app gave, without rendering, the store or the page cache.
func benchServeStatic(p benchServePage) http.Handler {
	h := p.header.Clone()
	h.Del("Date")
	h.Del("Content-Length")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range h {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", fmt.Sprint(len(p.body)))
		w.Write(p.body) //nolint:errcheck // a reader that went away
	})
}

type benchServeResult struct {
	n, errors int
	rate      float64
	p50, p99  time.Duration
}

// benchServeDrive runs conns workers, each sending one request after another over its
// keep-alive connection until d is up, cycling through paths.
func benchServeDrive(ctx context.Context, client *http.Client, base string, paths []string, conns int, d time.Duration) benchServeResult {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	lats := make([][]time.Duration, conns)
	errs := make([]int, conns)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range conns {
		wg.Go(func() {
			for i := w; ctx.Err() == nil; i++ {
				t0 := time.Now()
				err := benchServeOne(ctx, client, base+paths[i%len(paths)])
				if ctx.Err() != nil {
					return // cut off by the deadline: neither a latency nor an error
				}
				if err != nil {
					errs[w]++
					continue
				}
				lats[w] = append(lats[w], time.Since(t0))
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	var all []time.Duration
	r := benchServeResult{}
	for w := range conns {
		all = append(all, lats[w]...)
		r.errors += errs[w]
	}
	r.n = len(all)
	if r.n == 0 {
		return r
	}
	slices.Sort(all)
	r.rate = float64(r.n) / elapsed.Seconds()
	r.p50, r.p99 = searchPercentile(all, 50), searchPercentile(all, 99)
	return r
}

// benchServeOne sends one GET and reads the whole body, which returns the connection to the
// pool for the worker's next request.
func benchServeOne(ctx context.Context, client *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept-Encoding", benchServeAcceptEncoding)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	return nil
}
