package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"newsdesk/internal/brief"
	"newsdesk/internal/store"
)

// askView is the answer page of "Ask this article" and "Ask about this story".
type askView struct {
	Heading  string // "Ask this article"
	Scope    string // "this article", "this story"
	Subject  string // the article's title or the story's headline
	BackURL  string
	Action   string // where the form sends the next question
	Question string
	Answered bool
	Answers  []citedView
	// AI offers the model's prose answer when one is configured and the built-in Ask found
	// sentences to ground it on; Sources are the articles its citations may name.
	AI      *aiView
	Sources []aiSource
}

// aiSource is an article the model's citations may link to.
type aiSource struct {
	ID        int64
	URL       string
	Publisher string
}

// articleAsk answers a question from one article's text. It is not cached: the question
// makes every page different, and a question page is not worth keeping.
func (s *Server) articleAsk(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	a, err := s.store.Article(r.Context(), id)
	if err != nil {
		s.fail(w, r, fmt.Errorf("ask article %d: %w", id, err))
		return
	}
	v := askView{
		Heading: "Ask this article",
		Scope:   "this article",
		Subject: a.Title,
		BackURL: articlePath(a.ID, a.Title),
		Action:  articlePath(a.ID, "") + "/ask",
	}
	s.answer(w, r, v, []brief.Doc{briefDoc(a)}, map[int64]store.Article{a.ID: a})
}

// storyAsk answers a question from the articles of a story; a merged story's question is
// sent on to the story it merged into, question and all.
func (s *Server) storyAsk(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	arts, err := s.storyArticles(r.Context(), id)
	if err != nil {
		if moved, ok := errors.AsType[*movedError](err); ok {
			moved.to += "/ask"
			if q := r.URL.Query().Get("q"); q != "" {
				moved.to += "?q=" + url.QueryEscape(q)
			}
		}
		s.fail(w, r, fmt.Errorf("ask story %d: %w", id, err))
		return
	}
	byID := make(map[int64]store.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	v := askView{
		Heading: "Ask about this story",
		Scope:   "this story",
		Subject: storyHeadline(arts),
		BackURL: storyPath(id),
		Action:  storyPath(id) + "/ask",
	}
	s.answer(w, r, v, briefDocs(arts, askDocs), byID)
}

// answer asks the reader's question over docs and writes the page. An empty question shows
// the form alone.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, v askView, docs []brief.Doc, byID map[int64]store.Article) {
	v.Question = question(r.URL.Query().Get("q"))
	if v.Question != "" {
		answers, answered, err := s.ai.Ask(r.Context(), v.Question, docs, askAnswers)
		if err != nil {
			s.serverError(w, r, fmt.Errorf("ask: %w", err))
			return
		}
		v.Answered = answered && len(answers) > 0
		cited := make([]brief.Cited, len(answers))
		for i, a := range answers {
			cited[i] = a.Cited
		}
		v.Answers = citedViews(cited, byID)
		if v.Answered {
			if v.AI = s.aiBox(strings.TrimSuffix(v.Action, "/ask"), v.Scope == "this story"); v.AI != nil {
				v.AI.Question = v.Question
				for _, d := range docs {
					a := byID[d.ID]
					v.Sources = append(v.Sources, aiSource{ID: a.ID, URL: articlePath(a.ID, a.Title), Publisher: publisherName(a)})
				}
			}
		}
	}
	title := v.Heading
	if v.Question != "" {
		title = v.Question + " · " + v.Heading
	}
	body, err := s.render(r.Context(), "ask", layoutView{
		Site:        s.site,
		Title:       title,
		Description: v.Heading + ": " + v.Subject,
		Canonical:   v.BackURL,
		NoIndex:     true,
		Content:     v,
	})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeHTML(w, http.StatusOK, body)
}

// question tidies what the reader typed: spaces collapsed, cut to maxQuestionRunes.
func question(q string) string {
	q = strings.Join(strings.Fields(strings.ToValidUTF8(q, "")), " ")
	if utf8.RuneCountInString(q) <= maxQuestionRunes {
		return q
	}
	return strings.TrimSpace(string([]rune(q)[:maxQuestionRunes]))
}
