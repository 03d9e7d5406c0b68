package storyeval

import (
	"testing"

	"newsdesk/internal/story"
)

// TestDemoFullText groups the demo's full-text articles (English, German and French, eight
// stories covered by several publishers, three pairs of look-alike events) and scores the
// result against their Story keys, with the language declared and with the engine left to
// detect it.
func TestDemoFullText(t *testing.T) {
	t.Parallel()
	for _, detect := range []bool{false, true} {
		r := RunDemo(story.DefaultConfig(), detect)
		s := r.Scores
		t.Logf("detect %v: BCubed P %.3f R %.3f F1 %.3f; clusters %d/%d", detect, s.BCubedP, s.BCubedR, s.BCubedF1, s.Predicted, s.Gold)
		// Measured P 1.000, R 0.972, F1 0.986 both ways: the one miss is a German report
		// of a cup final that English and French outlets cover in their own words. Mixing
		// stories is the bug readers see, so precision has the tighter floor.
		if s.BCubedP < 0.99 || s.BCubedF1 < 0.97 {
			t.Errorf("detect %v: BCubed P %.3f F1 %.3f below the floors 0.99 and 0.97", detect, s.BCubedP, s.BCubedF1)
		}
		for i, a := range r.Items {
			for j := i + 1; j < len(r.Items); j++ {
				if b := r.Items[j]; r.Pred[i] == r.Pred[j] && a.Story != b.Story {
					t.Errorf("detect %v: %s (%s) grouped with %s (%s)", detect, a.Slug, a.Story, b.Slug, b.Story)
				}
			}
		}
	}
}
