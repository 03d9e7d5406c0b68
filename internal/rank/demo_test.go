package rank

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/demo"
	"newsdesk/internal/section"
)

// TestDemoFrontPages ranks the demo's stories (grouped by their ground-truth story, as a
// perfect grouper would) at the moment the last article is published, for the global page
// and for four editions, prints the pages and checks what an edition promises: the
// stories several publishers share lead, and each edition shows its own country's news.
func TestDemoFrontPages(t *testing.T) {
	t.Parallel()
	pubs := map[string]demo.Publisher{}
	pubID := map[string]int64{}
	for i, p := range demo.Publishers() {
		pubs[p.Slug] = p
		pubID[p.Slug] = int64(i + 1)
	}
	byStory := map[string]*Story{}
	var ids []string
	var now time.Time
	for i, a := range demo.Articles() {
		if a.Published.After(now) {
			now = a.Published
		}
		s := byStory[a.Story]
		if s == nil {
			s = &Story{ID: int64(len(byStory) + 1)}
			byStory[a.Story] = s
			ids = append(ids, a.Story)
		}
		sec, _ := section.Rules(section.Input{Categories: []string{a.Section}})
		p := pubs[a.Publisher]
		s.Members = append(s.Members, Article{ID: int64(i + 1), Publisher: pubID[a.Publisher], Country: strings.ToLower(p.Country),
			Language: p.Language, Section: string(sec.Section), Title: a.Title, HasImage: a.ImageURL != "", Published: a.Published})
	}
	var stories []Story
	for _, key := range ids {
		s := byStory[key]
		sort.Slice(s.Members, func(i, j int) bool { return s.Members[i].Published.After(s.Members[j].Published) })
		seen := map[int64]bool{}
		sections := map[string]int{}
		for _, m := range s.Members {
			seen[m.Publisher] = true
			if now.Sub(m.Published) <= time.Hour {
				s.LastHour++
			}
			if m.Section != "" {
				sections[m.Section]++
			}
		}
		for sec, n := range sections {
			if n > sections[s.Section] || (n == sections[s.Section] && sec < s.Section) {
				s.Section = sec
			}
		}
		s.Articles, s.Publishers, s.Last = len(s.Members), len(seen), s.Members[0].Published
		stories = append(stories, *s)
	}

	editions := []Edition{{}, {"gb", "en"}, {"us", "en"}, {"de", "de"}, {"fr", "fr"}}
	for _, ed := range editions {
		page := ForEdition(Config{}, stories, ed, now)
		var lines []string
		for i, r := range page[:min(8, len(page))] {
			lines = append(lines, fmt.Sprintf("%d. [%s %dp %.2f%s] %s", i+1, r.Story.Section, r.Story.Publishers, r.Score,
				map[bool]string{true: " local", false: ""}[r.Local], r.Lead.Title))
		}
		t.Logf("edition %q (%d stories):\n%s", ed.Country+"/"+ed.Language, len(page), strings.Join(lines, "\n"))

		if len(page) == 0 {
			t.Fatalf("edition %v is empty", ed)
		}
		if ed.Country != "" {
			local := 0
			for _, r := range page[:min(10, len(page))] {
				if r.Local {
					local++
				}
			}
			if local == 0 {
				t.Errorf("edition %v: no story of its own country in the first ten", ed)
			}
			if lang := page[0].Lead.Language; lang != ed.Language {
				t.Errorf("edition %v leads with an article in %q", ed, lang)
			}
		}
	}
	// The broadest story of the demo is on every page.
	broadest := stories[0]
	for _, s := range stories {
		if s.Publishers > broadest.Publishers {
			broadest = s
		}
	}
	for _, ed := range editions {
		found := false
		for _, r := range ForEdition(Config{}, stories, ed, now) {
			found = found || r.Story.ID == broadest.ID
		}
		if !found {
			t.Errorf("edition %v lacks the broadest story (%d publishers)", ed, broadest.Publishers)
		}
	}
}
