// Package extract turns a publisher's article page into a clean article: text with structure,
// title, byline, dates, image and language.
//
// The extractor works on golang.org/x/net/html directly: it decodes the page to UTF-8, parses
// it once, reads the metadata, prunes markup that is never content, picks the container that
// holds the article's paragraphs, and renders that container's blocks as plain text and as
// sanitised HTML while dropping named categories of boilerplate (see Category). Per-site
// operator rules and learned site templates refine the result. See docs/extraction.md.
package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sync"
	"time"

	"golang.org/x/net/html"
)

// Article is the extraction result. Its JSON form is the `newsdesk extract` CLI contract.
type Article struct {
	URL       string     `json:"url"`
	Title     string     `json:"title"`
	Byline    string     `json:"byline"`
	Published *time.Time `json:"published,omitempty"`
	Modified  *time.Time `json:"modified,omitempty"`
	Language  string     `json:"language"` // ISO 639-1
	Image     string     `json:"image"`    // absolute URL
	SiteName  string     `json:"site_name"`
	Text      string     `json:"text"` // paragraphs separated by blank lines
	HTML      string     `json:"html"` // sanitised structural HTML
}

// Bounds on input. A page over MaxInputBytes is cut there and extracted best-effort; nesting
// deeper than the HTML parser's 512 open elements is refused with ErrTooDeep.
const (
	MaxInputBytes = 8 << 20
)

// Errors returned by Extract.
var (
	ErrEmpty   = errors.New("extract: empty document")
	ErrNotHTML = errors.New("extract: not an HTML document")
	ErrTooDeep = errors.New("extract: document nested too deeply")
	ErrNoText  = errors.New("extract: no article text found")
)

// Options configures an Extractor. All fields are optional.
type Options struct {
	Rules     *Rules        // operator rules per site; they win over heuristics
	Templates TemplateStore // where learned site templates persist; nil disables learning
	Logger    *slog.Logger
}

// Extractor extracts articles. It is safe for concurrent use.
type Extractor struct {
	rules     *Rules
	templates TemplateStore
	log       *slog.Logger
	// siteLocks serialises template load-update-save per site so that concurrent pages of
	// one site do not overwrite each other's learning.
	siteLocks sync.Map // site -> *sync.Mutex
	// cache keeps decoded templates so a page does not pay for decoding its site's state;
	// an entry is read and changed only under its site's lock.
	cache templateCache
}

// New returns an Extractor configured by opts.
func New(opts Options) *Extractor {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Extractor{rules: opts.Rules, templates: opts.Templates, log: log}
}

// Extract extracts the article from body, the page's raw bytes as fetched. contentType is the
// HTTP Content-Type header (may be empty) and pageURL the page's address, used to resolve
// relative links and to pick site rules and templates.
func (e *Extractor) Extract(ctx context.Context, body []byte, contentType, pageURL string) (*Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	base, _ := url.Parse(pageURL)
	if base == nil {
		base = &url.URL{}
	}
	text, err := decode(body, contentType)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(stripRawText(text)))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrTooDeep, err)
	}
	site := siteKey(base)
	var tpl *template
	if e.templates != nil && site != "" {
		unlock := e.lockSite(site)
		defer unlock()
		tpl = e.loadTemplate(ctx, site)
	}
	d := &document{root: doc, base: base, rules: e.rules.forSite(base.Hostname()), tpl: tpl}
	a := d.extract()
	a.URL = pageURL
	if a.URL == "" && d.meta.canonical != "" {
		a.URL = d.meta.canonical
	}
	if tpl != nil {
		tpl.learn(d.blocks, fnvString(pageURL))
		e.saveTemplate(ctx, site, tpl)
	}
	if a.Text == "" && a.Title == "" {
		return a, ErrNoText
	}
	return a, nil
}

func (e *Extractor) lockSite(site string) func() {
	v, _ := e.siteLocks.LoadOrStore(site, &sync.Mutex{})
	mu := v.(*sync.Mutex)
	mu.Lock()
	return mu.Unlock
}
