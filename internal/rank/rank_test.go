package rank

import (
	"fmt"
	"math"
	"testing"
	"time"
)

var now = time.Date(2025, 6, 3, 12, 0, 0, 0, time.UTC)

// story builds a story of n articles from distinct publishers (or one publisher when
// single), the newest age ago, recent of them in the last hour.
func story(id int64, section string, publishers, articles, lastHour int, age time.Duration, country, lang string) Story {
	s := Story{ID: id, Section: section, Articles: articles, Publishers: publishers, LastHour: lastHour, Last: now.Add(-age)}
	for i := range articles {
		s.Members = append(s.Members, Article{
			ID: id*100 + int64(i), Publisher: id*100 + int64(i%publishers), Country: country, Language: lang,
			Title: fmt.Sprintf("Story %d telling %d", id, i), Published: now.Add(-age - time.Duration(i)*time.Minute),
		})
	}
	return s
}

func TestScore(t *testing.T) {
	t.Parallel()
	cfg := Config{}
	tests := []struct {
		name          string
		better, worse Story
	}{
		{"a broad fresh story beats a single-source one",
			story(1, "world", 6, 8, 2, 20*time.Minute, "gb", "en"), story(2, "world", 1, 1, 1, 5*time.Minute, "gb", "en")},
		{"of equal breadth the fresher wins",
			story(1, "world", 3, 3, 0, time.Hour, "gb", "en"), story(2, "world", 3, 3, 0, 5*time.Hour, "gb", "en")},
		{"of equal breadth and age the faster-moving wins",
			story(1, "world", 3, 6, 5, time.Hour, "gb", "en"), story(2, "world", 3, 6, 0, time.Hour, "gb", "en")},
		{"a fresh single source beats yesterday's broad story",
			story(1, "world", 1, 1, 1, 10*time.Minute, "gb", "en"), story(2, "world", 8, 12, 0, 30*time.Hour, "gb", "en")},
		{"many copies from one publisher do not make breadth",
			story(1, "world", 3, 3, 0, time.Hour, "gb", "en"), story(2, "world", 1, 6, 0, time.Hour, "gb", "en")},
	}
	for _, tt := range tests {
		b, w := Score(cfg, tt.better, now), Score(cfg, tt.worse, now)
		if b <= w {
			t.Errorf("%s: %.3f <= %.3f", tt.name, b, w)
		}
	}
}

func TestFreshnessDecay(t *testing.T) {
	t.Parallel()
	cfg := Config{HalfLife: 4 * time.Hour}
	tests := []struct {
		age  time.Duration
		want float64
	}{
		{0, 1},
		{-time.Hour, 1}, // dated in the future
		{4 * time.Hour, 0.5},
		{8 * time.Hour, 0.25},
		{2 * time.Hour, math.Sqrt(0.5)},
	}
	for _, tt := range tests {
		got := Freshness(cfg, Story{Last: now.Add(-tt.age)}, now)
		if math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("freshness at age %v = %.4f, want %.4f", tt.age, got, tt.want)
		}
	}
}

func TestVelocity(t *testing.T) {
	t.Parallel()
	prev := -1.0
	for _, n := range []int{0, 1, 3, 7, 15} {
		v := Velocity(Config{}, Story{LastHour: n})
		if v <= prev && n > 0 {
			t.Errorf("velocity of %d = %.3f, not above %.3f", n, v, prev)
		}
		prev = v
	}
	if v := Velocity(Config{}, Story{}); v != 0 {
		t.Errorf("no articles in the last hour, velocity %.3f", v)
	}
	// Logarithmic: doubling the pace adds a constant.
	d1 := Velocity(Config{}, Story{LastHour: 7}) - Velocity(Config{}, Story{LastHour: 3})
	d2 := Velocity(Config{}, Story{LastHour: 15}) - Velocity(Config{}, Story{LastHour: 7})
	if math.Abs(d1-d2) > 1e-9 {
		t.Errorf("velocity not logarithmic: %.3f vs %.3f", d1, d2)
	}
}

func TestDiversify(t *testing.T) {
	t.Parallel()
	r := func(id int64, publisher int64, section string, score float64) Ranked {
		return Ranked{Story: Story{ID: id, Section: section}, Lead: Article{Publisher: publisher}, Score: score}
	}
	tests := []struct {
		name string
		in   []Ranked
		want []int64
	}{
		{"same publisher twice in a row is split",
			[]Ranked{r(1, 10, "world", 9), r(2, 10, "sport", 8), r(3, 11, "business", 7)}, []int64{1, 3, 2}},
		{"same section twice in a row is split",
			[]Ranked{r(1, 10, "world", 9), r(2, 11, "world", 8), r(3, 12, "sport", 7), r(4, 13, "world", 6)}, []int64{1, 3, 2, 4}},
		{"already diverse stays in score order",
			[]Ranked{r(1, 10, "world", 9), r(2, 11, "sport", 8), r(3, 12, "world", 7)}, []int64{1, 2, 3}},
		{"on one section's page only publishers are kept apart",
			[]Ranked{r(1, 10, "sport", 9), r(2, 10, "sport", 8), r(3, 11, "sport", 7)}, []int64{1, 3, 2}},
		{"when nothing differs the page still fills in score order",
			[]Ranked{r(1, 10, "sport", 9), r(2, 10, "sport", 8)}, []int64{1, 2}},
	}
	for _, tt := range tests {
		got := Diversify(tt.in, 8)
		ids := make([]int64, len(got))
		for i, x := range got {
			ids[i] = x.Story.ID
		}
		if fmt.Sprint(ids) != fmt.Sprint(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, ids, tt.want)
		}
	}
}

