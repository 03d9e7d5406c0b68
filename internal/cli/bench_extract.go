package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html/charset"

	"newsdesk/internal/demo"
	"newsdesk/internal/extract"
)

// benchExtract measures extraction quality and speed on a corpus, for our extractor and, in
// the same process, for go-trafilatura and readeck go-readability; or, with --site-templates,
// what learned site templates add on a generated multi-page site.
func benchExtract(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "bench extract", "bench extract [--corpus DIR] [--site-templates] [--metadata [--misses]] [--peers=false]")
	corpus := fs.String("corpus", "../shared/corpora/extraction-aeb", "corpus directory with ground-truth.json and html/<id>.html.gz")
	siteTemplates := fs.Bool("site-templates", false, "measure learned site templates on a generated site instead")
	sitePages := fs.Int("site-pages", 40, "pages of the generated site for --site-templates")
	peers := fs.Bool("peers", true, "also measure go-trafilatura and readeck go-readability")
	fallback := fs.Bool("trafilatura-fallback", true, "run go-trafilatura with its readability/distiller fallback (its best-quality setting)")
	rounds := fs.Int("rounds", 1, "passes over the corpus in each speed phase")
	worst := fs.Int("worst", 0, "list the N pages where our extractor scores lowest")
	metadata := fs.Bool("metadata", false, "measure title, date and byline on the demo publishers' pages, and agreement with the corpus pages' own JSON-LD")
	misses := fs.Bool("misses", false, "with --metadata: list each page where a field is wrong")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *siteTemplates {
		return benchSiteTemplates(ctx, env, *sitePages)
	}
	if *metadata {
		return benchMetadata(ctx, env, *corpus, *misses)
	}
	pages, err := loadExtractionCorpus(*corpus)
	if err != nil {
		return err
	}
	extractors := []benchExtractor{{name: "newsdesk", run: newsdeskRunner()}}
	if *peers {
		extractors = append(extractors,
			benchExtractor{name: "readeck go-readability v2", run: readeckRun},
			benchExtractor{name: "go-trafilatura", run: trafilaturaRunner(*fallback)})
	}
	fmt.Fprintf(env.Stdout, "corpus %s: %d pages; metric: \\w+ tokens, 4-gram shingle multisets, P/R averaged over pages (corpus README)\n", *corpus, len(pages))
	fmt.Fprintf(env.Stdout, "speed counts gunzip, charset detection, parsing and extraction; %d cores available\n\n", runtime.NumCPU())
	var results []benchResult
	for _, ex := range extractors {
		if err := ctx.Err(); err != nil {
			return err
		}
		res := measureExtractor(ctx, ex, pages, *rounds)
		results = append(results, res)
		fmt.Fprintf(env.Stderr, "measured %s\n", ex.name)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "extractor\tprecision\trecall\tF1\taccuracy\tpages/s 1 core\tpages/CPU-s 1 core\tpages/s all cores\tpeak RSS MB\terrors\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.1f\t%s\t%.1f\t%.0f\t%d\t\n", r.name, r.totals.Precision, r.totals.Recall,
			r.totals.F1, r.totals.Accuracy, r.onePS, orDash(r.oneCPU), r.allPS, r.rssMB, r.errors)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(results) > 1 {
		for _, r := range results[1:] {
			if r.onePS > 0 {
				fmt.Fprintf(env.Stdout, "newsdesk vs %s on one core: %.1fx pages/s", r.name, results[0].onePS/r.onePS)
				if r.oneCPU > 0 && results[0].oneCPU > 0 {
					fmt.Fprintf(env.Stdout, ", %.1fx pages per CPU-second", results[0].oneCPU/r.oneCPU)
				}
				fmt.Fprintln(env.Stdout)
			}
		}
	}
	fmt.Fprintln(env.Stdout, "pages/s is wall-clock time and suffers when other processes share the cores; pages/CPU-s counts the process's own CPU time (Linux /proc), the steadier figure on a busy machine")
	if *worst > 0 {
		printWorst(env.Stdout, pages, results[0].scores, *worst)
	}
	return nil
}

