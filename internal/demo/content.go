package demo

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"
)

// contentFS holds the demo texts: content/<publisher>/<slug>.md and content/order.txt.
//
//go:embed content
var contentFS embed.FS

// Article is one demo article as written, before any page is rendered.
type Article struct {
	Slug      string // unique across all publishers; the last element of the page URL
	Publisher string // Publisher.Slug
	Title     string
	Byline    string
	Section   string
	// Published is the publication time under the default schedule of a simulator started at
	// ReferenceStart(); subtract ReferenceStart() to get the offset from the start (negative for
	// articles live at start). A running Simulator uses its own clock instead.
	Published time.Time
	// Paragraphs is the body in order. A subheading starts with "## ", a pull quote with "> "
	// (the quote, then " — " and who said it, when known); everything else is a plain paragraph.
	Paragraphs []string
	// ImageURL is the lead image, as a path relative to the simulator's base URL.
	ImageURL string
	// Story names the news event the article reports. Articles of different publishers about
	// the same event share it. It is ground truth for tests of story grouping, never shown.
	Story string
}

// Text returns the body as plain text: paragraphs separated by blank lines, without the
// subheading and pull-quote markers.
func (a Article) Text() string {
	var b strings.Builder
	for i, p := range a.Paragraphs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(stripMarker(p))
	}
	return b.String()
}

// stripMarker removes the "## " or "> " prefix of a paragraph.
func stripMarker(p string) string {
	if s, ok := strings.CutPrefix(p, "## "); ok {
		return s
	}
	if s, ok := strings.CutPrefix(p, "> "); ok {
		return s
	}
	return p
}

// entry is an article plus what only its page needs.
type entry struct {
	Article
	Caption    string
	Credit     string
	Developing bool   // a story still moving: the page ends with a "more to follow" note
	Syndicated string // "publisher/slug" of the wire original whose text this copy runs
	Summary    string
	Path       string // URL path of the page
}

// catalog is all demo content, in release order.
type catalog struct {
	sites   []site
	entries []*entry
}

// ErrContent reports malformed embedded content; the package tests keep it from shipping.
var ErrContent = errors.New("demo: bad content")

// loadCatalog parses the embedded content. It is cheap (a few milliseconds), so callers parse
// once and keep the result rather than sharing a package-level copy.
func loadCatalog() (*catalog, error) {
	c := &catalog{}
	bySlug := map[string]*site{}
	for _, s := range sites() {
		c.sites = append(c.sites, s.withPaths())
	}
	for i := range c.sites {
		bySlug[c.sites[i].Slug] = &c.sites[i]
	}

	all := map[string]*entry{}
	err := fs.WalkDir(contentFS, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" {
			return err
		}
		pub := path.Base(path.Dir(p))
		if _, ok := bySlug[pub]; !ok {
			return fmt.Errorf("%w: %s: unknown publisher %q", ErrContent, p, pub)
		}
		raw, err := contentFS.ReadFile(p)
		if err != nil {
			return fmt.Errorf("demo: read %s: %w", p, err)
		}
		e, err := parseEntry(strings.TrimSuffix(path.Base(p), ".md"), string(raw))
		if err != nil {
			return fmt.Errorf("%w: %s: %w", ErrContent, p, err)
		}
		e.Publisher = pub
		e.Path = "/" + pub + "/" + slugify(e.Section) + "/" + e.Slug
		e.ImageURL = "/" + pub + "/images/" + e.Slug + ".svg"
		all[pub+"/"+e.Slug] = e
		return nil
	})
	if err != nil {
		return nil, err
	}
	for key, e := range all {
		if e.Syndicated == "" {
			continue
		}
		orig, ok := all[e.Syndicated]
		if !ok || orig.Syndicated != "" {
			return nil, fmt.Errorf("%w: %s: syndicates unknown original %q", ErrContent, key, e.Syndicated)
		}
		e.Paragraphs = append([]string(nil), orig.Paragraphs...)
	}
	for _, e := range all {
		if len(e.Paragraphs) == 0 {
			return nil, fmt.Errorf("%w: %s/%s has no text", ErrContent, e.Publisher, e.Slug)
		}
		e.Summary = summarize(e.Paragraphs)
	}

	order, err := contentFS.ReadFile("content/order.txt")
	if err != nil {
		return nil, fmt.Errorf("demo: read order: %w", err)
	}
	seen := map[string]bool{}
	for line := range strings.SplitSeq(string(order), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, ok := all[line]
		if !ok {
			return nil, fmt.Errorf("%w: order.txt names unknown article %q", ErrContent, line)
		}
		if seen[line] {
			return nil, fmt.Errorf("%w: order.txt lists %q twice", ErrContent, line)
		}
		seen[line] = true
		c.entries = append(c.entries, e)
	}
	if len(c.entries) != len(all) {
		return nil, fmt.Errorf("%w: order.txt lists %d of %d articles", ErrContent, len(c.entries), len(all))
	}
	return c, nil
}

