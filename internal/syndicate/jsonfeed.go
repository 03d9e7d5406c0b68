package syndicate

import (
	"encoding/json"
	"io"
)

// JSON Feed 1.1: https://www.jsonfeed.org/version/1.1/
type jsonFeed struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url,omitempty"`
	FeedURL     string       `json:"feed_url,omitempty"`
	Description string       `json:"description,omitempty"`
	Language    string       `json:"language,omitempty"`
	Authors     []jsonAuthor `json:"authors,omitempty"`
	Items       []jsonItem   `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url,omitempty"`
	ExternalURL   string       `json:"external_url,omitempty"`
	Title         string       `json:"title,omitempty"`
	ContentText   string       `json:"content_text"` // an item needs content_text or content_html
	Summary       string       `json:"summary,omitempty"`
	Image         string       `json:"image,omitempty"`
	DatePublished string       `json:"date_published,omitempty"`
	DateModified  string       `json:"date_modified,omitempty"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
}

func writeJSON(w io.Writer, f Feed, self string) error {
	doc := jsonFeed{
		Version:     "https://jsonfeed.org/version/1.1",
		Title:       clean(f.Title),
		HomePageURL: f.Home,
		FeedURL:     self,
		Description: clean(f.Description),
		Language:    f.Language,
		Items:       make([]jsonItem, 0, len(f.Items)),
	}
	if f.Author != "" {
		doc.Authors = []jsonAuthor{{Name: clean(f.Author)}}
	}
	for _, it := range f.Items {
		ji := jsonItem{
			ID:            it.ID,
			URL:           it.Link,
			Title:         clean(it.Title),
			ContentText:   clean(it.Summary),
			Summary:       clean(it.Summary),
			Image:         it.ImageURL,
			DatePublished: atomDate(it.Published),
			Tags:          cleanAll(it.Categories),
		}
		if it.External != it.Link {
			ji.ExternalURL = it.External
		}
		if it.Updated.After(it.Published) {
			ji.DateModified = atomDate(it.Updated)
		}
		if it.Author != "" {
			ji.Authors = []jsonAuthor{{Name: clean(it.Author)}}
		}
		doc.Items = append(doc.Items, ji)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(doc)
}
