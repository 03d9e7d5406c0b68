package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockKind is the structural role of an output block.
type blockKind uint8

const (
	kindP blockKind = iota
	kindH2
	kindH3
	kindH4
	kindLI
	kindPre
	kindFigure
	kindCaption // caption text waiting for its figure
)

// block is one paragraph-like unit of output: its plain text, its sanitised inline HTML, and
// where it came from.
type block struct {
	kind     blockKind
	text     string
	html     string
	quote    bool   // inside a blockquote
	list     int32  // for kindLI: index of the list element, to group items
	ordered  bool   // for kindLI: the list is <ol>
	src      int32  // element the text came from (index into analysis), -1 if none
	path     string // DOM path of src, for site templates
	linkText int    // runes of the text inside links
	caption  string // for kindFigure: the caption text
	heading  bool   // came from h1..h6
	h1       bool
}

// renderer turns a container subtree into blocks, skipping dropped elements.
type renderer struct {
	an     *analysis
	base   *url.URL
	blocks []block

	text     strings.Builder
	html     strings.Builder
	linkText int
	inline   []string // open inline tags in html, closed and reopened across block breaks

	stack   []frame
	figure  *figureAcc
	inLink  bool
	inPre   int
	quote   int
	listIdx int32
	ordered bool
}

type frame struct {
	n   *html.Node
	idx int32
}

type figureAcc struct {
	imgs    []string // rendered <img> tags
	caption []string // caption html
	capText []string
	src     int32
}

func newRenderer(an *analysis, base *url.URL) *renderer {
	return &renderer{an: an, base: base, listIdx: -1}
}

func (r *renderer) dropped(n *html.Node) (int32, bool) {
	if r.an == nil {
		return -1, false
	}
	i, ok := r.an.index[n]
	if !ok {
		return -1, false
	}
	return i, r.an.elems[i].drop
}

// render emits the blocks of n's subtree.
func (r *renderer) render(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.addText(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	if n.Type == html.ElementNode && junkTags[n.DataAtom] {
		return
	}
	idx, drop := r.dropped(n)
	if drop {
		return
	}
	if n.Type == html.DocumentNode {
		r.children(n)
		return
	}
	a := n.DataAtom
	switch a {
	case atom.Br:
		r.text.WriteByte('\n')
		r.html.WriteString("<br>")
		return
	case atom.Img:
		r.image(n, idx)
		return
	case atom.Hr:
		r.flush()
		return
	}
	if blockTags[a] {
		r.flush()
		r.stack = append(r.stack, frame{n: n, idx: idx})
		saveList, saveOrd := r.listIdx, r.ordered
		switch a {
		case atom.Blockquote:
			r.quote++
		case atom.Pre:
			r.inPre++
		case atom.Ul, atom.Ol:
			r.listIdx, r.ordered = idx, a == atom.Ol
			if idx < 0 {
				r.listIdx = int32(-2 - len(r.blocks))
			}
		case atom.Figure:
			if r.figure == nil {
				r.figure = &figureAcc{src: idx}
				r.children(n)
				r.flush()
				r.stack = r.stack[:len(r.stack)-1]
				r.emitFigure()
				return
			}
		}
		r.children(n)
		r.flush()
		switch a {
		case atom.Blockquote:
			r.quote--
		case atom.Pre:
			r.inPre--
		}
		r.listIdx, r.ordered = saveList, saveOrd
		r.stack = r.stack[:len(r.stack)-1]
		return
	}
	tag := ""
	switch a {
	case atom.A:
		href := r.absURL(attr(n, "href"))
		if href != "" && !r.inLink {
			r.html.WriteString(`<a href="`)
			r.html.WriteString(html.EscapeString(href))
			r.html.WriteString(`">`)
			r.inLink = true
			r.inline = append(r.inline, "a")
			r.children(n)
			r.closeInline("a")
			r.inLink = false
			return
		}
		if !r.inLink {
			r.inLink = true
			r.children(n)
			r.inLink = false
			return
		}
	case atom.B, atom.Strong:
		tag = "strong"
	case atom.I, atom.Em:
		tag = "em"
	case atom.Code, atom.Sub, atom.Sup:
		tag = a.String()
	}
	if tag == "" {
		r.children(n)
		return
	}
	r.html.WriteString("<" + tag + ">")
	r.inline = append(r.inline, tag)
	r.children(n)
	r.closeInline(tag)
}

func (r *renderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.render(c)
	}
}

// closeInline closes the innermost open inline tag if it is still open in this block.
func (r *renderer) closeInline(tag string) {
	if k := len(r.inline); k > 0 && r.inline[k-1] == tag {
		r.inline = r.inline[:k-1]
		r.html.WriteString("</" + tag + ">")
		return
	}
	// The tag was closed by a block break; reopened copies were dropped there.
}

func (r *renderer) addText(s string) {
	if r.inPre == 0 {
		r.text.WriteString(s)
	} else {
		r.text.WriteString(s)
	}
	r.html.WriteString(html.EscapeString(s))
	if r.inLink {
		n, _ := measure(s)
		r.linkText += n
	}
}

