// Package syndicate writes newsdesk's outgoing feeds — RSS 2.0, Atom 1.0 and JSON Feed 1.1 —
// from one format-neutral Feed, and names the URLs pages advertise them under.
//
// It knows nothing of the store or of HTTP: the api package turns articles into a Feed and
// serves it; the web package asks Alternates for the <link rel="alternate"> tags of a page.
// Every URL in a Feed must already be absolute, since feed readers resolve nothing.
package syndicate

import (
	"errors"
	"fmt"
	"io"
	"time"
)

// ErrUnknownFormat is returned for a format this package does not write.
var ErrUnknownFormat = errors.New("syndicate: unknown feed format")

// Feed is a list of articles to syndicate, newest first.
type Feed struct {
	Title       string
	Description string
	Home        string // the HTML page this feed mirrors, absolute
	Language    string // ISO 639-1, empty when mixed
	Author      string // who publishes the feed: the site's name
	Updated     time.Time
	Items       []Item
}

// Item is one article in a feed. Text fields are plain text; the writers escape them.
type Item struct {
	ID         string // stable and unique: our article page's absolute URL
	Link       string // where a reader goes: our article page
	External   string // the publisher's original article
	Title      string
	Summary    string
	Author     string // byline, else the publisher
	Publisher  string
	ImageURL   string
	Published  time.Time
	Updated    time.Time // zero when never updated
	Categories []string
}

// Write encodes f in format to w. self is the feed's own absolute URL, which Atom and JSON
// Feed require and RSS carries as atom:link.
func Write(w io.Writer, f Feed, format Format, self string) error {
	var err error
	switch format {
	case RSS:
		err = writeRSS(w, f, self)
	case Atom:
		err = writeAtom(w, f, self)
	case JSON:
		err = writeJSON(w, f, self)
	default:
		return fmt.Errorf("%w: %q", ErrUnknownFormat, string(format))
	}
	if err != nil {
		return fmt.Errorf("syndicate: write %s: %w", format, err)
	}
	return nil
}

// updated is when an item last changed: its update time, else its publication.
func (it Item) updated() time.Time {
	if it.Updated.After(it.Published) {
		return it.Updated
	}
	return it.Published
}

// lastUpdated is the feed's own update time: as given, else its newest item's.
func (f Feed) lastUpdated() time.Time {
	t := f.Updated
	for _, it := range f.Items {
		if u := it.updated(); u.After(t) {
			t = u
		}
	}
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC()
}
