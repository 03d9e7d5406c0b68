package llm

import (
	"slices"

	"newsdesk/internal/brief"
)

// offlineSentences is what the built-in extractive features give for a request, shown when the
// model cannot be used. Summary and "explain simply" get the cited key points (brief.StoryBrief,
// which for one article is its key points), Ask the sentences brief.Ask ranks best, and a
// timeline each article's leading key point, oldest article first. Translation has no offline
// counterpart: it returns nothing and the page keeps the original text.
func offlineSentences(req Request) (out []Sentence, answered bool) {
	switch req.Feature {
	case FeatureSummary, FeatureExplain:
		return cited(brief.StoryBrief(req.Docs, summarySentences)), true
	case FeatureAsk:
		answers, ok := brief.Ask(req.Question, req.Docs, offlineAnswers)
		for _, a := range answers {
			out = append(out, Sentence{Text: a.Text, Cites: []brief.Cited{a.Cited}})
		}
		return out, ok
	case FeatureTimeline:
		docs := slices.Clone(req.Docs)
		slices.SortStableFunc(docs, func(a, b brief.Doc) int { return a.Published.Compare(b.Published) })
		step := max(1, (len(docs)+timelineSentences-1)/timelineSentences)
		for i := 0; i < len(docs); i += step {
			for _, c := range brief.StoryBrief(docs[i:i+1], 1) {
				out = append(out, Sentence{Text: c.Text, Cites: []brief.Cited{c}, Time: docs[i].Published})
			}
		}
		return out, true
	}
	return nil, true
}

// offlineAnswers is how many sentences an offline answer cites, as the web question page does.
const offlineAnswers = 3

func cited(cs []brief.Cited) []Sentence {
	out := make([]Sentence, 0, len(cs))
	for _, c := range cs {
		out = append(out, Sentence{Text: c.Text, Cites: []brief.Cited{c}})
	}
	return out
}
