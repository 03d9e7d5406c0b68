package demo

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"time"
)

// feedItem is one released article as every feed format needs it.
type feedItem struct {
	Title, URL, Summary, Author, Section, Image, Slug string
	Published                                         time.Time
}

// feedData is a publisher's feed at one instant.
type feedData struct {
	Site    *site
	Base    string
	Self    string
	Home    string
	Updated time.Time
	Items   []feedItem // newest first
}

func (s *Simulator) serveFeed(w http.ResponseWriter, r *http.Request, st *site) {
	base := baseURL(r)
	es, ts := s.releasedOf(st.Slug, s.now())
	d := feedData{Site: st, Base: base, Self: base + st.FeedPath, Home: base + st.HomePath, Updated: s.sch.start}
	if len(ts) > 0 {
		d.Updated = ts[0]
	}
	for k, e := range es {
		d.Items = append(d.Items, feedItem{
			Title: e.Title, URL: base + e.Path, Summary: e.Summary, Author: bylineName(e.Byline),
			Section: e.Section, Image: base + e.ImageURL, Slug: e.Slug, Published: ts[k],
		})
	}
	var (
		body  []byte
		ctype string
		err   error
	)
	switch st.FeedFormat {
	case FormatAtom:
		body, err = atomFeed(d)
		ctype = "application/atom+xml; charset=utf-8"
	case FormatJSONFeed:
		body, err = jsonFeed(d)
		ctype = "application/feed+json; charset=utf-8"
	case FormatRSS1:
		body, err = rss1Feed(d)
		ctype = "application/rdf+xml; charset=utf-8"
	default:
		body, err = rss2Feed(d)
		ctype = "application/rss+xml; charset=utf-8"
	}
	if err != nil {
		http.Error(w, "feed error", http.StatusInternalServerError)
		s.log.Error("demo: render feed", "publisher", st.Slug, "error", err)
		return
	}
	// A short max-age tells a polite reader it may come back as often as articles appear.
	serveBody(w, r, ctype, body, d.Updated, max(1, int(s.interval/time.Second)))
}

func marshalXML(v any) ([]byte, error) {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}

type rss2Doc struct {
	XMLName xml.Name    `xml:"rss"`
	Version string      `xml:"version,attr"`
	NSAtom  string      `xml:"xmlns:atom,attr"`
	NSDC    string      `xml:"xmlns:dc,attr"`
	NSMedia string      `xml:"xmlns:media,attr"`
	Channel rss2Channel `xml:"channel"`
}

type rss2Channel struct {
	Title       string     `xml:"title"`
	Link        string     `xml:"link"`
	AtomLink    atomLink   `xml:"atom:link"`
	Description string     `xml:"description"`
	Language    string     `xml:"language"`
	Copyright   string     `xml:"copyright"`
	LastBuild   string     `xml:"lastBuildDate"`
	TTL         int        `xml:"ttl"`
	Image       rss2Image  `xml:"image"`
	Items       []rss2Item `xml:"item"`
}

type rss2Image struct {
	URL   string `xml:"url"`
	Title string `xml:"title"`
	Link  string `xml:"link"`
}

type rss2GUID struct {
	Value     string `xml:",chardata"`
	Permalink string `xml:"isPermaLink,attr"`
}

type mediaContent struct {
	URL    string `xml:"url,attr"`
	Medium string `xml:"medium,attr"`
	Type   string `xml:"type,attr"`
}

type rss2Item struct {
	Title       string       `xml:"title"`
	Link        string       `xml:"link"`
	GUID        rss2GUID     `xml:"guid"`
	PubDate     string       `xml:"pubDate"`
	Creator     string       `xml:"dc:creator,omitempty"`
	Category    string       `xml:"category"`
	Description string       `xml:"description"`
	Media       mediaContent `xml:"media:content"`
}

func rss2Feed(d feedData) ([]byte, error) {
	ch := rss2Channel{
		Title: d.Site.Name, Link: d.Home, Description: d.Site.Tagline, Language: d.Site.Language,
		AtomLink:  atomLink{Href: d.Self, Rel: "self", Type: "application/rss+xml"},
		Copyright: "© " + d.Site.Name, LastBuild: d.Updated.In(d.Site.Zone).Format(time.RFC1123Z), TTL: 5,
		Image: rss2Image{URL: d.Base + d.Site.LogoPath, Title: d.Site.Name, Link: d.Home},
	}
	for _, it := range d.Items {
		// The French site uses opaque GUIDs, as many CMSs do; the other uses its permalinks.
		guid := rss2GUID{Value: it.URL, Permalink: "true"}
		if d.Site.Language == "fr" {
			guid = rss2GUID{Value: d.Site.Slug + ":article:" + it.Slug, Permalink: "false"}
		}
		ch.Items = append(ch.Items, rss2Item{
			Title: it.Title, Link: it.URL, GUID: guid, PubDate: it.Published.In(d.Site.Zone).Format(time.RFC1123Z),
			Creator: it.Author, Category: it.Section, Description: it.Summary,
			Media: mediaContent{URL: it.Image, Medium: "image", Type: "image/svg+xml"},
		})
	}
	return marshalXML(rss2Doc{
		Version: "2.0", NSAtom: "http://www.w3.org/2005/Atom", NSDC: "http://purl.org/dc/elements/1.1/",
		NSMedia: "http://search.yahoo.com/mrss/", Channel: ch,
	})
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomDoc struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr"`
	ID       string      `xml:"id"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Icon     string      `xml:"icon"`
	Logo     string      `xml:"logo"`
	Entries  []atomEntry `xml:"entry"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	ID        string       `xml:"id"`
	Title     atomText     `xml:"title"`
	Links     []atomLink   `xml:"link"`
	Published string       `xml:"published"`
	Updated   string       `xml:"updated"`
	Author    *atomPerson  `xml:"author,omitempty"`
	Category  atomCategory `xml:"category"`
	Summary   atomText     `xml:"summary"`
}

