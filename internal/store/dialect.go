package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"io/fs"
	"strconv"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations
var migrationsFS embed.FS

// dialect is the seam between the store and one database: its own migrations and the few
// places where SQL or error codes differ. Both dialects share migration version numbers.
type dialect struct {
	name       string
	migrations fs.FS
	rebind     func(string) string
	isBusy     func(error) bool
	isUnique   func(error) bool
	// reserveID takes the next id of a table's identity column ahead of an INSERT, where
	// a rolled-back INSERT does not give its id back; nil where it does (SQLite).
	reserveID func(ctx context.Context, db *sql.DB, table string) (int64, error)
}

func sqliteDialect() *dialect {
	sub, _ := fs.Sub(migrationsFS, "migrations/sqlite")
	return &dialect{
		name:       "sqlite",
		migrations: sub,
		rebind:     func(q string) string { return q },
		isBusy: func(err error) bool {
			var se *sqlite.Error
			if errors.As(err, &se) {
				c := se.Code() & 0xff
				return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
			}
			return false
		},
		isUnique: func(err error) bool {
			var se *sqlite.Error
			return errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
		},
	}
}

// dollarRebind turns ? placeholders into $1, $2… for PostgreSQL.
func dollarRebind(q string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}
