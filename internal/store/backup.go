package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// ErrBackupUnsupported is returned by Backup on PostgreSQL, whose own pg_dump does it
// better: consistent, compressed, restorable into another server version.
var ErrBackupUnsupported = errors.New("backup: use pg_dump for a PostgreSQL database")

// Backup writes a consistent copy of a SQLite database to path with VACUUM INTO: one read
// transaction, so a running server keeps reading and writing meanwhile, and the copy is
// compacted and has no WAL to carry along. path must not exist yet.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.d.name != "sqlite" {
		return ErrBackupUnsupported
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("store: backup: %s already exists", path)
	}
	// The read pool is query_only, which SQLite applies to VACUUM INTO's target too; the
	// write connection only reads here, as a reader would.
	if _, err := s.w.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		os.Remove(path) // a partial copy must not pass for a backup
		return fmt.Errorf("store: backup to %s: %w", path, err)
	}
	return nil
}
