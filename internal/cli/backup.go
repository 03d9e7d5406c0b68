package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"newsdesk/internal/config"
	"newsdesk/internal/store"
)

func runBackup(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "backup", "backup --to FILE [--db DSN]\n\n"+
		"Writes a consistent copy of the SQLite database to FILE (VACUUM INTO), safe while serve runs.\n"+
		"For PostgreSQL use pg_dump (see docs/deploy.md).")
	to := fs.String("to", "", "the file to write; it must not exist")
	flags := config.Register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *to == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return err
	}
	if !strings.HasPrefix(cfg.DatabaseURL, "postgres://") && !strings.HasPrefix(cfg.DatabaseURL, "postgresql://") {
		// Opening a missing file would create an empty database and back that up.
		if _, err := os.Stat(strings.TrimPrefix(cfg.DatabaseURL, "sqlite:")); err != nil {
			return fmt.Errorf("database: %w", err)
		}
	}
	// Not openStore: a backup must not migrate the database it copies.
	st, err := store.Open(ctx, cfg.DatabaseURL, newLogger(env, cfg.LogLevel))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, *to); err != nil {
		if errors.Is(err, store.ErrBackupUnsupported) {
			return errors.New("the database is PostgreSQL: back it up with pg_dump, for example pg_dump --format=custom --file=newsdesk.dump DBNAME")
		}
		return err
	}
	fi, err := os.Stat(*to)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "backed up %s to %s (%d bytes)\n", st.Location(), *to, fi.Size())
	return nil
}
