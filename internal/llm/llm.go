// Package llm is the optional generative half of newsdesk's AI features: an abstractive
// summary, "explain simply", translation, prose answers to questions and a story timeline,
// written by any OpenAI-compatible chat completions endpoint (Ollama, llama.cpp server, vLLM,
// OpenAI) and grounded on the article's own sentences.
//
// Every generated sentence must cite the numbered source sentences it rests on; a check drops
// the sentences whose citations are missing, out of range or do not support them, so what a
// reader sees is either traceable to the article or not shown. When the model is slow, down,
// over its limits or budget, or none of its sentences survive the check, the Service answers
// with the offline result of package brief instead and says why.
//
// The pieces, from the wire up: Client talks to the endpoint (plain and streamed replies);
// Generator turns articles into numbered prompts, parses and checks the replies (one method per
// feature); Service adds the cache, rate limits, daily budget, timeouts and fallback, and
// WriteSSE streams a Service answer to a browser.
package llm

import (
	"errors"
	"time"

	"newsdesk/internal/brief"
)

// Feature is one of the generated features.
type Feature string

// The features. Translate works on one article; the others on an article or a story.
const (
	FeatureSummary   Feature = "summary"   // abstractive key points
	FeatureExplain   Feature = "explain"   // "explain simply"
	FeatureTranslate Feature = "translate" // the article in the reader's language
	FeatureAsk       Feature = "ask"       // a prose answer to a question
	FeatureTimeline  Feature = "timeline"  // a story's developments in order
)

// Features lists every feature, in the order a page would offer them.
func Features() []Feature {
	return []Feature{FeatureSummary, FeatureExplain, FeatureTranslate, FeatureAsk, FeatureTimeline}
}

// Sentence is a generated (or, on fallback, extracted) sentence with the source sentences that
// support it. Each Cited's Text is the source sentence as the article has it, so a page can
// show it on hover or link to it by DocID and Sentence.
type Sentence struct {
	Text  string
	Cites []brief.Cited
	// Time is set for timeline sentences: the publish time of the earliest article cited.
	Time time.Time
}

// Drop is a generated sentence the check removed, with the reason in words (for logs and tests;
// readers never see dropped text).
type Drop struct {
	Text   string
	Reason string
}

// Errors. Client errors wrap one of the first group; Service.Do returns only the second group,
// because everything that goes wrong with the model itself ends in a fallback result.
var (
	ErrStatus    = errors.New("llm: server refused the request")
	ErrMalformed = errors.New("llm: malformed reply")
	ErrTruncated = errors.New("llm: reply stream ended early")
	ErrTooLarge  = errors.New("llm: reply too large")
	ErrSlow      = errors.New("llm: model too slow")
	ErrNoContent = errors.New("llm: reply has no text")

	ErrBadRequest = errors.New("llm: bad request")
	ErrLanguage   = errors.New("llm: unsupported language")
)
