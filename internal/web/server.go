// Package web is newsdesk's reader-facing HTML site: the front page, article, publisher and
// sources pages, health and metrics endpoints, and the embedded static assets they use.
// Pages are rendered with html/template; the front, article and publisher pages are cached
// as rendered bytes (see page_cache.go) because rendering costs far more than serving bytes.
package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/singleflight"
)

// How many items each page lists.
const (
	frontPageLimit     = 60
	publisherPageLimit = 50
	relatedLimit       = 6
	pageCacheEntries   = 512
	buildTimeout       = 10 * time.Second
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
}

// Server serves the site. Build it with New; it is safe for concurrent use.
type Server struct {
	store    Store
	log      *slog.Logger
	site     string
	now      func() time.Time
	ready    func(ctx context.Context) error
	changes  func() uint64
	registry *prometheus.Registry
	metrics  *metrics
	assets   *assets
	pages    *renderer
	cache    *pageCache // nil when Config.Changes is nil
	flight   singleflight.Group
	handler  http.Handler
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
		changes:  cfg.Changes,
		registry: cfg.Registry,
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
	s.handler = s.routes()
	return s, nil
}

// Handler returns the site's root handler.
func (s *Server) Handler() http.Handler { return s.handler }
