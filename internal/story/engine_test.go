package story

import (
	"slices"
	"testing"
	"time"
)

var t0 = time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)

func at(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }

func TestGroupingLookAlikeEventsStayApart(t *testing.T) {
	t.Parallel()
	articles := loadArticles(t)
	e := NewEngine(DefaultConfig())
	items := []struct {
		it    Item
		event string
	}{
		{Item{ID: 1, Title: "Magnitude 6.1 earthquake shakes central Chile", Text: articles["quake-chile"], Publisher: "A", Published: at(0)}, "chile"},
		{Item{ID: 2, Title: "Earthquake of magnitude 6.1 hits eastern Turkey", Text: articles["quake-turkey"], Publisher: "B", Published: at(1)}, "turkey"},
		{Item{ID: 3, Title: "Chile lifts tsunami alert after strong quake near San Antonio", Text: "Chilean authorities lifted a tsunami alert on Tuesday after a strong earthquake struck off San Antonio, west of Santiago. The emergency office said power was being restored in Valparaiso and that the port of San Antonio had reopened after inspections.", Publisher: "C", Published: at(2)}, "chile"},
		{Item{ID: 4, Title: "Dozens hurt as quake topples houses near Malatya", Text: "Turkey's disaster agency AFAD said 29 people were hurt when an earthquake toppled old houses near Malatya in eastern Turkey. The Red Crescent sent tents to villages in Yesilyurt as temperatures dropped.", Publisher: "D", Published: at(3)}, "turkey"},
		{Item{ID: 5, Title: "ECB holds rates at record high, Lagarde pushes back on cuts", Text: articles["rates-ecb"], Publisher: "E", Published: at(3)}, "ecb"},
		{Item{ID: 6, Title: "Lagarde says talk of ECB rate cuts is premature", Text: articles["rates-ecb-2"], Publisher: "F", Published: at(4)}, "ecb"},
	}
	story := make(map[string]int64)
	for _, c := range items {
		a := e.Add(c.it)
		if want, ok := story[c.event]; ok && a.Story != want {
			t.Errorf("item %d (%s) in story %d, want %d", c.it.ID, c.event, a.Story, want)
		}
		for ev, id := range story {
			if ev != c.event && id == a.Story {
				t.Errorf("item %d (%s) joined the %s story", c.it.ID, c.event, ev)
			}
		}
		if _, ok := story[c.event]; !ok {
			story[c.event] = a.Story
		}
	}
}

func TestGroupingTimeSeparatesRecurringHeadlines(t *testing.T) {
	t.Parallel()
	e := NewEngine(DefaultConfig())
	a := e.Add(Item{ID: 1, Title: "Gas prices rise again across the state, AAA says", Published: at(0)})
	b := e.Add(Item{ID: 2, Title: "AAA: gas prices rise across the state", Published: at(2)})
	c := e.Add(Item{ID: 3, Title: "Gas prices rise across the state again", Published: at(24 * 8)})
	if a.Story != b.Story {
		t.Errorf("same-day reports in stories %d and %d", a.Story, b.Story)
	}
	if c.Story == a.Story {
		t.Errorf("a report a week later joined the old story %d", a.Story)
	}
}

// background gives an engine a day of unrelated news, so that IDF is not computed from
// the handful of items a test is about.
func background(e *Engine) {
	titles := []string{
		"Colon cancer rates drop thanks to screening", "Honda recalls 900,000 Odyssey minivans",
		"Walmart will buy back used video games", "Bank of England names new deputy governor",
		"German court upholds eurozone rescue fund", "Diablo 3 auction house shuts down for good",
		"Blood test can detect dementia years earlier", "Sally Beauty says data breach hit 25,000 cards",
		"European car sales rise for sixth month", "Giant fish tank bursts at Downtown Disney restaurant",
		"GOG to support Linux with 100 games", "Los Angeles sues Time Warner Cable",
		"Kate Winslet gets star on Walk of Fame", "Unemployment rates drop in 43 states",
		"Chris Brown to stay in jail for another month", "Viacom and Google settle YouTube lawsuit",
		"Microsoft Office for iPad ready for release", "Chocolate pill trial to test heart benefits",
		"Study finds no link between saturated fat and heart disease", "Mt. Gox website back online",
	}
	for i, title := range titles {
		e.Add(Item{ID: int64(1000 + i), Title: title, Published: at(-30)})
	}
}

func TestGroupingStableIDAndMerge(t *testing.T) {
	t.Parallel()
	e := NewEngine(DefaultConfig())
	// Two stories the store already knows about, restored with their ids.
	for i, title := range []string{
		"Facebook buys Oculus VR for $2 billion",
		"Facebook to buy Oculus in $2 billion virtual reality deal",
		"Zuckerberg: Oculus deal makes Facebook a virtual reality company",
	} {
		e.Restore(Item{ID: int64(i + 1), Title: title, Published: at(0)}, 10, 0)
	}
	e.Restore(Item{ID: 4, Title: "Gamers angry after Facebook buys Oculus VR", Published: at(1)}, 20, 0)
	background(e)

	grow := e.Add(Item{ID: 5, Title: "Facebook Oculus deal: what Zuckerberg wants with virtual reality", Published: at(2)})
	if grow.Story != 10 {
		t.Fatalf("growing story got id %d, want the stable 10", grow.Story)
	}
	bridge := e.Add(Item{ID: 6, Title: "Facebook buys Oculus VR for $2 billion, gamers angry", Published: at(2)})
	if bridge.Story != 10 || !slices.Contains(bridge.Merged, 20) {
		t.Fatalf("bridge assignment %+v, want story 10 with 20 merged into it", bridge)
	}
	if got := e.Resolve(20); got != 10 {
		t.Errorf("Resolve(20) = %d, want 10", got)
	}
	if got := e.Resolve(10); got != 10 {
		t.Errorf("Resolve(10) = %d", got)
	}
	// New stories never reuse a restored id.
	fresh := e.Add(Item{ID: 7, Title: "Honda recalls 900,000 Odyssey minivans over seats", Published: at(3)})
	if fresh.Story <= 20 {
		t.Errorf("new story id %d reuses restored ids", fresh.Story)
	}
}

