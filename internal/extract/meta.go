package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metadata is what the page says about itself, gathered before the body is pruned.
type metadata struct {
	props     map[string]string // first value of each meta name/property/itemprop, lower-cased key
	title     string            // <title>
	h1s       []string
	lang      string // from <html lang> or content-language
	ld        ldInfo
	canonical string
	imageSrc  string // <link rel=image_src>

	elements int // elements in the document, to size later walks

	times    []timeCand // <time> and itemprop dates in the body, in document order
	bylines  []string   // texts of rel=author, itemprop=author and byline-classed elements
	dateText []string   // texts of date-classed elements
}

type timeCand struct {
	value     string
	published bool // marked as the publication time (pubdate, itemprop, class)
	modified  bool
}

// Class and id words that mark bylines and dates, in the languages we read.
var (
	bylineClasses = []string{"byline", "author", "autor", "auteur", "firma", "verfasser", "signature", "firmante"}
	dateClasses   = []string{"date", "datum", "fecha", "publish", "timestamp", "dateline", "pubdate", "data-pub", "zeit"}
)

// metaClassMatcher finds the class and id words metadata cares about in one pass.
var metaClassMatcher = newSubstrMatcher(bylineClasses, dateClasses, []string{"comment", "respond"},
	[]string{"bio", "avatar", "image"}, []string{"update"})

// The bits of metaClassMatcher's sets.
const (
	metaByline    = 1 << iota
	metaDate      // date-classed text
	metaComments  // a comment section: its "author" elements name commenters
	metaNotByline // an author's bio or picture, not the byline
	metaUpdate    // the modification date
)

// readMetadata walks the whole document once.
func readMetadata(doc *html.Node) metadata {
	m := metadata{props: make(map[string]string, 32)}
	m.walk(doc, false)
	return m
}

func (m *metadata) setProp(key, val string) {
	key = strings.ToLower(strings.TrimSpace(key))
	val = strings.TrimSpace(val)
	if key == "" || val == "" {
		return
	}
	if _, ok := m.props[key]; !ok {
		m.props[key] = val
	}
}

func (m *metadata) walk(n *html.Node, inBody bool) {
	m.walkIn(n, inBody, false)
}

// walkIn visits n; inComments is set under comment sections and forms, whose "author"
// elements name commenters, not the writer.
func (m *metadata) walkIn(n *html.Node, inBody, inComments bool) {
	if n.Type == html.ElementNode {
		m.elements++
		switch n.DataAtom {
		case atom.Html:
			if l := attr(n, "lang"); l != "" {
				m.lang = l
			} else if l := attr(n, "xml:lang"); l != "" {
				m.lang = l
			}
		case atom.Body:
			inBody = true
		case atom.Title:
			if m.title == "" && !inBody {
				m.title = textOf(n)
			}
			return
		case atom.Meta:
			content := attr(n, "content")
			for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
				if v := attr(n, k); v != "" {
					m.setProp(v, content)
				}
			}
			return
		case atom.Link:
			rel := strings.ToLower(attr(n, "rel"))
			switch {
			case rel == "canonical" && m.canonical == "":
				m.canonical = attr(n, "href")
			case rel == "image_src" && m.imageSrc == "":
				m.imageSrc = attr(n, "href")
			case rel == "author" && inBody:
				m.bylines = append(m.bylines, textOf(n))
			}
			return
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				m.ld.parse(n.FirstChild.Data)
			}
			return
		case atom.Style, atom.Noscript, atom.Template, atom.Svg:
			return
		case atom.H1:
			if t := textOf(n); t != "" && len(m.h1s) < 8 {
				m.h1s = append(m.h1s, t)
			}
		case atom.Time:
			v := attr(n, "datetime")
			if v == "" {
				v = textOf(n)
			}
			hint := strings.ToLower(attr(n, "class") + " " + attr(n, "itemprop") + " " + attr(n, "id"))
			m.times = append(m.times, timeCand{
				value:     v,
				published: hasAttr(n, "pubdate") || strings.Contains(hint, "publish") || strings.Contains(hint, "created"),
				modified:  strings.Contains(hint, "modif") || strings.Contains(hint, "updated"),
			})
		case atom.A:
			if strings.Contains(strings.ToLower(attr(n, "rel")), "author") {
				m.bylines = append(m.bylines, textOf(n))
			}
		}
		if ip := attr(n, "itemprop"); ip != "" && inBody {
			switch ip {
			case "datePublished", "dateCreated":
				v := attr(n, "content")
				if v == "" {
					v = attr(n, "datetime")
				}
				if v == "" {
					v = textOf(n)
				}
				m.times = append(m.times, timeCand{value: v, published: true})
			case "dateModified":
				v := attr(n, "content")
				if v == "" {
					v = attr(n, "datetime")
				}
				m.times = append(m.times, timeCand{value: v, modified: true})
			case "author", "creator":
				if t := textOf(n); t != "" && len(t) < 200 {
					m.bylines = append(m.bylines, t)
				}
			}
		}
		if inBody {
			bits := metaClassMatcher.match(attr(n, "class")) | metaClassMatcher.match(attr(n, "id"))
			if n.DataAtom == atom.Form || bits&metaComments != 0 {
				inComments = true
			}
			if bits&metaByline != 0 && !inComments && len(m.bylines) < 16 && bits&metaNotByline == 0 {
				if t := textOf(n); t != "" && len(t) < 200 {
					m.bylines = append(m.bylines, t)
				}
			}
			if bits&metaDate != 0 && len(m.dateText) < 16 && n.DataAtom != atom.Time && bits&metaUpdate == 0 {
				if t := textOf(n); t != "" && len(t) < 120 {
					m.dateText = append(m.dateText, t)
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.walkIn(c, inBody, inComments)
	}
}

// prop returns the first non-empty property among keys.
func (m *metadata) prop(keys ...string) string {
	for _, k := range keys {
		if v := m.props[k]; v != "" {
			return v
		}
	}
	return ""
}
