package syndicate

import (
	"html/template"
	"strings"
)

// Format is an outgoing feed format. Its value is the file name a feed is served under,
// after the page's path: /story/12 → /story/12/feed.xml.
type Format string

// The formats, in the order pages advertise them.
const (
	RSS  Format = "feed.xml"
	Atom Format = "feed.atom"
	JSON Format = "feed.json"
)

// Formats lists every format this package writes.
var Formats = []Format{RSS, Atom, JSON}

// ContentType is the media type a feed of this format is served with.
func (f Format) ContentType() string {
	switch f {
	case RSS:
		return "application/rss+xml; charset=utf-8"
	case Atom:
		return "application/atom+xml; charset=utf-8"
	case JSON:
		return "application/feed+json; charset=utf-8"
	}
	return "application/octet-stream"
}

// mediaType is the content type without parameters, as <link type> wants it.
func (f Format) mediaType() string {
	t, _, _ := strings.Cut(f.ContentType(), ";")
	return t
}

func (f Format) label() string {
	switch f {
	case RSS:
		return "RSS"
	case Atom:
		return "Atom"
	case JSON:
		return "JSON Feed"
	}
	return string(f)
}

// Path is where the feed of the page at pagePath lives: the site root's feed is /feed.xml,
// a story's is /story/12/feed.xml. pagePath is a path, already escaped.
func Path(pagePath string, f Format) string {
	return strings.TrimRight(pagePath, "/") + "/" + string(f)
}

// Alternate is one <link rel="alternate"> a page advertises.
type Alternate struct {
	Type  string // media type
	Title string
	Href  string // absolute
}

// Alternates returns the feeds a page at pagePath advertises, one per format, with absolute
// URLs under base (Config.BaseURL) and titled after the page ("Newsdesk — Harbour").
// Pages that have feeds: the front page ("/"), /story/{id} and /tag/{name}; editions and
// sections join them when the api package serves their feeds.
func Alternates(base, pagePath, title string) []Alternate {
	base = strings.TrimRight(base, "/")
	out := make([]Alternate, 0, len(Formats))
	for _, f := range Formats {
		out = append(out, Alternate{Type: f.mediaType(), Title: title + " (" + f.label() + ")", Href: base + Path(pagePath, f)})
	}
	return out
}

// AlternateLinks is Alternates as the HTML a layout puts in <head>, escaped.
func AlternateLinks(base, pagePath, title string) template.HTML {
	var b strings.Builder
	for _, a := range Alternates(base, pagePath, title) {
		b.WriteString(`<link rel="alternate" type="`)
		b.WriteString(template.HTMLEscapeString(a.Type))
		b.WriteString(`" title="`)
		b.WriteString(template.HTMLEscapeString(a.Title))
		b.WriteString(`" href="`)
		b.WriteString(template.HTMLEscapeString(a.Href))
		b.WriteString("\">\n")
	}
	return template.HTML(b.String())
}
