package edition

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	eds, err := Parse(" us/en=United States, IE/EN=Ireland ,de/de,fr/fr=France,xx/yy")
	if err != nil {
		t.Fatal(err)
	}
	want := "us/en=United States,ie/en=Ireland,de/de=Deutschland,fr/fr=France,xx/yy=XX"
	if got := Format(eds); got != want {
		t.Errorf("parsed %q, want %q", got, want)
	}
	if eds[1].Path() != "/ie/en" {
		t.Errorf("path %q", eds[1].Path())
	}
	if eds, err := Parse(""); err != nil || eds != nil {
		t.Errorf("empty setting: %v, %v", eds, err)
	}
	for _, bad := range []string{"usa/en", "us", "us/english", "us-en", "u1/en", "us/en,us/en=Again", "/en=X"} {
		if _, err := Parse(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("Parse(%q) = %v, want ErrInvalid", bad, err)
		}
	}
}

func TestDefault(t *testing.T) {
	t.Parallel()
	got := Default([]Source{
		{"GB", "en"}, {"us", "en"}, {"gb", "en-GB"}, {"de", "de"}, {"", "fr"}, {"fr", ""}, {"DE", "de"}, {"gb", "en"},
	})
	if s := Format(got); s != "gb/en=United Kingdom,de/de=Deutschland,us/en=United States" {
		t.Errorf("default %q", s)
	}
	if got := Default(nil); len(got) != 1 || got[0] != Fallback {
		t.Errorf("no publishers: %v", got)
	}
}

func TestMatch(t *testing.T) {
	t.Parallel()
	eds, _ := Parse("us/en,ie/en,gb/en,de/de,at/de,fr/fr,ca/fr")
	s, err := NewSet(eds)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		header string
		want   string
	}{
		{"en-IE,en;q=0.9", "ie/en"},
		{"en-GB", "gb/en"},
		{"en", "us/en"},
		{"en-AU,en;q=0.8", "us/en"}, // no Australian edition: the language's likeliest
		{"de-AT,de;q=0.9", "at/de"},
		{"de", "de/de"},
		{"de-CH", "de/de"},
		{"fr-CA", "ca/fr"},
		{"fr-BE,fr;q=0.9,en;q=0.5", "fr/fr"},
		{"es-ES,de;q=0.7", "de/de"}, // no Spanish edition: the next language
		{"ga-IE", "ie/en"},          // no Irish-language edition: the reader's country
		{"ja-JP", "us/en"},
		{"", "us/en"},
		{"*", "us/en"},
		{"garbage;;q=x", "us/en"},
		{"it;q=0.2,de;q=0.9", "de/de"}, // by weight, not by order
	}
	for _, tt := range tests {
		if got := s.Match(tt.header).Key(); got != tt.want {
			t.Errorf("Match(%q) = %s, want %s", tt.header, got, tt.want)
		}
	}
	if got := s.Pick("fr/fr", "de").Key(); got != "fr/fr" {
		t.Errorf("cookie ignored: %s", got)
	}
	if got := s.Pick("xx/yy", "de").Key(); got != "de/de" {
		t.Errorf("stale cookie: %s", got)
	}
}

func TestFromPath(t *testing.T) {
	t.Parallel()
	eds, _ := Parse("us/en,de/de")
	s, _ := NewSet(eds)
	tests := []struct {
		path, key, rest string
		ok              bool
	}{
		{"/de/de/sport", "de/de", "/sport", true},
		{"/de/de", "de/de", "/", true},
		{"/de/de/", "de/de", "/", true},
		{"/us/en/story/12", "us/en", "/story/12", true},
		{"/fr/fr/sport", "", "/fr/fr/sport", false},
		{"/search", "", "/search", false},
	}
	for _, tt := range tests {
		e, rest, ok := s.FromPath(tt.path)
		if ok != tt.ok || rest != tt.rest || (ok && e.Key() != tt.key) {
			t.Errorf("FromPath(%q) = %s, %q, %v", tt.path, e.Key(), rest, ok)
		}
	}
	if _, err := NewSet(nil); err == nil {
		t.Error("a set of no editions")
	}
	if e, ok := s.Lookup("DE/DE"); !ok || e.Name != "Deutschland" {
		t.Errorf("lookup %v %v", e, ok)
	}
	if strings.Join([]string{s.All()[0].Key(), s.Default().Key()}, " ") != "us/en us/en" {
		t.Error("default is not the first")
	}
}
