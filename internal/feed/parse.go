package feed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"net/url"

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
			return nil, nil, fmt.Errorf("%w: invalid JSON: %v", ErrMalformed, perr)
		}
		raw, err = (&gofeed.DefaultJSONTranslator{}).Translate(jf)
		original = jf
	case root == "feed":
		af, perr := (&atom.Parser{}).Parse(r)
		if perr != nil {
			return nil, nil, fmt.Errorf("%w: invalid XML: %v", ErrMalformed, perr)
		}
		raw, err = (&gofeed.DefaultAtomTranslator{}).Translate(af)
		original = af
	default:
		rf, perr := (&rss.Parser{}).Parse(r)
		if perr != nil {
			return nil, nil, fmt.Errorf("%w: invalid XML: %v", ErrMalformed, perr)
		}
		// The content image scan builds a DOM per item; itemImage does it with a tokenizer.
		raw, err = (&gofeed.DefaultRSSTranslator{DisableContentImageScan: true}).Translate(rf)
		original = rf
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrMalformed, err)
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

func normalizeItem(it *gofeed.Item, content string, base *url.URL, now time.Time) Item {
	out := Item{
		Link:       itemLink(it, base),
		Content:    content,
		Author:     authorOf(it),
		Categories: cleanCategories(it.Categories),
	}
	out.GUID = strings.TrimSpace(it.GUID)
	if out.GUID == "" {
		out.GUID = out.Link
	}
	summary := it.Description
	if strings.TrimSpace(plainText(summary)) == "" {
		summary = content
	}
	out.Summary = truncateWords(plainText(summary), SummaryMaxChars)
	out.Title = plainText(it.Title)
	if out.Title == "" {
		// An untitled item (a microblog post) is shown by the start of its text.
		out.Title = truncateWords(out.Summary, 100)
	}
	out.Published, out.Updated = itemDates(it, now)
	out.ImageURL = itemImage(it, content, parseBase(out.Link), base)
	return out
}

// itemDates returns published and updated in UTC; either falls back on the other, both on now.
func itemDates(it *gofeed.Item, now time.Time) (published, updated time.Time) {
	if it.PublishedParsed != nil {
		published = it.PublishedParsed.UTC()
	}
	if it.UpdatedParsed != nil {
		updated = it.UpdatedParsed.UTC()
	}
	switch {
	case published.IsZero() && updated.IsZero():
		published, updated = now, now
	case published.IsZero():
		published = updated
	case updated.IsZero():
		updated = published
	}
	return published, updated
}

func authorOf(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p == nil {
			continue
		}
		name := plainText(p.Name)
		if name == "" {
			name = strings.TrimSpace(p.Email)
		}
		if name != "" && !contains(names, name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 && it.Author != nil {
		if name := plainText(it.Author.Name); name != "" {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

// inheritedAuthor is the feed-level author that Atom and JSON Feed define as the author of
// entries that name none. RSS has no such rule (managingEditor is a contact, not a byline).
func inheritedAuthor(raw *gofeed.Feed, original any) string {
	switch original.(type) {
	case *atom.Feed, *gojson.Feed:
		return authorOf(&gofeed.Item{Authors: raw.Authors, Author: raw.Author})
	}
	return ""
}

func cleanCategories(in []string) []string {
	var out []string
	for _, c := range in {
		c = plainText(c)
		if c != "" && !contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// contentOf returns the item's content as HTML. gofeed hands back plain text for JSON Feed
// content_text and Atom type="text" content; those are escaped into paragraphs here. RSS items
// without content:encoded fall back to their description, which is where RSS puts the body.
func contentOf(original any, i int, it *gofeed.Item) string {
	switch o := original.(type) {
	case *gojson.Feed:
		if i < len(o.Items) && o.Items[i] != nil && o.Items[i].ContentHTML == "" {
			return escapeText(o.Items[i].ContentText)
		}
	case *atom.Feed:
		if i < len(o.Entries) && o.Entries[i] != nil && o.Entries[i].Content != nil {
			switch t := strings.ToLower(o.Entries[i].Content.Type); {
			case t == "" || t == "text" || t == "text/plain":
				return escapeText(it.Content)
			}
		}
	case *rss.Feed:
		if strings.TrimSpace(it.Content) == "" {
			return strings.TrimSpace(it.Description)
		}
	}
	return strings.TrimSpace(it.Content)
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
