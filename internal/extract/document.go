package extract

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// document is one page being extracted.
type document struct {
	root  *html.Node
	base  *url.URL
	rules *siteRules
	tpl   *template

	meta       metadata
	blocks     []blockPrint // the page's text blocks, for template learning
	textByline string       // a "By Jane Doe" line found in the body
}

func (d *document) extract() *Article {
	d.meta = readMetadata(d.root)
	body := findFirst(d.root, atom.Body)
	if body == nil {
		body = d.root
	}
	site := resolveSiteName(&d.meta)
	title := resolveTitle(&d.meta, site)

	removeSet := d.rules.removeSet(body)
	var removed func(*html.Node) bool
	if removeSet != nil {
		removed = func(n *html.Node) bool { return removeSet[n] }
	}
	an := analyze(body, removed, d.meta.elements)
	d.applyTemplate(an)

	containers := d.rules.contentNodes(body)
	if len(containers) == 0 {
		an.dropNegatives()
		if len(an.elems) > 0 {
			containers = []*html.Node{an.elems[an.best()].n}
		}
	} else {
		an.propagateDrops()
	}
	r := newRenderer(an, d.base)
	if len(containers) == 1 {
		d.leadFigures(r, an, containers[0])
	}
	for _, c := range containers {
		r.render(c)
	}
	r.flush()
	blocks := d.filter(r.blocks, title, site)

	a := &Article{Title: title, SiteName: site}
	a.Text = joinText(blocks)
	a.HTML = joinHTML(blocks)
	a.Language = resolveLanguage(&d.meta, a.Text)
	a.Published, a.Modified = resolveDates(&d.meta, a.Language, d.base)
	a.Byline = resolveByline(&d.meta, site)
	if a.Byline == "" {
		a.Byline = d.textByline
	}
	a.Image = resolveImage(&d.meta, d.base, blocks)
	return a
}

// leadFigures renders the figures that sit just before the chosen container in its parent,
// where CMSs put the lead picture next to, not inside, the article text.
func (d *document) leadFigures(r *renderer, an *analysis, c *html.Node) {
	if c.Parent == nil {
		return
	}
	for s := c.Parent.FirstChild; s != nil && s != c; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		if i, ok := an.index[s]; ok && an.elems[i].drop {
			continue
		}
		if s.DataAtom == atom.Figure {
			r.render(s)
		}
	}
}

// applyTemplate records the page's blocks for learning and drops those the site's template
// says recur on most of its pages.
func (d *document) applyTemplate(an *analysis) {
	if d.tpl == nil {
		return
	}
	trained := d.tpl.trained()
	for i := range an.elems {
		e := &an.elems[i]
		if e.ownText == 0 || e.textHash == 0 {
			continue
		}
		// A block is its tag and its text: where exactly it sits varies between a site's
		// page types, what it says does not. The tag-only path tells layouts apart.
		path := an.path(int32(i), true)
		bp := blockPrint{
			key:     strconv.FormatUint(fnvString(e.n.Data)^e.textHash, 36),
			pathKey: strconv.FormatUint(fnvString(an.path(int32(i), false)), 36),
			path:    path,
		}
		if e.ownText < 400 {
			bp.sample = truncateRunes(textOf(e.n), templateSampleRunes)
		}
		d.blocks = append(d.blocks, bp)
		if trained && d.tpl.recurring(bp.key) {
			e.drop = true
		}
	}
	an.propagateDrops()
}

// filter drops the blocks that are not the story: boilerplate by category, the headline
// repeated, what stands above the headline, a "By Jane Doe" line (kept as the byline),
// links standing alone, and blocks without a word in them.
func (d *document) filter(blocks []block, title, site string) []block {
	out := blocks[:0]
	nt, ns := normTitle(title), normTitle(site)
	for i, b := range blocks {
		if b.kind == kindFigure {
			if b.caption != "" && classifyText(b.caption) == CategoryCredit {
				b.caption = ""
				b.html = stripCaption(b.html)
			}
			out = append(out, b)
			continue
		}
		isTitle := b.heading && nt != "" && normTitle(b.text) == nt
		if isTitle || b.h1 && i < 3 {
			// What a container shows above its headline is the header: a section kicker,
			// breadcrumbs, a date. The story starts below.
			if i < 6 {
				out = dropHeader(out)
			}
			continue
		}
		cat := classifyText(b.text)
		if i < 8 && (cat == NotBoilerplate || cat == CategoryMetaLine || cat == CategoryTimestamp) {
			if c := bylineLine(b.text); c != "" {
				if d.textByline == "" {
					d.textByline = c
				}
				continue
			}
		}
		if cat != NotBoilerplate || isLeakedMarkup(b.text) || !hasWord(b.text) {
			continue
		}
		if ns != "" && len(b.text) <= 2*len(ns)+8 && normTitle(b.text) == ns {
			// The publication's name alone, as a sign-off: "(Rheinland Post)".
			continue
		}
		runes, _ := measure(b.text) // counted as linkText is: without spaces
		if b.linkText > 0 && float64(b.linkText) > 0.9*float64(runes) && runes < 200 && b.kind != kindLI {
			// A paragraph that is only a link inside the body points to another article.
			continue
		}
		out = append(out, b)
	}
	return dropLinkLists(out)
}

