package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// SQLitePragmas are the connection settings every SQLite connection gets, in order:
// busy_timeout first so the others wait instead of failing, then WAL, synchronous NORMAL
// (safe with WAL, and River needs it to be fast), foreign keys.
const SQLitePragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)"

// SQLiteDSN returns the driver DSN for a database file.
func SQLiteDSN(path string, extra string) string {
	u := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + SQLitePragmas
	if extra != "" {
		u += "&" + extra
	}
	return u
}

func openSQLite(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("store: empty SQLite path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("store: create data directory: %w", err)
		}
	}
	// One writer: SQLite serialises writes anyway, and BEGIN IMMEDIATE on a single
	// connection avoids deadlocking upgrades from read to write locks.
	w, err := sql.Open("sqlite", SQLiteDSN(path, "_txlock=immediate"))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", SQLiteDSN(path, "_pragma=query_only(1)"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	n := max(4, runtime.NumCPU()*2)
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	return &Store{w: w, r: r, d: sqliteDialect(), path: path}, nil
}
