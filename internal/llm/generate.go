package llm

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"newsdesk/internal/brief"
)

// ErrUnsupported is returned when the model answered but the check dropped every sentence.
var ErrUnsupported = errors.New("llm: no generated sentence is supported by its citations")

// Default lengths.
const (
	summarySentences  = 4
	explainSentences  = 5
	timelineSentences = 8
	maxQuestionRunes  = 300
	temperature       = 0.2 // low: the task is restating, not inventing
)

// Generator writes the features with a Client and checks what comes back. Each feature method
// numbers the source sentences, asks the model, splits the reply into sentences and keeps
// those the cited sources support. It holds no state between calls.
type Generator struct {
	client   *Client
	maxChars int
	// Stream makes every call stream its reply, even without Options.OnSentence, so the
	// first-token timeout notices a stalled model early. Service sets it.
	Stream bool
}

// NewGenerator returns a Generator that calls client and puts at most maxSourceChars of source
// text in a prompt (0 means DefaultMaxSourceChars).
func NewGenerator(client *Client, maxSourceChars int) *Generator {
	if maxSourceChars <= 0 {
		maxSourceChars = DefaultMaxSourceChars
	}
	return &Generator{client: client, maxChars: maxSourceChars}
}

// Options are a feature call's options.
type Options struct {
	// Lang is the ISO 639-1 code of the language to write in; "" means the article's own.
	// Translate needs it.
	Lang string
	// Sentences bounds a summary, explanation or timeline; 0 means the feature's default.
	Sentences int
	// OnSentence, when set, streams the reply and receives each checked sentence as soon as
	// it is complete; an error from it stops the call.
	OnSentence func(Sentence) error
}

// Output is what a feature produced.
type Output struct {
	Sentences []Sentence // checked sentences, in the model's order
	Dropped   []Drop     // sentences the check removed
	Usage     Usage      // as the server reported it, or estimated from the text when it did not
	Answered  bool       // Ask: false when the articles or the model say the question is not answered
	Truncated bool       // the prompt had to leave part of the source text out
	Lang      string     // the language written in ("" = the article's)
}

// job is one prepared feature call.
type job struct {
	src      *sources
	prompt   string
	mode     checkMode
	latin    bool
	tokens   int  // max_tokens
	timeline bool // give each sentence its earliest cited article's time
	ask      bool // the reply may be notAnswered
}

// Summary writes the main facts of one article, or of a story's articles, in a few sentences.
func (g *Generator) Summary(ctx context.Context, docs []brief.Doc, opt Options) (Output, error) {
	src, err := g.docSources(docs)
	if err != nil {
		return Output{}, err
	}
	j, err := prepare(src, docs, opt.Lang, checkSame)
	if err != nil {
		return Output{}, err
	}
	j.prompt = summaryPrompt(src.render(docs, len(docs) > 1), opt.Lang, cmpOr(opt.Sentences, summarySentences))
	j.tokens = 400
	return g.run(ctx, j, opt)
}

// ExplainSimply explains an article or story in plain words. Its word check is looser than
// the summary's (plain words replace the source's), its number check as strict.
func (g *Generator) ExplainSimply(ctx context.Context, docs []brief.Doc, opt Options) (Output, error) {
	src, err := g.docSources(docs)
	if err != nil {
		return Output{}, err
	}
	j, err := prepare(src, docs, opt.Lang, checkSimple)
	if err != nil {
		return Output{}, err
	}
	j.prompt = explainPrompt(src.render(docs, len(docs) > 1), opt.Lang, cmpOr(opt.Sentences, explainSentences))
	j.tokens = 500
	return g.run(ctx, j, opt)
}

// Translate translates an article into opt.Lang, sentence by sentence, each translated
// sentence citing its source sentence. Words cannot be compared across languages, so the check
// compares numbers (none invented or lost) and, for Latin-script targets, names. Articles
// longer than the prompt bound are translated up to it (Output.Truncated).
func (g *Generator) Translate(ctx context.Context, doc brief.Doc, opt Options) (Output, error) {
	if _, ok := languages[opt.Lang]; !ok {
		return Output{}, fmt.Errorf("%w: %q", ErrLanguage, opt.Lang)
	}
	docs := []brief.Doc{doc}
	src := articleSources(docs, g.maxChars)
	if len(src.list) == 0 {
		return Output{}, fmt.Errorf("%w: article has no text", ErrBadRequest)
	}
	j := job{src: src, mode: checkTranslation, latin: languages[opt.Lang].latin}
	j.prompt = translatePrompt(src.render(docs, false), opt.Lang)
	// Roughly a token per 4 characters of English, more for other scripts; room for the markers.
	j.tokens = min(4096, 200+sourceChars(src)/2+8*len(src.list))
	return g.run(ctx, j, opt)
}

