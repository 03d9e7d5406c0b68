package cli

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"newsdesk/internal/extract"
)

// runExtract prints the article extracted from one page, or one JSON line per page of a
// batch manifest.
func runExtract(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "extract", "extract [--url URL] [--rules FILE] FILE|-\n       newsdesk extract --batch MANIFEST.jsonl [--rules FILE]")
	pageURL := fs.String("url", "", "the page's URL, for resolving links and site rules")
	batch := fs.String("batch", "", "JSONL manifest of {\"id\",\"url\",\"path\"} lines to extract in parallel")
	rulesFile := fs.String("rules", "", "operator rules file (SITE content|remove: SELECTORS)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "parallel extractions for --batch")
	if err := fs.Parse(args); err != nil {
		return err
	}
	opts := extract.Options{Logger: env.Logger}
	if *rulesFile != "" {
		f, err := os.Open(*rulesFile)
		if err != nil {
			return fmt.Errorf("rules: %w", err)
		}
		opts.Rules, err = extract.ParseRules(f)
		f.Close()
		if err != nil {
			return err
		}
	}
	ex := extract.New(opts)
	if *batch != "" {
		return extractBatch(ctx, env, ex, *batch, *workers)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	body, err := readPage(env, fs.Arg(0))
	if err != nil {
		return err
	}
	a, err := ex.Extract(ctx, body, "", *pageURL)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}

// readPage reads a page from a file or "-" for stdin, gunzipping .gz files and gzip streams.
func readPage(env *Env, name string) ([]byte, error) {
	var body []byte
	var err error
	if name == "-" {
		body, err = io.ReadAll(io.LimitReader(env.Stdin, 64<<20))
	} else {
		body, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, fmt.Errorf("read page: %w", err)
	}
	return gunzipIfNeeded(body)
}

func gunzipIfNeeded(body []byte) ([]byte, error) {
	if !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		return body, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	return out, nil
}

type manifestLine struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	Path string `json:"path"`
}

// batchResult is one output line: the id followed by the article fields, or by an error.
type batchResult struct {
	ID string `json:"id"`
	*extract.Article
	Error string `json:"error,omitempty"`
}

// extractBatch extracts every page of a manifest on all cores and writes the results in
// input order.
func extractBatch(ctx context.Context, env *Env, ex *extract.Extractor, manifest string, workers int) error {
	f, err := os.Open(manifest)
	if err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	defer f.Close()
	dir := filepath.Dir(manifest)
	var lines []manifestLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for n := 1; sc.Scan(); n++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" {
			continue
		}
		var ml manifestLine
		if err := json.Unmarshal([]byte(s), &ml); err != nil {
			return fmt.Errorf("manifest line %d: %w", n, err)
		}
		if ml.Path != "" && !filepath.IsAbs(ml.Path) {
			ml.Path = filepath.Join(dir, ml.Path)
		}
		lines = append(lines, ml)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	if workers < 1 {
		workers = 1
	}
	results := make([][]byte, len(lines))
	done := make([]chan struct{}, len(lines))
	for i := range done {
		done[i] = make(chan struct{})
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = extractOne(ctx, ex, lines[i])
				close(done[i])
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range lines {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	out := bufio.NewWriter(env.Stdout)
	var werr error
	for i := range lines {
		select {
		case <-done[i]:
		case <-ctx.Done():
			wg.Wait()
			return ctx.Err()
		}
		if werr == nil {
			_, werr = out.Write(results[i])
		}
		results[i] = nil
	}
	wg.Wait()
	if err := out.Flush(); werr == nil {
		werr = err
	}
	return werr
}

func extractOne(ctx context.Context, ex *extract.Extractor, ml manifestLine) []byte {
	res := batchResult{ID: ml.ID}
	body, err := os.ReadFile(ml.Path)
	if err == nil {
		body, err = gunzipIfNeeded(body)
	}
	if err == nil {
		res.Article, err = ex.Extract(ctx, body, "", ml.URL)
	}
	if err != nil {
		res.Article = nil
		res.Error = err.Error()
		if errors.Is(err, extract.ErrNoText) {
			res.Error = "no article text found"
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		return []byte(fmt.Sprintf("{\"id\":%q,\"error\":%q}\n", ml.ID, err.Error()))
	}
	return buf.Bytes()
}