// flush ends the current block, if it has text.
func (r *renderer) flush() {
	raw := r.text.String()
	var txt string
	if r.inPre > 0 {
		txt = strings.Trim(raw, "\n")
	} else {
		txt = collapseLines(raw)
	}
	inner := r.html.String()
	for i := len(r.inline) - 1; i >= 0; i-- {
		inner += "</" + r.inline[i] + ">"
	}
	r.inline = r.inline[:0]
	r.text.Reset()
	r.html.Reset()
	link := r.linkText
	r.linkText = 0
	if strings.TrimSpace(txt) == "" {
		return
	}
	b := block{kind: kindP, text: txt, html: strings.TrimSpace(inner), quote: r.quote > 0, src: -1, linkText: link}
	for i := len(r.stack) - 1; i >= 0; i-- {
		f := r.stack[i]
		if b.src < 0 {
			b.src = f.idx
		}
		switch f.n.DataAtom {
		case atom.H1, atom.H2:
			b.kind, b.heading, b.h1 = kindH2, true, f.n.DataAtom == atom.H1
		case atom.H3:
			b.kind, b.heading = kindH3, true
		case atom.H4, atom.H5, atom.H6:
			b.kind, b.heading = kindH4, true
		case atom.Li, atom.Dd, atom.Dt:
			if r.listIdx != -1 {
				b.kind, b.list, b.ordered = kindLI, r.listIdx, r.ordered
			}
		case atom.Pre:
			b.kind = kindPre
		case atom.Figcaption:
			if r.figure != nil {
				b.kind = kindCaption
			}
		default:
			continue
		}
		break
	}
	if b.kind == kindCaption {
		r.figure.caption = append(r.figure.caption, b.html)
		r.figure.capText = append(r.figure.capText, b.text)
		return
	}
	r.blocks = append(r.blocks, b)
}

// collapseLines folds white space within lines and keeps single line breaks from <br>.
func collapseLines(s string) string {
	if !strings.Contains(s, "\n") {
		return collapseSpace(s)
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = collapseSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// image records an <img>: inside a figure it joins the figure, elsewhere it becomes one.
func (r *renderer) image(n *html.Node, idx int32) {
	src := imageSource(n)
	if src == "" || isTracker(n) {
		return
	}
	src = r.absURL(src)
	if src == "" {
		return
	}
	alt := attr(n, "alt")
	if isDecorativeAlt(alt) {
		alt = ""
	}
	tag := `<img src="` + html.EscapeString(src) + `" alt="` + html.EscapeString(collapseSpace(alt)) + `">`
	if r.figure != nil {
		r.figure.imgs = append(r.figure.imgs, tag)
		return
	}
	r.blocks = append(r.blocks, block{kind: kindFigure, html: "<figure>" + tag + "</figure>", src: idx})
}

func (r *renderer) emitFigure() {
	f := r.figure
	r.figure = nil
	if len(f.imgs) == 0 {
		// A figure without an image (an embed we removed): its caption is plain text.
		for i, t := range f.capText {
			r.blocks = append(r.blocks, block{kind: kindP, text: t, html: f.caption[i], src: f.src})
		}
		return
	}
	var b strings.Builder
	b.WriteString("<figure>")
	for _, img := range f.imgs {
		b.WriteString(img)
	}
	capText := strings.Join(f.capText, " ")
	if capText != "" {
		b.WriteString("<figcaption>")
		b.WriteString(strings.Join(f.caption, " "))
		b.WriteString("</figcaption>")
	}
	b.WriteString("</figure>")
	// The caption stays in the HTML but not in the text: it describes the picture, not the story.
	r.blocks = append(r.blocks, block{kind: kindFigure, caption: capText, html: b.String(), src: f.src})
}

// imageSource picks the real image URL, looking past lazy-loading placeholders.
func imageSource(n *html.Node) string {
	src := attr(n, "src")
	for _, k := range []string{"data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src"} {
		if v := attr(n, k); v != "" && (src == "" || strings.HasPrefix(src, "data:") || strings.Contains(src, "placeholder") || strings.Contains(src, "blank")) {
			return v
		}
	}
	if src == "" || strings.HasPrefix(src, "data:") {
		if ss := attr(n, "srcset"); ss != "" {
			first := strings.TrimSpace(strings.Split(ss, ",")[0])
			if f := strings.Fields(first); len(f) > 0 {
				return f[0]
			}
		}
		return ""
	}
	return src
}

// isTracker reports 1×1 pixels and similar non-images.
func isTracker(n *html.Node) bool {
	w, h := attr(n, "width"), attr(n, "height")
	return w == "1" || h == "1" || w == "0" || h == "0"
}

// absURL resolves ref against the page URL; it returns "" for scripts and unparsable URLs.
func (r *renderer) absURL(ref string) string {
	return absURL(r.base, ref)
}

func absURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	switch u.Scheme {
	case "http", "https", "mailto":
		return u.String()
	case "":
		if base == nil || base.Scheme == "" {
			return u.String()
		}
	}
	return ""
}
