// Package rank orders stories for the front page. A story's score grows with its breadth
// (distinct publishers), its velocity (articles in the last hour) and decays with the age
// of its latest article; an edition keeps the stories it shares with the world, boosts
// those its own country's sources cover, prefers its own language and picks each card's
// lead article in that language; a final pass keeps neighbours apart so that no two
// stories in a row share a lead publisher or a section. The functions are pure: the store
// aggregates (store.StoryStats), this package decides.
package rank

import (
	"math"
	"slices"
	"time"
)

// Article is what ranking knows of one article of a story.
type Article struct {
	ID        int64
	Publisher int64
	Country   string // the publisher's, lower case; empty when unknown
	Language  string
	Section   string
	Title     string
	HasImage  bool
	Published time.Time
}

// Story is one story's recent coverage.
type Story struct {
	ID         int64
	Section    string
	Articles   int // originals in the window
	Publishers int // distinct publishers among them
	LastHour   int // originals published in the last hour
	Last       time.Time
	Members    []Article // newest first
}

// Edition is a country and a language; the zero Edition is the global front page, with no
// boosts and no filter.
type Edition struct {
	Country  string // ISO 3166-1 alpha-2, lower case
	Language string // ISO 639-1
}

// Config holds the ranking's weights; the zero value of a field takes its default.
type Config struct {
	// HalfLife is the age of a story's latest article at which its score has halved.
	// Default 6h: a story not updated since the morning yields to the afternoon's.
	HalfLife time.Duration
	// VelocityWeight scales the log of the last hour's articles against breadth. Default 0.5.
	VelocityWeight float64
	// ArticleWeight scales the log of the article count: many articles from few
	// publishers count for a little. Default 0.2.
	ArticleWeight float64
	// GlobalPublishers is the breadth at which a story belongs on every edition; a story
	// covered from two or more countries does too. Default 3.
	GlobalPublishers int
	// LocalBoost multiplies the score of a story that the edition's own country's sources
	// cover. Default 1.5.
	LocalBoost float64
	// ForeignFactor multiplies the score of a story with no article in the edition's
	// language. Default 0.5.
	ForeignFactor float64
	// Lookahead is how far down the list diversity looks for a neighbour that differs.
	// Default 8.
	Lookahead int
}

func (c Config) withDefaults() Config {
	if c.HalfLife <= 0 {
		c.HalfLife = 6 * time.Hour
	}
	if c.VelocityWeight == 0 {
		c.VelocityWeight = 0.5
	}
	if c.ArticleWeight == 0 {
		c.ArticleWeight = 0.2
	}
	if c.GlobalPublishers <= 0 {
		c.GlobalPublishers = 3
	}
	if c.LocalBoost == 0 {
		c.LocalBoost = 1.5
	}
	if c.ForeignFactor == 0 {
		c.ForeignFactor = 0.5
	}
	if c.Lookahead <= 0 {
		c.Lookahead = 8
	}
	return c
}

// Breadth is the coverage term: the log of distinct publishers, and a little of the log
// of articles. Logs, because the tenth publisher adds less news than the second.
func Breadth(cfg Config, s Story) float64 {
	cfg = cfg.withDefaults()
	return math.Log2(1+float64(s.Publishers)) + cfg.ArticleWeight*math.Log2(1+float64(max(s.Articles-s.Publishers, 0)))
}

// Velocity is the momentum term: the log of the last hour's articles, weighted.
func Velocity(cfg Config, s Story) float64 {
	cfg = cfg.withDefaults()
	return cfg.VelocityWeight * math.Log2(1+float64(s.LastHour))
}

// Freshness is 1 for a story updated now and halves every HalfLife since its latest
// article; an article dated in the future counts as now.
func Freshness(cfg Config, s Story, now time.Time) float64 {
	cfg = cfg.withDefaults()
	age := max(now.Sub(s.Last), 0)
	return math.Exp2(-age.Hours() / cfg.HalfLife.Hours())
}

// Score is a story's global score: (breadth + velocity) × freshness.
func Score(cfg Config, s Story, now time.Time) float64 {
	return (Breadth(cfg, s) + Velocity(cfg, s)) * Freshness(cfg, s, now)
}

// Ranked is a story in its place on an edition's front page.
type Ranked struct {
	Story Story
	Score float64
	Lead  Article // the article the card shows, chosen for the edition
	Local bool    // covered by the edition's own country's sources
}

// ForEdition ranks stories for an edition, best first, diversified. It keeps a story when
// it is global (broad, or covered from several countries, and not in the Local section),
// local (a source of the edition's country covers it) or has an article in the edition's
// language; a story only foreign sources cover in a foreign language belongs to other
// editions.
func ForEdition(cfg Config, stories []Story, ed Edition, now time.Time) []Ranked {
	cfg = cfg.withDefaults()
	out := make([]Ranked, 0, len(stories))
	for _, s := range stories {
		if len(s.Members) == 0 {
			continue
		}
		r := Ranked{Story: s, Score: Score(cfg, s, now)}
		if ed != (Edition{}) {
			local, ownLanguage := false, false
			countries := map[string]bool{}
			for _, a := range s.Members {
				local = local || (ed.Country != "" && a.Country == ed.Country)
				ownLanguage = ownLanguage || (ed.Language != "" && a.Language == ed.Language)
				if a.Country != "" {
					countries[a.Country] = true
				}
			}
			// Local news stays local however many neighbours report it: a storm in one
			// county is not world news because a paper across the border covered it.
			global := s.Section != "local" && (s.Publishers >= cfg.GlobalPublishers || len(countries) >= 2)
			if !local && !ownLanguage && !global {
				continue
			}
			if local {
				r.Score *= cfg.LocalBoost
			}
			if !ownLanguage {
				r.Score *= cfg.ForeignFactor
			}
			r.Local = local
		}
		r.Lead = Lead(cfg, s.Members, ed)
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Ranked) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		case a.Story.ID > b.Story.ID: // newer story first on a tie, for a stable page
			return -1
		case a.Story.ID < b.Story.ID:
			return 1
		}
		return 0
	})
	return Diversify(out, cfg.Lookahead)
}
