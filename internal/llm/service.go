package llm

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"newsdesk/internal/brief"
)

// Service is what the web layer calls: a feature for an article or story in a language, with
// a cache, per-user and per-IP limits, a daily budget, timeouts and, whenever the model cannot
// give a checked answer, the built-in result instead. It is safe for concurrent use.
type Service struct {
	gen     *Generator
	model   string
	cache   *resultCache
	users   limiter
	ips     limiter
	budget  *budget
	now     func() time.Time
	log     *slog.Logger
	maxChar int
	timeout time.Duration

	mu        sync.Mutex
	downUntil time.Time // no calls before this: the model just failed to answer

	calls, hits, fallbacks, dropped atomic.Int64
}

// New returns a Service for cfg; cfg.URL and cfg.Model must be set.
func New(cfg Config) (*Service, error) {
	cfg = cfg.withDefaults()
	client, err := NewClient(cfg)
	if err != nil {
		return nil, err
	}
	gen := NewGenerator(client, cfg.MaxSourceChars)
	gen.Stream = true // the first-token timeout then catches a stalled model early
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Service{
		gen:     gen,
		model:   cfg.Model,
		cache:   newResultCache(cfg.CacheSize),
		users:   newLimiter(cfg.PerUserPerMinute),
		ips:     newLimiter(cfg.PerIPPerMinute),
		budget:  &budget{maxTokens: cfg.DailyBudget, maxReqs: cfg.DailyRequests},
		now:     cfg.Now,
		log:     log,
		maxChar: cfg.MaxSourceChars,
		timeout: cfg.Timeout,
	}, nil
}

// Do answers a request. The error is only for a request that is wrong in itself (ErrBadRequest,
// ErrLanguage) or a cancelled ctx; every failure of the model gives a fallback Result.
func (s *Service) Do(ctx context.Context, req Request) (Result, error) {
	return s.serve(ctx, req, nil)
}

// Event is one step of a streamed answer.
type Event struct {
	// Kind is EventSentence for each sentence, as soon as it is written and checked (or, on
	// fallback and cache hits, all at once), and EventDone once at the end.
	Kind     string
	Sentence Sentence // EventSentence
	Result   Result   // EventDone: the whole result, its Sentences included
}

// Event kinds.
const (
	EventSentence = "sentence"
	EventDone     = "done"
)

// Stream answers a request as events: each checked sentence as it completes, then the result.
// If the model fails before any sentence was sent, the fallback's sentences follow instead; if
// it fails after, the sent ones stand and the result is marked Partial. An error from emit
// stops the stream and is returned.
func (s *Service) Stream(ctx context.Context, req Request, emit func(Event) error) error {
	r, err := s.serve(ctx, req, func(st Sentence) error {
		return emit(Event{Kind: EventSentence, Sentence: st})
	})
	if err != nil {
		return err
	}
	return emit(Event{Kind: EventDone, Result: r})
}

// serve is Do and Stream; onSentence is nil for Do.
func (s *Service) serve(ctx context.Context, req Request, onSentence func(Sentence) error) (Result, error) {
	req, err := req.validate()
	if err != nil {
		return Result{}, err
	}
	key := req.cacheKey(s.model)
	if r, ok := s.cache.get(key); ok {
		s.hits.Add(1)
		r.Cached = true
		return r, replay(r.Sentences, onSentence)
	}
	if req.Feature == FeatureAsk {
		// The built-in retrieval decides whether the articles answer at all; a question they
		// do not answer costs no model call.
		if _, ok := brief.Ask(req.Question, req.Docs, 1); !ok {
			return Result{Feature: req.Feature, Lang: req.Lang}, nil
		}
	}
	now := s.now()
	if ok, _ := s.users.allow(req.User, now); !ok {
		return s.fallback(ctx, req, CauseRateLimited, nil, onSentence)
	}
	if ok, _ := s.ips.allow(req.IP, now); !ok {
		return s.fallback(ctx, req, CauseRateLimited, nil, onSentence)
	}
	if s.isDown(now) {
		return s.fallback(ctx, req, CauseUnavailable, nil, onSentence)
	}
	est := s.estimate(req)
	day, ok := s.budget.reserve(now, est)
	if !ok {
		return s.fallback(ctx, req, CauseBudget, nil, onSentence)
	}
	s.calls.Add(1)

	sent := 0
	opt := Options{Lang: req.Lang}
	if onSentence != nil {
		opt.OnSentence = func(st Sentence) error { sent++; return onSentence(st) }
	}
	out, err := s.generate(ctx, req, opt)
	s.budget.settle(s.now(), day, est, out.Usage.TotalTokens)
	s.dropped.Add(int64(len(out.Dropped)))
	for _, d := range out.Dropped {
		s.log.DebugContext(ctx, "llm: dropped sentence", slog.String("feature", string(req.Feature)),
			slog.String("reason", d.Reason), slog.String("text", d.Text))
	}
	if err != nil {
		if ctx.Err() != nil && !errors.Is(err, ErrSlow) {
			return Result{}, ctx.Err() // the reader left; nobody to answer
		}
		if sent > 0 {
			r := s.result(req, out)
			r.Partial, r.Cause, r.Reason = true, CausePartial, "The language model stopped before finishing; what it wrote so far is shown."
			s.log.WarnContext(ctx, "llm: partial answer", slog.String("feature", string(req.Feature)), slog.Any("error", err))
			return r, nil
		}
		cause := causeOf(err)
		if downs(err) {
			s.markDown(s.now())
		}
		return s.fallback(ctx, req, cause, err, onSentence)
	}
	if req.Feature == FeatureAsk && !out.Answered {
		return s.fallback(ctx, req, CauseDeclined, nil, onSentence)
	}
	r := s.result(req, out)
	s.cache.put(key, r)
	return r, nil
}

