// Package api serves newsdesk's public read API under /api/v1, its OpenAPI document at
// /api/openapi.json, and the outgoing RSS, Atom and JSON feeds of the front page, stories and
// tags. It is one http.Handler that the application mounts beside the web site (see
// Handler.Register); it only reads, through the narrow Store interface declared here.
//
// Every answer is JSON (feeds aside), carries a strong ETag computed from its body and
// honours If-None-Match, says how long it may be cached, and may be read from any origin.
// Lists page with an opaque cursor and a "next" link. docs/api.md describes the routes.
package api

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// Errors returned by New.
var (
	ErrNoStore   = errors.New("api: a store is required")
	ErrFeedRoute = errors.New("api: a feed page's path conflicts with the API's routes")
)

// Config is what the API needs. Store is required; the rest has defaults.
type Config struct {
	Store Store
	// BaseURL is the site's public URL (config NEWSDESK_BASE_URL), which every link in an
	// answer and a feed is made absolute with. Empty leaves links site-relative, which
	// feed readers cannot follow: set it.
	BaseURL  string
	SiteName string // feed titles; "newsdesk" when empty
	Logger   *slog.Logger
	Now      func() time.Time

	// Top ranks the stories of /api/v1/top. Nil ranks the latest originals grouped by story
	// (LatestTop), until the ranking engine is wired in here.
	Top TopStories
	// Editions and Sections are listed as given by /api/v1/editions and /api/v1/sections.
	// The edition and section engines are being written in parallel; until they feed these,
	// the lists are empty rather than invented.
	Editions []Edition
	Sections []Section
	// Changes is the store's change counter (store.Store.Changes). When set, finished
	// answers are kept and reused until it moves or their max-age runs out; nil computes
	// every answer afresh.
	Changes func() uint64
	// Feeds adds syndicated pages, each served in every format at Path(page, format): the
	// hook by which editions and sections get their feeds. A page's path must begin with a
	// literal segment ("/ie/en", "/section/{slug}"): "/{country}/{lang}" would also match
	// /api/..., and New refuses it.
	Feeds []FeedRoute
}

// Handler is the API and the outgoing feeds.
type Handler struct {
	store    Store
	base     string
	site     string
	log      *slog.Logger
	now      func() time.Time
	top      TopStories
	editions []Edition
	sections []Section
	patterns []string
	mux      *http.ServeMux
	cache    *bodyCache // nil without Config.Changes
}

// New checks cfg and builds the handler.
func New(cfg Config) (*Handler, error) {
	if cfg.Store == nil {
		return nil, ErrNoStore
	}
	h := &Handler{
		store:    cfg.Store,
		base:     strings.TrimRight(cfg.BaseURL, "/"),
		site:     cfg.SiteName,
		log:      cfg.Logger,
		now:      cfg.Now,
		top:      cfg.Top,
		editions: cfg.Editions,
		sections: cfg.Sections,
	}
	if h.site == "" {
		h.site = "newsdesk"
	}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	if h.now == nil {
		h.now = time.Now
	}
	if h.top == nil {
		h.top = LatestTop{Store: cfg.Store}
	}
	if h.editions == nil {
		h.editions = []Edition{}
	}
	if h.sections == nil {
		h.sections = []Section{}
	}
	if cfg.Changes != nil {
		h.cache = &bodyCache{changes: cfg.Changes, now: h.now, entries: make(map[string]cachedBody)}
	}
	var err error
	if h.mux, err = h.routes(cfg.Feeds); err != nil {
		return nil, err
	}
	return h, nil
}

// ServeHTTP serves the API and the feeds.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// Register mounts the handler on the application's root mux: all of /api/ and each feed
// route. Mount it next to the site's own handler on "/"; the patterns are more specific
// than the site's, so they win.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.Handle("/api/", h)
	for _, p := range h.patterns {
		if !strings.HasPrefix(p, "GET /api/") {
			mux.Handle(p, h)
		}
	}
}

// Patterns lists the GET routes the handler serves, as mux patterns.
func (h *Handler) Patterns() []string { return h.patterns }