type corpusPage struct {
	id, url string
	gz      []byte // the page as stored, gzip-compressed
	truth   string
}

func loadExtractionCorpus(dir string) ([]corpusPage, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	var gt map[string]struct {
		URL         string `json:"url"`
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		return nil, fmt.Errorf("corpus ground truth: %w", err)
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([]corpusPage, 0, len(ids))
	for _, id := range ids {
		gz, err := os.ReadFile(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("corpus page: %w", err)
		}
		pages = append(pages, corpusPage{id: id, url: gt[id].URL, gz: gz, truth: gt[id].ArticleBody})
	}
	if len(pages) == 0 {
		return nil, errors.New("corpus: no pages")
	}
	return pages, nil
}

// benchExtractor turns a stored page (gzip bytes) into article text.
type benchExtractor struct {
	name string
	run  func(ctx context.Context, gz []byte, pageURL string) (string, error)
}

type benchResult struct {
	name         string
	scores       []extract.PageScore
	totals       extract.Totals
	onePS, allPS float64
	oneCPU       float64 // pages per second of the process's CPU time in the one-core phase
	rssMB        float64
	errors       int
}

// gunzip decompresses a stored page into a buffer sized from the gzip trailer (the
// uncompressed length modulo 2^32), so that reading does not grow and copy it; every
// extractor in the benchmark gets its pages this way.
func gunzip(gz []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	size := 0
	if len(gz) >= 4 {
		size = int(binary.LittleEndian.Uint32(gz[len(gz)-4:]))
	}
	var buf bytes.Buffer
	buf.Grow(min(size, extract.MaxInputBytes*8) + bytes.MinRead)
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func newsdeskRunner() func(context.Context, []byte, string) (string, error) {
	ex := extract.New(extract.Options{})
	return func(ctx context.Context, gz []byte, pageURL string) (string, error) {
		body, err := gunzip(gz)
		if err != nil {
			return "", err
		}
		a, err := ex.Extract(ctx, body, "", pageURL)
		if a == nil {
			return "", err
		}
		return a.Text, err
	}
}

func readeckRun(_ context.Context, gz []byte, pageURL string) (string, error) {
	body, err := gunzip(gz)
	if err != nil {
		return "", err
	}
	// readeck expects UTF-8; decode like a browser would, but keep valid UTF-8 as it is
	// (x/net/html/charset alone guesses Windows-1252 for undeclared UTF-8 pages).
	var r io.Reader = bytes.NewReader(body)
	if !utf8.Valid(body) {
		if r, err = charset.NewReader(r, ""); err != nil {
			return "", err
		}
	}
	u, _ := url.Parse(pageURL)
	p := readability.NewParser()
	art, err := p.Parse(r, u)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	if err := art.RenderText(&sb); err != nil {
		return "", err
	}
	return sb.String(), nil
}

func trafilaturaRunner(fallback bool) func(context.Context, []byte, string) (string, error) {
	return func(_ context.Context, gz []byte, pageURL string) (string, error) {
		body, err := gunzip(gz)
		if err != nil {
			return "", err
		}
		// go-trafilatura detects the charset itself (chardet in its DOM parser).
		u, _ := url.Parse(pageURL)
		res, err := trafilatura.Extract(bytes.NewReader(body), trafilatura.Options{OriginalURL: u, EnableFallback: fallback})
		if err != nil {
			return "", err
		}
		return res.ContentText, nil
	}
}

// measureExtractor scores one extractor and times it on one core and on all cores. Peak RSS
// is the process's VmHWM, reset before the extractor starts.
func measureExtractor(ctx context.Context, ex benchExtractor, pages []corpusPage, rounds int) benchResult {
	runtime.GC()
	debug.FreeOSMemory()
	resetPeakRSS()
	res := benchResult{name: ex.name, scores: make([]extract.PageScore, len(pages))}

	// Quality, and the all-cores speed, in one parallel pass per round.
	procs := runtime.NumCPU()
	texts := make([]string, len(pages))
	errs := make([]bool, len(pages))
	start := time.Now()
	for r := 0; r < max(rounds, 1); r++ {
		parallelPages(ctx, len(pages), procs, func(i int) {
			t, err := safeRun(ctx, ex, pages[i])
			texts[i], errs[i] = t, err != nil && t == ""
		})
	}
	res.allPS = float64(len(pages)*max(rounds, 1)) / time.Since(start).Seconds()

	prev := runtime.GOMAXPROCS(1)
	runtime.GC()
	start, cpu := time.Now(), cpuSeconds()
	for r := 0; r < max(rounds, 1); r++ {
		for i := range pages {
			safeRun(ctx, ex, pages[i])
		}
	}
	res.onePS = float64(len(pages)*max(rounds, 1)) / time.Since(start).Seconds()
	if used := cpuSeconds() - cpu; cpu > 0 && used > 0 {
		res.oneCPU = float64(len(pages)*max(rounds, 1)) / used
	}
	runtime.GOMAXPROCS(prev)

	for i := range pages {
		res.scores[i] = extract.ScoreText(texts[i], pages[i].truth)
		if errs[i] {
			res.errors++
		}
	}
	res.totals = extract.Summarize(res.scores)
	res.rssMB = float64(peakRSSKB()) / 1024
	return res
}

// safeRun runs an extractor on a page, turning a panic into an error: peers are third-party.
func safeRun(ctx context.Context, ex benchExtractor, p corpusPage) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("panic: %v", r)
		}
	}()
	return ex.run(ctx, p.gz, p.url)
}

