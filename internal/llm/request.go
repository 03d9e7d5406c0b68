package llm

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"

	"newsdesk/internal/brief"
)

// Scope says whether a request is about one article or a story.
type Scope string

// Scopes.
const (
	ScopeArticle Scope = "article"
	ScopeStory   Scope = "story"
)

// Request is one reader's request to the Service.
type Request struct {
	Feature Feature
	Scope   Scope
	ID      int64       // the article's or the story's id
	Docs    []brief.Doc // the article, or the story's articles (the caller bounds how many)
	// Lang is the ISO 639-1 code of the reader's language: the target of a translation
	// (required), the language of the other features ("" means the article's).
	Lang     string
	Question string // FeatureAsk only
	// User is the signed-in user's id ("" for anonymous readers) and IP the client address as
	// the web layer trusts it; each has its own rate limit.
	User string
	IP   string
}

// Result is the Service's answer.
type Result struct {
	Feature   Feature
	Sentences []Sentence
	// Answered is false for a question the articles do not answer (the page says so).
	Answered bool
	// Fallback is true when Sentences come from the built-in extractive features instead of
	// the model; Reason says why in words a reader can be shown, Cause as a short code for
	// logs and metrics (see the Cause constants).
	Fallback bool
	Reason   string
	Cause    string
	// Partial is true when the model stopped after some checked sentences had been streamed;
	// they are kept and Reason says the answer is incomplete.
	Partial   bool
	Dropped   int  // generated sentences the citation check removed
	Truncated bool // the model saw only the start of a long article or story
	Cached    bool
	Lang      string
	Model     string // empty on fallback
}

// Causes of a fallback or partial result.
const (
	CauseRateLimited = "rate_limited"
	CauseBudget      = "budget"
	CauseUnavailable = "unavailable"
	CauseSlow        = "slow"
	CauseBusy        = "busy"
	CauseUnchecked   = "unchecked"
	CauseMalformed   = "malformed"
	CauseDeclined    = "declined"
	CausePartial     = "partial"
)

func (r Request) validate() (Request, error) {
	r.Lang = strings.ToLower(strings.TrimSpace(r.Lang))
	r.Question = strings.TrimSpace(r.Question)
	if r.Lang != "" {
		if _, ok := languages[r.Lang]; !ok {
			return r, fmt.Errorf("%w: %q", ErrLanguage, r.Lang)
		}
	}
	switch r.Scope {
	case ScopeArticle:
		if len(r.Docs) != 1 {
			return r, fmt.Errorf("%w: an article request needs exactly one article, got %d", ErrBadRequest, len(r.Docs))
		}
	case ScopeStory:
		if len(r.Docs) == 0 {
			return r, fmt.Errorf("%w: story has no articles", ErrBadRequest)
		}
	default:
		return r, fmt.Errorf("%w: scope %q", ErrBadRequest, r.Scope)
	}
	switch r.Feature {
	case FeatureSummary, FeatureExplain, FeatureTimeline:
	case FeatureTranslate:
		if r.Scope != ScopeArticle {
			return r, fmt.Errorf("%w: translation is per article", ErrBadRequest)
		}
		if r.Lang == "" {
			return r, fmt.Errorf("%w: translation needs a language", ErrLanguage)
		}
	case FeatureAsk:
		if r.Question == "" || len([]rune(r.Question)) > maxQuestionRunes {
			return r, fmt.Errorf("%w: question empty or over %d characters", ErrBadRequest, maxQuestionRunes)
		}
	default:
		return r, fmt.Errorf("%w: feature %q", ErrBadRequest, r.Feature)
	}
	return r, nil
}

// cacheKey names a result: feature, subject and language in the clear (readable in logs),
// then a hash of everything that shaped the answer, so an edited article, a new model or new
// prompts never hit an old entry.
func (r Request) cacheKey(model string) string {
	h := sha256.New()
	field := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	field(promptVersion)
	field(model)
	field(strings.ToLower(strings.Join(strings.Fields(r.Question), " ")))
	for _, d := range r.Docs {
		field(fmt.Sprint(d.ID, d.Published.Unix()))
		field(d.Publisher)
		field(d.Title)
		field(d.Text)
	}
	return fmt.Sprintf("%s|%s:%d|%s|%s", r.Feature, r.Scope, r.ID, r.Lang, hex.EncodeToString(h.Sum(nil)[:12]))
}
