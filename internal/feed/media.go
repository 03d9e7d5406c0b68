package feed

import (
	"net/url"
	"path"
	"strings"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
)

// itemImage picks the item's picture: what gofeed found (itunes:image, a media:content image,
// an image enclosure, the first <img> of RSS content), then Media RSS thumbnails and contents,
// which gofeed reads only for RSS and which YouTube-style Atom feeds nest in media:group.
// Relative URLs resolve against the item's link, then the feed's base.
func itemImage(it *gofeed.Item, itemBase, feedBase *url.URL) string {
	base := itemBase
	if base == nil {
		base = feedBase
	}
	if it.Image != nil {
		if u := resolveHTTP(base, it.Image.URL); u != "" {
			return u
		}
	}
	if u := mediaImage(it.Extensions["media"]); u != "" {
		return resolveHTTP(base, u)
	}
	for _, e := range it.Enclosures {
		if e != nil && (strings.HasPrefix(e.Type, "image/") || e.Type == "" && isImagePath(e.URL)) {
			if u := resolveHTTP(base, e.URL); u != "" {
				return u
			}
		}
	}
	return ""
}

// mediaImage searches Media RSS elements, top level first, then inside media:group.
func mediaImage(media map[string][]ext.Extension) string {
	if media == nil {
		return ""
	}
	for _, c := range media["content"] {
		medium, typ, u := c.Attrs["medium"], c.Attrs["type"], c.Attrs["url"]
		if medium == "image" || strings.HasPrefix(typ, "image/") || medium == "" && typ == "" && isImagePath(u) {
			if u != "" {
				return u
			}
		}
	}
	for _, t := range media["thumbnail"] {
		if u := t.Attrs["url"]; u != "" {
			return u
		}
	}
	for _, g := range media["group"] {
		if u := mediaImage(g.Children); u != "" {
			return u
		}
	}
	return ""
}

func isImagePath(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch strings.ToLower(path.Ext(u.Path)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif":
		return true
	}
	return false
}
