package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"newsdesk/internal/edition"
	"newsdesk/internal/rank"
	"newsdesk/internal/section"
	"newsdesk/internal/store"
)

// frontView is the front page: the top stories, ranked, then the latest articles.
type frontView struct {
	Heading       string // "Top stories", in the edition's language
	LatestHeading string
	Edition       string // the edition's name; "" on the global page
	Lead          *storyCardView
	Top           []storyCardView
	Articles      []cardView // the latest
	Empty         bool
	Section       string // the section's name, on a section's page
	SectionsLabel string
	Sections      []sectionLink
}

// maxAlsoIn is how many copying publishers a card names before "and N more".
const maxAlsoIn = 3

// Top stories: ranked from the stories with coverage in the last topStoryWindow, of which
// the store aggregates the topStoryPool broadest; topStories are shown, each with up to
// storyCardOthers more articles from other publishers.
const (
	topStoryWindow  = 48 * time.Hour
	topStoryPool    = 200
	topStories      = 12
	storyCardOthers = 3
)

// frontPage serves the global front page: no edition's boosts or language.
func (s *Server) frontPage(w http.ResponseWriter, r *http.Request) {
	s.serveFront(w, r, edition.Edition{}, "")
}

// sectionPage serves /section/{name}: one section of the global front page.
func (s *Server) sectionPage(w http.ResponseWriter, r *http.Request) {
	sec, ok := section.Parse(r.PathValue("name"))
	if !ok || sec == section.Local { // local news needs an edition's country
		s.notFound(w, r)
		return
	}
	s.serveFront(w, r, edition.Edition{}, string(sec))
}

// serveFront serves a front page: of an edition (zero: the global one), of one section
// ("" for all).
func (s *Server) serveFront(w http.ResponseWriter, r *http.Request, ed edition.Edition, sec string) {
	path := "/"
	if ed.Country != "" {
		path = ed.Path()
	}
	if sec != "" {
		path = sectionPath(ed, sec)
	}
	s.serveCached(w, r, "front"+path, func(ctx context.Context, now time.Time) ([]byte, error) {
		loc := edition.LocaleFor("en")
		if ed.Country != "" {
			loc = ed.Locale()
		}
		stats, err := s.store.StoryStats(ctx, now.Add(-topStoryWindow), topStoryPool)
		if err != nil {
			return nil, fmt.Errorf("front page: %w", err)
		}
		top := rank.TopStories(s.rank, stats, rank.Edition{Country: ed.Country, Language: ed.Language}, sec, now, topStories)
		articles, err := s.store.LatestArticles(ctx, frontPageLimit)
		if err != nil {
			return nil, fmt.Errorf("front page: %w", err)
		}
		if sec != "" {
			articles = slices.DeleteFunc(articles, func(a store.Article) bool { return a.Section != sec })
		}
		cards, err := s.storyCards(ctx, now, articles)
		if err != nil {
			return nil, fmt.Errorf("front page: %w", err)
		}
		v := frontView{Heading: loc.T("top_stories"), LatestHeading: loc.T("latest"), Edition: ed.Name, Articles: cards,
			Empty: len(top) == 0 && len(cards) == 0, Sections: sectionNav(ed, loc, sec), SectionsLabel: loc.T("sections")}
		if sec != "" {
			v.Section = loc.Section(sec)
		}
		for _, t := range top {
			v.Top = append(v.Top, newStoryCard(now, t, loc, ed.Country != ""))
		}
		if len(v.Top) > 0 {
			v.Lead, v.Top = &v.Top[0], v.Top[1:]
		}
		if ed.Country != "" {
			// Relative times in the edition's language, on the latest cards too.
			for i, a := range articles {
				v.Articles[i].Time = localTime(now, articleTime(now, a), loc)
			}
		}
		lv := layoutView{
			Site:        s.site,
			Description: "The top stories and latest news from " + s.site + "'s sources.",
			Canonical:   path,
			Lang:        ed.Language,
			Edition:     s.editionNav(ed),
			Content:     v,
		}
		if ed.Country != "" {
			// Search engines learn that the editions are one page in several languages
			// and countries ("en-IE", "de-DE").
			for _, e := range s.editions.All() {
				lv.HrefLangs = append(lv.HrefLangs, editionLink{URL: sectionPathOr(e, sec), Lang: e.Language + "-" + strings.ToUpper(e.Country)})
			}
		}
		switch {
		case v.Section != "" && ed.Name != "":
			lv.Title = v.Section + " · " + ed.Name
		case v.Section != "":
			lv.Title = v.Section
		case ed.Country != "":
			lv.Title = ed.Name
		}
		return s.render(ctx, "front", lv)
	})
}

