package cli

import (
	"context"
	"fmt"

	"newsdesk/internal/config"
)

func runMigrate(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "migrate", "migrate [--db DSN]\n\nApplies the database migrations not yet applied (serve and demo also do this at start-up).")
	flags := config.Register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg, newLogger(env, cfg.LogLevel))
	if err != nil {
		return err
	}
	defer st.Close()
	v, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "database %s is at schema version %d\n", st.Location(), v)
	return nil
}
