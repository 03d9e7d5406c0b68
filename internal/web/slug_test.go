package web

import (
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("word ", 30)
	tests := []struct {
		title, want string
	}{
		{"Council approves the new harbour bridge", "council-approves-the-new-harbour-bridge"},
		{"  Zürich's café: 3 € — “Crème brûlée”!  ", "zurichs-cafe-3-creme-brulee"},
		{"Europe’s ﬁnest", "europes-finest"}, // typographic apostrophe, ligature
		{"東京で地震", ""},
		{"", ""},
		{"--- ---", ""},
		{long, strings.TrimSuffix(strings.Repeat("word-", 16), "-")}, // 16×5 = 80: cut on the word boundary
		{strings.Repeat("x", 100), strings.Repeat("x", 80)},          // one long word: hard cut
	}
	for _, tt := range tests {
		if got := slugify(tt.title); got != tt.want {
			t.Errorf("slugify(%q) = %q, want %q", tt.title, got, tt.want)
		}
		if got := slugify(tt.title); len(got) > maxSlugLen {
			t.Errorf("slugify(%q) is %d bytes, more than %d", tt.title, len(got), maxSlugLen)
		}
	}
}

func TestArticlePath(t *testing.T) {
	t.Parallel()
	if got, want := articlePath(42, "Rail strike called off"), "/article/42/rail-strike-called-off"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := articlePath(7, "東京"), "/article/7"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
