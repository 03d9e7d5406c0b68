package web

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/brief"
	"newsdesk/internal/store"
	"newsdesk/internal/story"
)

// articleView is the article page.
type articleView struct {
	Comments       *commentsView // nil when comments are off
	ID             int64
	URL            string // this page, slugged: generated sentences cite it
	Title          string
	Language       string // ISO 639-1, for the lang attribute the Listen voice follows
	Byline         string
	OriginalURL    string
	OriginalHost   string
	ImageURL       string // hero image; empty when the body already shows it
	Body           template.HTML
	ReadingMinutes int
	Publisher      publisherRef
	Time           timeView
	KeyPoints      []string
	AskURL         string
	Tags           []tagRef
	CoverageURL    string // the story page; empty when the story has only this article
	CoverageCount  int    // articles in the story, this one included
	Related        []cardView
	AI             *aiView // the generated features; nil without a language model
}

// tagRef is a tag as a link to its page.
type tagRef struct {
	Name string
	Kind string // keyword, person, place, org
	URL  string
}

// wordsPerMinute is a common adult reading speed for news prose.
const wordsPerMinute = 230

func newArticleView(now time.Time, a store.Article) articleView {
	v := articleView{
		ID:           a.ID,
		URL:          articlePath(a.ID, a.Title),
		Title:        a.Title,
		Language:     a.Language,
		Byline:       strings.TrimSpace(a.Byline),
		OriginalURL:  a.URL,
		OriginalHost: hostOf(a.URL),
		// store.Article.HTML is produced by the extraction pipeline's allow-list sanitiser;
		// it is the one string we trust as markup.
		Body:      template.HTML(a.HTML),
		Publisher: publisherRef{Name: publisherName(a), URL: publisherPath(a.PublisherID), Logo: a.PublisherLogo},
		Time:      newTimeView(now, articleTime(now, a)),
		KeyPoints: a.KeyPoints,
		AskURL:    articlePath(a.ID, "") + "/ask",
	}
	if a.ImageURL != "" && !strings.Contains(a.HTML, a.ImageURL) {
		v.ImageURL = a.ImageURL
	}
	switch {
	case strings.TrimSpace(a.Text) != "":
		// brief.ReadingTime counts characters for scripts written without spaces, where a
		// word count would say one minute for any length.
		v.ReadingMinutes = int(brief.ReadingTime(a.Text) / time.Minute)
	case a.WordCount > 0:
		v.ReadingMinutes = max(1, (a.WordCount+wordsPerMinute/2)/wordsPerMinute)
	}
	return v
}

// maxTagsShown bounds the topics under an article; the store lists names before keywords, so
// the cut drops the least telling keywords.
const maxTagsShown = 10

func newTagRefs(tags []store.Tag) []tagRef {
	out := make([]tagRef, 0, min(len(tags), maxTagsShown))
	for _, t := range tags {
		if strings.TrimSpace(t.Name) == "" {
			continue
		}
		if len(out) == maxTagsShown {
			break
		}
		out = append(out, tagRef{Name: t.Name, Kind: t.Kind, URL: tagPath(t.Name)})
	}
	return out
}

// relatedCards runs story.Related over the store's candidates and turns its picks into cards.
func relatedCards(now time.Time, a store.Article, candidates []store.Article) []cardView {
	byID := make(map[int64]store.Article, len(candidates))
	cands := make([]story.Candidate, 0, len(candidates))
	for _, c := range candidates {
		byID[c.ID] = c
		cands = append(cands, toCandidate(c))
	}
	target := toCandidate(a)
	target.Text = relatedText(a)
	picked := story.Related(target.Item, a.StoryID, cands, relatedLimit)
	cards := make([]cardView, 0, len(picked))
	for _, p := range picked {
		cards = append(cards, newCardView(now, byID[p.ID]))
	}
	return cards
}

// relatedText is what Related compares the target article by: its snippet and the start of its
// text, where the names a story is about appear. Candidates come from the store without
// bodies and bring only their snippets; a whole body would let its length, not its subject,
// decide.
func relatedText(a store.Article) string {
	lead := snippet(store.Article{Text: a.Text}, 400)
	if strings.TrimSpace(a.Snippet) == "" {
		return lead
	}
	return a.Snippet + "\n\n" + lead
}

// toCandidate is an article as the story engine's Related and Coverage see it: lists come
// from the store without bodies, so its text is the snippet.
func toCandidate(a store.Article) story.Candidate {
	published := a.Published
	if published.IsZero() {
		published = a.Fetched
	}
	return story.Candidate{
		Item: story.Item{
			ID:        a.ID,
			Title:     a.Title,
			Text:      snippet(a, 400),
			Publisher: publisherName(a),
			URL:       a.URL,
			Language:  a.Language,
			Country:   a.PublisherCountry,
			Published: published,
		},
		Story:       a.StoryID,
		DuplicateOf: a.DuplicateOf,
	}
}

func storyPath(id int64) string {
	return "/story/" + strconv.FormatInt(id, 10)
}

// tagPath escapes the tag as one path segment: "AC/DC" must not become two.
func tagPath(name string) string {
	return "/tag/" + url.PathEscape(name)
}
