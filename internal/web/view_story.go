package web

import (
	"fmt"
	"time"

	"newsdesk/internal/brief"
	"newsdesk/internal/store"
	"newsdesk/internal/story"
)

// storyView is the story page: a story's full coverage.
type storyView struct {
	Headline      string
	Brief         []citedView
	AskURL        string
	Summary       string // "12 articles from 5 publishers in 3 countries"
	FirstReported *firstView
	Timeline      *timelineView
	ByPublisher   []publisherGroup
	AI            *aiView       // the generated features; nil without a language model
	Comments      *commentsView // nil when comments are off
}

// citedView is a sentence quoted from an article, with where it came from.
type citedView struct {
	Text      string
	URL       string // the article on our site
	Title     string
	Publisher string
}

type firstView struct {
	Publisher string
	URL       string
	Title     string
	Time      timeView
}

// publisherGroup is one publisher's articles in a story.
type publisherGroup struct {
	Publisher publisherRef
	Articles  []storyArticle
}

type storyArticle struct {
	ID        int64 // with Publisher, lets ai.js name the source of a generated sentence
	Publisher string
	URL       string
	Title     string
	Time      timeView
	CopyOf    string // the original's publisher when this is a copy; empty for originals
}

// newStoryView lays out a story's articles (newest first, copies included) and its brief.
func newStoryView(now time.Time, id int64, arts []store.Article, cited []brief.Cited) storyView {
	byID := make(map[int64]store.Article, len(arts))
	cands := make([]story.Candidate, 0, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
		cands = append(cands, toCandidate(a))
	}
	fc := story.Coverage(cands)
	v := storyView{
		Headline: fc.BestHeadline,
		AskURL:   storyPath(id) + "/ask",
		Summary:  coverageSummary(fc.Articles, fc.Publishers, fc.Countries),
		Brief:    citedViews(cited, byID),
		Timeline: newTimeline(now, fc.PerHour),
	}
	if first, ok := byID[fc.FirstReported.ID]; ok {
		v.FirstReported = &firstView{
			Publisher: publisherName(first),
			URL:       articlePath(first.ID, first.Title),
			Title:     first.Title,
			Time:      newTimeView(now, articleTime(now, first)),
		}
	}
	for _, g := range fc.ByPublisher {
		if len(g.Articles) == 0 {
			continue
		}
		head := byID[g.Articles[0].ID]
		pg := publisherGroup{Publisher: publisherRef{Name: g.Publisher, URL: publisherPath(head.PublisherID), Logo: head.PublisherLogo}}
		for _, c := range g.Articles {
			a := byID[c.ID]
			sa := storyArticle{ID: a.ID, Publisher: g.Publisher, URL: articlePath(a.ID, a.Title), Title: a.Title, Time: newTimeView(now, articleTime(now, a))}
			if a.DuplicateOf != 0 {
				sa.CopyOf = "another publisher"
				if orig, ok := byID[a.DuplicateOf]; ok {
					sa.CopyOf = publisherName(orig)
				}
			}
			pg.Articles = append(pg.Articles, sa)
		}
		v.ByPublisher = append(v.ByPublisher, pg)
	}
	return v
}

// citedViews resolves cited sentences to the articles they came from; a sentence whose
// article is unknown is dropped rather than shown without its source.
func citedViews(cited []brief.Cited, byID map[int64]store.Article) []citedView {
	out := make([]citedView, 0, len(cited))
	for _, c := range cited {
		a, ok := byID[c.DocID]
		if !ok {
			continue
		}
		out = append(out, citedView{Text: c.Text, URL: articlePath(a.ID, a.Title), Title: a.Title, Publisher: publisherName(a)})
	}
	return out
}

// coverageSummary says how widely a story is covered: "12 articles from 5 publishers in 3
// countries"; the countries are left out when no publisher has one.
func coverageSummary(articles, publishers, countries int) string {
	s := count(articles, "article") + " from " + count(publishers, "publisher")
	switch {
	case countries == 1:
		s += " in 1 country"
	case countries > 1:
		s += fmt.Sprintf(" in %d countries", countries)
	}
	return s
}

// briefDocs chooses the articles a story brief or question is computed over: originals only
// (a copy repeats its original's sentences and would look like agreement), at most n, taking
// each publisher's newest article before anyone's second so that the brief hears every voice.
func briefDocs(arts []store.Article, n int) []brief.Doc {
	var first, rest []store.Article
	seen := map[int64]bool{}
	for _, a := range arts {
		if a.DuplicateOf != 0 {
			continue
		}
		if seen[a.PublisherID] {
			rest = append(rest, a)
			continue
		}
		seen[a.PublisherID] = true
		first = append(first, a)
	}
	docs := make([]brief.Doc, 0, min(n, len(first)+len(rest)))
	for _, a := range append(first, rest...) {
		if len(docs) == n {
			break
		}
		docs = append(docs, briefDoc(a))
	}
	return docs
}

// briefDoc is an article as the brief functions read it. A headline-only article still has
// its feed summary to offer.
func briefDoc(a store.Article) brief.Doc {
	text := a.Text
	if text == "" {
		text = a.Snippet
	}
	return brief.Doc{ID: a.ID, Publisher: publisherName(a), Title: a.Title, Text: text, Published: a.Published}
}
