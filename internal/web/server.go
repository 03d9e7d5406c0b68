// Package web is newsdesk's reader-facing HTML site: the front page, article, story, tag,
// publisher and sources pages, the question pages of the offline AI features, health and
// metrics endpoints, and the embedded static assets they use. Pages are rendered with
// html/template; every page that does not depend on the request beyond its path is cached as
// rendered bytes (see page_cache.go) because rendering costs far more than serving bytes.
package web

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/singleflight"

	"newsdesk/internal/account"
	"newsdesk/internal/brief"
	"newsdesk/internal/comment"
	"newsdesk/internal/edition"
	"newsdesk/internal/rank"
)

// How many items each page lists.
const (
	frontPageLimit     = 60
	publisherPageLimit = 50
	relatedLimit       = 6
	tagPageLimit       = 50
	pageCacheEntries   = 512
	buildTimeout       = 10 * time.Second

	// relatedCandidates bounds what story.Related ranks; same-story articles come first in
	// it, and a few dozen same-topic ones are plenty to pick five neighbours from.
	relatedCandidates = 80
	// relatedWindow is how far back same-topic neighbours may go: older news is rarely what
	// a reader of today's article wants next.
	relatedWindow = 7 * 24 * time.Hour
	// storyPageLimit bounds the articles a story page lists and summarises.
	storyPageLimit = 200
	// keyPointsShown is how many key points are computed for an article stored without any.
	keyPointsShown = 4
	// briefSentences is the length of a story brief.
	briefSentences = 5
	// briefDocs bounds the articles a story brief compares, sentence against sentence: the
	// cost grows with the square (measured: 10 articles ~30 ms, 20 ~55 ms, 40 ~170 ms), and
	// with one article per publisher taken first, twenty already hear every usual voice.
	briefDocsLimit = 20
	// askAnswers is how many sentences a question page cites at most.
	askAnswers = 3
	// askDocs bounds the articles a story question is asked over: BM25 over every sentence
	// of a 200-article story would make the uncached question page slow.
	askDocs = 40
	// maxQuestionRunes bounds the question a reader can type.
	maxQuestionRunes = 200
)

// ErrNoStore is returned by New when Config.Store is nil.
var ErrNoStore = errors.New("web: config has no store")

// Config is what the web server needs from the rest of newsdesk.
type Config struct {
	Store    Store
	Logger   *slog.Logger         // nil discards logs
	Registry *prometheus.Registry // served on /metrics; web adds its own collectors; nil makes a fresh one
	SiteName string               // default "newsdesk"
	Now      func() time.Time     // default time.Now
	// Ready reports whether newsdesk can serve; /healthz answers 200 "ok" or 503 with the error.
	// Nil means always ready.
	Ready func(ctx context.Context) error
	// Changes is bumped by ingest whenever visible content changes; it keys the rendered-page
	// cache. Nil disables the cache: without it there is no way to know a page went stale.
	Changes func() uint64
	// Settle, when positive, is how long the page cache may go on serving pages rendered
	// before the latest change: new values of Changes are taken up at most once per Settle.
	// Under live ingest (tens of articles a second) an immediate take-up re-renders every
	// page on nearly every view; a second of staleness lets each page render once a second
	// instead. Zero takes up every change at once (tests rely on that).
	Settle time.Duration
	// Summarizer computes story briefs, answers questions and fills key points for articles
	// stored without them. Nil means brief.Offline, the embedded extractive one.
	Summarizer brief.Summarizer
	// LLM, when not nil, adds the generated features (summary, "explain simply", translation,
	// timeline) to article and story pages and serves their event streams. Nil hides them and
	// their routes answer 404.
	LLM LLM
	// Accounts, when not nil, turns on sign-up, sign-in and the account pages. Nil hides
	// them (their routes answer 404) and with them comments and the admin console.
	Accounts *account.Service
	// Comments, with Accounts, adds comment threads to article and story pages.
	Comments *comment.Service
	// Admin, with Accounts and Comments, serves the admin console's users and sources.
	Admin AdminStore
	// Editions, when not empty, gives each edition a front page at /{country}/{language}
	// and sends readers of / to theirs (see editions.go); the first is the default. Empty
	// keeps one global front page at /.
	Editions []edition.Edition
	// Rank tunes the front page's ranking; the zero value takes rank's defaults.
	Rank rank.Config
	// SecretKey signs the forms' CSRF tokens. Nil draws a random key at start, which makes
	// forms open across a restart fail once (the reader sends them again).
	SecretKey []byte
}

// Server serves the site. Build it with New; it is safe for concurrent use.
type Server struct {
	store    Store
	log      *slog.Logger
	site     string
	now      func() time.Time
	ready    func(ctx context.Context) error
	changes  func() uint64
	ai       brief.Summarizer
	briefs   briefCache       // story briefs by the articles they were computed over
	llm      LLM              // nil: no generated features
	aiLangs  []languageOption // the translation list, when llm is set
	aiMore   string
	registry *prometheus.Registry
	metrics  *metrics
	assets   *assets
	pages    *renderer
	app      *appFiles    // manifest and service worker
	editions *edition.Set // nil: no editions
	rank     rank.Config
	cache    *pageCache // nil when Config.Changes is nil
	flight   singleflight.Group
	handler  http.Handler

	accounts *account.Service // nil: no accounts, comments or admin console
	comments *comment.Service // nil: no comments
	admin    AdminStore
	key      []byte
	limits   *limits
	// commentGen is bumped by every comment write made through this server; it is part of
	// the page cache's stamp, so an anonymous reader sees a new comment at once.
	commentGen atomic.Uint64
}

// New checks cfg, fills defaults, loads the embedded templates and assets and registers the
// web collectors on cfg.Registry.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, ErrNoStore
	}
	s := &Server{
		store:    cfg.Store,
		log:      cfg.Logger,
		site:     cfg.SiteName,
		now:      cfg.Now,
		ready:    cfg.Ready,
		changes:  settled(cfg.Changes, cfg.Settle, cfg.Now),
		ai:       cfg.Summarizer,
		llm:      cfg.LLM,
		registry: cfg.Registry,
		accounts: cfg.Accounts,
		admin:    cfg.Admin,
		key:      cfg.SecretKey,
		rank:     cfg.Rank,
	}
	if len(cfg.Editions) > 0 {
		var err error
		if s.editions, err = edition.NewSet(cfg.Editions); err != nil {
			return nil, fmt.Errorf("web: %w", err)
		}
	}
	if s.accounts != nil {
		s.comments = cfg.Comments
	}
	if len(s.key) == 0 {
		s.key = []byte(rand.Text() + rand.Text())
	}
	if s.llm != nil {
		s.aiLangs, s.aiMore = aiLanguages()
	}
	if s.ai == nil {
		s.ai = brief.Offline{}
	}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if s.site == "" {
		s.site = "newsdesk"
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.ready == nil {
		s.ready = func(context.Context) error { return nil }
	}
	s.limits = newLimits(s.now)
	if s.registry == nil {
		s.registry = prometheus.NewRegistry()
	}
	if s.changes != nil {
		s.cache = newPageCache(pageCacheEntries)
	}
	var err error
	if s.metrics, err = newMetrics(s.registry); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.assets, err = loadAssets(staticFS, "static"); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.pages, err = newRenderer(templateFS, "templates", s.assets); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.app, err = newAppFiles(s.site, s.assets); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	s.handler = s.routes()
	return s, nil
}

// Handler returns the site's root handler.
func (s *Server) Handler() http.Handler { return s.handler }
