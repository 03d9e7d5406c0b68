package web

import (
	"strings"

	"newsdesk/internal/llm"
)

// aiView is the generated-features box of an article page or a story brief. It is part of
// cached pages, so nothing in it may depend on the reader: ai.js puts the reader's own
// languages (navigator.languages, what the browser sends as Accept-Language) first.
type aiView struct {
	URL       string // the feature routes' prefix, "/article/1/ai/"; the script adds the feature
	Story     bool   // story scope: Timeline instead of Translate, citations name publishers
	Languages []languageOption
	More      string // the other languages the model can write, as space-separated codes
	// Question, on a question page, makes the box offer one thing: the answer in prose,
	// written by the model from the sentences the built-in Ask found.
	Question string
}

// languageOption is one entry of the translation language list.
type languageOption struct {
	Code string
	Name string
}

// commonLanguages are the languages the list offers by name, in the order shown; the reader's
// own come first, from ai.js, when the model can write them.
var commonLanguages = []string{"en", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "uk", "tr", "ar", "hi", "zh", "ja", "ko"}

// aiLanguages returns the short list and, space-separated, every other code package llm
// accepts. llm keeps its list closed and unexported; asking it about each two-letter code
// once, at start, keeps the two from drifting apart.
func aiLanguages() ([]languageOption, string) {
	var short []languageOption
	listed := map[string]bool{}
	for _, code := range commonLanguages {
		if name, ok := llm.Language(code); ok {
			short = append(short, languageOption{Code: code, Name: name})
			listed[code] = true
		}
	}
	var more []string
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			code := string([]rune{a, b})
			if _, ok := llm.Language(code); ok && !listed[code] {
				more = append(more, code)
			}
		}
	}
	return short, strings.Join(more, " ")
}

// aiBox returns the box for an article or story page, or nil when no model is configured.
func (s *Server) aiBox(prefix string, story bool) *aiView {
	if s.llm == nil {
		return nil
	}
	return &aiView{URL: prefix + "/ai/", Story: story, Languages: s.aiLangs, More: s.aiMore}
}