func atomFeed(d feedData) ([]byte, error) {
	tag := "tag:" + d.Site.Slug + ".example,2025:"
	doc := atomDoc{
		Lang: d.Site.Language, ID: tag + "feed", Title: d.Site.Name, Subtitle: d.Site.Tagline,
		Updated: d.Updated.Format(time.RFC3339),
		Links: []atomLink{
			{Href: d.Self, Rel: "self", Type: "application/atom+xml"},
			{Href: d.Home, Rel: "alternate", Type: "text/html"},
		},
		Icon: d.Base + d.Site.FaviconPath, Logo: d.Base + d.Site.LogoPath,
	}
	for _, it := range d.Items {
		e := atomEntry{
			ID: tag + "article/" + it.Slug, Title: atomText{Type: "text", Value: it.Title},
			Links: []atomLink{
				{Href: it.URL, Rel: "alternate", Type: "text/html"},
				{Href: it.Image, Rel: "enclosure", Type: "image/svg+xml"},
			},
			Published: it.Published.In(d.Site.Zone).Format(time.RFC3339),
			Updated:   it.Published.In(d.Site.Zone).Format(time.RFC3339),
			Category:  atomCategory{Term: it.Section},
			Summary:   atomText{Type: "text", Value: it.Summary},
		}
		if it.Author != "" {
			e.Author = &atomPerson{Name: it.Author}
		}
		doc.Entries = append(doc.Entries, e)
	}
	return marshalXML(doc)
}

type rdfDoc struct {
	XMLName xml.Name   `xml:"rdf:RDF"`
	NSRDF   string     `xml:"xmlns:rdf,attr"`
	NS      string     `xml:"xmlns,attr"`
	NSDC    string     `xml:"xmlns:dc,attr"`
	Channel rdfChannel `xml:"channel"`
	Items   []rdfItem  `xml:"item"`
}

type rdfResource struct {
	Resource string `xml:"rdf:resource,attr"`
}

type rdfChannel struct {
	About       string        `xml:"rdf:about,attr"`
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	Description string        `xml:"description"`
	Language    string        `xml:"dc:language"`
	Date        string        `xml:"dc:date"`
	Items       []rdfResource `xml:"items>rdf:Seq>rdf:li"`
}

type rdfItem struct {
	About       string `xml:"rdf:about,attr"`
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	Description string `xml:"description"`
	Date        string `xml:"dc:date"`
	Creator     string `xml:"dc:creator,omitempty"`
	Subject     string `xml:"dc:subject"`
}

func rss1Feed(d feedData) ([]byte, error) {
	doc := rdfDoc{
		NSRDF: "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS: "http://purl.org/rss/1.0/",
		NSDC: "http://purl.org/dc/elements/1.1/",
		Channel: rdfChannel{
			About: d.Self, Title: d.Site.Name, Link: d.Home, Description: d.Site.Tagline,
			Language: d.Site.Language, Date: d.Updated.Format(time.RFC3339),
		},
	}
	for _, it := range d.Items {
		doc.Channel.Items = append(doc.Channel.Items, rdfResource{Resource: it.URL})
		doc.Items = append(doc.Items, rdfItem{
			About: it.URL, Title: it.Title, Link: it.URL, Description: it.Summary,
			Date: it.Published.In(d.Site.Zone).Format(time.RFC3339), Creator: it.Author, Subject: it.Section,
		})
	}
	return marshalXML(doc)
}

type jsonFeedDoc struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	HomePageURL string         `json:"home_page_url"`
	FeedURL     string         `json:"feed_url"`
	Description string         `json:"description"`
	Icon        string         `json:"icon"`
	Favicon     string         `json:"favicon"`
	Language    string         `json:"language"`
	Items       []jsonFeedItem `json:"items"`
}

type jsonFeedAuthor struct {
	Name string `json:"name"`
}

type jsonFeedItem struct {
	ID            string           `json:"id"`
	URL           string           `json:"url"`
	Title         string           `json:"title"`
	Summary       string           `json:"summary"`
	ContentText   string           `json:"content_text"`
	Image         string           `json:"image"`
	DatePublished string           `json:"date_published"`
	Authors       []jsonFeedAuthor `json:"authors,omitempty"`
	Tags          []string         `json:"tags"`
}

func jsonFeed(d feedData) ([]byte, error) {
	doc := jsonFeedDoc{
		Version: "https://jsonfeed.org/version/1.1", Title: d.Site.Name, HomePageURL: d.Home, FeedURL: d.Self,
		Description: d.Site.Tagline, Icon: d.Base + d.Site.LogoPath, Favicon: d.Base + d.Site.FaviconPath,
		Language: d.Site.Language, Items: []jsonFeedItem{},
	}
	for _, it := range d.Items {
		item := jsonFeedItem{
			ID: it.URL, URL: it.URL, Title: it.Title, Summary: it.Summary, ContentText: it.Summary,
			Image: it.Image, DatePublished: it.Published.Format(time.RFC3339), Tags: []string{it.Section},
		}
		if it.Author != "" {
			item.Authors = []jsonFeedAuthor{{Name: it.Author}}
		}
		doc.Items = append(doc.Items, item)
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
