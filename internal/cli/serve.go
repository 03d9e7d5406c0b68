package cli

import (
	"context"

	"newsdesk/internal/config"
)

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "serve", "serve [flags]\n\nRuns the web server and the ingest workers until interrupted. --role=web runs the site\nonly and --role=worker the ingest only, for several processes on one PostgreSQL database.\nEvery flag can also be set by the environment variable named in its help.")
	flags := config.Register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return err
	}
	a, err := newApp(ctx, env, cfg)
	if err != nil {
		return err
	}
	return a.runRole(ctx, cfg.Role, nil)
}
