package story

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// loadArticles reads the hand-written articles in testdata/articles.
func loadArticles(t *testing.T) map[string]string {
	t.Helper()
	paths, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	out := make(map[string]string)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(p), ".txt")] = strings.TrimSpace(string(b))
	}
	return out
}

// syndicate returns a copy of text as another outlet would run it.
func syndicate(text, kind string, rng *rand.Rand) string {
	words := strings.Fields(text)
	switch kind {
	case "boilerplate":
		return "By Staff Reporter | Updated 10:42 GMT | 4 min read\n\n" + text +
			"\n\nSign up for our morning newsletter to get the top stories in your inbox. " +
			"Copyright 2024 Example Media Group. All rights reserved. This material may not be republished."
	case "headline":
		return text // only the headline differs, see below
	case "edits":
		// Light copy-editing: about one word in twenty-five changed.
		for i := range words {
			if rng.IntN(25) == 0 {
				words[i] = []string{"the", "reportedly", "also", "then", "local"}[rng.IntN(5)]
			}
		}
		return strings.Join(words, " ")
	case "truncated":
		return strings.Join(words[:len(words)*55/100], " ") + " … Continue reading"
	case "all":
		w := words[:len(words)*70/100]
		for i := range w {
			if rng.IntN(30) == 0 {
				w[i] = "also"
			}
		}
		return "Advertisement\n" + strings.Join(w, " ") + "\nRead more: subscribe today for unlimited access."
	}
	panic(kind)
}

func TestDuplicatesSyndicatedCopies(t *testing.T) {
	t.Parallel()
	articles := loadArticles(t)
	names := make([]string, 0, len(articles))
	for n := range articles {
		names = append(names, n)
	}
	// Sorted for a stable run.
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			if names[j] < names[i] {
				names[i], names[j] = names[j], names[i]
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
	e := NewEngine(DefaultConfig())
	origID := make(map[string]int64)
	id := int64(0)
	for i, n := range names {
		id++
		origID[n] = id
		a := e.Add(Item{ID: id, Title: strings.ReplaceAll(n, "-", " "), Text: articles[n], Publisher: "Origin",
			URL: "https://origin.example/" + n, Published: base.Add(time.Duration(i) * time.Minute)})
		if a.DuplicateOf != 0 {
			t.Errorf("original %s marked a copy of %d", n, a.DuplicateOf)
		}
	}
	type copyItem struct {
		it   Item
		orig int64
	}
	var copies []copyItem
	kinds := []string{"boilerplate", "headline", "edits", "truncated", "all"}
	for _, n := range names {
		for k, kind := range kinds {
			id++
			copies = append(copies, copyItem{Item{ID: id, Title: fmt.Sprintf("Outlet %d: %s", k, kind),
				Text: syndicate(articles[n], kind, rng), Publisher: fmt.Sprintf("Outlet %d", k),
				URL: fmt.Sprintf("https://outlet%d.example/%s", k, n)}, origID[n]})
		}
	}
	rng.Shuffle(len(copies), func(i, j int) { copies[i], copies[j] = copies[j], copies[i] })
	var tp, fp, fn int
	for i, c := range copies {
		c.it.Published = base.Add(time.Hour + time.Duration(i)*time.Minute)
		a := e.Add(c.it)
		switch {
		case a.DuplicateOf == c.orig:
			tp++
		case a.DuplicateOf != 0:
			fp++
			t.Errorf("copy %q linked to %d, want %d", c.it.Title, a.DuplicateOf, c.orig)
		default:
			fn++
			t.Logf("missed copy %q of %d", c.it.Title, c.orig)
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(len(copies))
	t.Logf("syndicated copies: %d, precision %.3f, recall %.3f", len(copies), precision, recall)
	if precision < 0.99 || recall < 0.95 {
		t.Errorf("precision %.3f recall %.3f, want ≥ 0.99 and ≥ 0.95", precision, recall)
	}
}

func TestDuplicatesSameStoryIsNotACopy(t *testing.T) {
	t.Parallel()
	articles := loadArticles(t)
	tests := []struct{ a, b string }{
		{"rates-ecb", "rates-ecb-2"},    // two write-ups of one event
		{"quake-chile", "quake-turkey"}, // look-alike events
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			t.Parallel()
			e := NewEngine(DefaultConfig())
			now := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
			e.Add(Item{ID: 1, Title: tt.a, Text: articles[tt.a], Published: now})
			got := e.Add(Item{ID: 2, Title: tt.b, Text: articles[tt.b], Published: now.Add(time.Hour)})
			if got.DuplicateOf != 0 {
				t.Errorf("%s marked a copy of %s", tt.b, tt.a)
			}
		})
	}
}

func TestDuplicatesByURLAndHeadline(t *testing.T) {
	t.Parallel()
	now := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		a, b Item
		want bool
	}{
		{"same canonical url", Item{Title: "A", URL: "https://www.example.com/a/?utm_source=x"}, Item{Title: "B", URL: "http://example.com/a"}, true},
		{"same long headline", Item{Title: "Ally files for IPO that could raise more than $3B"}, Item{Title: "Ally files for IPO that could raise more than $3B - KTVN", Publisher: "KTVN"}, true},
		{"same short headline", Item{Title: "Stocks to watch"}, Item{Title: "Stocks to watch"}, false},
		{"same headline next day", Item{Title: "Ally files for IPO that could raise more than $3B"}, Item{Title: "Ally files for IPO that could raise more than $3B", Published: now.Add(24 * time.Hour)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := NewEngine(DefaultConfig())
			tt.a.ID, tt.b.ID = 1, 2
			tt.a.Published = now
			if tt.b.Published.IsZero() {
				tt.b.Published = now.Add(time.Hour)
			}
			e.Add(tt.a)
			got := e.Add(tt.b)
			if (got.DuplicateOf == 1) != tt.want {
				t.Errorf("DuplicateOf = %d, want copy %v", got.DuplicateOf, tt.want)
			}
		})
	}
}
