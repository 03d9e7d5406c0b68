package fetch

import (
	"net/http"
	"testing"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func mustEncode(t *testing.T, enc interface{ Bytes([]byte) ([]byte, error) }, s string) []byte {
	t.Helper()
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestUTF8(t *testing.T) {
	t.Parallel()
	sjis := mustEncode(t, japanese.ShiftJIS.NewEncoder(), "<p>日本語のニュース</p>")
	utf16le := mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder(), "<p>Grüße</p>")
	utf16xml := mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder(), `<?xml version="1.0"?><rss>Ünïcode</rss>`)
	tests := []struct {
		name, contentType string
		body              []byte
		want              string
	}{
		{"iso-8859-1 header", "text/html; charset=ISO-8859-1", []byte("<p>caf\xe9</p>"), "<p>café</p>"},
		{"quoted header label", `text/html; charset="latin1"`, []byte("na\xefve"), "naïve"},
		{"windows-1252 meta", "text/html", []byte(`<html><head><meta charset="windows-1252"></head><p>` + "\x93quoted\x94 \x80"),
			`<html><head><meta charset="utf-8"></head><p>“quoted” €`},
		{"http-equiv meta", "", []byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"><p>` + "\xa4"),
			`<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><p>€`},
		{"utf-8 BOM beats header", "text/html; charset=iso-8859-1", []byte("\xef\xbb\xbfcaf\xc3\xa9"), "café"},
		{"utf-16le BOM", "", utf16le, "<p>Grüße</p>"},
		{"utf-16le xml without BOM", "application/xml", utf16xml, `<?xml version="1.0"?><rss>Ünïcode</rss>`},
		{"shift_jis header", "text/html; charset=Shift_JIS", sjis, "<p>日本語のニュース</p>"},
		{"xml prolog", "application/rss+xml", []byte(`<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Ol` + "\xe9</title></rss>"),
			`<?xml version="1.0" encoding="UTF-8"?><rss><title>Olé</title></rss>`},
		{"header beats xml prolog", "text/xml; charset=windows-1252", []byte(`<?xml version='1.0' encoding='utf-8'?><a>` + "\x85</a>"),
			`<?xml version='1.0' encoding='UTF-8'?><a>…</a>`},
		{"utf-8 header on latin-1 bytes", "text/html; charset=utf-8", []byte("<p>caf\xe9</p>"), "<p>café</p>"},
		{"unknown label falls back to utf-8", "text/html; charset=x-no-such-thing", []byte("<p>café</p>"), "<p>café</p>"},
		{"unknown label, latin-1 bytes", "text/html; charset=klingon", []byte("<p>caf\xe9</p>"), "<p>café</p>"},
		{"meta utf-16 means utf-8", "", []byte(`<meta charset="utf-16"><p>café</p>`), `<meta charset="utf-16"><p>café</p>`},
		{"no declaration, utf-8", "", []byte("<p>žluťoučký</p>"), "<p>žluťoučký</p>"},
		{"no declaration, windows-1252", "", []byte("<p>\x93hi\x94</p>"), "<p>“hi”</p>"},
		{"empty", "text/html", nil, ""},
	}
	for _, tt := range tests {
		r := &Response{Header: http.Header{}, Body: tt.body}
		if tt.contentType != "" {
			r.Header.Set("Content-Type", tt.contentType)
		}
		got, err := r.UTF8()
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
