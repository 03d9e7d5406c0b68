package brief

import (
	"slices"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The sky is blue. Grass is green! Is it? Yes.",
			[]string{"The sky is blue.", "Grass is green!", "Is it?", "Yes."}},
		{"titles", "Mr. Smith met Dr. Jones and Prof. Lee. They talked.",
			[]string{"Mr. Smith met Dr. Jones and Prof. Lee.", "They talked."}},
		{"decimals and money", "Shares rose 3.5 per cent to $12.40 on Monday. Analysts cheered.",
			[]string{"Shares rose 3.5 per cent to $12.40 on Monday.", "Analysts cheered."}},
		{"acronym inside", "U.S. officials said the U.S.-led force left at 7 a.m. Friday.",
			[]string{"U.S. officials said the U.S.-led force left at 7 a.m. Friday."}},
		{"acronym at end", "The plane landed in the U.S. The crew was safe.",
			[]string{"The plane landed in the U.S.", "The crew was safe."}},
		{"initials", "John F. Kennedy was shot in 1963. George W. Bush spoke.",
			[]string{"John F. Kennedy was shot in 1963.", "George W. Bush spoke."}},
		{"quotes after stop", `"We will win." He smiled. ‘Never again.’ She left.`,
			[]string{`"We will win."`, "He smiled.", "‘Never again.’", "She left."}},
		{"question inside quote", `"Why?" he asked. Nobody knew.`,
			[]string{`"Why?" he asked.`, "Nobody knew."}},
		{"abbreviation then number", "He lives at No. 10 Downing St. in London. Jan. 5 was cold.",
			[]string{"He lives at No. 10 Downing St. in London.", "Jan. 5 was cold."}},
		{"company at end", "The deal was signed by Acme Inc. The shares rose.",
			[]string{"The deal was signed by Acme Inc.", "The shares rose."}},
		{"company inside", "Acme Inc. Chief Jane Doe resigned.",
			[]string{"Acme Inc. Chief Jane Doe resigned."}},
		{"ellipsis", "Well... maybe. Wait… Then it happened.",
			[]string{"Well... maybe.", "Wait…", "Then it happened."}},
		{"paragraphs", "Headline without stop\n\nFirst paragraph here. Second sentence.\nNew line starts.",
			[]string{"Headline without stop", "First paragraph here.", "Second sentence.", "New line starts."}},
		{"hard wrapped", "This sentence was wrapped\nat the column limit. Next one.",
			[]string{"This sentence was wrapped at the column limit.", "Next one."}},
		{"lower case after stop", "It cost approx. five dollars. Fine.",
			[]string{"It cost approx. five dollars.", "Fine."}},
		{"no terminator", "just words", []string{"just words"}},
		{"empty", "  \n\n ", nil},
		{"german", "Die Regierung hat am Montag entschieden. Der Kanzler sprach.",
			[]string{"Die Regierung hat am Montag entschieden.", "Der Kanzler sprach."}},
		{"spanish opener", "¿Qué pasó? ¡Nadie lo sabe!", []string{"¿Qué pasó?", "¡Nadie lo sabe!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := SplitSentences(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