func parallelPages(ctx context.Context, n, workers int, fn func(int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				fn(i)
			}
		}()
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// cpuSeconds returns the CPU time (user and system) the process has used, from
// /proc/self/stat (Linux; clock ticks of 1/100 s), or 0 when unavailable.
func cpuSeconds() float64 {
	raw, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	// The command name in parentheses may contain spaces; the fields after it are fixed:
	// state is the first, utime the 12th and stime the 13th.
	i := bytes.LastIndexByte(raw, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(raw[i+1:]))
	if len(f) < 13 {
		return 0
	}
	var utime, stime float64
	if _, err := fmt.Sscan(f[11], &utime); err != nil {
		return 0
	}
	if _, err := fmt.Sscan(f[12], &stime); err != nil {
		return 0
	}
	return (utime + stime) / 100
}

func orDash(v float64) string {
	if v <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", v)
}

// resetPeakRSS resets VmHWM (Linux: writing 5 to clear_refs); elsewhere it does nothing.
func resetPeakRSS() {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakRSSKB reads VmHWM from /proc/self/status, 0 when unavailable.
func peakRSSKB() int {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int
			fmt.Sscanf(strings.TrimSpace(v), "%d", &kb)
			return kb
		}
	}
	return 0
}

func printWorst(w io.Writer, pages []corpusPage, scores []extract.PageScore, n int) {
	idx := make([]int, len(pages))
	for i := range idx {
		idx[i] = i
	}
	f1 := func(s extract.PageScore) float64 {
		p, r := s.Precision(), s.Recall()
		if p+r == 0 {
			return 0
		}
		return 2 * p * r / (p + r)
	}
	sort.Slice(idx, func(a, b int) bool { return f1(scores[idx[a]]) < f1(scores[idx[b]]) })
	fmt.Fprintln(w, "\nlowest-scoring pages for newsdesk (precision recall id url):")
	for _, i := range idx[:min(n, len(idx))] {
		fmt.Fprintf(w, "  %.2f %.2f %s %s\n", scores[i].Precision(), scores[i].Recall(), pages[i].id[:10], pages[i].url)
	}
}

