package rank

import (
	"slices"
	"strings"
	"time"

	"newsdesk/internal/store"
)

// Top is a ranked story with the store's view of it, what a front page card needs.
type Top struct {
	Stat  store.StoryStat
	Lead  store.Article // the lead chosen for the edition
	Score float64
	Local bool
}

// FromStat converts the store's aggregate of a story.
func FromStat(st store.StoryStat) Story {
	s := Story{ID: st.Story, Section: st.Section, Articles: st.Articles, Publishers: st.Publishers,
		LastHour: st.LastHour, Last: st.LastPublished, Members: make([]Article, len(st.Members))}
	for i, a := range st.Members {
		s.Members[i] = Article{ID: a.ID, Publisher: a.PublisherID, Country: strings.ToLower(a.PublisherCountry),
			Language: a.Language, Section: a.Section, Title: a.Title, HasImage: a.ImageURL != "", Published: a.Published}
	}
	return s
}

// TopStories ranks the store's story aggregates for an edition and returns the first
// limit (all when limit ≤ 0), optionally only those of one section. An edition's Local
// section holds only stories its own country's sources cover.
func TopStories(cfg Config, stats []store.StoryStat, ed Edition, section string, now time.Time, limit int) []Top {
	byID := make(map[int64]store.StoryStat, len(stats))
	stories := make([]Story, 0, len(stats))
	for _, st := range stats {
		if section != "" && st.Section != section {
			continue
		}
		byID[st.Story] = st
		stories = append(stories, FromStat(st))
	}
	ranked := ForEdition(cfg, stories, ed, now)
	if section == "local" && ed.Country != "" {
		ranked = slices.DeleteFunc(ranked, func(r Ranked) bool { return !r.Local })
	}
	if limit > 0 && len(ranked) > limit {
		ranked = ranked[:limit]
	}
	out := make([]Top, len(ranked))
	for i, r := range ranked {
		st := byID[r.Story.ID]
		out[i] = Top{Stat: st, Lead: st.Lead, Score: r.Score, Local: r.Local}
		for _, a := range st.Members {
			if a.ID == r.Lead.ID {
				out[i].Lead = a
				break
			}
		}
	}
	return out
}
