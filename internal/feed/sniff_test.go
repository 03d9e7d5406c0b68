package feed

import (
	"strings"
	"testing"
)

func TestIsFeed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		data        string
		contentType string
		want        bool
	}{
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel/></rss>`, "", true},
		{"rss with bom and comment", "\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- generated -->\n<rss/>", "", true},
		{"rdf", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>`, "", true},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"></feed>`, "text/html", true},
		{"prefixed atom", `<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"/>`, "", true},
		{"stylesheet pi", `<?xml version="1.0"?><?xml-stylesheet href="rss.xsl"?><rss/>`, "", true},
		{"doctype with subset", "<!DOCTYPE rss [<!ENTITY a \"]>\">]><rss/>", "", true},
		{"long doctype", "<!DOCTYPE rss [" + strings.Repeat("<!ENTITY a \"x\">", 500) + "]><rss/>", "", true},
		{"json feed", `{"version":"https://jsonfeed.org/version/1.1","items":[]}`, "", true},
		{"json served as feed", `{"title":"x","items":[]}`, "application/feed+json", true},
		{"other json", `{"title":"x"}`, "application/json", false},
		{"html", "<!DOCTYPE html><html><head></head></html>", "text/xml", false},
		{"html no doctype", "\n<html><body></body></html>", "", false},
		{"xhtml", `<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html/>`, "", false},
		{"sitemap", `<urlset/>`, "application/xml", false},
		{"empty", "", "application/rss+xml", false},
		{"text", "just words", "", false},
	}
	for _, tt := range tests {
		if got := IsFeed([]byte(tt.data), tt.contentType); got != tt.want {
			t.Errorf("%s: IsFeed = %v, want %v", tt.name, got, tt.want)
		}
	}
}
