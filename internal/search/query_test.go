package search

import (
	"errors"
	"strings"
	"testing"
	"unicode"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, fts5, web string
	}{
		{`council budget`, `(("council") AND ("budget"))`, `"council" "budget"`},
		{`"city council" vote`, `(("city council") AND ("vote"))`, `"city council" "vote"`},
		{`rail OR road bridge`, `(("rail" OR "road") AND ("bridge"))`, `"rail" or "road" "bridge"`},
		{`storm -rain`, `(("storm")) NOT "rain"`, `"storm" -"rain"`},
		{`storm -"heavy rain"`, `(("storm")) NOT "heavy rain"`, `"storm" -"heavy rain"`},
		{`covid-19 O'Brien`, `(("covid 19") AND ("o brien"))`, `"covid 19" "o brien"`},
		{`Zürich NEAR(a b) title:x`, `(("zürich") AND ("near a") AND ("b") AND ("title x"))`, `"zürich" "near a" "b" "title x"`},
		{`or OR and`, `(("or" OR "and"))`, `"or" or "and"`},
		{`OR storm`, `(("storm"))`, `"storm"`},
		{`"unclosed phrase`, `(("unclosed phrase"))`, `"unclosed phrase"`},
		{"- storm\u00a0\u3000rain", `(("storm") AND ("rain"))`, `"storm" "rain"`},
		{`a*b^c "" x`, `(("a b c") AND ("x"))`, `"a b c" "x"`},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := q.FTS5(); got != tt.fts5 {
			t.Errorf("Parse(%q).FTS5() = %s, want %s", tt.in, got, tt.fts5)
		}
		if got := q.Websearch(); got != tt.web {
			t.Errorf("Parse(%q).Websearch() = %s, want %s", tt.in, got, tt.web)
		}
	}
}

func TestParseEmpty(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "   ", `""`, "-storm", `- "" OR`, "*** ^^^ ()", "\xff\xfe"} {
		if _, err := Parse(in); !errors.Is(err, ErrEmptyQuery) {
			t.Errorf("Parse(%q) = %v, want ErrEmptyQuery", in, err)
		}
	}
}

func TestParseBoundsWork(t *testing.T) {
	t.Parallel()
	q, err := Parse(strings.Repeat("word ", 1000))
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Groups) != maxAtoms {
		t.Errorf("kept %d atoms, want %d", len(q.Groups), maxAtoms)
	}
}

func TestHighlightHTML(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"plain <b>text</b> & more", "plain &lt;b&gt;text&lt;/b&gt; &amp; more"},
		{"a " + MarkStart + "storm" + MarkStop + " hit", "a <mark>storm</mark> hit"},
		{MarkStart + "<script>" + MarkStop, "<mark>&lt;script&gt;</mark>"},
		{MarkStop + "x" + MarkStart + MarkStart + "y", "x<mark>y</mark>"},
		{`"quoted" 'single'`, "&#34;quoted&#34; &#39;single&#39;"},
	}
	for _, tt := range tests {
		if got := HighlightHTML(tt.in); got != tt.want {
			t.Errorf("HighlightHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Whatever is typed, the parsed atoms hold only letters, digits and marks, so neither
// engine can see an operator in them, and the rendered forms stay balanced.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`a "b c" -d OR e`, `NEAR("x" y)`, `title:x*`, "\x00\"", "-\"", "ü-ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		q, err := Parse(in)
		if err != nil {
			if !errors.Is(err, ErrEmptyQuery) {
				t.Fatalf("Parse(%q): %v", in, err)
			}
			return
		}
		for _, g := range q.Groups {
			for _, a := range g {
				checkAtom(t, in, a)
			}
		}
		for _, a := range q.Exclude {
			checkAtom(t, in, a)
		}
		if n := strings.Count(q.FTS5(), `"`); n%2 != 0 {
			t.Fatalf("Parse(%q).FTS5() has unbalanced quotes: %s", in, q.FTS5())
		}
		h := HighlightHTML(in)
		if strings.Count(h, "<") != strings.Count(h, "<mark>")+strings.Count(h, "</mark>") {
			t.Fatalf("HighlightHTML(%q) lets markup through: %s", in, h)
		}
	})
}

func checkAtom(t *testing.T, in string, a Atom) {
	t.Helper()
	if len(a) == 0 {
		t.Fatalf("Parse(%q): empty atom", in)
	}
	for _, w := range a {
		for _, r := range w {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
				t.Fatalf("Parse(%q): word %q holds %q", in, w, r)
			}
		}
	}
}