func (s *Service) generate(ctx context.Context, req Request, opt Options) (Output, error) {
	switch req.Feature {
	case FeatureSummary:
		return s.gen.Summary(ctx, req.Docs, opt)
	case FeatureExplain:
		return s.gen.ExplainSimply(ctx, req.Docs, opt)
	case FeatureTranslate:
		return s.gen.Translate(ctx, req.Docs[0], opt)
	case FeatureAsk:
		return s.gen.Ask(ctx, req.Question, req.Docs, opt)
	default:
		return s.gen.Timeline(ctx, req.Docs, opt)
	}
}

func (s *Service) result(req Request, out Output) Result {
	return Result{
		Feature: req.Feature, Sentences: out.Sentences, Answered: true, Dropped: len(out.Dropped),
		Truncated: out.Truncated, Lang: req.Lang, Model: s.model,
	}
}

// fallback answers with the built-in result and says why.
func (s *Service) fallback(ctx context.Context, req Request, cause string, err error, onSentence func(Sentence) error) (Result, error) {
	s.fallbacks.Add(1)
	level := slog.LevelInfo
	if cause == CauseUnavailable || cause == CauseMalformed {
		level = slog.LevelWarn
	}
	s.log.Log(ctx, level, "llm: fallback to the built-in result", slog.String("feature", string(req.Feature)),
		slog.String("cause", cause), slog.Any("error", err))
	sents, answered := offlineSentences(req)
	r := Result{
		Feature: req.Feature, Sentences: sents, Answered: answered, Fallback: true,
		Cause: cause, Reason: reasonText(cause, req.Feature),
	}
	return r, replay(sents, onSentence)
}

func replay(sents []Sentence, onSentence func(Sentence) error) error {
	if onSentence == nil {
		return nil
	}
	for _, st := range sents {
		if err := onSentence(st); err != nil {
			return err
		}
	}
	return nil
}

// estimate is the tokens a call is expected to cost before it is made: the prompt's source
// text at four characters a token, the instructions and a reply.
func (s *Service) estimate(req Request) int {
	n := 0
	for _, d := range req.Docs {
		n += len(d.Text)
	}
	return min(n, s.maxChar)/4 + 1000
}

func (s *Service) isDown(now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return now.Before(s.downUntil)
}

func (s *Service) markDown(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.downUntil = now.Add(downCooldown)
}

// causeOf names what went wrong with a model call.
func causeOf(err error) string {
	var se *StatusError
	switch {
	case errors.Is(err, ErrSlow):
		return CauseSlow
	case errors.Is(err, ErrUnsupported):
		return CauseUnchecked
	case errors.As(err, &se) && se.Code == http.StatusTooManyRequests:
		return CauseBusy
	case errors.Is(err, ErrMalformed), errors.Is(err, ErrTruncated), errors.Is(err, ErrNoContent), errors.Is(err, ErrTooLarge):
		return CauseMalformed
	}
	return CauseUnavailable
}

// downs reports whether err means the model should be left alone for a while: it cannot be
// reached, is overloaded, refuses our key or is too slow. A bad or unchecked reply to one
// prompt, or a refusal of one request (too long for the context: 400, 413, 422), says nothing
// about the next.
func downs(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		switch se.Code {
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
			return false
		}
	}
	switch causeOf(err) {
	case CauseUnavailable, CauseBusy, CauseSlow:
		return true
	}
	return false
}

// reasonText is the note a page shows above a fallback or partial result.
func reasonText(cause string, f Feature) string {
	var why string
	switch cause {
	case CauseRateLimited:
		why = "You have asked for AI features often in the last minute."
	case CauseBudget:
		why = "Today's allowance for the language model is used up."
	case CauseSlow:
		why = "The language model took too long to answer."
	case CauseBusy:
		why = "The language model is busy."
	case CauseUnchecked:
		why = "The language model's answer could not be checked against the sources, so it is not shown."
	case CauseMalformed:
		why = "The language model sent an answer that could not be read."
	case CauseDeclined:
		return "The language model found no answer in the article; these are the sentences that match the question best."
	default:
		why = "The language model is not available right now."
	}
	switch f {
	case FeatureTranslate:
		return why + " The article is shown in its original language."
	case FeatureExplain:
		return why + " Showing the built-in key points instead."
	case FeatureAsk:
		return why + " Showing the sentences that match the question best."
	case FeatureTimeline:
		return why + " Showing each article's main point by date instead."
	}
	return why + " Showing the built-in summary instead."
}

// Stats are the Service's counters since it started, for metrics.
type Stats struct {
	Calls, CacheHits, Fallbacks, Dropped int64
	CacheEntries                         int
	TokensToday, CallsToday              int
}

// Stats returns the current counters.
func (s *Service) Stats() Stats {
	tok, reqs := s.budget.usage(s.now())
	return Stats{
		Calls: s.calls.Load(), CacheHits: s.hits.Load(), Fallbacks: s.fallbacks.Load(),
		Dropped: s.dropped.Load(), CacheEntries: s.cache.len(), TokensToday: tok, CallsToday: reqs,
	}
}
