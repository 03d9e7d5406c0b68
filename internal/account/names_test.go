package account

import (
	"errors"
	"testing"
)

func TestCleanName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw, name string
		ok        bool
	}{
		{"Ann Smith", "Ann Smith", true},
		{"  Ann   Smith  ", "Ann Smith", true},
		{"ＡｎｎＳｍｉｔｈ", "AnnSmith", true}, // full-width letters, NFKC
		{"Zoë O'Neil", "Zoë O'Neil", true},
		{"Zoe\u0308 Bell", "Zoë Bell", true}, // combining diaeresis composes
		{"李小龍", "李小龍", true},
		{"Дмитрий", "Дмитрий", true},
		{"ann_99", "ann_99", true},
		{"an", "", false},
		{"a very long name that goes on and on", "", false},
		{"<script>", "", false},
		{"ann<b>", "", false},
		{"ann\"x", "", false},
		{"_ann", "", false},
		{"ann\u200bsmith", "", false}, // zero-width space
		{"ann\u202esmith", "", false}, // right-to-left override
		{"ann\x00smith", "", false},
		{"Pаypal", "", false}, // Cyrillic а among Latin letters
		{"admin", "", false},
		{"Admin", "", false},
		{"ADM1N", "", false},
		{"The Admin", "", false},
		{"ａｄｍｉｎ", "", false},
		{"Moderator Bob", "", false},
		{"m.o.d", "", false},
		{"root", "", false},
		{"Deleted user", "", false},
		{"newsdesk team", "", false},
		{"model citizen", "model citizen", true}, // "mod" is reserved alone, not inside words
	}
	for _, tt := range tests {
		name, key, err := CleanName(tt.raw)
		if tt.ok != (err == nil) || name != tt.name {
			t.Errorf("CleanName(%q) = %q, %q, %v; want %q, ok %v", tt.raw, name, key, err, tt.name, tt.ok)
		}
		var ne *NameError
		if err != nil && !errors.As(err, &ne) {
			t.Errorf("CleanName(%q): error %v is not a *NameError", tt.raw, err)
		}
	}
}

func TestNameKeyCollides(t *testing.T) {
	t.Parallel()
	same := [][]string{
		{"Ann", "ann", "ANN", "A.n.n", "a n n", "a_n-n", "Ａｎｎ"},
		{"Bill", "BiII", "B1ll", "bi11"},
		{"Zoë", "Zoe", "ZOE", "Zoe\u0308"},
		{"Oscar", "0scar", "Οscar" /* Greek capital omicron */},
		{"Strasse", "Straße"},
	}
	for _, group := range same {
		want := NameKey(group[0])
		for _, n := range group[1:] {
			if got := NameKey(n); got != want {
				t.Errorf("NameKey(%q) = %q, want %q like %q", n, got, want, group[0])
			}
		}
	}
	if NameKey("Ann") == NameKey("Anna") {
		t.Error("different names share a key")
	}
}

func TestCleanEmail(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw, email, key string
	}{
		{"Ann@Example.org", "Ann@Example.org", "ann@example.org"},
		{"  ann+news@example.org ", "ann+news@example.org", "ann+news@example.org"},
		{"ann", "", ""},
		{"ann@localhost", "", ""},
		{"Ann <ann@example.org>", "", ""},
		{"ann@example.org\r\nBcc: x@y.z", "", ""},
		{"a@b@example.org", "", ""},
		{"@example.org", "", ""},
		{"ann@example.org.", "", ""},
	}
	for _, tt := range tests {
		email, key, err := CleanEmail(tt.raw)
		if email != tt.email || key != tt.key || (tt.email == "") != errors.Is(err, ErrInvalidEmail) {
			t.Errorf("CleanEmail(%q) = %q, %q, %v; want %q, %q", tt.raw, email, key, err, tt.email, tt.key)
		}
	}
}
