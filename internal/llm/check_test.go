package llm

import (
	"strings"
	"testing"
	"time"

	"newsdesk/internal/brief"
)

// cycleLanes is a short article the check and generation tests share.
var cycleLanes = brief.Doc{
	ID:        7,
	Publisher: "City Post",
	Title:     "Council approves cycle lanes",
	Published: time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC),
	Text: `The city council approved a budget of 12 million euros for new cycle lanes on Tuesday.
The plan adds 40 kilometres of protected lanes by 2026.
Mayor Anna Berg said the lanes would make streets safer for children.
Opposition councillors argued the money should go to bus services instead.
Work on the first lanes will start in March.`,
}

func TestCheck(t *testing.T) {
	t.Parallel()
	src := articleSources([]brief.Doc{cycleLanes}, DefaultMaxSourceChars)
	if len(src.list) != 5 {
		t.Fatalf("article has %d sentences, want 5", len(src.list))
	}
	tests := []struct {
		name   string
		mode   checkMode
		latin  bool
		text   string
		cites  []int
		keep   bool
		reason string // part of the drop reason
	}{
		{"paraphrase kept", checkSame, true, "The council approved 12 million euros for cycle lanes.", []int{1}, true, ""},
		{"two sources kept", checkSame, true, "The 12 million euro plan adds 40 kilometres of protected lanes.", []int{1, 2}, true, ""},
		{"number word matches digits", checkSame, true, "The plan adds forty kilometres of lanes by 2026.", []int{2}, true, ""},
		{"synonyms and inflections", checkSame, true, "Mayor Anna Berg says the lane makes streets safer for a child.", []int{3}, true, ""},
		{"no citation", checkSame, true, "The council approved 12 million euros for cycle lanes.", nil, false, "no citation"},
		{"citation out of range", checkSame, true, "The council approved 12 million euros for cycle lanes.", []int{9}, false, "not a source"},
		{"range too wide", checkSame, true, "The council approved 12 million euros for cycle lanes.", []int{-1}, false, "not a source"},
		{"invented number", checkSame, true, "The council approved 50 million euros for cycle lanes.", []int{1}, false, "number 50"},
		{"invented year", checkSame, true, "The plan adds 40 kilometres of protected lanes by 2030.", []int{2}, false, "number 2030"},
		{"wrong citation", checkSame, true, "Work on the first lanes will start in March.", []int{2}, false, "content words"},
		{"invented claim", checkSame, true, "The stadium will host football matches in summer.", []int{4}, false, "content words"},
		{"added clause", checkSame, true, "The plan adds 40 kilometres of protected lanes by 2026 and will end traffic jams across the region forever.", []int{2}, false, "in a row"},
		{"no content words", checkSame, true, "It is so.", []int{1}, false, "no content"},
		{"simple words kept", checkSimple, true, "The city will spend 12 million euros on new bike lanes.", []int{1}, true, ""},
		{"simple but unrelated", checkSimple, true, "Children love riding their bikes in the park every weekend.", []int{1}, false, "content words"},
		{"simple but invented number", checkSimple, true, "The city will spend 13 million euros on bike lanes.", []int{1}, false, "number 13"},

		{"translation kept", checkTranslation, true, "Bürgermeisterin Anna Berg sagte, die Radwege würden die Straßen für Kinder sicherer machen.", []int{3}, true, ""},
		{"translation with number format", checkTranslation, true, "Der Stadtrat genehmigte am Dienstag 12 Millionen Euro für neue Radwege.", []int{1}, true, ""},
		{"translation month name is not a name", checkTranslation, true, "Die Arbeiten an den ersten Radwegen beginnen im März.", []int{5}, true, ""},
		{"translation invents a number", checkTranslation, true, "Der Stadtrat genehmigte 99 Millionen Euro für neue Radwege.", []int{1}, false, "number 99"},
		{"translation loses a number", checkTranslation, true, "Der Plan fügt geschützte Radwege hinzu.", []int{2}, false, "number 40"},
		{"translation loses the names", checkTranslation, true, "Die Bürgermeisterin sagte, die Radwege machten Straßen sicherer.", []int{3}, false, "names"},
		{"non-Latin target skips names", checkTranslation, false, "Мэр сказала, что дорожки сделают улицы безопаснее для детей.", []int{3}, true, ""},
		{"other-language summary needs a name", checkOtherLanguage, true, "La alcaldesa Anna Berg dijo que las calles serán más seguras.", []int{3}, true, ""},
		{"other-language summary invents a number", checkOtherLanguage, true, "El plan añade 70 kilómetros de carriles.", []int{2}, false, "number 70"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v := check(generated{text: tc.text, cites: tc.cites}, src, tc.mode, tc.latin)
			if kept := v.reason == ""; kept != tc.keep {
				t.Fatalf("kept = %v (reason %q), want %v", kept, v.reason, tc.keep)
			}
			if !tc.keep {
				if !strings.Contains(v.reason, tc.reason) {
					t.Errorf("reason %q, want it to mention %q", v.reason, tc.reason)
				}
				return
			}
			if v.sentence.Text != tc.text || len(v.sentence.Cites) != len(tc.cites) {
				t.Fatalf("sentence = %+v", v.sentence)
			}
			for i, n := range tc.cites {
				c := v.sentence.Cites[i]
				if c.DocID != cycleLanes.ID || c.Sentence != n-1 || c.Text != brief.SplitSentences(cycleLanes.Text)[n-1] {
					t.Errorf("cite %d = %+v, want sentence %d of article %d", i, c, n-1, cycleLanes.ID)
				}
			}
		})
	}
}

func TestNumbers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"It cost $1,200 or 1.200 € or 1\u00a0200 € (not 2 200).", "1200 1200 1200 2 200"},
		{"Rates rose 3.5% (3,5 %).", "35 35"},
		{"On 03/04 there were twenty and one.", "3 4 20"},
		{"٣ and ३ and 3", "3 3 3"},
	} {
		if got := strings.Join(numbersList(tc.in), " "); got != tc.want {
			t.Errorf("numbersList(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