// parseEntry reads one content file: "key: value" header lines, a line "---", then the body,
// whose paragraphs are separated by blank lines.
func parseEntry(slug, raw string) (*entry, error) {
	head, body, ok := strings.Cut(raw, "\n---\n")
	if !ok {
		head, ok = strings.CutSuffix(strings.TrimRight(raw, "\n"), "\n---")
		if !ok {
			return nil, errors.New("no '---' line after the header")
		}
	}
	e := &entry{Article: Article{Slug: slug}}
	for line := range strings.SplitSeq(head, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("header line %q is not key: value", line)
		}
		val = strings.TrimSpace(val)
		switch strings.TrimSpace(key) {
		case "title":
			e.Title = val
		case "byline":
			e.Byline = val
		case "section":
			e.Section = val
		case "story":
			e.Story = val
		case "caption":
			e.Caption = val
		case "credit":
			e.Credit = val
		case "developing":
			e.Developing = val == "yes"
		case "syndicated":
			e.Syndicated = val
		default:
			return nil, fmt.Errorf("unknown header key %q", key)
		}
	}
	if e.Title == "" || e.Section == "" || e.Story == "" {
		return nil, errors.New("title, section and story are required")
	}
	for block := range strings.SplitSeq(body, "\n\n") {
		lines := strings.Fields(block)
		if len(lines) == 0 {
			continue
		}
		e.Paragraphs = append(e.Paragraphs, strings.Join(lines, " "))
	}
	return e, nil
}

// summarize takes the feed summary from the first plain paragraph, cut at a word boundary.
func summarize(paras []string) string {
	const max = 280
	for _, p := range paras {
		if strings.HasPrefix(p, "## ") || strings.HasPrefix(p, "> ") {
			continue
		}
		if len(p) <= max {
			return p
		}
		cut := strings.LastIndexByte(p[:max], ' ')
		if cut < 0 {
			cut = max
		}
		return strings.TrimRight(p[:cut], ",;:") + "…"
	}
	return ""
}

// slugify makes a URL path element of a section name, folding the accents our publishers use.
func slugify(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "é", "e", "è", "e", "ê", "e", "à", "a", "ç", "c", "É", "e", "Ü", "ue", "Ä", "ae", "Ö", "oe")
	s = strings.ToLower(r.Replace(s))
	var b strings.Builder
	dash := false
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// ReferenceStart is the start instant Article.Published is given relative to.
func ReferenceStart() time.Time { return time.Date(2025, time.June, 3, 9, 0, 0, 0, time.UTC) }

// Articles returns every demo article in release order, with Published set as a simulator
// started at ReferenceStart() with default options would publish it.
func Articles() []Article {
	c, err := loadCatalog()
	if err != nil {
		// The content is embedded and checked by the package tests, so this cannot happen in a
		// tested build; failing loudly beats returning a silently short list.
		panic(err)
	}
	sch := newSchedule(ReferenceStart(), defaultInitial, defaultInterval, c.entries)
	out := make([]Article, len(c.entries))
	for i, e := range c.entries {
		out[i] = e.Article
		out[i].Paragraphs = append([]string(nil), e.Paragraphs...)
		out[i].Published = sch.at[i]
	}
	return out
}