// benchSiteTemplates extracts a generated site's pages in order, with and without a learned
// site template, and prints the F1 of each.
func benchSiteTemplates(ctx context.Context, env *Env, n int) error {
	if n < 30 {
		n = 30
	}
	pages := extract.SyntheticSite(n, 1)
	plain := extract.New(extract.Options{})
	store := extract.NewMemoryTemplates()
	learning := extract.New(extract.Options{Templates: store})
	var without, with, withAfter, withoutAfter []extract.PageScore
	for i, p := range pages {
		a, err := plain.Extract(ctx, p.HTML, "text/html", p.URL)
		if err != nil {
			return fmt.Errorf("page %d: %w", i, err)
		}
		b, err := learning.Extract(ctx, p.HTML, "text/html", p.URL)
		if err != nil {
			return fmt.Errorf("page %d: %w", i, err)
		}
		sa, sb := extract.ScoreText(a.Text, p.Truth), extract.ScoreText(b.Text, p.Truth)
		without, with = append(without, sa), append(with, sb)
		if i >= 10 {
			withoutAfter, withAfter = append(withoutAfter, sa), append(withAfter, sb)
		}
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(env.Stdout, "generated site: %d pages sharing a template with recurring prose blocks\n\n", n)
	fmt.Fprintln(tw, "pages\tsite templates\tprecision\trecall\tF1\t")
	row := func(label, mode string, s []extract.PageScore) {
		t := extract.Summarize(s)
		fmt.Fprintf(tw, "%s\t%s\t%.4f\t%.4f\t%.4f\t\n", label, mode, t.Precision, t.Recall, t.F1)
	}
	row(fmt.Sprintf("all %d", n), "without", without)
	row(fmt.Sprintf("all %d", n), "with", with)
	row(fmt.Sprintf("11-%d", n), "without", withoutAfter)
	row(fmt.Sprintf("11-%d", n), "with", withAfter)
	if err := tw.Flush(); err != nil {
		return err
	}
	state, err := store.LoadSiteTemplate(ctx, "valley-courier.example")
	if err != nil {
		return err
	}
	sum := extract.DescribeTemplate(state)
	fmt.Fprintf(env.Stdout, "\nlearned from %d pages, %d recurring blocks:\n", sum.Pages, len(sum.Blocks))
	for _, b := range sum.Blocks {
		fmt.Fprintf(env.Stdout, "  %s\n", b)
	}
	return nil
}

// metaTally counts one metadata field over pages.
type metaTally struct {
	name         string
	pages, right int
	target       float64
}

func (m *metaTally) add(ok bool) {
	m.pages++
	if ok {
		m.right++
	}
}

func (m *metaTally) rate() float64 {
	if m.pages == 0 {
		return 0
	}
	return float64(m.right) / float64(m.pages)
}

// benchMetadata measures title, date and byline. The demo publishers' pages have known
// answers (the demo's own article records); the corpus pages only have what their JSON-LD
// says, which is agreement, not independent truth: our extractor reads that JSON-LD too.
func benchMetadata(ctx context.Context, env *Env, corpus string, misses bool) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// A simulator started at the reference time an hour ago has released every article, and
	// its dates are demo.Articles()' Published times.
	now := demo.ReferenceStart()
	sim := demo.New(demo.Options{Now: func() time.Time { return now }})
	now = now.Add(time.Hour)
	base, err := sim.Start(ctx)
	if err != nil {
		return fmt.Errorf("bench metadata: %w", err)
	}
	truth := map[string]demo.Article{}
	for _, a := range demo.Articles() {
		truth[a.Publisher+"/"+a.Slug] = a
	}
	ex := extract.New(extract.Options{})
	client := &http.Client{Timeout: 10 * time.Second}
	tallies := []*metaTally{{name: "title exact", target: 0.90}, {name: "date (day)", target: 0.92}, {name: "byline", target: 0.75}}
	var missed []string
	for _, rel := range sim.Timeline() {
		want := truth[rel.Publisher+"/"+rel.Slug]
		a, err := fetchExtract(ctx, client, ex, base+rel.Path)
		if err != nil {
			return fmt.Errorf("bench metadata: %s: %w", rel.Path, err)
		}
		// The demo writes bylines as "Name, Job Title"; the byline is the name.
		name, _, _ := strings.Cut(want.Byline, ",")
		checks := []struct {
			ok        bool
			got, want string
		}{
			{extract.SameTitle(a.Title, want.Title), a.Title, want.Title},
			{extract.SameDay(a.Published, want.Published), fmtTime(a.Published), want.Published.Format(time.RFC3339)},
			{extract.SameByline(a.Byline, name), a.Byline, name},
		}
		for i, c := range checks {
			tallies[i].add(c.ok)
			if !c.ok {
				missed = append(missed, fmt.Sprintf("  %s %s: got %q, want %q", rel.Path, tallies[i].name, c.got, c.want))
			}
		}
	}
	fmt.Fprintf(env.Stdout, "metadata on the demo publishers' article pages (7 sites, en/de/fr; truth: the demo's own records)\n\n")
	if err := printTallies(env.Stdout, tallies, true); err != nil {
		return err
	}
	if misses {
		for _, m := range missed {
			fmt.Fprintln(env.Stdout, m)
		}
	}

	pages, err := loadExtractionCorpus(corpus)
	if err != nil {
		fmt.Fprintf(env.Stdout, "\ncorpus %s not read (%v): no JSON-LD agreement figures\n", corpus, err)
		return nil
	}
	ld := []*metaTally{{name: "title exact"}, {name: "date (day)"}, {name: "byline"}}
	missed = missed[:0]
	withLD := 0
	for _, p := range pages {
		body, err := gunzip(p.gz)
		if err != nil {
			return fmt.Errorf("bench metadata: %s: %w", p.id, err)
		}
		page, ok := extract.ReadPageLD(body)
		if !ok {
			continue
		}
		withLD++
		a, _ := ex.Extract(ctx, body, "", p.url)
		if a == nil {
			a = &extract.Article{}
		}
		if page.Headline != "" {
			ok := extract.SameTitle(a.Title, page.Headline)
			ld[0].add(ok)
			if !ok {
				missed = append(missed, fmt.Sprintf("  %s title: got %q, JSON-LD %q", p.id[:10], a.Title, page.Headline))
			}
		}
		if t, ok := extract.ParseLDDate(page.Published); ok {
			ok := extract.SameDay(a.Published, t)
			ld[1].add(ok)
			if !ok {
				missed = append(missed, fmt.Sprintf("  %s date: got %s, JSON-LD %q", p.id[:10], fmtTime(a.Published), page.Published))
			}
		}
		if len(page.Authors) > 0 {
			want := strings.Join(page.Authors, ", ")
			ok := extract.SameByline(a.Byline, want)
			ld[2].add(ok)
			if !ok {
				missed = append(missed, fmt.Sprintf("  %s byline: got %q, JSON-LD %q", p.id[:10], a.Byline, want))
			}
		}
	}
	fmt.Fprintf(env.Stdout, "\nagreement with the page's own JSON-LD: %s, %d of %d pages have an article JSON-LD\n", corpus, withLD, len(pages))
	fmt.Fprintf(env.Stdout, "(not independent ground truth: the extractor reads the same JSON-LD; a disagreement is\n")
	fmt.Fprintf(env.Stdout, "either our error or a page whose JSON-LD differs from what it shows)\n\n")
	if err := printTallies(env.Stdout, ld, false); err != nil {
		return err
	}
	if misses {
		for _, m := range missed {
			fmt.Fprintln(env.Stdout, m)
		}
	}
	return nil
}

func printTallies(w io.Writer, tallies []*metaTally, targets bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	if targets {
		fmt.Fprintln(tw, "field\tpages\tcorrect\taccuracy\ttarget\t")
	} else {
		fmt.Fprintln(tw, "field\tpages\tagree\trate\t")
	}
	for _, t := range tallies {
		if targets {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.4f\t%.2f\t\n", t.name, t.pages, t.right, t.rate(), t.target)
		} else {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.4f\t\n", t.name, t.pages, t.right, t.rate())
		}
	}
	return tw.Flush()
}

// fetchExtract gets one page and extracts it.
func fetchExtract(ctx context.Context, client *http.Client, ex *extract.Extractor, pageURL string) (*extract.Article, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pageURL, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, extract.MaxInputBytes))
	if err != nil {
		return nil, err
	}
	return ex.Extract(ctx, body, resp.Header.Get("Content-Type"), pageURL)
}

func fmtTime(t *time.Time) string {
	if t == nil {
		return "none"
	}
	return t.Format(time.RFC3339)
}
