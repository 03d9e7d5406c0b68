package story

import "testing"

func cand(id int64, story int64, publisher string, hour int, title string) Candidate {
	return Candidate{Item: Item{ID: id, Title: title, Publisher: publisher, Published: at(hour)}, Story: story}
}

func TestRelatedOrdering(t *testing.T) {
	t.Parallel()
	target := Item{ID: 1, Title: "Facebook buys Oculus VR for $2 billion", Publisher: "Reuters", Published: at(0)}
	copyOf := cand(7, 100, "KTVN", 6, "Facebook buys Oculus VR for $2 billion")
	copyOf.DuplicateOf = 2
	candidates := []Candidate{
		cand(1, 100, "Reuters", 0, target.Title), // the target itself
		cand(2, 100, "AP", 1, "Facebook to buy Oculus"),
		cand(3, 100, "AP", 5, "Oculus founder defends Facebook deal"),
		cand(4, 100, "BBC", 4, "What Facebook wants with Oculus"),
		cand(5, 100, "Reuters", 3, "Facebook shares fall after Oculus deal"), // the target's publisher
		cand(6, 100, "AP", 3, "Gamers angry at Oculus sale"),
		copyOf,
		cand(8, 200, "Verge", 2, "Zuckerberg bets on virtual reality as Facebook grows"),
		cand(9, 300, "CNN", 2, "Honda recalls 900,000 minivans"),
		cand(10, 200, "Wired", 1, "Facebook virtual reality plans explained by Zuckerberg"),
	}
	got := Related(target, 100, candidates, 10)
	var ids []int64
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	// Same story first, newest first, but never AP twice in a row: 3 (AP, 5h), 4 (BBC,
	// 4h), 6 (AP, 3h); 2 (AP) cannot follow 6. Then one article of story 200; story 300
	// shares nothing.
	want := []int64{3, 4, 6, 8}
	if len(ids) != len(want) {
		t.Fatalf("Related = %v, want %v", ids, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Fatalf("Related = %v, want %v", ids, want)
		}
	}
	for i := 1; i < len(got); i++ {
		if got[i].Publisher == got[i-1].Publisher {
			t.Errorf("two from %s in a row", got[i].Publisher)
		}
	}
	if short := Related(target, 100, candidates, 2); len(short) != 2 {
		t.Errorf("limit 2 gave %d", len(short))
	}
	if none := Related(target, 100, candidates, 0); none != nil {
		t.Errorf("limit 0 gave %v", none)
	}
}

func TestRelatedTopicsWhenStoryIsAlone(t *testing.T) {
	t.Parallel()
	target := Item{ID: 1, Title: "Malaysia Airlines flight MH370 search moves to Indian Ocean", Publisher: "BBC", Published: at(10)}
	candidates := []Candidate{
		cand(2, 20, "CNN", 9, "MH370: families of Malaysia Airlines passengers demand answers"),
		cand(3, 20, "ABC", 8, "Malaysia Airlines MH370 relatives threaten hunger strike"),
		cand(4, 30, "Fox", 9, "Indian Ocean search for MH370 debris widens"),
		cand(5, 40, "NBC", 9, "Apple unveils cheaper iPhone 5c"),
		cand(6, 50, "CBS", -200, "Malaysia Airlines posts quarterly loss, MH370 blamed"),
	}
	got := Related(target, 10, candidates, 5)
	seen := make(map[int64]bool)
	for _, c := range got {
		if c.Story == 40 {
			t.Errorf("unrelated story in related: %q", c.Title)
		}
		if seen[c.Story] {
			t.Errorf("two articles of story %d", c.Story)
		}
		seen[c.Story] = true
	}
	if len(got) < 2 || !seen[20] || !seen[30] {
		t.Errorf("Related = %+v, want the MH370 stories 20 and 30", got)
	}
	// Freshness: the week-old story ranks after the fresh ones.
	if len(got) == 3 && got[2].Story != 50 {
		t.Errorf("stale story not last: %+v", got)
	}
}

func TestCoverage(t *testing.T) {
	t.Parallel()
	arts := []Candidate{
		cand(1, 7, "Breaking Wire", 0, "BREAKING: Plane missing"),
		cand(2, 7, "Reuters", 1, "Malaysia Airlines plane with 239 aboard missing over South China Sea"),
		cand(3, 7, "AP", 1, "Malaysia Airlines plane missing with 239 aboard"),
		cand(4, 7, "Reuters", 3, "Search widens for missing Malaysia Airlines plane"),
		cand(5, 7, "BBC", 3, "Missing Malaysia Airlines plane: search over South China Sea"),
		cand(6, 7, "KTVN", 3, "Malaysia Airlines plane missing with 239 aboard"),
	}
	arts[5].DuplicateOf = 3
	arts[1].Country, arts[2].Country, arts[4].Country = "gb", "us", "GB"
	fc := Coverage(arts)
	if fc.Story != 7 || fc.Articles != 6 || fc.Publishers != 5 || fc.Countries != 2 {
		t.Errorf("counts: story %d articles %d publishers %d countries %d", fc.Story, fc.Articles, fc.Publishers, fc.Countries)
	}
	if fc.FirstReported.ID != 1 {
		t.Errorf("first reported %d, want 1", fc.FirstReported.ID)
	}
	if fc.Best.ID == 1 || fc.Best.ID == 6 {
		t.Errorf("best headline %q: the first teaser or a copy", fc.BestHeadline)
	}
	if fc.ByPublisher[0].Publisher != "Reuters" || fc.ByPublisher[0].Articles[0].ID != 4 {
		t.Errorf("by publisher starts with %+v, want Reuters newest first", fc.ByPublisher[0])
	}
	wantHours := []int{1, 2, 0, 3}
	if len(fc.PerHour) != len(wantHours) {
		t.Fatalf("PerHour has %d buckets, want %d", len(fc.PerHour), len(wantHours))
	}
	for i, b := range fc.PerHour {
		if b.Count != wantHours[i] || !b.Start.Equal(at(i)) {
			t.Errorf("bucket %d = %+v, want %d at %v", i, b, wantHours[i], at(i))
		}
	}
	if empty := Coverage(nil); empty.Articles != 0 || empty.PerHour != nil {
		t.Errorf("Coverage(nil) = %+v", empty)
	}
}
