package feed

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPlainText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"", ""},
		{"  Plain   title\n", "Plain title"},
		{"<b>Bold</b> move", "Bold move"},
		{"AT&amp;T &amp; T-Mobile", "AT&T & T-Mobile"},
		{"AT&T", "AT&T"},
		{"&lt;script&gt; is escaped text", "<script> is escaped text"},
		{"1 &lt; 2 and 3<4", "1 < 2 and 3<4"},
		{"<p>one</p><p>two</p>", "one two"},
		{"line<br>break", "line break"},
		{"<script>alert(1)</script>visible<style>p{}</style>", "visible"},
		{"caf&eacute; &#233; &#x00E9;", "café é é"},
		{"<a href='x'>link</a>text", "linktext"},
	}
	for _, tt := range tests {
		if got := plainText(tt.in); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTruncateWords(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("word ", 100) // 500 characters
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"short", "short text", 400, "short text"},
		{"exact", "abcde", 5, "abcde"},
		{"word boundary", "the quick brown fox jumps", 12, "the quick…"},
		{"trailing punctuation", "one, two, three, four", 10, "one, two…"},
		{"one long word", strings.Repeat("x", 50), 10, strings.Repeat("x", 9) + "…"},
		{"multibyte", "été été été été", 9, "été été…"},
	}
	for _, tt := range tests {
		if got := truncateWords(tt.in, tt.max); got != tt.want {
			t.Errorf("%s: truncateWords(%q, %d) = %q, want %q", tt.name, tt.in, tt.max, got, tt.want)
		}
	}
	got := truncateWords(strings.TrimSpace(long), SummaryMaxChars)
	if n := utf8.RuneCountInString(got); n > SummaryMaxChars || n < SummaryMaxChars-10 || !strings.HasSuffix(got, "word…") {
		t.Errorf("long summary cut to %d characters: ...%q", n, got[len(got)-20:])
	}
}

func TestEscapeText(t *testing.T) {
	t.Parallel()
	got := escapeText("a < b & c\nnext line\n\nsecond <p>")
	want := "<p>a &lt; b &amp; c<br>next line</p><p>second &lt;p&gt;</p>"
	if got != want {
		t.Errorf("escapeText = %q, want %q", got, want)
	}
}
