package storyeval

import (
	"os"
	"testing"

	"time"

	"newsdesk/internal/story"
)

// corpusPath is the shared clustering corpus, relative to this package.
const corpusPath = "../../../../shared/corpora/clustering/uci-news-2014-03.jsonl.gz"

func TestCorpusBCubed(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run skipped in -short mode")
	}
	if _, err := os.Stat(corpusPath); err != nil {
		t.Skip("clustering corpus absent")
	}
	recs, err := Load(corpusPath)
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewStream(recs, 1)
	if err != nil {
		t.Fatal(err)
	}
	r := RunEngine(s, story.DefaultConfig(), 0, nil)
	t.Logf("BCubed P %.3f R %.3f F1 %.3f; pairwise F1 %.3f; clusters %d/%d; %.0f items/s",
		r.Scores.BCubedP, r.Scores.BCubedR, r.Scores.BCubedF1, r.Scores.PairF1, r.Scores.Predicted, r.Scores.Gold, r.ItemsPerSecond())
	// Measured 0.797 with the default configuration (0.825 on the first ten days it was
	// tuned on, 0.780 on the last ten held out); the floor leaves room for noise from
	// parameter changes, not for a regression.
	const floor = 0.785
	if r.Scores.BCubedF1 < floor {
		t.Errorf("BCubed F1 %.3f below the floor %.2f", r.Scores.BCubedF1, floor)
	}
}

func TestScore(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		gold, pred []string
		b3P, b3R   float64
		pairP      float64
	}{
		{"perfect", []string{"a", "a", "b"}, []string{"x", "x", "y"}, 1, 1, 1},
		{"all in one", []string{"a", "a", "b", "b"}, []string{"x", "x", "x", "x"}, 0.5, 1, 2.0 / 6},
		{"all apart", []string{"a", "a", "b", "b"}, []string{"1", "2", "3", "4"}, 1, 0.5, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := Score(tt.gold, tt.pred)
			if !near(s.BCubedP, tt.b3P) || !near(s.BCubedR, tt.b3R) || !near(s.PairP, tt.pairP) {
				t.Errorf("Score = %+v, want B3 P %.3f R %.3f pair P %.3f", s, tt.b3P, tt.b3R, tt.pairP)
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestPeers(t *testing.T) {
	t.Parallel()
	recs := []Record{
		{Title: "Facebook buys Oculus VR for $2 billion"},
		{Title: "Facebook buys Oculus VR for $2 billion"},
		{Title: "Facebook buys Oculus for $2 billion"},
		{Title: "Honda recalls minivans over seats"},
	}
	times := make([]time.Time, len(recs))
	for name, peer := range map[string]func([]Record, []time.Time, float64) []int{"newsblur": NewsBlur, "ttrss": TinyTinyRSS} {
		g := peer(recs, times, 0.75)
		if g[0] != g[1] || g[0] == g[3] {
			t.Errorf("%s grouped %v", name, g)
		}
	}
}
