package demo

import (
	"strings"
	"testing"
)

func TestArticlesContent(t *testing.T) {
	t.Parallel()
	arts := Articles()
	pubs := Publishers()
	if len(arts) < 50 {
		t.Errorf("%d articles, want at least 50", len(arts))
	}
	if len(pubs) < 6 {
		t.Errorf("%d publishers, want at least 6", len(pubs))
	}
	known := map[string]Publisher{}
	langs := map[string]bool{}
	formats := map[string]bool{}
	for _, p := range pubs {
		known[p.Slug] = p
		langs[p.Language] = true
		formats[p.FeedFormat] = true
	}
	for _, want := range []string{"en", "de", "fr"} {
		if !langs[want] {
			t.Errorf("no publisher writes in %q", want)
		}
	}
	for _, want := range []string{FormatRSS2, FormatAtom, FormatJSONFeed} {
		if !formats[want] {
			t.Errorf("no publisher serves %s", want)
		}
	}

	slugs := map[string]bool{}
	perPublisher := map[string]int{}
	for i, a := range arts {
		if slugs[a.Slug] {
			t.Errorf("duplicate slug %q", a.Slug)
		}
		slugs[a.Slug] = true
		if _, ok := known[a.Publisher]; !ok {
			t.Errorf("%s: unknown publisher %q", a.Slug, a.Publisher)
		}
		perPublisher[a.Publisher]++
		if a.Title == "" || a.Byline == "" || a.Section == "" || a.Story == "" || a.ImageURL == "" {
			t.Errorf("%s: missing title, byline, section, story or image: %+v", a.Slug, a)
		}
		if n := len(strings.Fields(a.Text())); n < 250 || n > 700 {
			t.Errorf("%s: %d words, want 250–700", a.Slug, n)
		}
		plain := 0
		for _, p := range a.Paragraphs {
			if !strings.HasPrefix(p, "## ") && !strings.HasPrefix(p, "> ") {
				plain++
			}
		}
		if plain < 5 {
			t.Errorf("%s: %d paragraphs, want several", a.Slug, plain)
		}
		if i > 0 && a.Published.Before(arts[i-1].Published) {
			t.Errorf("%s: published before the article released ahead of it", a.Slug)
		}
	}
	for _, p := range pubs {
		if perPublisher[p.Slug] < 5 {
			t.Errorf("%s has %d articles, want at least 5", p.Slug, perPublisher[p.Slug])
		}
	}
}

func TestArticlesAreCopies(t *testing.T) {
	t.Parallel()
	a := Articles()
	a[0].Paragraphs[0] = "changed"
	if Articles()[0].Paragraphs[0] == "changed" {
		t.Fatal("Articles shares its slices between calls")
	}
}

// storyPublishers groups the publishers covering each story.
func storyPublishers(arts []Article) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, a := range arts {
		if out[a.Story] == nil {
			out[a.Story] = map[string]bool{}
		}
		out[a.Story][a.Publisher] = true
	}
	return out
}

func TestMultiPublisherStories(t *testing.T) {
	t.Parallel()
	multi := 0
	for story, pubs := range storyPublishers(Articles()) {
		if len(pubs) > 4 {
			t.Errorf("story %s has %d publishers, want at most 4", story, len(pubs))
		}
		if len(pubs) >= 2 {
			multi++
		}
	}
	if multi < 6 {
		t.Errorf("%d stories covered by several publishers, want at least 6", multi)
	}
}

// TestSharedFacts checks that coverage of one story agrees on its facts, whatever the wording
// or language: the story grouper and the Q/A benchmark rely on it.
func TestSharedFacts(t *testing.T) {
	t.Parallel()
	facts := []struct {
		story string
		facts []string
	}{
		{"budget-aldridge", []string{"412", "3.9", "Okafor", "Pryce"}},
		{"storm-edda", []string{"38,000", "Quay Street", "Westmere Power", "23 schools"}},
		{"windstorm-bellhaven", []string{"12,400", "104 km/h", "Lakeland Hydro", "Elm Crescent"}},
		{"battery-recall", []string{"1.2 million", "37", "KP-20A", "separator"}},
		{"scooter-recall", []string{"48,000", "Glide S3", "19 reports", "latch"}},
		{"cup-final", []string{"Kaya", "Albrecht", "Fenwick", "Hollmann", "112"}},
		{"border-tram", []string{"138", "41", "Reuter", "Dubois-Martin", "5"}},
		{"fossil-find", []string{"Aquilaraptor", "Kowalczyk", "76 million", "Greywater", "Anika Shah"}},
	}
	byStory := map[string][]Article{}
	for _, a := range Articles() {
		byStory[a.Story] = append(byStory[a.Story], a)
	}
	for _, f := range facts {
		arts := byStory[f.story]
		if len(arts) < 2 {
			t.Errorf("story %s has %d articles, want several", f.story, len(arts))
		}
		for _, a := range arts {
			text := a.Title + "\n" + a.Text()
			for _, fact := range f.facts {
				if !strings.Contains(text, fact) {
					t.Errorf("%s/%s (%s) does not mention %q", a.Publisher, a.Slug, f.story, fact)
				}
			}
		}
	}
}

