package web

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"newsdesk/internal/store"
)

// The view types hold exactly what templates print, computed in Go so that templates stay
// free of logic and the computations can be tested on their own.

// layoutView is the data of every page: the frame around the page's own Content.
type layoutView struct {
	Site        string
	Title       string // page title, before " · Site"; empty on the front page
	Description string
	Canonical   string        // path of the canonical URL
	NoIndex     bool          // pages made from a reader's input (questions) are kept out of search engines
	Accounts    bool          // accounts are on: the header links to sign-in or the account
	Me          *meView       // the signed-in viewer; nil on anonymous and cached pages
	Lang        string        // the page's language; "" is English
	Edition     *editionNav   // the header's edition switcher; nil without editions
	SearchQuery string        // the header search box's words, on the search page
	HrefLangs   []editionLink // the same page in every edition, on edition front pages
	Content     any
}

// timeView is a moment printed as relative words inside <time datetime>.
type timeView struct {
	Rel  string // "9 minutes ago"; empty when the time is unknown
	ISO  string // RFC 3339, for the datetime attribute
	Full string // the exact time, for the tooltip
}

func newTimeView(now, t time.Time) timeView {
	if t.IsZero() {
		return timeView{}
	}
	return timeView{
		Rel:  relativeTime(now, t),
		ISO:  t.Format(time.RFC3339),
		Full: t.In(now.Location()).Format("Monday 2 January 2006, 15:04 MST"),
	}
}

type publisherRef struct {
	Name string
	URL  string // our publisher page
	Logo string
}

// cardView is one article in a list.
type cardView struct {
	URL       string
	Title     string
	Snippet   string
	ImageURL  string
	Publisher publisherRef
	Time      timeView
	// Filled on the front page only.
	AlsoIn      string // "Wire Service, Coast Daily": publishers that ran copies of this article
	CoverageURL string // the story page, when the story has more than this article
	Comments    int    // visible comments on the article; 0 when none or comments are off
}

func newCardView(now time.Time, a store.Article) cardView {
	return cardView{
		URL:      articlePath(a.ID, a.Title),
		Title:    a.Title,
		Snippet:  snippet(a, 220),
		ImageURL: a.ImageURL,
		Publisher: publisherRef{
			Name: publisherName(a),
			URL:  publisherPath(a.PublisherID),
			Logo: a.PublisherLogo,
		},
		Time: newTimeView(now, articleTime(now, a)),
	}
}

func newCardViews(now time.Time, as []store.Article) []cardView {
	cards := make([]cardView, 0, len(as))
	for _, a := range as {
		cards = append(cards, newCardView(now, a))
	}
	return cards
}

// articleTime is when the article appeared: its publication time, or when we fetched it if
// the publisher gave none. A time in the future is a publisher's clock or time-zone error;
// it is shown as now rather than as "in 3 hours".
func articleTime(now time.Time, a store.Article) time.Time {
	t := a.Published
	if t.IsZero() {
		t = a.Fetched
	}
	if t.After(now) {
		t = now
	}
	return t
}

func publisherName(a store.Article) string {
	switch {
	case a.PublisherName != "":
		return a.PublisherName
	case a.SiteName != "":
		return a.SiteName
	}
	return hostOf(a.URL)
}

// snippet is the article's own snippet, or the start of its text cut at a word boundary.
func snippet(a store.Article, limit int) string {
	if s := strings.TrimSpace(a.Snippet); s != "" {
		return s
	}
	text := strings.Join(strings.Fields(a.Text), " ")
	if utf8.RuneCountInString(text) <= limit {
		return text
	}
	cut := text
	for i := range text { // i ends at the byte offset of rune number limit
		if limit == 0 {
			cut = text[:i]
			break
		}
		limit--
	}
	if j := strings.LastIndexByte(cut, ' '); j > len(cut)/2 {
		cut = cut[:j]
	}
	return strings.TrimRight(cut, " ,;:.-–—") + "…"
}

// hostOf returns a URL's host without "www.", for "Read the original at example.com".
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// publisherView is the publisher page.
type publisherView struct {
	Name     string
	HomeURL  string
	HomeHost string
	Logo     string
	Articles []cardView
}
