package extract

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in, lang string
		want     string // RFC 3339, "" for no date
	}{
		{"2019-11-19T10:30:00Z", "", "2019-11-19T10:30:00Z"},
		{"2019-11-19T10:30:00.000+01:00", "", "2019-11-19T10:30:00+01:00"},
		{"2019-11-19T10:30:00+0100", "", "2019-11-19T10:30:00+01:00"},
		{"2019-11-19 10:30:00", "", "2019-11-19T10:30:00Z"},
		{"2019-11-19", "", "2019-11-19T00:00:00Z"},
		{"1574159400", "", "2019-11-19T10:30:00Z"},
		{"Tue, 19 Nov 2019 10:30:00 GMT", "en", "2019-11-19T10:30:00Z"},
		{"November 19, 2019", "en", "2019-11-19T00:00:00Z"},
		{"Nov. 19, 2019 3:05 PM ET", "en", "2019-11-19T15:05:00-05:00"},
		{"Published 19th November 2019", "en", "2019-11-19T00:00:00Z"},
		{"11/19/2019", "en", "2019-11-19T00:00:00Z"},
		{"19/11/2019", "fr", "2019-11-19T00:00:00Z"},
		{"19. November 2019, 14:35 Uhr", "de", "2019-11-19T14:35:00Z"},
		{"Dienstag, 3. März 2020", "de", "2020-03-03T00:00:00Z"},
		{"19.11.2019", "de", "2019-11-19T00:00:00Z"},
		{"mardi 19 novembre 2019 à 09h15", "fr", "2019-11-19T09:15:00Z"},
		{"1er août 2019", "fr", "2019-08-01T00:00:00Z"},
		{"19 de noviembre de 2019", "es", "2019-11-19T00:00:00Z"},
		{"Miércoles, 20 de noviembre de 2019", "es", "2019-11-20T00:00:00Z"},
		{"19 novembre 2019", "it", "2019-11-19T00:00:00Z"},
		{"7 ottobre 2019 ore 10:00", "it", "2019-10-07T10:00:00Z"},
		{"19 novembre 2019", "", "2019-11-19T00:00:00Z"},
		// No day, no date: a guess is worse than nothing.
		{"November 2019", "en", ""},
		{"2 hours ago", "en", ""},
		{"vor 3 Stunden", "de", ""},
		{"", "", ""},
		{"31 February 2019", "en", ""},
		{"1890-01-01", "", ""},
	}
	for _, tc := range cases {
		got, ok := parseDate(tc.in, tc.lang)
		s := ""
		if ok {
			s = got.Format(time.RFC3339)
		}
		if s != tc.want {
			t.Errorf("parseDate(%q, %q) = %q, want %q", tc.in, tc.lang, s, tc.want)
		}
	}
}

func TestURLDate(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"/2019/11/19/story-slug":     "2019-11-19",
		"/news/2019-11-19-story":     "2019-11-19",
		"/news/20191119/story":       "2019-11-19",
		"/news/story-14848382.php":   "",
		"/2019/11/slug":              "",
		"/products/1234567890123456": "",
	}
	for path, want := range cases {
		got, ok := urlDate(path)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != want {
			t.Errorf("urlDate(%q) = %q, want %q", path, s, want)
		}
	}
}