// dropHeader removes the short text blocks gathered before the headline, keeping figures
// and anything long enough to be a paragraph of the story.
func dropHeader(blocks []block) []block {
	out := blocks[:0]
	for _, b := range blocks {
		if b.kind == kindFigure || runeLen(b.text) >= 120 && strings.ContainsAny(b.text, ".!?") {
			out = append(out, b)
		}
	}
	return out
}

// bylineLine returns the name in a short line that credits the writer ("By Jane Doe",
// "Von Anna Schmidt | 26.11.2026, 16:29 Uhr"), or "". The name must look like one, so that
// "Paid for by grants and rates" or "By the time we arrived…" stay in the story.
func bylineLine(text string) string {
	if len(text) >= 200 || !bylineLead.MatchString(text) {
		return ""
	}
	c := cleanByline(text)
	if c == "" || !looksLikeNames(c) {
		return ""
	}
	// A sentence may follow the name only when something (a date, a separator) cut it off.
	if strings.ContainsAny(text, "!?") || strings.HasSuffix(strings.TrimSpace(text), ".") && len(c)+12 >= len(text) {
		return ""
	}
	return c
}

// bylineLead is how a credit line starts, in the languages we read. It is stricter than the
// prefix cleanByline strips from metadata: "Tested by:" or "Paid for by" open other lines.
var bylineLead = regexp.MustCompile(`(?i)^\W*(by|von|par|por|di|da|de|autor|autore|auteur|author|text|texte|texto|testo|(written|words|story|reporting|report|posted|interview|article) by|(geschrieben|ein (kommentar|bericht|beitrag|interview)) von|(é|e)crit par|un article de|escrito por|scritto da)\s*:?\s+\S`)

// nameParticles are the lower-case words that occur inside personal names and lists of them.
var nameParticles = map[string]bool{"von": true, "van": true, "der": true, "den": true, "de": true, "la": true,
	"le": true, "du": true, "da": true, "di": true, "del": true, "della": true, "dos": true, "das": true,
	"y": true, "e": true, "et": true, "and": true, "und": true, "bin": true, "al": true, "ter": true, "zu": true}

// looksLikeNames reports whether s reads as one or more personal names: up to a dozen
// words, each capitalised or a name particle.
func looksLikeNames(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '&' })
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	caps := 0
	for _, w := range words {
		r := []rune(w)[0]
		switch {
		case unicode.IsUpper(r):
			caps++
		case nameParticles[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return caps > 0
}

// hasWord reports whether s has a letter or a digit: a block of dashes or bullets is layout.
func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// dropLinkLists removes lists whose every item is a link: related-article lists.
func dropLinkLists(blocks []block) []block {
	out := blocks[:0]
	for i := 0; i < len(blocks); {
		b := blocks[i]
		if b.kind != kindLI {
			out = append(out, b)
			i++
			continue
		}
		j := i
		allLinks := true
		for j < len(blocks) && blocks[j].kind == kindLI && blocks[j].list == b.list {
			if float64(blocks[j].linkText) < 0.7*float64(runeLen(blocks[j].text)) {
				allLinks = false
			}
			j++
		}
		if !allLinks || j-i < 2 {
			out = append(out, blocks[i:j]...)
		}
		i = j
	}
	return out
}

func stripCaption(s string) string {
	if i := strings.Index(s, "<figcaption>"); i >= 0 {
		if j := strings.Index(s, "</figcaption>"); j > i {
			return s[:i] + s[j+len("</figcaption>"):]
		}
	}
	return s
}

// path is the element's DOM path from the body, up to six levels: tags, with the first
// class of each when classes is set.
func (an *analysis) path(i int32, classes bool) string {
	var parts []string
	for k := i; k >= 0 && len(parts) < 6; k = an.elems[k].parent {
		n := an.elems[k].n
		p := n.Data
		if c := attr(n, "class"); c != "" && classes {
			if f := strings.Fields(c); len(f) > 0 {
				p += "." + f[0]
			}
		}
		parts = append(parts, p)
	}
	for l, r := 0, len(parts)-1; l < r; l, r = l+1, r-1 {
		parts[l], parts[r] = parts[r], parts[l]
	}
	return strings.Join(parts, ">")
}

// propagateDrops drops every descendant of a dropped element and recomputes the sums.
func (an *analysis) propagateDrops() {
	els := an.elems
	for i := 0; i < len(els); i++ {
		if els[i].drop {
			for j := i + 1; j < int(els[i].end); j++ {
				els[j].drop = true
			}
			i = int(els[i].end) - 1
		}
	}
	an.sumKept()
}

func fnvString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func truncateRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}

func htmlUnescape(s string) string { return html.UnescapeString(s) }

// isLeakedMarkup reports a block that is HTML source shown as text (an escaped <noscript>).
func isLeakedMarkup(s string) bool {
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") && strings.Contains(s, "=") {
		return true
	}
	// CMS shortcodes that were never expanded: [button link="…"]…[/button].
	return strings.HasPrefix(s, "[") && strings.Contains(s, "=") && strings.Contains(s, "[/")
}
