package web

import (
	"html/template"
	"strings"
	"time"

	"newsdesk/internal/store"
)

// articleView is the article page.
type articleView struct {
	Title          string
	Byline         string
	OriginalURL    string
	OriginalHost   string
	ImageURL       string // hero image; empty when the body already shows it
	Body           template.HTML
	ReadingMinutes int
	Publisher      publisherRef
	Time           timeView
	Related        []cardView
}

// wordsPerMinute is a common adult reading speed for news prose.
const wordsPerMinute = 230

func newArticleView(now time.Time, a store.Article, related []store.Article) articleView {
	v := articleView{
		Title:        a.Title,
		Byline:       strings.TrimSpace(a.Byline),
		OriginalURL:  a.URL,
		OriginalHost: hostOf(a.URL),
		// store.Article.HTML is produced by the extraction pipeline's allow-list sanitiser;
		// it is the one string we trust as markup.
		Body:      template.HTML(a.HTML),
		Publisher: publisherRef{Name: publisherName(a), URL: publisherPath(a.PublisherID), Logo: a.PublisherLogo},
		Time:      newTimeView(now, articleTime(now, a)),
	}
	if a.ImageURL != "" && !strings.Contains(a.HTML, a.ImageURL) {
		v.ImageURL = a.ImageURL
	}
	if a.WordCount > 0 {
		v.ReadingMinutes = max(1, (a.WordCount+wordsPerMinute/2)/wordsPerMinute)
	}
	for _, r := range related {
		if r.ID != a.ID && len(v.Related) < relatedLimit {
			v.Related = append(v.Related, newCardView(now, r))
		}
	}
	return v
}
