// Package feed turns the bytes of an RSS, Atom or JSON feed into a small, normalised Feed, finds
// the feeds a web page advertises, and reads and writes OPML subscription lists.
//
// Parsing is delegated to gofeed; this package owns everything around it that real feeds need:
// charset repair before the XML decoder sees the bytes, a recover around the parser (gofeed
// panics on some JSON), plain-text titles and summaries, absolute links, UTC dates with a
// fallback for undated items, and errors in words an operator can act on. See docs/feeds.md.
package feed

import (
	"errors"
	"time"
)

// Errors returned by Parse. Malformed input wraps ErrMalformed with the parser's detail.
var (
	ErrEmpty         = errors.New("the feed is empty")
	ErrNotFeed       = errors.New("this is an HTML page, not a feed (try the site URL to discover its feed)")
	ErrUnknownFormat = errors.New("the document is not an RSS, Atom or JSON feed")
	ErrMalformed     = errors.New("the feed could not be parsed")
)

// Feed is a parsed feed. Text fields are plain text; links are absolute.
type Feed struct {
	Title       string        `json:"title"`
	Link        string        `json:"link"` // the site the feed belongs to
	Description string        `json:"description,omitempty"`
	Language    string        `json:"language,omitempty"`
	TTL         time.Duration `json:"-"` // how long the publisher asks readers to wait between polls; 0 when unsaid
	ImageURL    string        `json:"image_url,omitempty"`
	Format      string        `json:"format"` // "rss 2.0", "atom 1.0", "json 1.1"…
	Items       []Item        `json:"items"`
}

// Item is one entry of a feed, in document order. Nothing is deduplicated here.
type Item struct {
	Title      string    `json:"title"`
	Link       string    `json:"link"`
	GUID       string    `json:"guid"` // the feed's id for the item, or its link when it has none
	Published  time.Time `json:"published"`
	Updated    time.Time `json:"updated"`
	Author     string    `json:"author,omitempty"`
	Summary    string    `json:"summary,omitempty"` // plain text, at most about SummaryMaxChars
	Content    string    `json:"content,omitempty"` // HTML as the publisher wrote it; not sanitised
	Categories []string  `json:"categories,omitempty"`
	ImageURL   string    `json:"image_url,omitempty"`
}

// Options tune Parse.
type Options struct {
	// BaseURL is where the feed was fetched from; relative links that no xml:base or feed link
	// resolves are resolved against it.
	BaseURL string
	// Now is given to items without any date. Zero means time.Now().
	Now time.Time
	// ContentType is the HTTP Content-Type header, if any. Its charset is used only when the
	// document itself declares none (a BOM or an XML declaration wins).
	ContentType string
}
