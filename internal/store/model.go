// Package store keeps newsdesk's data in SQLite (default) or PostgreSQL behind one API.
// Callers never see SQL; each dialect carries its own statements and migrations, and both
// share one migration version.
package store

import (
	"errors"
	"time"
)

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a unique value (a feed URL, a canonical URL) already exists.
var ErrConflict = errors.New("already exists")

// Publisher is a news organisation: one site, one or more feeds.
type Publisher struct {
	ID       int64
	Name     string
	HomeURL  string
	LogoURL  string // favicon or logo, absolute URL; empty when unknown
	Country  string // ISO 3166-1 alpha-2, lower case; empty when unknown
	Language string // ISO 639-1; empty when unknown
	Created  time.Time
}

// Feed is one RSS/Atom/JSON feed of a publisher and the state of polling it.
type Feed struct {
	ID                int64
	PublisherID       int64
	URL               string
	Title             string
	ETag              string
	LastModified      string
	NextCheck         time.Time
	Interval          time.Duration // current refresh interval, 5 min – 24 h
	ConsecutiveErrors int
	LastError         string // plain words; empty after a success
	LastErrorAt       time.Time
	LastSuccess       time.Time
	Disabled          bool // set on 410 Gone or by an operator
	Created           time.Time
}

// FeedStatus is a feed with what the sources page shows about it.
type FeedStatus struct {
	Feed
	PublisherName string
	ArticleCount  int
}

// Article is one extracted article.
type Article struct {
	ID          int64
	PublisherID int64
	FeedID      int64  // 0 when not from a feed
	URL         string // canonical URL, unique
	GUID        string
	Title       string
	Byline      string
	Published   time.Time
	Updated     time.Time
	Fetched     time.Time
	Language    string
	ImageURL    string
	Text        string // plain text, paragraphs separated by blank lines
	HTML        string // sanitised structural HTML
	Snippet     string
	WordCount   int
	SiteName    string
	StoryID     int64    // 0 until grouped
	DuplicateOf int64    // the original's id when this is a copy
	KeyPoints   []string // offline key points
	Tags        []Tag    // written on insert; read with ArticleTags
	Terms       []string // distinct terms, counted into the corpus on insert; not read back
	Section     string   // world, business, …, local; '' until classified
	SectionBy   string   // what placed it: SectionByCategory, SectionByURL or SectionByModel
	Categories  []string // the feed's categories, for sectioning; kept on the feed item, not here

	PublisherName    string // filled on reads
	PublisherLogo    string // filled on reads
	PublisherCountry string // filled on reads
}

// Tag is a keyword or a named person, place or organisation of an article.
type Tag struct {
	Name string
	Kind string // keyword, person, place, org
}

// StoryUpdate is what story grouping decided for a new article, applied in the same
// transaction that makes the article visible.
type StoryUpdate struct {
	Story       int64
	DuplicateOf int64
	Merged      []int64 // stories that now redirect to Story
	SplitTo     int64   // when a story split: the new story
	SplitItems  []int64 // the articles that moved to SplitTo
}

// Item states: an item is pending until its article is stored or it fails for good.
const (
	ItemPending = "pending"
	ItemDone    = "done"
	ItemFailed  = "failed"
)

// FeedItem is one entry a feed listed, kept so that an article whose page cannot be fetched
// still has the feed's own title and summary, and so that no listed item is lost.
type FeedItem struct {
	ID        int64
	FeedID    int64
	GUID      string
	URL       string
	Title     string
	Summary   string
	Content   string
	Author    string
	ImageURL  string
	Published time.Time
	FirstSeen time.Time
	State     string
	Error     string
	ArticleID int64
	// Categories are the feed's own categories or tags of the item, the strongest hint of
	// its section.
	Categories []string
}
