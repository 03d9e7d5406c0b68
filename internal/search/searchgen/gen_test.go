package searchgen

import (
	"strings"
	"testing"
	"time"

	"newsdesk/internal/store"
)

func TestVocabularyIsDistinct(t *testing.T) {
	t.Parallel()
	v := Vocabulary()
	if len(v) != VocabSize {
		t.Fatalf("%d words, want %d", len(v), VocabSize)
	}
	seen := map[string]bool{}
	for _, w := range v {
		if seen[w] || w == "" {
			t.Fatalf("word %q repeated or empty", w)
		}
		seen[w] = true
	}
}

// The generated text follows the vocabulary's ranks: the commonest word is far more
// frequent than a mid-ranked one, and a tail word appears only now and then.
func TestArticlesFollowZipf(t *testing.T) {
	t.Parallel()
	pubs := []store.Publisher{{ID: 1, HomeURL: "https://a.example/", Language: "en"}}
	end := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	g := New(1, pubs, end, 24*time.Hour)
	counts := map[string]int{}
	var last time.Time
	const n = 300
	for i := range n {
		a := g.Article(i, n)
		if a.Published.Before(last) || a.Published.After(end) || a.Title == "" || a.WordCount < 120 {
			t.Fatalf("article %d: %+v", i, a)
		}
		last = a.Published
		for _, w := range strings.FieldsFunc(strings.ToLower(a.Text), func(r rune) bool { return r == ' ' || r == '.' || r == '\n' }) {
			counts[w]++
		}
	}
	v := Vocabulary()
	if counts[v[0]] < 20*counts[v[200]] || counts[v[200]] == 0 {
		t.Errorf("rank 1 %q: %d, rank 201 %q: %d", v[0], counts[v[0]], v[200], counts[v[200]])
	}
	if len(counts) < 5000 {
		t.Errorf("only %d distinct words in %d articles", len(counts), n)
	}
}
