package brief

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// storm is an article written for these tests, with the furniture web pages leave in text.
const storm = `By Jane Smith | Scroll down for video

Storm Elena made landfall near Porto on Tuesday morning, bringing winds of up to 140 km/h to the northern coast of Portugal.

About 12,000 homes lost power across the north of the country, the grid operator REN said in a statement.

Battered: A fallen tree blocks a road in Matosinhos (pictured) after the storm

Mayor Rui Moreira ordered schools in Porto to close on Wednesday because of the risk of flooding along the Douro.

Is this the worst storm in a decade?

Forecasters expect Storm Elena to weaken by Thursday as it moves inland towards Spain, where heavy rain is forecast.

Emergency services rescued 34 people from flooded cars overnight, the civil protection agency said.

Click here to sign up for our weather newsletter.`

func TestKeyPointsSkipsFurniture(t *testing.T) {
	t.Parallel()
	got := KeyPoints("Storm Elena hits Portugal", storm, 3)
	if len(got) == 0 || len(got) > 3 {
		t.Fatalf("KeyPoints returned %d points, want 1–3: %q", len(got), got)
	}
	for _, p := range got {
		for _, bad := range []string{"Scroll down", "By Jane", "pictured", "Click here", "?"} {
			if strings.Contains(p, bad) {
				t.Errorf("key point %q holds page furniture %q", p, bad)
			}
		}
	}
	if !strings.HasPrefix(got[0], "Storm Elena made landfall") {
		t.Errorf("first key point = %q, want the lead sentence", got[0])
	}
	// points come in reading order
	sents := SplitSentences(storm)
	last := -1
	for _, p := range got {
		i := slices.Index(sents, p)
		if i < 0 {
			t.Fatalf("key point %q is not a sentence of the text", p)
		}
		if i <= last {
			t.Errorf("key points out of reading order: %q", got)
		}
		last = i
	}
}

func TestKeyPointsEdges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		n    int
		want int
	}{
		{"empty", "", 3, 0},
		{"zero wanted", storm, 0, 0},
		{"one wanted", storm, 1, 1},
		{"only furniture", "Scroll down for video. Click here to subscribe to our newsletter today.", 3, 0},
		{"short text", "The council approved the new budget for the city library on Monday evening.", 3, 1},
	}
	for _, tt := range tests {
		if got := KeyPoints("", tt.text, tt.n); len(got) != tt.want {
			t.Errorf("%s: got %d points %q, want %d", tt.name, len(got), got, tt.want)
		}
	}
}

func TestKeyPointsRedundancy(t *testing.T) {
	t.Parallel()
	text := "The central bank raised interest rates by half a point to 4.5 per cent on Thursday. " +
		"On Thursday the central bank raised interest rates by half a point to 4.5 per cent. " +
		"Mortgage holders face higher monthly payments as lenders pass the increase on. " +
		"The governor said inflation remained far above the two per cent target."
	got := KeyPoints("", text, 3)
	if len(got) < 2 {
		t.Fatalf("got %q", got)
	}
	if strings.HasPrefix(got[1], "On Thursday the central bank") {
		t.Errorf("repeated fact picked twice: %q", got)
	}
}

func TestKeyPointsRelatedCentrality(t *testing.T) {
	t.Parallel()
	// Two sentences at the same distance from the top; the story's other articles talk about
	// the vaccine, so the vaccine sentence should win the single slot after the lead.
	text := "Health officials met in Geneva on Monday for their annual assembly. " +
		"The delegates approved a new budget for the organisation's regional offices. " +
		"A new malaria vaccine will be rolled out to twelve African countries next year."
	related := []string{
		"The malaria vaccine rollout will reach twelve countries in Africa next year, officials said.",
		"Twelve African countries will receive the new malaria vaccine from next year.",
	}
	got := keyPoints("", text, 2, related, defaultKPParams())
	if len(got) != 2 || !strings.Contains(got[1], "malaria") {
		t.Errorf("with related texts got %q, want the malaria sentence second", got)
	}
}

func TestCleanSentence(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"New Delhi, India (CNN)As the earth shook, tremors were felt.", "As the earth shook, tremors were felt."},
		{"LONDON (Reuters) - Shares fell on Monday.", "Shares fell on Monday."},
		{"WASHINGTON — The Senate voted.", "The Senate voted."},
		{"The  plan   was approved.", "The plan was approved."},
	}
	for _, tt := range tests {
		if got := cleanSentence(tt.in); got != tt.want {
			t.Errorf("cleanSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuality(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s        string
		zero     bool
		lessThan float64 // quality must be below this (1 = untouched)
	}{
		{"Scroll down for video of the dramatic rescue at sea", true, 0},
		{"Follow us on Twitter for the latest updates from the match", true, 0},
		{"Too short.", true, 0},
		{"Fighter ace: Douglas Bader's story is to be told in a Hollywood film", false, 0.5},
		{"Is this the worst storm the region has seen in a decade?", false, 0.5},
		{"and then the crowd went home after the long match.", false, 0.5},
		{"'We will never give up on this town,' the mayor told reporters on Monday.", false, 0.6},
		{"Kilmarnock will confirm Locke as manager on Friday ‘I’d be over the moon,’ said Locke.", false, 0.7},
	}
	for _, tt := range tests {
		q := quality(tt.s, len(words(tt.s)))
		if tt.zero && q != 0 || !tt.zero && (q == 0 || q >= tt.lessThan) {
			t.Errorf("quality(%q) = %.2f", tt.s, q)
		}
	}
	plain := "The council approved the new budget for the city library on Monday evening."
	if q := quality(plain, len(words(plain))); q != 1 {
		t.Errorf("quality of a plain statement = %.2f, want 1", q)
	}
	speech := "The PM added: That destroyed aspiration and it created resentment across the country."
	if q := quality(speech, len(words(speech))); q != 1 {
		t.Errorf("a speech verb before a colon is not a caption: quality %.2f", q)
	}
}

func TestCosineWithoutSelfMatchesCopy(t *testing.T) {
	t.Parallel()
	sents := analyse("The council approved the budget on Tuesday. The budget raises council tax by four per cent. Residents said the council ignored them. A new library opens next year.")
	doc := termCounts{}
	for _, s := range sents {
		doc.add(s.bag, 1)
	}
	docSq := magnitude(doc) * magnitude(doc)
	for _, s := range sents {
		rest := termCounts{}
		rest.add(doc, 1)
		rest.add(s.bag, -1)
		want := cosine(s.bag, rest)
		if got := cosineWithoutSelf(s.bag, doc, docSq); math.Abs(got-want) > 1e-9 {
			t.Errorf("%q: %v, want %v", s.text, got, want)
		}
	}
}
