package syndicate

import (
	"encoding/xml"
	"io"
	"time"
)

type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr,omitempty"`
	ID        string      `xml:"id"`
	Title     atomText    `xml:"title"`
	Subtitle  *atomText   `xml:"subtitle"`
	Updated   string      `xml:"updated"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Links     []atomLink  `xml:"link"`
	Entries   []atomEntry `xml:"entry"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      atomText       `xml:"title"`
	Links      []atomLink     `xml:"link"`
	Published  string         `xml:"published,omitempty"`
	Updated    string         `xml:"updated"`
	Author     *atomPerson    `xml:"author"`
	Summary    *atomText      `xml:"summary"`
	Categories []atomCategory `xml:"category"`
}

func atomDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func writeAtom(w io.Writer, f Feed, self string) error {
	doc := atomFeed{
		Lang:      f.Language,
		ID:        self,
		Title:     atomText{Type: "html", Value: asHTML(f.Title)},
		Updated:   atomDate(f.lastUpdated()),
		Author:    atomPerson{Name: clean(orTitle(f.Author, f.Title))}, // every entry then has an author
		Generator: "newsdesk",
		Links: []atomLink{
			{Rel: "alternate", Type: "text/html", Href: f.Home},
			{Rel: "self", Type: Atom.mediaType(), Href: self},
		},
	}
	if f.Description != "" {
		doc.Subtitle = &atomText{Type: "html", Value: asHTML(f.Description)}
	}
	for _, it := range f.Items {
		e := atomEntry{
			ID:        it.ID,
			Title:     atomText{Type: "html", Value: asHTML(it.Title)},
			Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: it.Link}},
			Published: atomDate(it.Published),
			Updated:   atomDate(it.updated()),
		}
		if e.Updated == "" { // required; an undated article is as old as the feed says
			e.Updated = doc.Updated
		}
		if it.External != "" && it.External != it.Link {
			e.Links = append(e.Links, atomLink{Rel: "related", Type: "text/html", Href: it.External})
		}
		if it.ImageURL != "" {
			e.Links = append(e.Links, atomLink{Rel: "enclosure", Href: it.ImageURL})
		}
		if it.Author != "" {
			e.Author = &atomPerson{Name: clean(it.Author)}
		}
		if it.Summary != "" {
			e.Summary = &atomText{Type: "html", Value: asHTML(it.Summary)}
		}
		for _, c := range it.Categories {
			e.Categories = append(e.Categories, atomCategory{Term: clean(c)})
		}
		doc.Entries = append(doc.Entries, e)
	}
	return encodeXML(w, doc)
}
