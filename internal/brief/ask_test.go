package brief

import (
	"strings"
	"testing"
)

func stormDocs() []Doc {
	return []Doc{{ID: 7, Publisher: "Harbour Herald", Title: "Storm Elena hits Portugal", Text: storm}}
}

func TestAskCueTypes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		question, want string
	}{
		{"When did Storm Elena make landfall?", "on Tuesday morning"},
		{"How many homes lost power?", "12,000 homes"},
		{"Who ordered the schools to close?", "Rui Moreira"},
		{"Where did the storm make landfall?", "near Porto"},
		{"Why were the schools closed?", "because of the risk of flooding"},
		{"How many people were rescued?", "rescued 34 people"},
		{"Where is the storm moving?", "towards Spain"},
	}
	for _, tt := range tests {
		answers, ok := Ask(tt.question, stormDocs(), 3)
		if !ok || len(answers) == 0 {
			t.Errorf("Ask(%q) gave no answer", tt.question)
			continue
		}
		if !strings.Contains(answers[0].Text, tt.want) {
			t.Errorf("Ask(%q) top answer = %q, want one containing %q", tt.question, answers[0].Text, tt.want)
		}
		if answers[0].DocID != 7 {
			t.Errorf("Ask(%q) cites doc %d, want 7", tt.question, answers[0].DocID)
		}
		if got := SplitSentences(storm)[answers[0].Sentence]; got != answers[0].Text {
			t.Errorf("Ask(%q) cites sentence %d = %q, not the answer text", tt.question, answers[0].Sentence, got)
		}
	}
}

func TestAskCueBreaksTies(t *testing.T) {
	t.Parallel()
	// Both sentences share the question's words; only the cue tells which holds a date, a
	// number or a person.
	doc := []Doc{{ID: 1, Text: "The bridge reopening was welcomed by drivers across the region. " +
		"The bridge reopening happened on 14 March after two years of repairs. " +
		"The bridge reopening was announced by engineer Maria Costa at a press conference."}}
	tests := []struct{ q, want string }{
		{"When was the bridge reopening?", "14 March"},
		{"Who announced the bridge reopening?", "Maria Costa"},
	}
	for _, tt := range tests {
		answers, ok := Ask(tt.q, doc, 1)
		if !ok || !strings.Contains(answers[0].Text, tt.want) {
			t.Errorf("Ask(%q) = %v, %v; want the sentence with %q", tt.q, answers, ok, tt.want)
		}
	}
}

func TestAskDeclines(t *testing.T) {
	t.Parallel()
	for _, q := range []string{
		"What is the price of bitcoin?",
		"Who won the football championship final?",
		"the and of",
		"",
	} {
		if answers, ok := Ask(q, stormDocs(), 3); ok || len(answers) != 0 {
			t.Errorf("Ask(%q) = %v, %v; want no answer", q, answers, ok)
		}
	}
	if answers, ok := Ask("When did the storm hit?", nil, 3); ok || answers != nil {
		t.Errorf("Ask with no documents = %v, %v", answers, ok)
	}
}

func TestAskStory(t *testing.T) {
	t.Parallel()
	docs := append(stormDocs(), Doc{ID: 9, Publisher: "Meridian Wire",
		Text: "Spanish authorities in Galicia opened 40 shelters ahead of the storm's arrival on Thursday."})
	answers, ok := Ask("How many shelters did Spain open?", docs, 3)
	if !ok || answers[0].DocID != 9 || answers[0].Sentence != 0 {
		t.Errorf("story question answered with %+v, %v; want doc 9 sentence 0", answers, ok)
	}
}

func TestClassify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		q    string
		want questionType
	}{
		{"Who is the new mayor?", qtWho},
		{"Which company bought the club?", qtWho},
		{"When will the vote happen?", qtWhen},
		{"What year did it open?", qtWhen},
		{"Where did it happen?", qtWhere},
		{"In which city was he born?", qtWhere},
		{"How many people died?", qtQuantity},
		{"How much did it cost?", qtQuantity},
		{"Why did the talks fail?", qtWhy},
		{"How did they escape?", qtHow},
		{"What did the minister say?", qtOther},
	}
	for _, tt := range tests {
		if got := classify(tt.q); got != tt.want {
			t.Errorf("classify(%q) = %d, want %d", tt.q, got, tt.want)
		}
	}
}
