package feed

import (
	"bytes"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/net/publicsuffix"
)

// Link is a feed advertised by, or linked from, a web page.
type Link struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"`
	Type  string `json:"type,omitempty"` // MIME type as advertised; empty for links guessed from <a>
}

// maxGuessedLinks bounds the <a> fallback: a page linking to dozens of "feeds" is a directory,
// and the first few are the site's own.
const maxGuessedLinks = 10

// feedTypes are the <link type> values that announce a feed, mapped to their canonical form.
var feedTypes = map[string]string{
	"application/rss+xml":   "application/rss+xml",
	"application/atom+xml":  "application/atom+xml",
	"application/rdf+xml":   "application/rdf+xml",
	"application/feed+json": "application/feed+json",
	"application/json":      "application/json",
	"text/rss+xml":          "application/rss+xml",
	"text/atom+xml":         "application/atom+xml",
}

// Discover lists the feeds a page advertises with <link rel="alternate" type="…">, in page
// order, resolved against <base href> or pageURL. When the page advertises none, it falls back
// to <a> links whose URL is an obvious feed address (/feed, /rss.xml, *.atom, feeds.* hosts…).
// Only http(s) URLs are returned ("feed:" URLs are rewritten to http), each once.
func Discover(page []byte, pageURL string) []Link {
	page = pageToUTF8(page)
	base, _ := url.Parse(strings.TrimSpace(pageURL))
	d := discoverer{base: base, seen: map[string]bool{}}
	z := nethtml.NewTokenizer(bytes.NewReader(page))
	var anchor *Link // the <a> being read, to take its text as a title
	var anchorText strings.Builder
	for {
		tt := z.Next()
		switch tt {
		case nethtml.ErrorToken:
			if len(d.advertised) > 0 {
				return d.mainFirst(d.advertised)
			}
			return d.guessed
		case nethtml.TextToken:
			if anchor != nil {
				anchorText.Write(z.Text())
			}
		case nethtml.EndTagToken:
			if name, _ := z.TagName(); anchor != nil && atom.Lookup(name) == atom.A {
				if anchor.Title == "" {
					anchor.Title = collapseSpace(anchorText.String())
				}
				d.guess(*anchor)
				anchor = nil
			}
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if !hasAttr {
				continue
			}
			a := atom.Lookup(name)
			if a != atom.Base && a != atom.Link && a != atom.A {
				continue
			}
			attrs := readAttrs(z)
			switch a {
			case atom.Base:
				d.setBase(attrs["href"])
			case atom.Link:
				d.advertise(attrs)
			case atom.A:
				if anchor != nil { // an unclosed <a>; keep what it had
					d.guess(*anchor)
				}
				anchor = &Link{URL: attrs["href"], Title: strings.TrimSpace(attrs["title"])}
				anchorText.Reset()
			}
		}
	}
}

type discoverer struct {
	base       *url.URL
	baseSet    bool
	seen       map[string]bool
	advertised []Link
	guessed    []Link
}

// setBase applies the first <base href>, as browsers do.
func (d *discoverer) setBase(href string) {
	if d.baseSet || strings.TrimSpace(href) == "" {
		return
	}
	d.baseSet = true
	ref, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return
	}
	if d.base != nil {
		ref = d.base.ResolveReference(ref)
	}
	d.base = ref
}

func (d *discoverer) advertise(attrs map[string]string) {
	rels := strings.Fields(strings.ToLower(attrs["rel"]))
	if !slices.Contains(rels, "alternate") && !slices.Contains(rels, "feed") {
		return
	}
	mt := strings.ToLower(strings.TrimSpace(attrs["type"]))
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = strings.TrimSpace(mt[:i])
	}
	typ, ok := feedTypes[mt]
	if !ok {
		return
	}
	href := attrs["href"]
	// WordPress announces its REST API for every page as an "alternate" application/json.
	if typ == "application/json" && (strings.Contains(href, "/wp-json/") || strings.Contains(href, "oembed")) {
		return
	}
	u := d.resolve(href)
	if u == "" || d.seen[u] {
		return
	}
	d.seen[u] = true
	d.advertised = append(d.advertised, Link{URL: u, Title: collapseSpace(attrs["title"]), Type: typ})
}

func (d *discoverer) guess(l Link) {
	if len(d.guessed) >= maxGuessedLinks {
		return
	}
	u := d.resolve(l.URL)
	if u == "" || d.seen[u] || !looksLikeFeedURL(u) || !d.sameSite(u) {
		return
	}
	d.seen[u] = true
	l.URL = u
	d.guessed = append(d.guessed, l)
}

