package brief

import (
	"strings"
	"testing"
)

const takeover = `Northwind Holdings agreed on Monday to buy Kestrel Airways for $2.1 billion, creating Europe's third-largest airline group.

Northwind chief executive Sarah Okafor said the deal would protect jobs in Dublin and Lisbon. "This gives Kestrel Airways a future," Okafor told reporters in London.

The European Commission must approve the takeover. Analysts at Barclays said the commission was likely to ask for slots at Heathrow to be sold.

Kestrel Airways employs 4,000 people, most of them in Dublin. Okafor said no routes from Dublin would close.`

func tagKinds(tags []Tag) map[string]string {
	m := map[string]string{}
	for _, t := range tags {
		m[t.Name] = t.Kind
	}
	return m
}

func TestTagsEntityKinds(t *testing.T) {
	t.Parallel()
	tags := Tags("Northwind to buy Kestrel Airways", takeover, nil, 12)
	kinds := tagKinds(tags)
	want := map[string]string{
		"Sarah Okafor":       KindPerson, // title before, "said"/"told" after, surname folded in
		"Dublin":             KindPlace,  // gazetteer
		"Kestrel Airways":    KindOrg,    // organisation suffix
		"Northwind Holdings": KindOrg,
	}
	for name, kind := range want {
		if kinds[name] != kind {
			t.Errorf("tag %q kind = %q, want %q (tags %v)", name, kinds[name], kind, tags)
		}
	}
	if _, ok := kinds["Okafor"]; ok {
		t.Errorf("surname Okafor listed apart from Sarah Okafor: %v", tags)
	}
	for _, tg := range tags {
		if tg.Score <= 0 || tg.Score > 1 {
			t.Errorf("tag %v score out of (0,1]", tg)
		}
		if tg.Kind == KindKeyword && strings.EqualFold(tg.Name, "okafor") {
			t.Errorf("a name's word repeated as a keyword: %v", tg)
		}
	}
	if tags[0].Score != 1 {
		t.Errorf("best tag score = %v, want 1", tags[0].Score)
	}
}

func TestEntityKinds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, name, kind string
	}{
		{"Officials met in Paris on Friday. The talks in Paris ended late.", "Paris", KindPlace},
		{"The NATO summit opened. NATO leaders arrived by plane.", "NATO", KindOrg},
		{"Shares in Acme Corp fell. Acme Corp blamed the weather.", "Acme Corp", KindOrg},
		{"The vote was led by Senator Mary Jones. Jones said she was pleased.", "Mary Jones", KindPerson},
		{"Fans cheered as striker Leo Brandt scored twice. Brandt, 24, was substituted late.", "Leo Brandt", KindPerson},
		{"The crowd filled Hampden Park. Hampden Park holds 50,000.", "Hampden Park", KindPlace},
		{"The Atlanta Hawks won again. The Atlanta Hawks lead the league.", "Atlanta Hawks", KindOrg},
		{"She played at the Family Circle Cup. The Family Circle Cup ends Sunday.", "Family Circle Cup", kindEvent},
	}
	for _, tt := range tests {
		got := ""
		for _, e := range entities(SplitSentences(tt.text)) {
			if e.name == tt.name {
				got = e.kind
			}
		}
		if got != tt.kind {
			t.Errorf("%q: entity %q kind = %q, want %q (all: %v)", tt.text, tt.name, got, tt.kind, entities(SplitSentences(tt.text)))
		}
	}
}

func TestEntitiesIgnoreOpeners(t *testing.T) {
	t.Parallel()
	text := "Adult macaques were photographed in the forest. The researchers said adult males were larger. " +
		"However, the team found no females. Monday was cold in Tibet."
	for _, e := range entities(SplitSentences(text)) {
		switch e.name {
		case "Adult", "The", "However", "Monday":
			t.Errorf("sentence opener %q taken for a name (%s)", e.name, e.kind)
		}
	}
}

func TestKeywordsTFIDF(t *testing.T) {
	t.Parallel()
	corpus := NewMemCorpus(
		"The government said the budget would be published on Monday.",
		"The government said the election would be held next year.",
		"The government said taxes would rise for the richest households.",
		takeover,
	)
	tags := Tags("", "The government said the glacier was melting. The glacier lost a third of its ice, the government said.", corpus, 3)
	if len(tags) == 0 || tags[0].Name != "glacier" || tags[0].Kind != KindKeyword {
		t.Errorf("Tags = %v, want glacier first: a word common in the corpus (government) ranks below a rare one", tags)
	}
	for _, tg := range tags {
		if tg.Name == "government" && tg.Score >= tags[0].Score {
			t.Errorf("common word ranked top: %v", tags)
		}
	}
}

func TestTermsForCorpus(t *testing.T) {
	t.Parallel()
	got := Terms("The Airlines' airline flights, flying!")
	want := []string{"airlin", "flight", "fly"} // Porter keeps the y of "fly": no vowel before it
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Terms = %q, want %q", got, want)
	}
	c := NewMemCorpus("flights to Dublin", "flight delays")
	if c.Docs() != 2 || c.DocFreq("flight") != 2 || c.DocFreq("dublin") != 1 {
		t.Errorf("MemCorpus docs %d df(flight) %d df(dublin) %d", c.Docs(), c.DocFreq("flight"), c.DocFreq("dublin"))
	}
}

func TestStoryTagsAgreement(t *testing.T) {
	t.Parallel()
	docs := []Doc{
		{ID: 1, Title: "Northwind buys Kestrel Airways", Text: takeover},
		{ID: 2, Title: "Kestrel Airways sold", Text: "Kestrel Airways was sold to Northwind Holdings. Sarah Okafor said Dublin jobs were safe. Kestrel Airways staff in Dublin welcomed the news. Okafor met unions."},
		{ID: 3, Title: "Airline deal", Text: "Northwind Holdings will pay $2.1 billion for Kestrel Airways. Unions in Dublin want guarantees. A spokesman for Brightline Rail, a rival, declined to comment. Brightline Rail shares fell."},
	}
	tags := StoryTags(docs, nil, 10)
	kinds := tagKinds(tags)
	for _, name := range []string{"Kestrel Airways", "Dublin", "Northwind Holdings"} {
		if _, ok := kinds[name]; !ok {
			t.Errorf("agreed tag %q missing from %v", name, tags)
		}
	}
	if _, ok := kinds["Brightline Rail"]; ok {
		t.Errorf("tag only one article uses kept: %v", tags)
	}
}
