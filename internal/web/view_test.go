package web

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"newsdesk/internal/brief"
	"newsdesk/internal/store"
)

func TestSnippet(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Harbour works continue, ", 20)
	tests := []struct {
		name  string
		a     store.Article
		limit int
		want  string
	}{
		{"own snippet wins", store.Article{Snippet: " Short. ", Text: "Other text."}, 50, "Short."},
		{"short text whole", store.Article{Text: "One line.\n\nTwo  lines."}, 50, "One line. Two lines."},
		{"cut on a word", store.Article{Text: "alpha beta gamma delta"}, 13, "alpha beta…"},
		{"trailing punctuation dropped", store.Article{Text: long}, 30, "Harbour works continue…"},
		{"no text", store.Article{}, 50, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := snippet(tt.a, tt.limit); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSnippetMultibyteStaysValid(t *testing.T) {
	t.Parallel()
	got := snippet(store.Article{Text: strings.Repeat("žluťoučký kůň ", 40)}, 25)
	if !utf8.ValidString(got) || utf8.RuneCountInString(got) > 26 {
		t.Errorf("got %q: want valid UTF-8 of at most 25 runes plus the ellipsis", got)
	}
}

func TestArticleTime(t *testing.T) {
	t.Parallel()
	now := testNow
	tests := []struct {
		name string
		a    store.Article
		want time.Time
	}{
		{"published", store.Article{Published: now.Add(-time.Hour), Fetched: now}, now.Add(-time.Hour)},
		{"fetched when unpublished", store.Article{Fetched: now.Add(-2 * time.Hour)}, now.Add(-2 * time.Hour)},
		{"future clamped", store.Article{Published: now.Add(3 * time.Hour)}, now},
		{"unknown", store.Article{}, time.Time{}},
	}
	for _, tt := range tests {
		if got := articleTime(now, tt.a); !got.Equal(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestEvery(t *testing.T) {
	t.Parallel()
	tests := map[time.Duration]string{
		0:                 "",
		30 * time.Second:  "every minute",
		15 * time.Minute:  "every 15 minutes",
		time.Hour:         "every hour",
		90 * time.Minute:  "every 90 minutes",
		3 * time.Hour:     "every 3 hours",
		24 * time.Hour:    "every 24 hours",
		450 * time.Minute: "every 7 hours",
	}
	for d, want := range tests {
		if got := every(d); got != want {
			t.Errorf("every(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestNewSourceViewStatus(t *testing.T) {
	t.Parallel()
	now := testNow
	tests := []struct {
		name string
		f    store.Feed
		want string
	}{
		{"never polled", store.Feed{}, "new"},
		{"healthy", store.Feed{LastSuccess: now.Add(-time.Minute)}, "ok"},
		{"failing", store.Feed{LastSuccess: now.Add(-time.Hour), ConsecutiveErrors: 2}, "failing"},
		{"disabled wins", store.Feed{Disabled: true, ConsecutiveErrors: 5, NextCheck: now.Add(time.Hour)}, "disabled"},
	}
	for _, tt := range tests {
		v := newSourceView(now, store.FeedStatus{Feed: tt.f})
		if v.Status != tt.want {
			t.Errorf("%s: status %q, want %q", tt.name, v.Status, tt.want)
		}
		if tt.f.Disabled && v.NextCheck.Rel != "" {
			t.Errorf("%s: a disabled feed shows next check %q", tt.name, v.NextCheck.Rel)
		}
	}
}

func TestNewArticleView(t *testing.T) {
	t.Parallel()
	fs := newFakeStore("https://img.example")
	a := fs.fill(fs.articles[1])
	if a.ID != 1 {
		t.Fatalf("fixture order changed: article %d", a.ID)
	}
	v := newArticleView(testNow, a)
	if v.OriginalHost != "harbor-gazette.example" {
		t.Errorf("original host %q", v.OriginalHost)
	}
	if v.ImageURL != a.ImageURL {
		t.Errorf("hero image %q, want %q (the body does not show it)", v.ImageURL, a.ImageURL)
	}
	if v.AskURL != "/article/1/ask" || len(v.KeyPoints) != 2 || v.Language != "en" {
		t.Errorf("ask %q, key points %q, language %q", v.AskURL, v.KeyPoints, v.Language)
	}

	a.HTML += `<figure><img src="` + a.ImageURL + `"></figure>`
	if v := newArticleView(testNow, a); v.ImageURL != "" {
		t.Errorf("hero image %q repeated although the body shows it", v.ImageURL)
	}
}

func TestReadingMinutes(t *testing.T) {
	t.Parallel()
	words := func(n int) string { return strings.Repeat("word ", n) }
	tests := []struct {
		name string
		a    store.Article
		want int
	}{
		{"from the text", store.Article{Text: words(700), WordCount: 5}, int(brief.ReadingTime(words(700)) / time.Minute)},
		{"word count without text", store.Article{WordCount: 460}, 2}, // 230 a minute
		{"short text is a minute", store.Article{Text: "Two words."}, 1},
		{"unknown length", store.Article{}, 0},
		// Scripts without spaces are counted in characters: 2,000 of them are not "1 min".
		{"no spaces", store.Article{Text: strings.Repeat("港口大桥获得批准。", 220)}, 0},
	}
	for _, tt := range tests {
		got := newArticleView(testNow, tt.a).ReadingMinutes
		if tt.want == 0 && tt.a.Text != "" {
			if got < 2 {
				t.Errorf("%s: %d min, want more than 1", tt.name, got)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("%s: %d min, want %d", tt.name, got, tt.want)
		}
	}
}