func TestRestoreRoundTrip(t *testing.T) {
	t.Parallel()
	stream := []Item{
		{ID: 1, Title: "Scientists find asteroid with rings", Published: at(0)},
		{ID: 2, Title: "Astronomers discover rings around asteroid Chariklo", Published: at(1)},
		{ID: 3, Title: "Ally Financial files for IPO", Published: at(1)},
		{ID: 4, Title: "Ally files for IPO that could raise $3 billion", Published: at(2)},
		{ID: 5, Title: "Ally files for IPO that could raise $3 billion", Publisher: "KTVN", Published: at(2)},
	}
	next := []Item{
		{ID: 6, Title: "Rings around asteroid Chariklo surprise astronomers", Published: at(3)},
		{ID: 7, Title: "Treasury to sell Ally Financial stake in IPO", Published: at(3)},
		{ID: 8, Title: "Colon cancer rates drop thanks to screening", Published: at(3)},
	}
	first := NewEngine(DefaultConfig())
	restored := NewEngine(DefaultConfig())
	for _, it := range stream {
		a := first.Add(it)
		restored.Restore(it, a.Story, a.DuplicateOf)
	}
	for _, it := range next {
		want, got := first.Add(it), restored.Add(it)
		if want.Story != got.Story || want.DuplicateOf != got.DuplicateOf {
			t.Errorf("item %d: restored engine says %+v, original %+v", it.ID, got, want)
		}
	}
}

func TestSplitDriftingStory(t *testing.T) {
	t.Parallel()
	cfg := DefaultConfig()
	cfg.SplitMin = 16
	e := NewEngine(cfg)
	gorilla := []string{
		"Baby gorilla born by C-section at San Diego zoo", "San Diego zoo gorilla delivered by emergency C-section",
		"Newborn gorilla recovering after C-section birth", "Zoo surgeons deliver baby gorilla by caesarean",
		"Baby gorilla born via C-section had collapsed lung", "Gorilla mother Imani recovering after C-section",
	}
	beard := []string{
		"James Beard Foundation announces award finalists", "James Beard award finalists include Manresa",
		"Chefs named James Beard Foundation finalists", "James Beard awards: full list of finalists",
		"Local chef named James Beard award finalist", "James Beard Foundation finalists announced in Chicago",
		"Two chefs among James Beard award finalists", "James Beard finalists for best new restaurant",
		"Restaurant critics react to James Beard finalists",
	}
	id := int64(0)
	var gorillaIDs []int64
	for _, title := range gorilla {
		id++
		gorillaIDs = append(gorillaIDs, id)
		e.Restore(Item{ID: id, Title: title, Published: at(0)}, 5, 0)
	}
	for _, title := range beard {
		id++
		e.Restore(Item{ID: id, Title: title, Published: at(0)}, 5, 0)
	}
	id++
	gorillaIDs = append(gorillaIDs, id)
	a := e.Add(Item{ID: id, Title: "Baby gorilla born by C-section doing well, zoo says", Published: at(1)})
	if a.Split == nil {
		t.Fatal("a story of two unrelated events did not split")
	}
	got := slices.Sorted(slices.Values(a.Split.Items))
	if a.Split.From != 5 || !slices.Equal(got, gorillaIDs) {
		t.Errorf("split %+v, want the gorilla items %v moved out of 5", a.Split, gorillaIDs)
	}
	if a.Story != a.Split.To {
		t.Errorf("new item reported in story %d, want %d", a.Story, a.Split.To)
	}
}

func TestMemoryBoundedByWindow(t *testing.T) {
	t.Parallel()
	cfg := DefaultConfig()
	e := NewEngine(cfg)
	words := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"}
	var peak int
	for i := range 20000 {
		w := words[i%len(words)]
		title := w + " event " + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + " report"
		e.Add(Item{ID: int64(i + 1), Title: title, Published: t0.Add(time.Duration(i) * time.Minute)})
		if i > 10000 {
			peak = max(peak, e.Stories())
		}
	}
	// 20,000 minutes is about 14 days; the window is 3, so at most ~3/14 of the
	// stories can be live.
	if e.Stories() > 20000*4/14 || len(e.dups.items) > 20000*4/14 {
		t.Errorf("live stories %d, fingerprints %d: not bounded by the window", e.Stories(), len(e.dups.items))
	}
	t.Logf("live stories at the end %d, peak in the second half %d, terms %d", e.Stories(), peak, len(e.df.terms))
}
