package brief

import (
	"strings"
	"testing"
)

func TestStoryBrief(t *testing.T) {
	t.Parallel()
	docs := []Doc{
		{ID: 11, Publisher: "Harbour Herald", Title: "Storm Elena hits Portugal", Text: storm},
		{ID: 12, Publisher: "Meridian Wire", Title: "Storm Elena makes landfall", Text: "Storm Elena made landfall near Porto on Tuesday with winds of 140 km/h. " +
			"Some 12,000 homes in northern Portugal lost power, according to the grid operator. " +
			"The storm is forecast to reach Spain by Thursday."},
		{ID: 13, Publisher: "Valley Ledger", Title: "Porto shuts schools", Text: "Porto closed its schools on Wednesday as Storm Elena brought flooding. " +
			"Storm Elena made landfall near Porto on Tuesday, the weather service said. " +
			"A local football match was also postponed."},
	}
	got := StoryBrief(docs, 4)
	if len(got) < 3 {
		t.Fatalf("StoryBrief gave %d sentences: %v", len(got), got)
	}
	if !strings.Contains(got[0].Text, "landfall near Porto") {
		t.Errorf("first brief sentence = %q, want the landfall all three publishers report", got[0].Text)
	}
	byID := map[int64]Doc{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	for i, c := range got {
		d, ok := byID[c.DocID]
		if !ok {
			t.Fatalf("cited unknown doc %d", c.DocID)
		}
		if src := SplitSentences(d.Text)[c.Sentence]; !strings.Contains(src, c.Text) {
			t.Errorf("cite %d: doc %d sentence %d = %q, not %q", i, c.DocID, c.Sentence, src, c.Text)
		}
		for _, other := range got[:i] {
			if cosine(countTerms(terms(c.Text)), countTerms(terms(other.Text))) > briefRedundancy {
				t.Errorf("fact repeated: %q and %q", other.Text, c.Text)
			}
		}
		if strings.Contains(c.Text, "football") {
			t.Errorf("side detail of one article in the brief: %q", c.Text)
		}
	}
}

func TestStoryBriefEdges(t *testing.T) {
	t.Parallel()
	if got := StoryBrief(nil, 3); got != nil {
		t.Errorf("no docs: %v", got)
	}
	one := StoryBrief([]Doc{{ID: 5, Text: storm}}, 2)
	if len(one) == 0 || one[0].DocID != 5 {
		t.Errorf("one-article brief = %v", one)
	}
}