// Ask answers a question in prose from the sentences brief.Ask retrieves. When brief.Ask finds
// the articles do not answer, the model is not called and Output.Answered is false; the model
// may also decline.
func (g *Generator) Ask(ctx context.Context, question string, docs []brief.Doc, opt Options) (Output, error) {
	question = strings.TrimSpace(question)
	if question == "" || len([]rune(question)) > maxQuestionRunes {
		return Output{}, fmt.Errorf("%w: question empty or over %d characters", ErrBadRequest, maxQuestionRunes)
	}
	if len(docs) == 0 {
		return Output{}, fmt.Errorf("%w: no articles", ErrBadRequest)
	}
	src, ok := askSources(question, docs)
	if !ok || len(src.list) == 0 {
		return Output{Lang: opt.Lang}, nil
	}
	j, err := prepare(src, docs, opt.Lang, checkSame)
	if err != nil {
		return Output{}, err
	}
	j.prompt = askPrompt(src.render(docs, len(docs) > 1), opt.Lang, question)
	j.tokens = 300
	j.ask = true
	return g.run(ctx, j, opt)
}

// Timeline tells how a story developed, oldest first, from the key sentences of its articles
// ordered by publish time; each sentence carries the time of the earliest article it cites.
func (g *Generator) Timeline(ctx context.Context, docs []brief.Doc, opt Options) (Output, error) {
	if len(docs) == 0 {
		return Output{}, fmt.Errorf("%w: no articles", ErrBadRequest)
	}
	src := timelineSources(docs, g.maxChars)
	if len(src.list) == 0 {
		return Output{}, fmt.Errorf("%w: articles have no text", ErrBadRequest)
	}
	j, err := prepare(src, docs, opt.Lang, checkSame)
	if err != nil {
		return Output{}, err
	}
	j.prompt = timelinePrompt(src.render(docs, false), opt.Lang, cmpOr(opt.Sentences, timelineSentences))
	j.tokens = 700
	j.timeline = true
	return g.run(ctx, j, opt)
}

func (g *Generator) docSources(docs []brief.Doc) (*sources, error) {
	if len(docs) == 0 {
		return nil, fmt.Errorf("%w: no articles", ErrBadRequest)
	}
	var src *sources
	if len(docs) == 1 {
		src = articleSources(docs, g.maxChars)
	} else {
		src = storySources(docs, g.maxChars)
	}
	if len(src.list) == 0 {
		return nil, fmt.Errorf("%w: articles have no text", ErrBadRequest)
	}
	return src, nil
}

// prepare picks the check for the output language: the given same-language mode when the
// reader reads the article's language, the cross-language one otherwise.
func prepare(src *sources, docs []brief.Doc, lang string, same checkMode) (job, error) {
	j := job{src: src, mode: same, latin: true}
	if lang == "" {
		return j, nil
	}
	l, ok := languages[lang]
	if !ok {
		return job{}, fmt.Errorf("%w: %q", ErrLanguage, lang)
	}
	if lang != brief.DetectLanguage(docs[0].Text) {
		j.mode, j.latin = checkOtherLanguage, l.latin
	}
	return j, nil
}

// run asks the model and checks its sentences. On an error after some sentences were passed to
// OnSentence, the Output still holds them.
func (g *Generator) run(ctx context.Context, j job, opt Options) (Output, error) {
	out := Output{Truncated: j.src.truncated, Lang: opt.Lang, Answered: true}
	req := ChatRequest{
		Messages:    []Message{{Role: "system", Content: systemPrompt}, {Role: "user", Content: j.prompt}},
		MaxTokens:   j.tokens,
		Temperature: temperature,
	}
	accept := func(gs []generated) error {
		for _, gen := range gs {
			if j.ask && strings.Contains(gen.text, notAnswered) {
				continue
			}
			v := check(gen, j.src, j.mode, j.latin)
			if v.reason != "" {
				out.Dropped = append(out.Dropped, Drop{Text: gen.text, Reason: v.reason})
				continue
			}
			if j.timeline {
				for _, n := range gen.cites {
					s, _ := j.src.get(n)
					if t := s.published; !t.IsZero() && (v.sentence.Time.IsZero() || t.Before(v.sentence.Time)) {
						v.sentence.Time = t
					}
				}
			}
			out.Sentences = append(out.Sentences, v.sentence)
			if opt.OnSentence != nil {
				if err := opt.OnSentence(v.sentence); err != nil {
					return err
				}
			}
		}
		return nil
	}

	var (
		reply Reply
		err   error
	)
	if g.Stream || opt.OnSentence != nil {
		var sp splitter
		reply, err = g.client.Stream(ctx, req, func(d string) error { return accept(sp.write(d)) })
		if err == nil {
			err = accept(sp.flush())
		}
	} else {
		reply, err = g.client.Complete(ctx, req)
		if err == nil {
			err = accept(parseReply(reply.Text))
		}
	}
	out.Usage = reply.Usage
	if out.Usage.TotalTokens == 0 {
		out.Usage.TotalTokens = (len(systemPrompt) + len(j.prompt) + len(reply.Text)) / 4
	}
	if err != nil {
		return out, err
	}
	if j.ask && strings.HasPrefix(strings.TrimSpace(reply.Text), notAnswered) {
		out.Answered = false
		return out, nil
	}
	if len(out.Sentences) == 0 {
		return out, fmt.Errorf("%w (%d dropped)", ErrUnsupported, len(out.Dropped))
	}
	return out, nil
}

func sourceChars(s *sources) int {
	n := 0
	for _, x := range s.list {
		n += len(x.cite.Text)
	}
	return n
}

func cmpOr(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}
