package rank

import (
	"testing"
	"time"

	"newsdesk/internal/store"
)

func TestTopStories(t *testing.T) {
	t.Parallel()
	art := func(id, pub int64, country, lang, title string, age time.Duration) store.Article {
		return store.Article{ID: id, PublisherID: pub, PublisherCountry: country, Language: lang, Title: title, Published: now.Add(-age)}
	}
	stats := []store.StoryStat{
		{Story: 1, Articles: 2, Publishers: 2, LastPublished: now.Add(-10 * time.Minute), Section: "world",
			Members: []store.Article{art(11, 1, "GB", "en", "Summit ends", 10*time.Minute), art(12, 2, "DE", "de", "Gipfel endet", 20*time.Minute)}},
		{Story: 2, Articles: 1, Publishers: 1, LastPublished: now.Add(-5 * time.Minute), Section: "sport",
			Members: []store.Article{art(21, 3, "DE", "de", "Pokal", 5*time.Minute)}},
	}
	stats[0].Lead = stats[0].Members[0]
	stats[1].Lead = stats[1].Members[0]

	top := TopStories(Config{}, stats, Edition{"de", "de"}, "", now, 10)
	if len(top) != 2 {
		t.Fatalf("%d stories", len(top))
	}
	for _, x := range top {
		if x.Stat.Story == 1 && x.Lead.ID != 12 {
			t.Errorf("de/de lead of story 1 is %d, want the German article 12", x.Lead.ID)
		}
		if !x.Local {
			t.Errorf("story %d not local to Germany (country codes are upper case in the store)", x.Stat.Story)
		}
	}
	if top := TopStories(Config{}, stats, Edition{}, "sport", now, 10); len(top) != 1 || top[0].Stat.Story != 2 {
		t.Errorf("sport page: %+v", top)
	}
	// Local news of Germany is not local news of Austria, though both read German.
	stats[1].Section = "local"
	if top := TopStories(Config{}, stats, Edition{"de", "de"}, "local", now, 10); len(top) != 1 || top[0].Stat.Story != 2 {
		t.Errorf("de/de local page: %+v", top)
	}
	if top := TopStories(Config{}, stats, Edition{"at", "de"}, "local", now, 10); len(top) != 0 {
		t.Errorf("at/de local page shows Germany's: %+v", top)
	}
	if top := TopStories(Config{}, stats, Edition{}, "", now, 1); len(top) != 1 {
		t.Errorf("limit 1 gave %d", len(top))
	}
	if top := TopStories(Config{}, stats, Edition{"us", "en"}, "", now, 0); len(top) != 1 || top[0].Stat.Story != 1 || top[0].Lead.ID != 11 {
		t.Errorf("us/en: %+v", top)
	}
}
