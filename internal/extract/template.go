package extract

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// ErrNoTemplate is returned by a TemplateStore that has nothing learned for a site. Store
// adapters map their own not-found error to it.
var ErrNoTemplate = errors.New("extract: no site template")

// TemplateStore persists what the extractor learns about each site's page template.
type TemplateStore interface {
	LoadSiteTemplate(ctx context.Context, site string) ([]byte, error)
	SaveSiteTemplate(ctx context.Context, site string, state []byte, pages int) error
}

// Template learning parameters.
const (
	// templateMinPages is how many pages of a site must be seen before learned blocks are
	// removed; fewer pages cannot tell a template from a coincidence.
	templateMinPages = 5
	// templateRecurring is the share of a site's pages a block must appear on to be boilerplate.
	templateRecurring = 0.5
	// templateMaxBlocks and templateMaxPaths bound the state kept per site.
	templateMaxBlocks = 1500
	templateMaxPaths  = 600
	// A page sharing fewer than templateRedesignShare of its block paths with the learned
	// template is a miss; templateRedesignMisses misses in a row mean the site was redesigned.
	templateRedesignShare  = 0.2
	templateRedesignMisses = 3
	templateVersion        = 1
	templateSampleRunes    = 80
	templateSeenPages      = 256
)

// template is the learned state of one site: how often each block (DOM path + text) and each
// DOM path was seen, over how many pages.
type template struct {
	Version int                  `json:"v"`
	Pages   int                  `json:"pages"`
	Misses  int                  `json:"misses,omitempty"`
	Resets  int                  `json:"resets,omitempty"`
	Updated time.Time            `json:"updated"`
	Blocks  map[string]*tplBlock `json:"blocks"` // key: hex fingerprint of path+text
	Paths   map[string]*tplPath  `json:"paths"`  // key: hex hash of path
	// Seen holds hashes of the last pages learned, so that re-extracting an updated article
	// does not count its paragraphs again and turn them into "boilerplate".
	Seen []uint64 `json:"seen,omitempty"`
}

type tplBlock struct {
	Count int    `json:"n"`
	Last  int    `json:"last"` // page number when last seen
	Path  string `json:"path,omitempty"`
	Text  string `json:"text,omitempty"` // sample, kept once the block recurs
}

type tplPath struct {
	Count int `json:"n"`
	Last  int `json:"last"`
}

// blockPrint identifies one text block of a page for template learning.
type blockPrint struct {
	key     string // fingerprint of path and text
	pathKey string
	path    string
	sample  string
}

func newTemplate() *template {
	return &template{Version: templateVersion, Blocks: map[string]*tplBlock{}, Paths: map[string]*tplPath{}}
}

func decodeTemplate(state []byte) (*template, error) {
	t := newTemplate()
	if err := json.Unmarshal(state, t); err != nil {
		return nil, fmt.Errorf("extract: decode template: %w", err)
	}
	if t.Version != templateVersion {
		return newTemplate(), nil
	}
	if t.Blocks == nil {
		t.Blocks = map[string]*tplBlock{}
	}
	if t.Paths == nil {
		t.Paths = map[string]*tplPath{}
	}
	return t, nil
}

// trained reports whether the template has seen enough pages to remove blocks.
func (t *template) trained() bool { return t != nil && t.Pages >= templateMinPages }

// recurring reports whether the block with this fingerprint is part of the site's template.
func (t *template) recurring(key string) bool {
	if !t.trained() {
		return false
	}
	b, ok := t.Blocks[key]
	return ok && b.Count >= 3 && float64(b.Count) >= templateRecurring*float64(t.Pages)
}

// learn adds one page's blocks to the template, first checking whether the page still looks
// like the site's known layout. page identifies the page (a hash of its URL, 0 if unknown);
// a page already learned is not counted twice.
func (t *template) learn(prints []blockPrint, page uint64) {
	if len(prints) == 0 {
		return
	}
	if page != 0 {
		for _, p := range t.Seen {
			if p == page {
				return
			}
		}
		t.Seen = append(t.Seen, page)
		if len(t.Seen) > templateSeenPages {
			t.Seen = t.Seen[len(t.Seen)-templateSeenPages:]
		}
	}
	if t.Pages >= 2*templateMinPages {
		known := 0
		paths := map[string]bool{}
		for _, p := range prints {
			if paths[p.pathKey] {
				continue
			}
			paths[p.pathKey] = true
			if pp, ok := t.Paths[p.pathKey]; ok && float64(pp.Count) >= 0.3*float64(t.Pages) {
				known++
			}
		}
		if float64(known) < templateRedesignShare*float64(len(paths)) {
			t.Misses++
		} else {
			t.Misses = 0
		}
		if t.Misses >= templateRedesignMisses {
			resets, seen := t.Resets+1, t.Seen
			*t = *newTemplate()
			t.Resets, t.Seen = resets, seen
		}
	}
	t.Pages++
	t.Updated = time.Now().UTC().Truncate(time.Second)
	seen := make(map[string]bool, len(prints))
	seenPath := make(map[string]bool, len(prints))
	for _, p := range prints {
		if !seen[p.key] {
			seen[p.key] = true
			b := t.Blocks[p.key]
			if b == nil {
				b = &tplBlock{}
				t.Blocks[p.key] = b
			}
			b.Count++
			b.Last = t.Pages
			if b.Count >= 2 && b.Text == "" {
				b.Path, b.Text = p.path, p.sample
			}
		}
		if !seenPath[p.pathKey] {
			seenPath[p.pathKey] = true
			pp := t.Paths[p.pathKey]
			if pp == nil {
				pp = &tplPath{}
				t.Paths[p.pathKey] = pp
			}
			pp.Count++
			pp.Last = t.Pages
		}
	}
	t.prune()
}

