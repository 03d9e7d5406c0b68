package feed

import (
	"net/url"
	"testing"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
)

func TestContentImage(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{``, ``},
		{`<p>no images</p>`, ``},
		{`<p><img src="/a.jpg" alt=""></p>`, `/a.jpg`},
		{`<img src="https://t.example/pixel.gif" width="1" height="1"><IMG SRC="b.png">`, `b.png`},
		{`<img src="data:image/gif;base64,R0lGOD"><img width="1px" src="x.gif"><img src=" c.webp ">`, `c.webp`},
		{`<img alt="no source"><img src="">`, ``},
	}
	for _, tt := range tests {
		if got := contentImage(tt.in); got != tt.want {
			t.Errorf("contentImage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestItemImageOrder(t *testing.T) {
	t.Parallel()
	base, _ := url.Parse("https://site.example/news/1")
	media := func(name string, attrs map[string]string) ext.Extensions {
		return ext.Extensions{"media": {name: {{Name: name, Attrs: attrs}}}}
	}
	tests := []struct {
		name    string
		item    gofeed.Item
		content string
		want    string
	}{
		{"gofeed image first", gofeed.Item{Image: &gofeed.Image{URL: "/i.jpg"}, Extensions: media("thumbnail", map[string]string{"url": "/t.jpg"})},
			`<img src="/c.jpg">`, "https://site.example/i.jpg"},
		{"thumbnail before content", gofeed.Item{Extensions: media("thumbnail", map[string]string{"url": "/t.jpg"})},
			`<img src="/c.jpg">`, "https://site.example/t.jpg"},
		{"media content by extension", gofeed.Item{Extensions: media("content", map[string]string{"url": "/m.png"})}, ``, "https://site.example/m.png"},
		{"media content video skipped", gofeed.Item{Extensions: media("content", map[string]string{"url": "/v.mp4", "medium": "video"})},
			`<img src="c.jpg">`, "https://site.example/news/c.jpg"},
		{"image enclosure", gofeed.Item{Enclosures: []*gofeed.Enclosure{{URL: "/a.mp3", Type: "audio/mpeg"}, {URL: "/e.jpg", Type: "image/jpeg"}}},
			``, "https://site.example/e.jpg"},
		{"unsafe scheme", gofeed.Item{Image: &gofeed.Image{URL: "javascript:x"}}, ``, ""},
	}
	for _, tt := range tests {
		if got := itemImage(&tt.item, tt.content, base, nil); got != tt.want {
			t.Errorf("%s: itemImage = %q, want %q", tt.name, got, tt.want)
		}
	}
}
