package api

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"newsdesk/internal/store"
	"newsdesk/internal/story"
)

// The shapes of the API's answers; openapi.json describes the same shapes, and a test holds
// the two together.

// articleJSON is an article in a list: no body.
type articleJSON struct {
	ID          int64        `json:"id"`
	Title       string       `json:"title"`
	URL         string       `json:"url"`  // the publisher's original
	Link        string       `json:"link"` // our article page
	Byline      string       `json:"byline,omitempty"`
	Published   time.Time    `json:"published"`
	Updated     *time.Time   `json:"updated,omitempty"`
	Language    string       `json:"language,omitempty"`
	Image       string       `json:"image,omitempty"`
	Snippet     string       `json:"snippet,omitempty"`
	WordCount   int          `json:"word_count"`
	Publisher   publisherRef `json:"publisher"`
	Story       *storyRef    `json:"story,omitempty"`
	DuplicateOf int64        `json:"duplicate_of,omitempty"`
	Detail      string       `json:"api"` // this article's own API URL
}

// articleDetailJSON is one article with what its page shows.
type articleDetailJSON struct {
	articleJSON
	KeyPoints []string  `json:"key_points"`
	Tags      []tagJSON `json:"tags"`
	Text      string    `json:"text"`
	HTML      string    `json:"html"` // sanitised at ingest
}

type publisherRef struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Logo    string `json:"logo,omitempty"`
	Country string `json:"country,omitempty"`
}

type storyRef struct {
	ID   int64  `json:"id"`
	Link string `json:"link"` // the story's full-coverage page
	API  string `json:"api"`
}

type tagJSON struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	Link string `json:"link"`
	API  string `json:"api"`
}

// listJSON is every paged list.
type listJSON[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next,omitempty"`
}

func (h *Handler) newArticle(a store.Article) articleJSON {
	out := articleJSON{
		ID:          a.ID,
		Title:       a.Title,
		URL:         a.URL,
		Link:        h.abs(articlePage(a.ID)),
		Byline:      a.Byline,
		Published:   published(a),
		Language:    a.Language,
		Image:       a.ImageURL,
		Snippet:     snippet(a),
		WordCount:   a.WordCount,
		Publisher:   publisherRef{ID: a.PublisherID, Name: publisherName(a), Logo: a.PublisherLogo, Country: a.PublisherCountry},
		DuplicateOf: a.DuplicateOf,
		Detail:      h.abs("/api/v1/articles/" + strconv.FormatInt(a.ID, 10)),
	}
	if !a.Updated.IsZero() && a.Updated.After(a.Published) {
		u := a.Updated.UTC()
		out.Updated = &u
	}
	if a.StoryID != 0 {
		out.Story = &storyRef{ID: a.StoryID, Link: h.abs(storyPage(a.StoryID)), API: h.abs(storyAPI(a.StoryID))}
	}
	return out
}

func (h *Handler) newArticles(arts []store.Article) []articleJSON {
	out := make([]articleJSON, 0, len(arts))
	for _, a := range arts {
		out = append(out, h.newArticle(a))
	}
	return out
}

func (h *Handler) newTags(tags []store.Tag) []tagJSON {
	out := make([]tagJSON, 0, len(tags))
	for _, t := range tags {
		out = append(out, tagJSON{Name: t.Name, Kind: t.Kind, Link: h.abs(tagPage(t.Name)), API: h.abs(tagAPI(t.Name))})
	}
	return out
}

// published is when an article appeared: its date, or when we fetched it if it had none.
func published(a store.Article) time.Time {
	if a.Published.IsZero() {
		return a.Fetched.UTC()
	}
	return a.Published.UTC()
}

func publisherName(a store.Article) string {
	switch {
	case a.PublisherName != "":
		return a.PublisherName
	case a.SiteName != "":
		return a.SiteName
	}
	if u, err := url.Parse(a.URL); err == nil {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return ""
}

// snippetRunes bounds a snippet made from an article's text.
const snippetRunes = 300

// snippet is the article's own snippet, else the start of its text (lists carry no text, so
// there it is the stored snippet or nothing).
func snippet(a store.Article) string {
	if s := strings.TrimSpace(a.Snippet); s != "" {
		return s
	}
	text := strings.Join(strings.Fields(a.Text), " ")
	if utf8.RuneCountInString(text) <= snippetRunes {
		return text
	}
	n := 0
	for i := range text {
		if n == snippetRunes {
			text = text[:i]
			break
		}
		n++
	}
	if j := strings.LastIndexByte(text, ' '); j > len(text)/2 {
		text = text[:j]
	}
	return strings.TrimRight(text, " ,;:.-–—") + "…"
}

// candidate is an article as the story engine's Related and Coverage see it.
func candidate(a store.Article) story.Candidate {
	return story.Candidate{
		Item: story.Item{
			ID:        a.ID,
			Title:     a.Title,
			Text:      snippet(a),
			Publisher: publisherName(a),
			URL:       a.URL,
			Language:  a.Language,
			Country:   a.PublisherCountry,
			Published: published(a),
		},
		Story:       a.StoryID,
		DuplicateOf: a.DuplicateOf,
	}
}

// abs makes a site path absolute under the base URL.
func (h *Handler) abs(path string) string { return h.base + path }

// The site's pages, as the web package routes them.
func articlePage(id int64) string { return "/article/" + strconv.FormatInt(id, 10) }
func storyPage(id int64) string   { return "/story/" + strconv.FormatInt(id, 10) }
func tagPage(name string) string  { return "/tag/" + url.PathEscape(name) }

func storyAPI(id int64) string  { return "/api/v1/stories/" + strconv.FormatInt(id, 10) }
func tagAPI(name string) string { return "/api/v1/tags/" + url.PathEscape(name) }
