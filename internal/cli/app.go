package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"newsdesk/internal/account"
	"newsdesk/internal/api"
	"newsdesk/internal/comment"
	"newsdesk/internal/config"
	"newsdesk/internal/extract"
	"newsdesk/internal/fetch"
	"newsdesk/internal/ingest"
	"newsdesk/internal/llm"
	"newsdesk/internal/store"
	"newsdesk/internal/web"
)

// app is the whole product wired together: store, outbound client, extractor, ingest
// pipeline and web server. serve and demo both run one.
type app struct {
	cfg      *config.Config
	log      *slog.Logger
	store    *store.Store
	fetcher  *fetch.Client
	pipeline *ingest.Pipeline
	web      *web.Server
	site     http.Handler // the site plus the API and feeds
	registry *prometheus.Registry
}

func newLogger(env *Env, level string) *slog.Logger {
	return slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: logLevel(level)}))
}

// openStore opens and migrates the configured database.
func openStore(ctx context.Context, cfg *config.Config, log *slog.Logger) (*store.Store, error) {
	st, err := store.Open(ctx, cfg.DatabaseURL, log)
	if err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

func newFetcher(cfg *config.Config, log *slog.Logger, reg prometheus.Registerer) (*fetch.Client, error) {
	interval := cfg.FetchHostInterval
	if interval == 0 {
		interval = -1 // fetch.Config reads 0 as "default"
	}
	return fetch.New(fetch.Config{
		Version:         Version,
		ContactURL:      cfg.FetchContactURL,
		Allow:           cfg.FetchAllow,
		AllowPrivate:    cfg.FetchAllowPrivate,
		RequestTimeout:  cfg.FetchTimeout,
		MaxBodyBytes:    cfg.FetchMaxBody,
		PerHostInterval: interval,
		Metrics:         reg,
	}, log)
}

func newExtractor(cfg *config.Config, st *store.Store, log *slog.Logger) (*extract.Extractor, error) {
	opts := extract.Options{Logger: log, Templates: templateStore{st}}
	if cfg.ExtractRules != "" {
		f, err := os.Open(cfg.ExtractRules)
		if err != nil {
			return nil, fmt.Errorf("extraction rules: %w", err)
		}
		defer f.Close()
		rules, err := extract.ParseRules(f)
		if err != nil {
			return nil, fmt.Errorf("extraction rules %s: %w", cfg.ExtractRules, err)
		}
		opts.Rules = rules
	}
	return extract.New(opts), nil
}

func newApp(ctx context.Context, env *Env, cfg *config.Config) (*app, error) {
	a := &app{cfg: cfg, log: newLogger(env, cfg.LogLevel), registry: prometheus.NewRegistry()}
	a.registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	var err error
	if a.store, err = openStore(ctx, cfg, a.log); err != nil {
		return nil, err
	}
	if a.fetcher, err = newFetcher(cfg, a.log, a.registry); err != nil {
		a.store.Close()
		return nil, err
	}
	ex, err := newExtractor(cfg, a.store, a.log)
	if err != nil {
		a.store.Close()
		return nil, err
	}
	a.pipeline, err = ingest.New(ctx, ingest.Config{
		Store: a.store, Fetcher: a.fetcher, Extractor: ex, Logger: a.log, Metrics: a.registry,
		Workers: cfg.Workers, PollInterval: cfg.PollInterval, MinRefresh: cfg.MinRefresh, MaxRefresh: cfg.MaxRefresh,
		RescueAfter: cfg.JobRescueAfter,
	})
	if err != nil {
		a.store.Close()
		return nil, err
	}
	// Editions are the operator's (NEWSDESK_EDITIONS); without them the site has one
	// global front page.
	webCfg := web.Config{
		Store: a.store, Logger: a.log, Registry: a.registry, SiteName: cfg.SiteName,
		Ready: a.store.Ping, Changes: a.store.Changes, Editions: cfg.Editions,
		// Pages may lag the newest change by a second: under live ingest that is what lets
		// the page cache serve anything at all.
		Settle: time.Second,
	}
	svc, err := newLLM(cfg, a.log)
	if err != nil {
		a.store.Close()
		return nil, err
	}
	if svc != nil { // a nil *llm.Service in the interface would read as "configured"
		webCfg.LLM = svc
		a.registry.MustRegister(llmMetrics(svc)...)
	}
	if webCfg.Accounts, webCfg.Comments, err = newCommunity(cfg, a.store, a.log); err != nil {
		a.store.Close()
		return nil, err
	}
	webCfg.Admin = a.store
	a.web, err = web.New(webCfg)
	if err != nil {
		a.store.Close()
		return nil, err
	}
	if a.site, err = a.siteHandler(); err != nil {
		a.store.Close()
		return nil, err
	}
	return a, nil
}

// siteHandler serves the JSON API and the outgoing feeds beside the site. The API's routes
// are more specific than the site's catch-all, and skip the site's session, CSRF and CSP
// layers: they set no cookies and take no forms.
func (a *app) siteHandler() (http.Handler, error) {
	apiH, err := api.New(api.Config{
		Store: a.store, BaseURL: a.cfg.BaseURL, SiteName: a.cfg.SiteName, Logger: a.log,
		Changes: a.store.Changes, Top: api.RankedTop{Store: a.store},
	})
	if err != nil {
		return nil, fmt.Errorf("api: %w", err)
	}
	root := http.NewServeMux()
	apiH.Register(root)
	root.Handle("/", a.web.Handler())
	return root, nil
}

// newAccounts builds the account service. Mail goes to the log for now: verification and
// reset links appear there until SMTP settings exist (account.SMTPMailer is ready for them).
func newAccounts(cfg *config.Config, st *store.Store, log *slog.Logger) (*account.Service, error) {
	svc, err := account.New(account.Config{Store: st, Logger: log, BaseURL: cfg.BaseURL, Mailer: account.LogMailer{Logger: log}})
	if err != nil {
		return nil, fmt.Errorf("accounts: %w", err)
	}
	return svc, nil
}

// newCommunity builds the account and comment services the web site's sign-in, comments
// and admin console run on.
func newCommunity(cfg *config.Config, st *store.Store, log *slog.Logger) (*account.Service, *comment.Service, error) {
	acc, err := newAccounts(cfg, st, log)
	if err != nil {
		return nil, nil, err
	}
	com, err := comment.New(comment.Config{Store: st, Logger: log})
	if err != nil {
		return nil, nil, fmt.Errorf("comments: %w", err)
	}
	return acc, com, nil
}

// newLLM builds the language model service when one is configured, and nil otherwise.
func newLLM(cfg *config.Config, log *slog.Logger) (*llm.Service, error) {
	lc, on := cfg.LLM()
	if !on {
		log.Info("AI features: built-in only (no language model configured)")
		return nil, nil
	}
	lc.Logger = log
	svc, err := llm.New(lc)
	if err != nil {
		return nil, fmt.Errorf("language model: %w", err)
	}
	// The URL may carry credentials; its host says enough.
	host := ""
	if u, err := url.Parse(lc.URL); err == nil {
		host = u.Host
	}
	log.Info("AI features: with a language model", slog.String("host", host), slog.String("model", lc.Model))
	return svc, nil
}

// llmMetrics exposes the service's counters, read at each scrape.
func llmMetrics(svc *llm.Service) []prometheus.Collector {
	stat := func(f func(llm.Stats) float64) func() float64 {
		return func() float64 { return f(svc.Stats()) }
	}
	return []prometheus.Collector{
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "newsdesk_llm_calls_total", Help: "Calls made to the language model."},
			stat(func(s llm.Stats) float64 { return float64(s.Calls) })),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "newsdesk_llm_cache_hits_total", Help: "AI answers served from the cache."},
			stat(func(s llm.Stats) float64 { return float64(s.CacheHits) })),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "newsdesk_llm_fallbacks_total", Help: "AI answers that fell back to the built-in result."},
			stat(func(s llm.Stats) float64 { return float64(s.Fallbacks) })),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "newsdesk_llm_dropped_sentences_total", Help: "Generated sentences the citation check removed."},
			stat(func(s llm.Stats) float64 { return float64(s.Dropped) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "newsdesk_llm_cache_entries", Help: "AI answers in the cache."},
			stat(func(s llm.Stats) float64 { return float64(s.CacheEntries) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "newsdesk_llm_tokens_today", Help: "Language model tokens used this UTC day."},
			stat(func(s llm.Stats) float64 { return float64(s.TokensToday) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "newsdesk_llm_calls_today", Help: "Language model calls this UTC day."},
			stat(func(s llm.Stats) float64 { return float64(s.CallsToday) })),
	}
}

// run serves the site and works the ingest jobs (role "all") until ctx ends; see runRole.
// ready, when not nil, receives the base URL once the server listens.
func (a *app) run(ctx context.Context, ready func(baseURL string)) error {
	return a.runRole(ctx, config.RoleAll, ready)
}

// templateStore adapts the store to the extractor's site-template seam.
type templateStore struct{ st *store.Store }

func (t templateStore) LoadSiteTemplate(ctx context.Context, site string) ([]byte, error) {
	tpl, err := t.st.SiteTemplate(ctx, site)
	if errors.Is(err, store.ErrNotFound) {
		return nil, extract.ErrNoTemplate
	}
	return tpl.State, err
}

func (t templateStore) SaveSiteTemplate(ctx context.Context, site string, state []byte, pages int) error {
	return t.st.SaveSiteTemplate(ctx, site, state, pages)
}
