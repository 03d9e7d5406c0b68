package api

import (
	"bytes"
	"fmt"
	"net/http"

	"newsdesk/internal/store"
	"newsdesk/internal/syndicate"
)

// feedItems is how many articles a feed carries.
const feedItems = 50

// FeedPage is what a syndicated page's feed shows.
type FeedPage struct {
	Page        string // the HTML page the feed mirrors, a site path: "/story/12"
	Title       string // "Harbour"; the site's name is put in front
	Description string
	Language    string          // ISO 639-1 when the page has one language
	Articles    []store.Article // newest first
}

// FeedSource reads the feed of one page; path values are read from r. It returns
// store.ErrNotFound for a page that does not exist.
type FeedSource func(r *http.Request) (FeedPage, error)

// FeedRoute is a page with feeds: Page is a mux path ("/edition/{code}") whose feeds are
// served at syndicate.Path(Page, format) for every format.
type FeedRoute struct {
	Page   string
	Source FeedSource
}

// feed serves one page's feed in one format.
func (h *Handler) feed(src FeedSource, format syndicate.Format) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, err := src(r)
		if err != nil {
			h.fail(w, r, fmt.Errorf("feed %s: %w", r.URL.Path, err))
			return
		}
		f := syndicate.Feed{
			Title:       h.site,
			Description: p.Description,
			Home:        h.abs(p.Page),
			Language:    p.Language,
			Author:      h.site,
		}
		if p.Title != "" {
			f.Title = h.site + " — " + p.Title
		}
		for _, a := range p.Articles {
			f.Items = append(f.Items, h.feedItem(a))
		}
		var buf bytes.Buffer
		if err := syndicate.Write(&buf, f, format, h.abs(r.URL.EscapedPath())); err != nil {
			h.fail(w, r, err)
			return
		}
		h.writeBody(w, r, format.ContentType(), buf.Bytes(), cacheFeed)
	}
}

func (h *Handler) feedItem(a store.Article) syndicate.Item {
	link := h.abs(articlePage(a.ID))
	author := a.Byline
	if author == "" {
		author = publisherName(a)
	}
	return syndicate.Item{
		ID:        link,
		Link:      link,
		External:  a.URL,
		Title:     a.Title,
		Summary:   snippet(a),
		Author:    author,
		Publisher: publisherName(a),
		ImageURL:  a.ImageURL,
		Published: published(a),
		Updated:   a.Updated,
	}
}
