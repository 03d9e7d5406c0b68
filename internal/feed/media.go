package feed

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// itemImage picks the item's picture: what gofeed found (itunes:image, a media:content image,
// an image enclosure), then Media RSS thumbnails and contents, which gofeed reads only for RSS
// and which YouTube-style Atom feeds nest in media:group, then the first real <img> of the
// content. Relative URLs resolve against the item's link, then the feed's base.
func itemImage(it *gofeed.Item, content string, itemBase, feedBase *url.URL) string {
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
	return resolveHTTP(base, contentImage(content))
}

// contentImage returns the src of the first <img> in an HTML fragment that is not a tracking
// pixel (declared 1×1 or smaller) or an inline data: image.
func contentImage(fragment string) string {
	if !strings.Contains(fragment, "<img") && !strings.Contains(fragment, "<IMG") {
		return ""
	}
	z := nethtml.NewTokenizer(strings.NewReader(fragment))
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			return ""
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if !hasAttr || atom.Lookup(name) != atom.Img {
				continue
			}
			attrs := readAttrs(z)
			src := strings.TrimSpace(attrs["src"])
			if src == "" || strings.HasPrefix(src, "data:") || tiny(attrs["width"]) || tiny(attrs["height"]) {
				continue
			}
			return src
		}
	}
}

func tiny(dim string) bool {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(dim), "px"))
	return err == nil && n <= 1
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