// TestLookAlikes checks the pairs of different events that share a vocabulary, which a story
// grouper must keep apart: both exist, under different story keys, and both use the words.
func TestLookAlikes(t *testing.T) {
	t.Parallel()
	pairs := []struct {
		a, b  string
		words []string
	}{
		{"storm-edda", "windstorm-bellhaven", []string{"power", "gust", "tree"}},
		{"budget-aldridge", "budget-cedar", []string{"budget", "tax", "vote"}},
		{"battery-recall", "scooter-recall", []string{"recall", "stop using", "report"}},
	}
	byStory := map[string][]Article{}
	for _, a := range Articles() {
		byStory[a.Story] = append(byStory[a.Story], a)
	}
	for _, p := range pairs {
		for _, story := range []string{p.a, p.b} {
			if len(byStory[story]) == 0 {
				t.Errorf("look-alike story %s missing", story)
			}
			for _, a := range byStory[story] {
				text := strings.ToLower(a.Title + " " + a.Text())
				for _, w := range p.words {
					if !strings.Contains(text, w) {
						t.Errorf("%s (%s) lacks the shared word %q, so it is no look-alike", a.Slug, story, w)
					}
				}
			}
		}
	}
}

func TestSyndicatedCopy(t *testing.T) {
	t.Parallel()
	c, err := loadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]*entry{}
	for _, e := range c.entries {
		byKey[e.Publisher+"/"+e.Slug] = e
	}
	copies := 0
	for _, e := range c.entries {
		if e.Syndicated == "" {
			continue
		}
		copies++
		orig := byKey[e.Syndicated]
		if orig.Text() != e.Text() {
			t.Errorf("%s: syndicated text differs from %s", e.Slug, e.Syndicated)
		}
		if orig.Title == e.Title || orig.Publisher == e.Publisher {
			t.Errorf("%s: a syndicated copy needs its own headline and publisher", e.Slug)
		}
		if orig.Story != e.Story {
			t.Errorf("%s: copy and original report different stories", e.Slug)
		}
	}
	if copies == 0 {
		t.Error("no syndicated wire copy")
	}
}

func TestParseEntry(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, raw string
		wantErr   bool
		paras     int
	}{
		{"ok", "title: T\nsection: S\nstory: s\n---\nOne\ntwo.\n\n## Head\n\n> \"Q\" — X\n", false, 3},
		{"no separator", "title: T\nsection: S\nstory: s\nbody\n", true, 0},
		{"unknown key", "title: T\nsection: S\nstory: s\nmood: sunny\n---\nx\n", true, 0},
		{"missing story", "title: T\nsection: S\n---\nx\n", true, 0},
		{"not key value", "title T\n---\nx\n", true, 0},
		{"empty body for syndication", "title: T\nsection: S\nstory: s\nsyndicated: a/b\n---\n", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := parseEntry("slug", tt.raw)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err == nil && len(e.Paragraphs) != tt.paras {
				t.Errorf("%d paragraphs %q, want %d", len(e.Paragraphs), e.Paragraphs, tt.paras)
			}
		})
	}
}

func TestSlugify(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Local": "local", "Région": "region", "Économie": "economie", "Meinung": "meinung",
		"Größe & Maß": "groesse-mass", "  Sport  ": "sport",
	} {
		if got := slugify(in); got != want {
			t.Errorf("slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSummarize(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("word ", 100)
	tests := []struct {
		paras []string
		want  string
	}{
		{[]string{"## Head", "> quote", "First."}, "First."},
		{[]string{long}, strings.TrimSpace(long[:strings.LastIndexByte(long[:280], ' ')]) + "…"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := summarize(tt.paras); got != tt.want {
			t.Errorf("summarize(%.30q) = %q, want %q", tt.paras, got, tt.want)
		}
	}
}
