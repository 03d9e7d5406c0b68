// Package brief is newsdesk's offline "AI features": key points of an article, an extractive
// brief of a story across publishers, question answering over an article or story, tags
// (keywords and named people, places and organisations), language detection and reading time.
//
// Everything here runs on the text alone, with no model downloads: sentence scoring, term
// statistics, a Porter stemmer and small embedded word lists. The generative half of the
// feature (an LLM) will sit behind the Summarizer interface, which Offline implements now.
package brief

import "time"

// Doc is one article of a story as the brief functions see it.
type Doc struct {
	ID        int64
	Publisher string
	Title     string
	Text      string // plain text; paragraphs separated by blank lines
	Published time.Time
}

// Cited is a sentence taken from a document: Sentence is its index in SplitSentences(doc.Text),
// so a page can link or highlight it.
type Cited struct {
	Text     string
	DocID    int64
	Sentence int
}

// Answer is a sentence that answers a question, with its relevance score (higher is better;
// comparable only within one call).
type Answer struct {
	Cited
	Score float64
}

// Tag kinds.
const (
	KindKeyword = "keyword"
	KindPerson  = "person"
	KindPlace   = "place"
	KindOrg     = "org"
)

// Tag is a keyword or named entity of an article or story. Score is in (0, 1], relative to the
// best tag of the same call.
type Tag struct {
	Name  string
	Kind  string // KindKeyword, KindPerson, KindPlace or KindOrg
	Score float64
}

// Corpus gives document frequencies over the ingested articles for TF-IDF. Terms are passed as
// Terms returns them (lower-case, stemmed, stop words dropped); the store indexes the same form.
type Corpus interface {
	DocFreq(term string) int
	Docs() int
}
