package brief

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrUnknownDoc is returned by EvaluateAsk when a case names an article the lookup lacks.
var ErrUnknownDoc = errors.New("unknown article")

// AskCase is one question of the Ask benchmark.
type AskCase struct {
	Question string `json:"q"`
	Doc      string `json:"doc"` // the article (slug) the question is about
	// Answer is a substring of the sentence that answers, or several separated by "|" when more
	// than one sentence does; "" when the article does not answer the question.
	Answer string `json:"answer"`
}

// AskReport counts how Ask did on a question set.
type AskReport struct {
	Questions    int
	Answerable   int
	Top1, Top3   int // answerable questions whose right sentence came first, or in the first three
	Unanswerable int
	Abstained    int      // unanswerable questions Ask declined, as it should
	Declined     int      // answerable questions Ask declined
	Misses       []string // one line per answerable question not answered in the top 3
}

// EvaluateAsk asks every case over the documents docs returns for its article (the article
// alone, or its whole story) and counts right answers. A returned sentence is right when it
// contains the expected substring, compared without regard to case.
func EvaluateAsk(cases []AskCase, docs func(slug string) ([]Doc, bool)) (AskReport, error) {
	var r AskReport
	for _, c := range cases {
		ds, ok := docs(c.Doc)
		if !ok {
			return r, fmt.Errorf("ask case %q: %w %q", c.Question, ErrUnknownDoc, c.Doc)
		}
		r.Questions++
		answers, answered := Ask(c.Question, ds, 3)
		if c.Answer == "" {
			r.Unanswerable++
			if !answered {
				r.Abstained++
			}
			continue
		}
		r.Answerable++
		if !answered {
			r.Declined++
		}
		rank := -1
		for i, a := range answers {
			if matchesAny(a.Text, c.Answer) {
				rank = i
				break
			}
		}
		switch {
		case rank == 0:
			r.Top1++
			r.Top3++
		case rank > 0:
			r.Top3++
		default:
			got := ""
			if len(answers) > 0 {
				got = answers[0].Text
			}
			r.Misses = append(r.Misses, fmt.Sprintf("%s: %q → %q", c.Doc, c.Question, got))
		}
	}
	return r, nil
}

func matchesAny(text, alternatives string) bool {
	text = strings.ToLower(text)
	for _, want := range strings.Split(alternatives, "|") {
		if strings.Contains(text, strings.ToLower(want)) {
			return true
		}
	}
	return false
}

// ParseAskCases reads a question set: one JSON AskCase a line.
func ParseAskCases(r io.Reader) ([]AskCase, error) {
	var cases []AskCase
	dec := json.NewDecoder(r)
	for {
		var c AskCase
		err := dec.Decode(&c)
		if errors.Is(err, io.EOF) {
			return cases, nil
		}
		if err != nil {
			return nil, fmt.Errorf("ask cases: record %d: %w", len(cases)+1, err)
		}
		cases = append(cases, c)
	}
}
