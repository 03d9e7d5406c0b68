package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Class and id hints. A negative hint marks a subtree as boilerplate (it is dropped unless it
// holds most of the page's prose); a positive hint favours a container when scoring.
var (
	// negWords match anywhere in a class or id: they are specific enough as substrings.
	negSubstr = []string{
		"comment", "disqus", "social", "newsletter", "sidebar", "breadcrumb", "cookie", "consent",
		"gdpr", "outbrain", "taboola", "advert", "sponsor", "paywall", "recirc", "popular", "related",
		"promo", "subscri", "signup", "sign-up", "share", "sharing", "trending", "recommend", "teaser",
		"author-bio", "authorbio", "about-author", "author-info", "bio-box", "byline-", "byline_",
		"bylines-", "bylines_", "dateline", "timestamp", "toolbar", "pagination", "pager", "jump-link",
		"skip-link", "print-", "reprint", "rights", "copyright", "overlay", "modal", "popup", "lightbox",
		"masthead", "readmore", "read-more", "more-from", "moreon", "more-on", "most-read", "ticker",
		"topics", "keywords", "taglist", "tag-list", "gallery-nav", "video-player", "playlist",
		"callout", "inline-link", "in-article-link", "article-links", "slideshow", "carousel", "hidden",
		"visually-hidden", "sr-only", "screen-reader", "offscreen",
	}
	// negTokens must be a whole word of the class or id.
	negTokens = map[string]bool{
		"ad": true, "ads": true, "adv": true, "advert": true, "nav": true, "navbar": true, "menu": true,
		"footer": true, "header": true, "banner": true, "widget": true, "widgets": true, "tags": true,
		"tag": true, "meta": true, "byline": true, "author": true, "authors": true, "share": true,
		"social": true, "dfp": true, "gpt": true, "aside": true, "caption": true, "captions": true, "photo": false, "credit": true,
		"credits": true, "date": true, "time": true, "published": true, "updated": true, "links": true,
		"related": true, "login": true, "signin": true, "print": true, "email": true, "app": true,
		"promo": true, "hide": true, "hidden": true, "noprint": true, "sticky": true, "interstitial": true,
		"subscription": true, "subscribe": true, "donate": true, "donation": true, "survey": true,
		"poll": true, "notice": true, "alert": false, "infobox": false, "follow": true, "bio": true,
		"tools": true, "actions": true, "utility": true, "feedback": true, "rating": true, "reactions": true,
		"breaking": false, "cta": true, "newsletter": true, "outbrain": true, "byl": true, "rail": true,
		"autor": true, "auteur": true, "autore": true, "firma": true, "datum": true, "fecha": true, "datetime": true,
	}
	posSubstr = []string{
		"articlebody", "article-body", "articlebody", "articlecontent", "article-content", "articletext",
		"article-text", "storybody", "story-body", "storybody", "storycontent", "story-content",
		"storytext", "story-text", "entrycontent", "entry-content", "postcontent", "post-content",
		"postbody", "post-body", "posttext", "post-text", "maincontent", "main-content", "contentbody",
		"content-body", "bodytext", "body-text", "article__body", "article__content", "richtext",
		"rich-text", "fieldbody", "field-body", "field-name-body", "textcontent", "text-content",
		"td-post-content", "singlecontent", "single-content", "newstext", "news-text", "articolo",
		"artikel", "contenido", "cuerpo", "texte",
	}
)

// hintScore is -1 for a negative class/id, +1 for a positive one, 0 otherwise.
func hintScore(n *html.Node) int {
	var class, id, role string
	for _, a := range n.Attr {
		switch a.Key {
		case "itemprop":
			if a.Val == "articleBody" || a.Val == "reviewBody" || a.Val == "text" {
				return 1
			}
		case "role":
			role = a.Val
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		}
	}
	switch strings.ToLower(role) {
	case "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alertdialog", "toolbar":
		return -1
	}
	if class == "" && id == "" {
		return 0
	}
	return classHint(class, id)
}

// hintMatcher finds the positive (bit 0) and negative (bit 1) substrings in one pass.
var hintMatcher = newSubstrMatcher(posSubstr, negSubstr)

// classHint judges an element's class and id attributes. Substrings decide first, positive
// before negative; then each class name is matched whole against negTokens.
func classHint(class, id string) int {
	bits := hintMatcher.match(class) | hintMatcher.match(id)
	if bits&1 != 0 {
		return 1
	}
	if bits&2 != 0 || negClassList(class) || negClassList(id) {
		return -1
	}
	return 0
}

// negClassList reports whether one of the white-space separated names in s is negative.
func negClassList(s string) bool {
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] > ' ' {
			continue
		}
		if i > start && negClass(strings.ToLower(s[start:i])) {
			return true
		}
		start = i + 1
	}
	return false
}

// negClass matches one class name against negTokens: the whole name, its last part
// ("article-tags"), or its first part for prefixes that name a widget ("share-bar").
// WordPress's "tag-foo" and "category-bar" classes on the article itself must not match.
func negClass(cls string) bool {
	if negTokens[cls] {
		return true
	}
	if i := strings.LastIndexAny(cls, "-_"); i >= 0 && negTokens[cls[i+1:]] {
		return true
	}
	if i := strings.IndexAny(cls, "-_"); i > 0 && negPrefixes[cls[:i]] {
		return true
	}
	return false
}

var negPrefixes = map[string]bool{"ad": true, "ads": true, "nav": true, "menu": true, "footer": true,
	"share": true, "social": true, "related": true, "promo": true, "newsletter": true, "sidebar": true,
	"comment": true, "comments": true, "cookie": true, "latest": true, "banner": true, "widget": true, "breadcrumb": true}

// isHidden reports markup that a browser would not show.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ToLower(a.Val)
			if strings.Contains(s, "display") && (strings.Contains(s, "display:none") || strings.Contains(s, "display: none")) {
				return true
			}
			if strings.Contains(s, "visibility:hidden") || strings.Contains(s, "visibility: hidden") {
				return true
			}
		}
	}
	return false
}

// structuralNeg marks elements that are boilerplate by their tag.
func structuralNeg(a atom.Atom) bool {
	switch a {
	case atom.Nav, atom.Aside, atom.Footer, atom.Header, atom.Menu, atom.Form:
		return true
	}
	return false
}