// prune keeps the state bounded, forgetting blocks seen once long ago first.
func (t *template) prune() {
	if len(t.Blocks) > templateMaxBlocks {
		keys := make([]string, 0, len(t.Blocks))
		for k := range t.Blocks {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			a, b := t.Blocks[keys[i]], t.Blocks[keys[j]]
			if a.Count != b.Count {
				return a.Count < b.Count
			}
			return a.Last < b.Last
		})
		for _, k := range keys[:len(keys)-templateMaxBlocks*3/4] {
			delete(t.Blocks, k)
		}
	}
	if len(t.Paths) > templateMaxPaths {
		keys := make([]string, 0, len(t.Paths))
		for k := range t.Paths {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			a, b := t.Paths[keys[i]], t.Paths[keys[j]]
			if a.Count != b.Count {
				return a.Count < b.Count
			}
			return a.Last < b.Last
		})
		for _, k := range keys[:len(keys)-templateMaxPaths*3/4] {
			delete(t.Paths, k)
		}
	}
}

// TemplateSummary is what the sources page shows about a site's learned template.
type TemplateSummary struct {
	Pages   int       // pages the current template was learned from
	Resets  int       // times the site was detected as redesigned and the template forgotten
	Updated time.Time // when the last page was learned
	Trained bool      // whether enough pages were seen to remove blocks
	Blocks  []string  // recurring blocks removed from new pages: "path: text sample"
}

// DescribeTemplate summarises a stored template state. A state it cannot read gives an
// empty summary.
func DescribeTemplate(state []byte) TemplateSummary {
	t, err := decodeTemplate(state)
	if err != nil {
		return TemplateSummary{}
	}
	s := TemplateSummary{Pages: t.Pages, Resets: t.Resets, Updated: t.Updated, Trained: t.trained()}
	type kv struct {
		b *tplBlock
		k string
	}
	var rec []kv
	for k, b := range t.Blocks {
		if t.recurring(k) {
			rec = append(rec, kv{b, k})
		}
	}
	sort.Slice(rec, func(i, j int) bool {
		if rec[i].b.Count != rec[j].b.Count {
			return rec[i].b.Count > rec[j].b.Count
		}
		return rec[i].k < rec[j].k
	})
	for _, r := range rec {
		s.Blocks = append(s.Blocks, fmt.Sprintf("%s: %q (%d of %d pages)", r.b.Path, r.b.Text, r.b.Count, t.Pages))
	}
	return s
}

// siteKey names the site a page belongs to: its host without "www.".
func siteKey(u *url.URL) string {
	if u == nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

func (e *Extractor) loadTemplate(ctx context.Context, site string) *template {
	if t := e.cache.get(site); t != nil {
		return t
	}
	t := e.loadStoredTemplate(ctx, site)
	if t != nil {
		e.cache.put(site, t)
	}
	return t
}

func (e *Extractor) loadStoredTemplate(ctx context.Context, site string) *template {
	state, err := e.templates.LoadSiteTemplate(ctx, site)
	if errors.Is(err, ErrNoTemplate) || err == nil && len(state) == 0 {
		return newTemplate()
	}
	if err != nil {
		e.log.WarnContext(ctx, "extract: load site template", slog.String("site", site), slog.Any("err", err))
		return nil
	}
	t, err := decodeTemplate(state)
	if err != nil {
		e.log.WarnContext(ctx, "extract: bad site template, relearning", slog.String("site", site), slog.Any("err", err))
		return newTemplate()
	}
	return t
}

func (e *Extractor) saveTemplate(ctx context.Context, site string, t *template) {
	// Encoding and writing the state on every page was a tenth of ingest's time. While a
	// template is young every page is saved; after that every fifth, so a crash loses at
	// most four pages of learning of a site that has already taught it plenty.
	if t.Pages > templateSaveEvery*4 && t.Pages%templateSaveEvery != 0 {
		return
	}
	state, err := json.Marshal(t)
	if err != nil {
		e.log.WarnContext(ctx, "extract: encode site template", slog.String("site", site), slog.Any("err", err))
		return
	}
	if err := e.templates.SaveSiteTemplate(ctx, site, state, t.Pages); err != nil {
		e.log.WarnContext(ctx, "extract: save site template", slog.String("site", site), slog.Any("err", err))
	}
}

// templateSaveEvery is how often, in pages, a grown template is written back.
const templateSaveEvery = 5

// maxCachedTemplates bounds the decoded templates kept in memory.
const maxCachedTemplates = 2048

// templateCache maps sites to decoded templates, bounded in size.
type templateCache struct {
	mu sync.Mutex
	m  map[string]*template
}

func (c *templateCache) get(site string) *template {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[site]
}

func (c *templateCache) put(site string, t *template) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]*template{}
	}
	if len(c.m) >= maxCachedTemplates {
		for k := range c.m { // any entry: a forgotten one is reloaded from the store
			delete(c.m, k)
			break
		}
	}
	c.m[site] = t
}
