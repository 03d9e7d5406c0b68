package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"newsdesk/internal/config"
	"newsdesk/internal/demo"
	"newsdesk/internal/store"
)

// demoDefaults are the settings the demo changes from serve's: its own database, and
// polling tuned for a simulator that publishes every few seconds on loopback.
var demoDefaults = map[string]string{
	"db":                  "./data/demo.db",
	"poll-interval":       "2s",
	"min-refresh":         "3s",
	"fetch-host-interval": "0s",
	// The simulated publishers' countries and languages, so the demo shows editions.
	"editions": "gb/en=United Kingdom,us/en=United States,de/de=Deutschland,fr/fr=France",
}

func runDemo(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "demo", `demo [flags]

Runs the whole product offline: a simulated set of publishers on a loopback port, the real
ingest pipeline and the web site, on an embedded SQLite database (./data/demo.db, started
afresh each time unless --keep). Open the printed URL in a browser.`)
	flags := config.Register(fs)
	keep := fs.Bool("keep", false, "keep the demo database from the previous run")
	interval := fs.Duration("release-every", 4*time.Second, "how often the simulator publishes a new article")
	flags.SetDefaults(demoDefaults)
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return err
	}
	log := newLogger(env, cfg.LogLevel)

	sim := demo.New(demo.Options{Interval: *interval, Logger: log})
	sites, err := sim.StartSites(ctx)
	if err != nil {
		return err
	}
	// The demo opens exactly its own simulator's addresses and nothing else.
	cfg.FetchAllow = cfg.FetchAllow[:0]
	for _, base := range sites {
		u, _ := url.Parse(base)
		cfg.FetchAllow = append(cfg.FetchAllow, u.Host)
	}
	cfg.FetchAllowPrivate = false

	if !*keep && filepath.Base(strings.TrimPrefix(cfg.DatabaseURL, "sqlite:")) == "demo.db" {
		path := strings.TrimPrefix(cfg.DatabaseURL, "sqlite:")
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("reset the demo database: %w", err)
			}
		}
	}
	a, err := newApp(ctx, env, cfg)
	if err != nil {
		return err
	}
	if err := addDemoSources(ctx, a.store, sites); err != nil {
		a.store.Close()
		return err
	}
	if fs.Lookup("listen").Value.String() == config.DefaultListen && env.Getenv("NEWSDESK_LISTEN") == "" {
		// A busy default port should not stop a newcomer's first run: take any free one.
		if ln, err := net.Listen("tcp", a.cfg.Listen); err != nil && errors.Is(err, syscall.EADDRINUSE) {
			log.Warn("port busy, using a free one", "listen", a.cfg.Listen)
			a.cfg.Listen = "127.0.0.1:0"
		} else if err == nil {
			ln.Close()
		}
	}
	return a.run(ctx, func(baseURL string) {
		fmt.Fprintf(env.Stdout, "\nnewsdesk demo is running: open %s/ in your browser\n", baseURL)
		fmt.Fprintf(env.Stdout, "(%d simulated publishers on loopback; a new article every %s; Ctrl-C stops)\n\n", len(sites), *interval)
	})
}

// addDemoSources registers the simulator's publishers and feeds, each at its own host.
func addDemoSources(ctx context.Context, st *store.Store, sites map[string]string) error {
	for _, p := range demo.Publishers() {
		simURL := sites[p.Slug]
		pub, err := st.EnsurePublisher(ctx, store.Publisher{
			Name: p.Name, HomeURL: simURL + p.HomePath, LogoURL: simURL + p.LogoPath,
			Country: strings.ToLower(p.Country), Language: p.Language,
		})
		if err != nil {
			return err
		}
		if _, err := st.CreateFeed(ctx, store.Feed{PublisherID: pub.ID, URL: simURL + p.FeedPath, Title: p.Name}); err != nil && !errors.Is(err, store.ErrConflict) {
			return err
		}
	}
	return nil
}