// TestDiversityConstraint checks the constraint over a larger generated page: with enough
// publishers and sections about, no two neighbours share either.
func TestDiversityConstraint(t *testing.T) {
	t.Parallel()
	sections := []string{"world", "sport", "business", "technology"}
	var in []Ranked
	for i := range 60 {
		// Runs of the same publisher and section, as a busy wire produces.
		in = append(in, Ranked{Story: Story{ID: int64(i), Section: sections[(i/3)%len(sections)]},
			Lead: Article{Publisher: int64(1 + (i/2)%5)}, Score: float64(100 - i)})
	}
	out := Diversify(in, 8)
	if len(out) != len(in) {
		t.Fatalf("%d stories out of %d", len(out), len(in))
	}
	seen := map[int64]bool{}
	for i, x := range out {
		seen[x.Story.ID] = true
		if i == 0 {
			continue
		}
		p := out[i-1]
		// The tail may run out of partners; the constraint must hold for the first 50.
		if i < 50 && (p.Lead.Publisher == x.Lead.Publisher || p.Story.Section == x.Story.Section) {
			t.Errorf("places %d and %d: publishers %d/%d, sections %s/%s", i-1, i, p.Lead.Publisher, x.Lead.Publisher, p.Story.Section, x.Story.Section)
		}
	}
	if len(seen) != len(in) {
		t.Errorf("stories lost or doubled: %d distinct", len(seen))
	}
}

func TestEditions(t *testing.T) {
	t.Parallel()
	irishLocal := story(1, "local", 1, 2, 1, 30*time.Minute, "ie", "en")
	usLocal := story(2, "local", 1, 2, 1, 30*time.Minute, "us", "en")
	germanLocal := story(3, "local", 1, 2, 1, 30*time.Minute, "de", "de")
	// A global story: three publishers in two countries, mixed languages.
	global := story(4, "world", 3, 3, 1, 30*time.Minute, "gb", "en")
	global.Members[2].Country, global.Members[2].Language = "de", "de"
	// A local story of Germany that an Austrian paper covered too is still not global.
	borderLocal := story(5, "local", 2, 2, 0, 30*time.Minute, "de", "de")
	borderLocal.Members[1].Country = "at"
	stories := []Story{irishLocal, usLocal, germanLocal, global, borderLocal}
	rank := func(ed Edition) map[int64]Ranked {
		out := map[int64]Ranked{}
		for _, r := range ForEdition(Config{}, stories, ed, now) {
			out[r.Story.ID] = r
		}
		return out
	}
	ie, us, de, world := rank(Edition{"ie", "en"}), rank(Edition{"us", "en"}), rank(Edition{"de", "de"}), rank(Edition{})

	// The local boost applies only in its own edition.
	if !(ie[1].Score > ie[2].Score) || !ie[1].Local || ie[2].Local {
		t.Errorf("ie/en: Irish %.3f (local %v) vs US %.3f (local %v)", ie[1].Score, ie[1].Local, ie[2].Score, ie[2].Local)
	}
	if !(us[2].Score > us[1].Score) || !us[2].Local {
		t.Errorf("us/en: US %.3f vs Irish %.3f", us[2].Score, us[1].Score)
	}
	if world[1].Score != world[2].Score || world[1].Local {
		t.Errorf("global edition boosted: %.3f vs %.3f", world[1].Score, world[2].Score)
	}
	// The global story is shared by every edition; a German single-source story stays on
	// German-language pages, and English single-source stories stay off them.
	for name, ed := range map[string]map[int64]Ranked{"ie": ie, "us": us, "de": de, "global": world} {
		if _, ok := ed[4]; !ok {
			t.Errorf("%s: global story missing", name)
		}
	}
	if _, ok := ie[3]; ok {
		t.Error("ie/en shows a German-language local story of Germany")
	}
	if _, ok := de[1]; ok {
		t.Error("de/de shows an English-language local story of Ireland")
	}
	if _, ok := ie[5]; ok {
		t.Error("ie/en shows a German local story covered from two countries")
	}
	if _, ok := de[5]; !ok {
		t.Error("de/de lacks the border story")
	}
	if _, ok := de[3]; !ok {
		t.Error("de/de lacks its own local story")
	}
	// The lead follows the edition's language.
	if got := de[4].Lead.Language; got != "de" {
		t.Errorf("de/de lead of the global story in %q", got)
	}
	if got := ie[4].Lead.Language; got != "en" {
		t.Errorf("ie/en lead of the global story in %q", got)
	}
}

func TestLead(t *testing.T) {
	t.Parallel()
	members := []Article{
		{ID: 1, Title: "Minister quits", Published: now, Language: "en"},
		{ID: 2, Title: "Health minister quits after hospital row", Published: now.Add(-time.Hour), Language: "en", HasImage: true},
		{ID: 3, Title: "Health minister resigns after hospital row", Published: now.Add(-2 * time.Hour), Language: "en", HasImage: true},
		{ID: 4, Title: "Gesundheitsminister tritt zurück", Published: now.Add(-time.Hour), Language: "de"},
	}
	if got := Lead(Config{}, members, Edition{}); got.ID != 2 {
		t.Errorf("global lead %d, want the representative one with an image (2)", got.ID)
	}
	if got := Lead(Config{}, members, Edition{"de", "de"}); got.ID != 4 {
		t.Errorf("de/de lead %d, want the German one (4)", got.ID)
	}
	if got := Lead(Config{}, nil, Edition{}); got.ID != 0 {
		t.Errorf("lead of nothing: %+v", got)
	}
}
