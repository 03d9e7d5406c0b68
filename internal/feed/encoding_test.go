package feed

import (
	"testing"
	"unicode/utf8"
)

func TestToUTF8(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, contentType, want string
	}{
		{"ascii", `<rss>abc</rss>`, "", `<rss>abc</rss>`},
		{"utf-8 bom", "\xef\xbb\xbf<rss>\xc3\xa9</rss>", "", "<rss>é</rss>"},
		{"utf-16le bom", "\xff\xfe<\x00r\x00>\x00\xe9\x00", "", "<r>é"},
		{"utf-16be bom", "\xfe\xff\x00<\x00r\x00>\x00\xe9", "", "<r>é"},
		{"utf-16 bom with declaration", "\xff\xfe<\x00?\x00x\x00m\x00l\x00 \x00e\x00n\x00c\x00o\x00d\x00i\x00n\x00g\x00=\x00\"\x00U\x00T\x00F\x00-\x001\x006\x00\"\x00?\x00>\x00",
			"", `<?xml encoding="UTF-8"?>`},
		{"declared latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?><t>caf` + "\xe9</t>", "",
			`<?xml version="1.0" encoding="UTF-8"?><t>café</t>`},
		{"declared windows-1252 smart quotes", `<?xml version='1.0' encoding='windows-1252'?><t>` + "\x93hi\x94 \x96</t>", "",
			`<?xml version='1.0' encoding='UTF-8'?><t>“hi” –</t>`},
		{"declared latin-1 but utf-8", `<?xml version="1.0" encoding="iso-8859-1"?><t>caf` + "\xc3\xa9</t>", "",
			`<?xml version="1.0" encoding="UTF-8"?><t>café</t>`},
		{"declared koi8-r", `<?xml version="1.0" encoding="koi8-r"?><t>` + "\xf0\xd2\xc9\xd7\xc5\xd4</t>", "",
			`<?xml version="1.0" encoding="UTF-8"?><t>Привет</t>`},
		{"declared utf-16 without bom", `<?xml version="1.0" encoding="UTF-16"?><t>a</t>`, "", `<?xml version="1.0" encoding="UTF-8"?><t>a</t>`},
		{"unknown label", `<?xml version="1.0" encoding="x-made-up"?><t>` + "\xc3\xa9</t>", "", `<?xml version="1.0" encoding="UTF-8"?><t>é</t>`},
		{"header charset when undeclared", "<t>caf\xe9 \xe0</t>", "application/rss+xml; charset=iso-8859-1", "<t>café à</t>"},
		{"declaration beats header", `<?xml version="1.0" encoding="utf-8"?><t>` + "\xc3\xa9</t>", "text/xml; charset=iso-8859-1",
			`<?xml version="1.0" encoding="utf-8"?><t>é</t>`},
		{"undeclared single-byte", "<t>caf\xe9</t>", "", "<t>café</t>"},
		{"invalid bytes in utf-8", "<t>\xc3\xa9 \xff ok</t>", "", "<t>é \uFFFD ok</t>"},
		{"leading blank lines", "\n\n  <?xml version=\"1.0\"?><t/>", "", "<?xml version=\"1.0\"?><t/>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := string(toUTF8([]byte(tt.in), tt.contentType))
			if got != tt.want {
				t.Errorf("toUTF8(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("toUTF8(%q) is not valid UTF-8", tt.in)
			}
		})
	}
}

// TestParseCharsetFromHeader checks that the HTTP charset reaches the parser for a feed with
// no declaration of its own.
func TestParseCharsetFromHeader(t *testing.T) {
	t.Parallel()
	data := []byte("<rss version=\"2.0\"><channel><title>\xc9t\xe9</title><item><title>\xe0 la une</title></item></channel></rss>")
	f, err := Parse(data, Options{ContentType: "text/xml; charset=ISO-8859-1", Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Été" || f.Items[0].Title != "à la une" {
		t.Errorf("titles %q, %q", f.Title, f.Items[0].Title)
	}
}