// sectionPath is a section's page: /ie/en/sport in an edition, /section/sport without.
func sectionPath(ed edition.Edition, sec string) string {
	if ed.Country == "" {
		return "/section/" + sec
	}
	return ed.Path() + "/" + sec
}

// sectionPathOr is a section's page in an edition, or the edition's front page.
func sectionPathOr(ed edition.Edition, sec string) string {
	if sec == "" {
		return ed.Path()
	}
	return sectionPath(ed, sec)
}

// sectionLink is one entry of the section bar.
type sectionLink struct {
	URL, Name string
	Current   bool
}

// sectionNav lists the sections in the edition's words; Local only in an edition.
func sectionNav(ed edition.Edition, loc *edition.Locale, current string) []sectionLink {
	var out []sectionLink
	for _, sec := range section.All() {
		if sec == section.Local && ed.Country == "" {
			continue
		}
		out = append(out, sectionLink{URL: sectionPath(ed, string(sec)), Name: loc.Section(string(sec)), Current: string(sec) == current})
	}
	return out
}

// storyCardView is one top story: its lead article large, how many sources cover it, a
// few of their articles and the link to the full coverage.
type storyCardView struct {
	cardView
	Sources       string // "5 sources"
	CoverageLabel string // "Full coverage"
	Others        []storyOtherView
}

type storyOtherView struct {
	URL, Title, Publisher string
	Time                  timeView
}

func newStoryCard(now time.Time, t rank.Top, loc *edition.Locale, localised bool) storyCardView {
	c := storyCardView{cardView: newCardView(now, t.Lead), Sources: loc.Sources(t.Stat.Publishers), CoverageLabel: loc.T("full_coverage")}
	if t.Stat.Articles > 1 {
		c.CoverageURL = storyPath(t.Stat.Story)
	}
	if localised {
		c.Time = localTime(now, articleTime(now, t.Lead), loc)
	}
	seen := map[int64]bool{t.Lead.PublisherID: true}
	for _, m := range t.Stat.Members {
		if len(c.Others) == storyCardOthers {
			break
		}
		if seen[m.PublisherID] || m.ID == t.Lead.ID {
			continue
		}
		seen[m.PublisherID] = true
		o := storyOtherView{URL: articlePath(m.ID, m.Title), Title: m.Title, Publisher: publisherName(m), Time: newTimeView(now, articleTime(now, m))}
		if localised {
			o.Time = localTime(now, articleTime(now, m), loc)
		}
		c.Others = append(c.Others, o)
	}
	return c
}

// localTime is a time in an edition's words ("vor 9 Minuten").
func localTime(now, t time.Time, loc *edition.Locale) timeView {
	tv := newTimeView(now, t)
	if !t.IsZero() {
		tv.Rel = loc.Ago(t, now)
	}
	return tv
}

// storyCards are cards that also say who else ran the article and link the story's full
// coverage when there is more of it than this article. Two queries for the whole list.
func (s *Server) storyCards(ctx context.Context, now time.Time, articles []store.Article) ([]cardView, error) {
	ids := make([]int64, 0, len(articles))
	var stories []int64
	for _, a := range articles {
		ids = append(ids, a.ID)
		if a.StoryID != 0 {
			stories = append(stories, a.StoryID)
		}
	}
	also, err := s.store.AlsoIn(ctx, ids)
	if err != nil {
		return nil, err
	}
	sizes, err := s.store.StorySizes(ctx, stories)
	if err != nil {
		return nil, err
	}
	cards := newCardViews(now, articles)
	for i, a := range articles {
		cards[i].AlsoIn = alsoIn(also[a.ID], publisherName(a))
		if a.StoryID != 0 && sizes[a.StoryID].Articles > 1 {
			cards[i].CoverageURL = storyPath(a.StoryID)
		}
	}
	s.commentCounts(ctx, cards, articles)
	return cards, nil
}

// cardsWithCounts are plain cards with their comment counts.
func (s *Server) cardsWithCounts(ctx context.Context, now time.Time, articles []store.Article) []cardView {
	cards := newCardViews(now, articles)
	s.commentCounts(ctx, cards, articles)
	return cards
}

// alsoIn names the other publishers that ran an article: distinct, without the article's own
// publisher, the first few then "and N more".
func alsoIn(names []string, own string) string {
	var out []string
	seen := map[string]bool{own: true}
	for _, n := range names {
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	if len(out) > maxAlsoIn {
		return strings.Join(out[:maxAlsoIn], ", ") + fmt.Sprintf(" and %d more", len(out)-maxAlsoIn)
	}
	return strings.Join(out, ", ")
}
