package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"newsdesk/internal/config"
)

// errSplitRoleOnSQLite refuses web and worker processes on SQLite: its store has no way to
// tell a web process that a worker changed the database, so pages would stay stale.
var errSplitRoleOnSQLite = errors.New("--role=web and --role=worker need PostgreSQL (NEWSDESK_DATABASE_URL=postgres://…); on SQLite run one process with --role=all")

// checkRole refuses roles the store cannot support.
func checkRole(role, dialect string) error {
	if role != config.RoleAll && dialect == "sqlite" {
		return errSplitRoleOnSQLite
	}
	return nil
}

// roleHandler is what a process of the role serves on its listen address: the site, or for a
// worker only what operators probe it with.
func (a *app) roleHandler(role string) http.Handler {
	if role != config.RoleWorker {
		return a.site
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := a.store.Ping(ctx); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "database unavailable")
			return
		}
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(a.registry, promhttp.HandlerOpts{Registry: a.registry}))
	return mux
}

// runRole serves the role until ctx ends, then shuts down gracefully: the listener stops
// taking requests, in-flight jobs get the grace period, and the database is closed last. A
// web process never starts the job workers (it may still enqueue jobs); a worker serves only
// /healthz and /metrics. ready, when not nil, receives the base URL once the server listens.
func (a *app) runRole(ctx context.Context, role string, ready func(baseURL string)) error {
	if err := checkRole(role, a.store.Dialect()); err != nil {
		a.store.Close()
		return err
	}
	ln, err := net.Listen("tcp", a.cfg.Listen)
	if err != nil {
		a.store.Close()
		return fmt.Errorf("listen on %s: %w", a.cfg.Listen, err)
	}
	srv := &http.Server{
		Handler:           a.roleHandler(role),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	working := role != config.RoleWeb
	if working {
		if err := a.pipeline.Start(ctx); err != nil {
			ln.Close()
			a.store.Close()
			return err
		}
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	baseURL := "http://" + ln.Addr().String()
	a.log.Info("newsdesk is running", slog.String("url", baseURL), slog.String("role", role),
		slog.String("database", a.store.Dialect()))
	if ready != nil {
		ready(baseURL)
	}
	var runErr error
	select {
	case <-ctx.Done():
	case err := <-serveErr:
		runErr = fmt.Errorf("web server: %w", err)
	}
	a.log.Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.cfg.ShutdownGrace+15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		runErr = errors.Join(runErr, err)
	}
	if working {
		runErr = errors.Join(runErr, a.pipeline.Stop(shutCtx, a.cfg.ShutdownGrace))
	} else {
		runErr = errors.Join(runErr, a.pipeline.Close())
	}
	return errors.Join(runErr, a.store.Close())
}
