package feed

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

type opmlDoc struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Title   string   `xml:"head>title"`
	Body    opmlBody `xml:"body"`
}

type opmlBody struct {
	Outlines []*opmlOutline `xml:"outline"`
}

type opmlOutline struct {
	Type     string         `xml:"type,attr,omitempty"`
	Text     string         `xml:"text,attr"`
	Title    string         `xml:"title,attr,omitempty"`
	XMLURL   string         `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string         `xml:"htmlUrl,attr,omitempty"`
	Children []*opmlOutline `xml:"outline"`
}

// WriteOPML writes an OPML 2.0 subscription list. Feeds with a Category go into folders, a
// category "a/b" into folder b inside folder a, so that ParseOPML reads the same list back.
// Folders and feeds keep the order in which they first appear.
func WriteOPML(w io.Writer, title string, outlines []Outline) error {
	doc := opmlDoc{Version: "2.0", Title: title}
	folders := map[string]*opmlOutline{} // by full path
	for _, o := range outlines {
		feed := &opmlOutline{Type: "rss", Text: o.Title, Title: o.Title, XMLURL: o.XMLURL, HTMLURL: o.HTMLURL}
		parent := &doc.Body.Outlines
		path := ""
		for _, name := range strings.Split(o.Category, "/") {
			if name = strings.TrimSpace(name); name == "" {
				continue
			}
			path += "/" + name
			f, ok := folders[path]
			if !ok {
				f = &opmlOutline{Text: name, Title: name}
				folders[path] = f
				*parent = append(*parent, f)
			}
			parent = &f.Children
		}
		*parent = append(*parent, feed)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("opml: write: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("opml: write: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("opml: write: %w", err)
	}
	return nil
}
