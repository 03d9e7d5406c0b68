package extract

import (
	"context"
	"strings"
	"testing"
)

func TestCleanByline(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"By Jane Doe":                           "Jane Doe",
		"BY JANE DOE | Nov 19, 2019":            "JANE DOE",
		"By Jane Doe and John Roe":              "Jane Doe and John Roe",
		"By Jane Doe, Reuters":                  "Jane Doe, Reuters",
		"Jane Doe Updated 10:30 AM ET":          "Jane Doe",
		"By Jane Doe November 19, 2019":         "Jane Doe",
		"Von Jana Schäfer":                      "Jana Schäfer",
		"Par Claire Dubois, le 3 décembre":      "Claire Dubois",
		"Por Lucía Fernández":                   "Lucía Fernández",
		"di Marco Rossi":                        "Marco Rossi",
		"Written by Sam Lee - 19 November 2019": "Sam Lee",
		"https://example.com/authors/jane":      "",
		"By":                                    "",
		"By Jane Doe, Health Reporter":          "Jane Doe",
		"Malik Henderson, Science Reporter":     "Malik Henderson",
		"Von Anna Schmidt, Redakteurin":         "Anna Schmidt",
		"Par Claire Dubois, envoyée spéciale":   "Claire Dubois",
		"Jane Doe, John Roe":                    "Jane Doe, John Roe",
	}
	for in, want := range cases {
		if got := cleanByline(in); got != want {
			t.Errorf("cleanByline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	t.Parallel()
	cases := []struct{ title, site, want string }{
		{"Bridge to close | The Gazette", "The Gazette", "Bridge to close"},
		{"Bridge to close - Gazette", "", "Bridge to close"},
		{"The Gazette: Bridge to close for six months", "The Gazette", "Bridge to close for six months"},
		{"Apple - Microsoft deal talks collapse after three weeks", "", "Apple - Microsoft deal talks collapse after three weeks"},
	}
	for _, tc := range cases {
		if got := stripSiteName(tc.title, tc.site); got != tc.want {
			t.Errorf("stripSiteName(%q, %q) = %q, want %q", tc.title, tc.site, got, tc.want)
		}
	}
}

// TestMetadataSources checks each metadata field from each kind of source, and that a page
// without a date gets none.
func TestMetadataSources(t *testing.T) {
	t.Parallel()
	body := `<p>` + strings.Repeat("The council met on Tuesday to discuss the budget for the coming year. ", 6) + `</p>`
	cases := []struct {
		name, head, bodyPre, url string
		check                    func(*Article) string
	}{
		{"opengraph", `<meta property="og:title" content="OG title here"><meta property="og:image" content="//cdn.example/i.jpg"><meta property="og:site_name" content="Example News">`, "", "https://news.example/a",
			func(a *Article) string {
				if a.Title != "OG title here" || a.Image != "https://cdn.example/i.jpg" || a.SiteName != "Example News" {
					return "og fields"
				}
				return ""
			}},
		{"time element", "", `<time datetime="2020-02-03T04:05:06Z">Feb 3</time>`, "https://news.example/a",
			func(a *Article) string {
				if a.Published == nil || a.Published.Format("2006-01-02") != "2020-02-03" {
					return "published from <time>"
				}
				return ""
			}},
		{"byline in text", "", `<p>By Ann Smith</p>`, "https://news.example/a",
			func(a *Article) string {
				if a.Byline != "Ann Smith" || strings.Contains(a.Text, "Ann Smith") {
					return "byline " + a.Byline
				}
				return ""
			}},
		{"date from url", "", "", "https://news.example/2018/07/09/story",
			func(a *Article) string {
				if a.Published == nil || a.Published.Format("2006-01-02") != "2018-07-09" {
					return "published from URL"
				}
				return ""
			}},
		{"no date", "", "", "https://news.example/story",
			func(a *Article) string {
				if a.Published != nil {
					return "guessed a date"
				}
				return ""
			}},
		{"language from text overrides template", `<meta http-equiv="content-language" content="en">`, `<p>` + strings.Repeat("Der Stadtrat hat am Dienstag mit großer Mehrheit den Bau eines neuen Radwegs beschlossen. ", 4) + `</p>`, "https://news.example/a",
			func(a *Article) string {
				if a.Language != "de" {
					return "language " + a.Language
				}
				return ""
			}},
	}
	ex := New(Options{})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rest := body + body
			if strings.HasPrefix(tc.name, "language") {
				rest = ""
			}
			page := `<html><head><title>T</title>` + tc.head + `</head><body><article>` + tc.bodyPre + rest + `</article></body></html>`
			a, err := ex.Extract(context.Background(), []byte(page), "", tc.url)
			if err != nil {
				t.Fatal(err)
			}
			if msg := tc.check(a); msg != "" {
				t.Errorf("%s wrong: %+v", msg, a)
			}
		})
	}
}

func TestCleanBylineNames(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"Analysis by Chris Cillizza": "Chris Cillizza",
		"Maria de la Cruz":           "Maria de la Cruz",
		"Lorenzo di Bonaventura":     "Lorenzo di Bonaventura",
		"Abby Smith":                 "Abby Smith",
		"Suzanne Gamboa 1 day ago":   "Suzanne Gamboa",
		"admin":                      "",
		"Nama (wajib)":               "Nama",
		"Texte : Claire Dubois":      "Claire Dubois",
	}
	for in, want := range cases {
		if got := cleanByline(in); got != want {
			t.Errorf("cleanByline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResolveTitle(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		m    metadata
		site string
		want string
	}{
		{"h1 agrees with og", metadata{props: map[string]string{"og:title": "Bridge to close | Gazette"}, h1s: []string{"Bridge to close"}}, "Gazette", "Bridge to close"},
		{"logo h1 is not the title", metadata{props: map[string]string{"og:title": "Bridge to close for repairs | The Coastal Gazette"}, h1s: []string{"The Coastal Gazette"}}, "The Coastal Gazette", "Bridge to close for repairs"},
		{"section h1 is not the title", metadata{title: "Council approves the new harbour bridge budget - Local News - Gazette", h1s: []string{"Local News"}}, "", "Council approves the new harbour bridge budget - Local News"},
		{"json-ld headline", metadata{props: map[string]string{}, ld: ldInfo{headline: "Ld headline wins"}, title: "Other | Site"}, "Site", "Ld headline wins"},
		{"only h1", metadata{props: map[string]string{}, h1s: []string{"Just the h1"}}, "", "Just the h1"},
	}
	for _, tc := range cases {
		if got := resolveTitle(&tc.m, tc.site); got != tc.want {
			t.Errorf("%s: resolveTitle = %q, want %q", tc.name, got, tc.want)
		}
	}
}
