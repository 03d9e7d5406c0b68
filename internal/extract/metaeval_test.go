package extract

import (
	"testing"
	"time"
)

func TestSameByline(t *testing.T) {
	t.Parallel()
	cases := []struct {
		got, want string
		same      bool
	}{
		{"Jane Doe", "Jane Doe", true},
		{"JANE DOE", "Jane Doe", true},
		{"Jane Doe and John Roe", "John Roe, Jane Doe", true},
		{"Anna Schmidt und Jan Weber", "Jan Weber, Anna Schmidt", true},
		{"TOM KRISHER", "By TOM KRISHER, AP Auto Writer", true},
		{"Jane Doe", "Jane Doe, John Roe", false},
		{"", "Jane Doe", false},
		{"Jane Doe", "John Doe", false},
	}
	for _, tc := range cases {
		if got := SameByline(tc.got, tc.want); got != tc.same {
			t.Errorf("SameByline(%q, %q) = %v, want %v", tc.got, tc.want, got, tc.same)
		}
	}
}

func TestSameDay(t *testing.T) {
	t.Parallel()
	cet := time.FixedZone("CET", 3600)
	want := time.Date(2026, 11, 25, 23, 30, 0, 0, time.UTC) // 00:30 on the 26th in CET
	local := want.In(cet)
	dateOnly := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	other := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		got  *time.Time
		same bool
	}{{&local, true}, {&want, true}, {&dateOnly, false}, {&other, false}, {nil, false}}
	for _, tc := range cases {
		if got := SameDay(tc.got, want); got != tc.same {
			t.Errorf("SameDay(%v) = %v, want %v", tc.got, got, tc.same)
		}
	}
}

func TestReadPageLD(t *testing.T) {
	t.Parallel()
	page := []byte(`<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"WebSite","name":"Gazette"},
{"@type":"NewsArticle","headline":"Bridge to close &amp; reopen","datePublished":"2019-11-19T08:00:00+01:00",
 "author":[{"@type":"Person","name":"Jane Doe"},"John Roe"]}]}</script></head><body><p>x</p></body></html>`)
	ld, ok := ReadPageLD(page)
	if !ok || ld.Headline != "Bridge to close & reopen" || ld.Published != "2019-11-19T08:00:00+01:00" ||
		len(ld.Authors) != 2 || ld.Authors[0] != "Jane Doe" || ld.Authors[1] != "John Roe" {
		t.Errorf("ReadPageLD = %+v, %v", ld, ok)
	}
	if _, ok := ReadPageLD([]byte(`<script type="application/ld+json">{"@type":"WebPage"}</script>`)); ok {
		t.Error("a WebPage is not an article")
	}
	for s, want := range map[string]bool{"2019-11-19T08:00:00Z": true, "2019-11-19": true, "2019-11-19T08:00:00.000+0100": true,
		"0001-01-01T00:00:00Z": false, "yesterday": false} {
		if _, ok := ParseLDDate(s); ok != want {
			t.Errorf("ParseLDDate(%q) ok = %v, want %v", s, ok, want)
		}
	}
}
