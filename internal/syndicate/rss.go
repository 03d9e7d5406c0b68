package syndicate

import (
	"encoding/xml"
	"io"
	"time"
)

// The RSS 2.0 document. Namespaced elements are written with their prefix spelled out:
// encoding/xml would otherwise invent prefixes that validators and old readers dislike.
type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	AtomNS  string     `xml:"xmlns:atom,attr"`
	DCNS    string     `xml:"xmlns:dc,attr"`
	MediaNS string     `xml:"xmlns:media,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate"`
	Generator     string    `xml:"generator"`
	Self          rssSelf   `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	GUID        rssGUID       `xml:"guid"`
	Description string        `xml:"description,omitempty"`
	Creator     string        `xml:"dc:creator,omitempty"`
	PubDate     string        `xml:"pubDate,omitempty"`
	Categories  []string      `xml:"category"`
	Media       *rssMediaItem `xml:"media:content"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssMediaItem struct {
	URL    string `xml:"url,attr"`
	Medium string `xml:"medium,attr"`
}

// rssDate is RFC 822 with a four-digit year and a numeric zone, as RSS 2.0 asks.
func rssDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC1123Z)
}

func writeRSS(w io.Writer, f Feed, self string) error {
	doc := rssDoc{
		Version: "2.0",
		AtomNS:  "http://www.w3.org/2005/Atom",
		DCNS:    "http://purl.org/dc/elements/1.1/",
		MediaNS: "http://search.yahoo.com/mrss/",
		Channel: rssChannel{
			Title:         asHTML(f.Title),
			Link:          f.Home,
			Description:   asHTML(orTitle(f.Description, f.Title)),
			Language:      f.Language,
			LastBuildDate: rssDate(f.lastUpdated()),
			Generator:     "newsdesk",
			Self:          rssSelf{Href: self, Rel: "self", Type: RSS.mediaType()},
		},
	}
	for _, it := range f.Items {
		ri := rssItem{
			Title:       asHTML(it.Title),
			Link:        it.Link,
			GUID:        rssGUID{IsPermaLink: it.ID == it.Link, Value: it.ID},
			Description: asHTML(it.Summary),
			Creator:     clean(it.Author),
			PubDate:     rssDate(it.Published),
			Categories:  cleanAll(it.Categories),
		}
		if it.ImageURL != "" {
			ri.Media = &rssMediaItem{URL: it.ImageURL, Medium: "image"}
		}
		doc.Channel.Items = append(doc.Channel.Items, ri)
	}
	return encodeXML(w, doc)
}

func encodeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func orTitle(s, title string) string {
	if s != "" {
		return s
	}
	return title
}
