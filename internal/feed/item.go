package feed

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	gojson "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
)

// normalizeItem builds one Item: plain-text title and summary, absolute link, GUID falling back
// to the link, UTC dates, and the best image.
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
		if name != "" && !slices.Contains(names, name) {
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
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
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
