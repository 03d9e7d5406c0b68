package llm

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestParseReply(t *testing.T) {
	t.Parallel()
	type g = generated
	tests := []struct {
		name string
		in   string
		want []g
	}{
		{"citation before the stop", "Rates rose by 0.25 points [2]. Markets fell [3][5].",
			[]g{{"Rates rose by 0.25 points.", []int{2}}, {"Markets fell.", []int{3, 5}}}},
		{"citation after the stop", "Rates rose. [2] Markets fell. [3]",
			[]g{{"Rates rose.", []int{2}}, {"Markets fell.", []int{3}}}},
		{"lists and ranges", "Prices jumped [1, 4]. Sales slowed [2-4]. Exports fell [1], [6].",
			[]g{{"Prices jumped.", []int{1, 4}}, {"Sales slowed.", []int{2, 3, 4}}, {"Exports fell.", []int{1, 6}}}},
		{"mid-sentence citations", "The bank [1] raised rates [2] on Thursday.",
			[]g{{"The bank raised rates on Thursday.", []int{1, 2}}}},
		{"no citation", "Here is a summary: Rates rose [1].",
			[]g{{"Here is a summary: Rates rose.", []int{1}}}},
		{"bullets and emphasis", "- **Rates** rose [1].\n* Markets fell [2].\n3. Oil slid [4].",
			[]g{{"Rates rose.", []int{1}}, {"Markets fell.", []int{2}}, {"Oil slid.", []int{4}}}},
		{"abbreviations do not split", "Mr. Smith paid $3.50 in the U.S. on Monday [1]. He left [2].",
			[]g{{"Mr. Smith paid $3.50 in the U.S. on Monday.", []int{1}}, {"He left.", []int{2}}}},
		{"heading line without citation", "Summary\nRates rose [1].",
			[]g{{"Summary", nil}, {"Rates rose.", []int{1}}}},
		{"wide range is out of range", "Everything happened [1-30].",
			[]g{{"Everything happened.", []int{-1}}}},
		{"repeated numbers once", "Rates rose [2][2] again [2].",
			[]g{{"Rates rose again.", []int{2}}}},
		{"full-width stops", "利率上升了[1]。市场下跌[2]。",
			[]g{{"利率上升了。", []int{1}}, {"市场下跌。", []int{2}}}},
		{"empty", "  \n\n ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := parseReply(tc.in)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("parseReply(%q)\n got %v\nwant %v", tc.in, got, tc.want)
			}
		})
	}
}

// TestSplitterStreaming feeds replies in random pieces and checks the sentences come out as
// parsing the whole reply gives them, and that none comes out before it is complete.
func TestSplitterStreaming(t *testing.T) {
	t.Parallel()
	replies := []string{
		"Rates rose by 0.25 points [2]. Markets fell [3][5]. Mr. Smith said the U.S. economy grew 2.1% [4].",
		"Rates rose. [2] Markets fell. [3]\n- Oil slid [1, 4].\n\nGold gained [6]",
		"The bank [1] raised rates [2] on Thursday. \"We acted,\" the governor said [3]. Inflation hit 5.3% in Aug. [4] The end [5].",
		"利率上升了[1]。市场下跌[2]。Prices rose [3].",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, reply := range replies {
		want := parseReply(reply)
		for trial := range 50 {
			var s splitter
			var got []generated
			fed := ""
			rest := reply
			for rest != "" {
				n := min(len(rest), 1+rng.IntN(6))
				for n < len(rest) && !utf8RuneStart(rest[n]) {
					n++
				}
				fed += rest[:n]
				out := s.write(rest[:n])
				rest = rest[n:]
				// Whatever came out must be the same as the whole parse's sentence at its place.
				for _, o := range out {
					if len(got) >= len(want) || !reflect.DeepEqual(o, want[len(got)]) {
						t.Fatalf("trial %d: after %q emitted %v, want sentence %d of %v", trial, fed, o, len(got), want)
					}
					got = append(got, o)
				}
			}
			got = append(got, s.flush()...)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("trial %d: streamed %v\nwant %v", trial, got, want)
			}
		}
	}
}

func TestParseNumbers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want []int
	}{
		{"[3]", []int{3}},
		{" [2][5]", []int{2, 5}},
		{"[1, 2; 3]", []int{1, 2, 3}},
		{"[4–6]", []int{4, 5, 6}},
		{"[6-4]", []int{-1}},
	} {
		if got := parseNumbers(tc.in); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("parseNumbers(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
