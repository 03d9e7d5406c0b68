package cli

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/search"
	"newsdesk/internal/search/searchgen"
	"newsdesk/internal/store"
)

// benchSearch measures full-text search on SQLite: it generates articles (Zipf-distributed
// words) straight into a temporary store, growing it through each size in turn, and at each
// size times a fixed set of queries — common and rare words, one to three of them, with and
// without filters — reporting p50/p99 latency, matches and hits per query, the build time
// and the database size.
func benchSearch(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "bench search", "bench search [flags]")
	sizesFlag := fs.String("sizes", "100000,1000000", "comma-separated article counts, measured in increasing order")
	queries := fs.Int("queries", 1000, "timed searches per size, cycling through the query set")
	batch := fs.Int("batch", 5000, "articles per insert transaction")
	dir := fs.String("dir", "", "directory for the database (default: a temporary one, removed after)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var sizes []int
	for _, f := range strings.Split(*sizesFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return fmt.Errorf("--sizes: %q is not a positive count", f)
		}
		sizes = append(sizes, n)
	}
	slices.Sort(sizes)
	if *queries <= 0 || *batch <= 0 {
		return errors.New("--queries and --batch must be positive")
	}
	if *dir == "" {
		tmp, err := os.MkdirTemp("", "newsdesk-bench-search-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		*dir = tmp
	}
	path := filepath.Join(*dir, "search.db")
	st, err := store.Open(ctx, "sqlite:"+path, env.Logger)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	if n, err := st.CountArticles(ctx); err != nil || n != 0 {
		return fmt.Errorf("bench search needs an empty database, %s has %d articles (%v)", path, n, err)
	}
	pubs, err := benchSearchPublishers(ctx, st)
	if err != nil {
		return err
	}
	end := time.Now()
	gen := searchgen.New(1, pubs, end, 180*24*time.Hour)

	out := env.Stdout
	fmt.Fprintf(out, "bench search: SQLite FTS5 (%s), vocabulary %d words (Zipf s=1.07), 120–400 words an article, 1 in 20 a copy, spread over 180 days\n",
		path, searchgen.VocabSize)
	var (
		built     int
		buildTime time.Duration
		newest    time.Time
	)
	for _, size := range sizes {
		t0 := time.Now()
		for built < size {
			n := min(*batch, size-built)
			articles := make([]store.Article, n)
			for i := range articles {
				articles[i] = benchSearchArticle(gen, built+i, sizes[len(sizes)-1], articles[:i])
			}
			if _, err := st.AddArticlesBulk(ctx, articles); err != nil {
				return err
			}
			built += n
			newest = articles[len(articles)-1].Published
		}
		buildTime += time.Since(t0)
		dbSize := searchFileSize(path) + searchFileSize(path+"-wal")
		fmt.Fprintf(out, "\nsize %d: built in %s (%.0f articles/s overall), database %.0f MB\n",
			size, buildTime.Round(time.Second), float64(built)/buildTime.Seconds(), float64(dbSize)/1e6)

		lat, err := benchSearchRun(ctx, out, st, path, benchSearchQueries(pubs, newest), *queries)
		if err != nil {
			return err
		}
		slices.Sort(lat)
		fmt.Fprintf(out, "all queries at %d: n=%d p50 %.2f ms  p99 %.2f ms  max %.2f ms\n",
			size, len(lat), searchMS(searchPercentile(lat, 50)), searchMS(searchPercentile(lat, 99)), searchMS(lat[len(lat)-1]))
	}
	return nil
}

// benchSearchPublishers makes publishers for seven editions, their language on each.
func benchSearchPublishers(ctx context.Context, st *store.Store) ([]store.Publisher, error) {
	editions := []struct{ country, lang string }{{"ie", "en"}, {"gb", "en"}, {"us", "en"}, {"de", "de"}, {"fr", "fr"}, {"es", "es"}, {"it", "it"}}
	var pubs []store.Publisher
	for i := range 70 {
		e := editions[i%len(editions)]
		p, err := st.EnsurePublisher(ctx, store.Publisher{Name: fmt.Sprintf("Publisher %d", i),
			HomeURL: fmt.Sprintf("https://p%d.example/", i), Country: e.country, Language: e.lang})
		if err != nil {
			return nil, err
		}
		pubs = append(pubs, p)
	}
	return pubs, nil
}

// benchSearchArticle makes article i; one in twenty is a copy of the one before it under
// another URL. The store is fresh, so article i gets id i+1.
func benchSearchArticle(gen *searchgen.Gen, i, total int, batch []store.Article) store.Article {
	a := gen.Article(i, total)
	if i%20 == 19 && len(batch) > 0 {
		prev := batch[len(batch)-1]
		a.Title, a.Text, a.Snippet, a.WordCount = prev.Title, prev.Text, prev.Snippet, prev.WordCount
		a.DuplicateOf = int64(i) // the previous article's id
	}
	return a
}

