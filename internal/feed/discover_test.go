package feed

import (
	"reflect"
	"strings"
	"testing"
)

func TestDiscover(t *testing.T) {
	t.Parallel()
	const page = "https://news.example.com/section/world/index.html"
	tests := []struct {
		name string
		html string
		want []Link
	}{
		{
			name: "rss and atom links, relative and absolute",
			html: `<html><head>
				<link rel="alternate" type="application/rss+xml" title="Top stories" href="/rss.xml">
				<link rel="alternate" type="application/atom+xml" title="World" href="atom.xml">
				<link rel="Alternate" type="application/feed+json" href="https://cdn.example.com/feed.json">
				<link rel="stylesheet" type="text/css" href="/style.css">
				<link rel="alternate" hreflang="fr" href="https://news.example.com/fr/">
				</head><body><a href="/feed/">Not used: links were advertised</a></body></html>`,
			want: []Link{
				{URL: "https://news.example.com/rss.xml", Title: "Top stories", Type: "application/rss+xml"},
				{URL: "https://news.example.com/section/world/atom.xml", Title: "World", Type: "application/atom+xml"},
				{URL: "https://cdn.example.com/feed.json", Type: "application/feed+json"},
			},
		},
		{
			name: "base href, rel with several tokens, type with parameters, duplicates",
			html: `<head><base href="https://static.example.org/blog/">
				<link rel="alternate home" type="application/rss+xml; charset=utf-8" href="feed">
				<link rel="alternate" type="application/rss+xml" href="https://static.example.org/blog/feed">
				<link rel="alternate" type="text/xml" href="/sitemap.xml"></head>`,
			want: []Link{{URL: "https://static.example.org/blog/feed", Type: "application/rss+xml"}},
		},
		{
			name: "wordpress json api is not a feed, json feed is",
			html: `<link rel="alternate" type="application/json" href="https://news.example.com/wp-json/wp/v2/posts/1">
				<link rel="alternate" type="application/json+oembed" href="/oembed?url=x">
				<link rel="alternate" type="application/json" title="JSON Feed" href="/feed.json">`,
			want: []Link{{URL: "https://news.example.com/feed.json", Title: "JSON Feed", Type: "application/json"}},
		},
		{
			name: "unsafe schemes dropped, feed scheme rewritten",
			html: `<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
				<link rel="alternate" type="application/rss+xml" href="feed://news.example.com/a.rss">
				<link rel="alternate" type="application/rss+xml" href="feed:https://news.example.com/b.rss">
				<link rel="alternate" type="application/rss+xml" href="">`,
			want: []Link{
				{URL: "http://news.example.com/a.rss", Type: "application/rss+xml"},
				{URL: "https://news.example.com/b.rss", Type: "application/rss+xml"},
			},
		},
		{
			name: "fallback to obvious feed anchors",
			html: `<body><nav><a href="/about">About</a>
				<a href="/feed/"> Subscribe  via <b>RSS</b></a>
				<a href="/comments/feed/">Comments feed</a>
				<a href="https://feeds.example.net/newsroom">Feedburner</a>
				<a href="/index.php?format=rss" title="Classic">x</a>
				<a href="/article/how-to-feed-a-cat">A story</a>
				<a href="/feed/">Again</a></nav></body>`,
			want: []Link{
				{URL: "https://news.example.com/feed/", Title: "Subscribe via RSS"},
				{URL: "https://feeds.example.net/newsroom", Title: "Feedburner"},
				{URL: "https://news.example.com/index.php?format=rss", Title: "Classic"},
			},
		},
		{name: "nothing", html: `<html><body><p>No feeds here.</p></body></html>`, want: nil},
		{name: "not html at all", html: "\x00\x01binary", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Discover([]byte(tt.html), page)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Discover() =\n%#v\nwant\n%#v", got, tt.want)
			}
		})
	}
}

// TestDiscoverLatin1Title checks that a page's own charset is honoured for titles.
func TestDiscoverLatin1Title(t *testing.T) {
	t.Parallel()
	page := []byte("<head><meta charset=\"iso-8859-1\"><link rel=\"alternate\" type=\"application/rss+xml\" title=\"Actualit\xe9s\" href=\"/rss\"></head>")
	got := Discover(page, "http://journal.example.fr/")
	want := []Link{{URL: "http://journal.example.fr/rss", Title: "Actualités", Type: "application/rss+xml"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Discover() = %#v, want %#v", got, want)
	}
}

func TestDiscoverOrderAndSite(t *testing.T) {
	t.Parallel()
	page := `<head>
		<link rel="alternate" type="application/rss+xml" title="Blog » Comments Feed" href="/comments/feed/">
		<link rel="alternate" type="application/rss+xml" title="Blog » Artikel Umpan Komentar" href="/2024/05/artikel/feed/">
		<link rel="alternate" type="application/atom+xml" title="Blog - Atom" href="/feeds/posts/default">
		<link rel="alternate" type="application/rss+xml" title="Blog » Feed" href="/feed/">
		<link rel="alternate" type="application/atom+xml" href="/feeds/123/comments/default">
	</head>`
	got := Discover([]byte(page), "https://blog.example.co.uk/2024/05/artikel/")
	var urls []string
	for _, l := range got {
		urls = append(urls, l.URL)
	}
	want := []string{
		"https://blog.example.co.uk/feeds/posts/default",
		"https://blog.example.co.uk/feed/",
		"https://blog.example.co.uk/comments/feed/",
		"https://blog.example.co.uk/2024/05/artikel/feed/",
		"https://blog.example.co.uk/feeds/123/comments/default",
	}
	if !reflect.DeepEqual(urls, want) {
		t.Errorf("order:\n%q\nwant\n%q", urls, want)
	}

	// Guessed anchors must be on the page's own site or a feeds.* host: share dialogs named
	// /dialog/feed and other sites' feeds are not the page's feed.
	anchors := `<a href="https://www.facebook.com/dialog/feed?app_id=1&link=https%3A%2F%2Fnews.example.co.uk%2F">Share</a>
		<a href="https://other.example.org/rss.xml">A friend's feed</a>
		<a href="https://feeds.feedhost.example/newsroom">Feed host</a>
		<a href="https://www.news.example.co.uk/rss">Our RSS</a>`
	got = Discover([]byte(anchors), "https://news.example.co.uk/story/1")
	want = []string{"https://feeds.feedhost.example/newsroom", "https://www.news.example.co.uk/rss"}
	urls = nil
	for _, l := range got {
		urls = append(urls, l.URL)
	}
	if !reflect.DeepEqual(urls, want) {
		t.Errorf("guessed:\n%q\nwant\n%q", urls, want)
	}
}

// TestDiscoverUTF8WithoutMeta guards against taking a UTF-8 page without a charset declaration
// in its first KiB for windows-1252, which garbles every non-ASCII title.
func TestDiscoverUTF8WithoutMeta(t *testing.T) {
	t.Parallel()
	page := "<head>" + strings.Repeat("<!-- padding -->", 100) +
		`<link rel="alternate" type="application/rss+xml" title="Site » Feed" href="/feed/"></head>`
	got := Discover([]byte(page), "https://site.example/")
	if len(got) != 1 || got[0].Title != "Site » Feed" {
		t.Errorf("Discover() = %#v", got)
	}
}
