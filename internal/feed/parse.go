package feed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	gojson "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
)

// Parse reads an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1 document given as the raw
// bytes the server sent. It never panics: a crash inside the parser becomes ErrMalformed.
//
// Errors: ErrEmpty for a blank body, ErrNotFeed for an HTML page, ErrUnknownFormat for other
// documents, and ErrMalformed (wrapped, with the parser's detail) for a broken feed.
func Parse(data []byte, opts Options) (*Feed, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	data = toUTF8(data, opts.ContentType)
	kind, root := sniff(data)
	switch kind {
	case kindEmpty:
		return nil, ErrEmpty
	case kindHTML:
		return nil, ErrNotFeed
	case kindOtherXML:
		return nil, fmt.Errorf("%w (its root element is <%s>)", ErrUnknownFormat, root)
	case kindUnknown:
		return nil, ErrUnknownFormat
	}

	raw, original, err := parseRaw(data, kind, root)
	if err != nil {
		return nil, err
	}
	if kind == kindJSON && !looksLikeJSONFeed(original.(*gojson.Feed)) {
		return nil, fmt.Errorf("%w (a JSON document without a JSON Feed version or items)", ErrUnknownFormat)
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	return normalize(raw, original, opts.BaseURL, now.UTC()), nil
}

// parseRaw runs the gofeed parser and translator for the sniffed format. gofeed's own type
// detection is bypassed: it looks only at the first 4 KiB, which a long DOCTYPE can exceed.
func parseRaw(data []byte, kind docKind, root string) (raw *gofeed.Feed, original any, err error) {
	defer func() {
		if r := recover(); r != nil {
			raw, original = nil, nil
			if kind == kindJSON {
				if why := nullJSONMember(data); why != "" {
					err = fmt.Errorf("%w: %s", ErrMalformed, why)
					return
				}
			}
			err = fmt.Errorf("%w: the parser failed on this input (%v)", ErrMalformed, r)
		}
	}()
	r := bytes.NewReader(data)
	switch {
	case kind == kindJSON:
		jf, perr := (&gojson.Parser{}).Parse(r)
		if perr != nil {
			return nil, nil, fmt.Errorf("%w: invalid JSON: %w", ErrMalformed, perr)
		}
		raw, err = (&gofeed.DefaultJSONTranslator{}).Translate(jf)
		original = jf
	case root == "feed":
		af, perr := (&atom.Parser{}).Parse(r)
		if perr != nil {
			return nil, nil, fmt.Errorf("%w: invalid XML: %w", ErrMalformed, perr)
		}
		raw, err = (&gofeed.DefaultAtomTranslator{}).Translate(af)
		original = af
	default:
		rf, perr := (&rss.Parser{}).Parse(r)
		if perr != nil {
			return nil, nil, fmt.Errorf("%w: invalid XML: %w", ErrMalformed, perr)
		}
		// The content image scan builds a DOM per item; itemImage does it with a tokenizer.
		raw, err = (&gofeed.DefaultRSSTranslator{DisableContentImageScan: true}).Translate(rf)
		original = rf
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	return raw, original, nil
}

// nullJSONMember explains the JSON Feed crash seen in the wild: a null where an object belongs.
func nullJSONMember(data []byte) string {
	var doc struct {
		Items []json.RawMessage `json:"items"`
	}
	if json.Unmarshal(data, &doc) != nil {
		return ""
	}
	for i, it := range doc.Items {
		if string(bytes.TrimSpace(it)) == "null" {
			return fmt.Sprintf("item %d of the JSON Feed is null instead of an object", i+1)
		}
	}
	return ""
}

// looksLikeJSONFeed tells a JSON Feed from any other JSON object (an API error, say).
func looksLikeJSONFeed(jf *gojson.Feed) bool {
	return strings.Contains(jf.Version, "jsonfeed.org") || len(jf.Items) > 0
}

// normalize builds our Feed from gofeed's: plain text, absolute links, UTC dates.
func normalize(raw *gofeed.Feed, original any, baseURL string, now time.Time) *Feed {
	base := parseBase(baseURL)
	f := &Feed{
		Title:       plainText(raw.Title),
		Description: truncateWords(plainText(raw.Description), SummaryMaxChars),
		Language:    strings.TrimSpace(raw.Language),
		Format:      strings.TrimSpace(raw.FeedType + " " + formatVersion(raw, original)),
		TTL:         feedTTL(raw, original),
		Items:       make([]Item, 0, len(raw.Items)),
	}
	f.Link = resolveHTTP(base, raw.Link)
	// Relative item links are resolved against the site link when it is absolute, else against
	// where the feed came from; xml:base was already applied by the Atom parser.
	itemBase := base
	if site := parseBase(f.Link); site != nil {
		itemBase = site
	}
	if raw.Image != nil {
		f.ImageURL = resolveHTTP(itemBase, raw.Image.URL)
	}
	if f.Title == "" {
		f.Title = hostOf(f.Link)
	}
	for i, it := range raw.Items {
		if it == nil {
			continue
		}
		item := normalizeItem(it, contentOf(original, i, it), itemBase, now)
		if item.Author == "" {
			item.Author = inheritedAuthor(raw, original)
		}
		f.Items = append(f.Items, item)
	}
	return f
}

// formatVersion returns the format version as a short number ("2.0", "1.1").
func formatVersion(raw *gofeed.Feed, original any) string {
	v := raw.FeedVersion
	if jf, ok := original.(*gojson.Feed); ok {
		v = strings.TrimPrefix(strings.TrimSuffix(jf.Version, "/"), "https://jsonfeed.org/version/")
		v = strings.TrimPrefix(v, "http://jsonfeed.org/version/")
	}
	return strings.TrimSpace(v)
}