type benchQuery struct {
	label, filters string
	q              store.SearchQuery
	page2          bool // time the second page instead of the first
}

// benchSearchQueries is the fixed query set: words by vocabulary rank, from the commonest
// to the tail, alone and combined, and the filters readers use. The week is the one before
// the newest article stored.
func benchSearchQueries(pubs []store.Publisher, newest time.Time) []benchQuery {
	v := searchgen.Vocabulary()
	week := newest.Add(-7 * 24 * time.Hour)
	return []benchQuery{
		{label: "the", q: store.SearchQuery{Text: "the"}},
		{label: "council", q: store.SearchQuery{Text: "council"}},
		{label: "council (page 2)", q: store.SearchQuery{Text: "council"}, page2: true},
		{label: "city council", q: store.SearchQuery{Text: "city council"}},
		{label: `"city council"`, q: store.SearchQuery{Text: `"city council"`}},
		{label: "police report storm", q: store.SearchQuery{Text: "police report storm"}},
		{label: "rail OR road -bridge", q: store.SearchQuery{Text: "rail OR road -bridge"}},
		{label: v[1500] + " (rank 1500)", q: store.SearchQuery{Text: v[1500]}},
		{label: v[30000] + " (rank 30000)", q: store.SearchQuery{Text: v[30000]}},
		{label: v[5000] + " government", q: store.SearchQuery{Text: v[5000] + " government"}},
		{label: v[800] + " " + v[2500] + " " + v[9000], q: store.SearchQuery{Text: v[800] + " " + v[2500] + " " + v[9000]}},
		{label: "budget", filters: "edition de/de", q: store.SearchQuery{Text: "budget", Country: "de", Language: "de"}},
		{label: "election", filters: "section politics", q: store.SearchQuery{Text: "election", Section: "politics"}},
		{label: "market", filters: "one publisher", q: store.SearchQuery{Text: "market", PublisherID: pubs[3].ID}},
		{label: "storm", filters: "last 7 days", q: store.SearchQuery{Text: "storm", From: week}},
		{label: "storm", filters: "before the last 7 days", q: store.SearchQuery{Text: "storm", To: week}},
		{label: v[8000], filters: "edition ie/en", q: store.SearchQuery{Text: v[8000], Country: "ie", Language: "en"}},
	}
}

// benchSearchRun warms up and then times n searches over the set, printing a line per
// query; it returns every latency.
func benchSearchRun(ctx context.Context, out io.Writer, st *store.Store, path string, set []benchQuery, n int) ([]time.Duration, error) {
	db, err := sql.Open("sqlite", store.SQLiteDSN(path, "_pragma=query_only(1)"))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	hits := make([]int, len(set))
	matches := make([]int, len(set))
	for i := range set {
		if set[i].page2 {
			res, err := st.Search(ctx, set[i].q)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", set[i].label, err)
			}
			set[i].q.Cursor = res.Next
		}
		res, err := st.Search(ctx, set[i].q)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", set[i].label, err)
		}
		hits[i] = len(res.Hits)
		pq, err := search.Parse(set[i].q.Text)
		if err != nil {
			return nil, err
		}
		// Every article the words match, copies and filtered ones included: the size of
		// the posting lists a search walks into.
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, pq.FTS5()).Scan(&matches[i]); err != nil {
			return nil, err
		}
	}
	per := make([][]time.Duration, len(set))
	var all []time.Duration
	for k := range n {
		i := k % len(set)
		t0 := time.Now()
		if _, err := st.Search(ctx, set[i].q); err != nil {
			return nil, fmt.Errorf("%s: %w", set[i].label, err)
		}
		d := time.Since(t0)
		per[i] = append(per[i], d)
		all = append(all, d)
	}
	fmt.Fprintf(out, "%-32s %-24s %9s %5s %8s %8s\n", "query", "filters", "matches", "hits", "p50 ms", "p99 ms")
	for i, q := range set {
		lat := per[i]
		if len(lat) == 0 {
			continue
		}
		slices.Sort(lat)
		filters := q.filters
		if filters == "" {
			filters = "-"
		}
		fmt.Fprintf(out, "%-32s %-24s %9d %5d %8.2f %8.2f\n", q.label, filters, matches[i], hits[i],
			searchMS(searchPercentile(lat, 50)), searchMS(searchPercentile(lat, 99)))
	}
	return all, nil
}

// searchPercentile of sorted durations, nearest rank.
func searchPercentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[max(0, min(i, len(sorted))-1)]
}

func searchMS(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func searchFileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}