// mainFirst moves comment feeds after the others, keeping page order within each group.
// WordPress and Blogger advertise a site-wide comments feed and, on an article, the article's
// own comments feed; a news reader wants the articles feed, and callers try links in order.
// They are recognised by URL or title words; demoting rather than dropping keeps a
// "Commentary" section feed available.
func (d *discoverer) mainFirst(links []Link) []Link {
	out := make([]Link, 0, len(links))
	var comments []Link
	for _, l := range links {
		if d.isCommentFeed(l) {
			comments = append(comments, l)
		} else {
			out = append(out, l)
		}
	}
	return append(out, comments...)
}

// commentWords spot comment feeds by title in the languages WordPress ships most.
var commentWords = []string{"comment", "koment", "coment", "kommentar", "commentaires", "reacties"}

func (d *discoverer) isCommentFeed(l Link) bool {
	lower := strings.ToLower(l.URL + " " + l.Title)
	return slices.ContainsFunc(commentWords, func(w string) bool { return strings.Contains(lower, w) })
}

// sameSite reports whether a guessed feed URL belongs to the page's site (same registrable
// domain) or to a feed host ("feeds.…"). Anchors elsewhere named …/feed are share dialogs
// (facebook.com/dialog/feed?link=…) and other sites' feeds.
func (d *discoverer) sameSite(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	if strings.HasPrefix(u.Hostname(), "feeds.") {
		return true
	}
	if d.base == nil {
		return false
	}
	a, errA := publicsuffix.EffectiveTLDPlusOne(u.Hostname())
	b, errB := publicsuffix.EffectiveTLDPlusOne(d.base.Hostname())
	return errA == nil && errB == nil && a == b
}

// resolve makes href absolute; it returns "" for anything but http(s).
func (d *discoverer) resolve(href string) string {
	href = strings.TrimSpace(href)
	lower := strings.ToLower(href)
	switch {
	case strings.HasPrefix(lower, "feed:http:"), strings.HasPrefix(lower, "feed:https:"):
		href = href[len("feed:"):]
	case strings.HasPrefix(lower, "feed://"):
		href = "http://" + href[len("feed://"):]
	}
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u := resolveHTTP(d.base, href)
	if parseBase(u) == nil {
		return ""
	}
	return u
}

// feedFileNames are last path segments that name a feed on common publishing systems.
var feedFileNames = map[string]bool{
	"feed": true, "feeds": true, "rss": true, "atom": true, "rss2": true, "rdf": true,
	"rss.xml": true, "atom.xml": true, "feed.xml": true, "index.xml": true, "rss2.xml": true,
	"index.rss": true, "index.atom": true, "index.rdf": true, "feed.json": true,
	"rss.php": true, "atom.php": true, "feed.php": true, "backend.php": true,
}

// looksLikeFeedURL reports whether an absolute URL is an obvious feed address. Comment feeds
// are not: they list replies, not articles.
func looksLikeFeedURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	p := strings.ToLower(strings.TrimSuffix(u.Path, "/"))
	if strings.Contains(p, "comment") {
		return false
	}
	last := path.Base(p)
	switch {
	case feedFileNames[last]:
		return true
	case strings.HasSuffix(last, ".rss"), strings.HasSuffix(last, ".atom"), strings.HasSuffix(last, ".rdf"):
		return true
	case strings.HasPrefix(u.Hostname(), "feeds.") && p != "":
		return true
	}
	q := u.Query()
	for _, key := range []string{"feed", "format", "type"} {
		switch strings.ToLower(q.Get(key)) {
		case "rss", "rss2", "atom", "rdf":
			return true
		}
	}
	return false
}

func readAttrs(z *nethtml.Tokenizer) map[string]string {
	attrs := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		key := strings.ToLower(string(k))
		if _, dup := attrs[key]; !dup {
			attrs[key] = string(v)
		}
		if !more {
			return attrs
		}
	}
}

// pageToUTF8 converts a page to UTF-8; titles depend on it. A page that is valid UTF-8 is taken
// as UTF-8 whatever it declares (as for feeds, a Latin-1 label on UTF-8 bytes is the usual
// mistake); otherwise its BOM or <meta charset> decides, and windows-1252 when it says nothing.
func pageToUTF8(page []byte) []byte {
	if utf8.Valid(page) {
		return page
	}
	enc, name, _ := charset.DetermineEncoding(page, "")
	if name == "utf-8" || enc == nil {
		return validUTF8(page)
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return validUTF8(page)
	}
	return out
}
