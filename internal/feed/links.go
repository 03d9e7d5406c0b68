package feed

import (
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
)

// parseBase parses an absolute http(s) URL to resolve against; nil when s is not one.
func parseBase(s string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// resolveHTTP resolves ref against base and returns it when the result is an http(s) URL.
// Other schemes (javascript:, data:, mailto:) are dropped: these links end up in href
// attributes on our pages. A relative ref with no base is returned as is.
func resolveHTTP(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	switch {
	case u.Scheme == "http" || u.Scheme == "https":
		if u.Host == "" {
			return ""
		}
		return u.String()
	case u.Scheme == "" && base == nil:
		return u.String()
	}
	return ""
}

// itemLink picks the item's web link: its link, else the first alternate, else a GUID that is
// a permalink URL (RSS guid isPermaLink is the default).
func itemLink(it *gofeed.Item, base *url.URL) string {
	if l := resolveHTTP(base, it.Link); l != "" {
		return l
	}
	for _, l := range it.Links {
		if l := resolveHTTP(base, l); l != "" {
			return l
		}
	}
	if g := strings.TrimSpace(it.GUID); strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
		return resolveHTTP(nil, g)
	}
	return ""
}

func hostOf(link string) string {
	if u := parseBase(link); u != nil {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return ""
}
