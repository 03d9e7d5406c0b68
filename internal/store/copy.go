package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrTargetNotEmpty is returned by Copy when the target already holds rows and
// CopyOptions.Force is not set.
var ErrTargetNotEmpty = errors.New("target database is not empty")

// CopyOptions tunes Copy.
type CopyOptions struct {
	// BatchSize is the most rows sent in one INSERT; default 500. Batches are also cut
	// at about 4 MB of values so that tables of long articles do not build huge statements.
	BatchSize int
	// Force copies into a target that already holds rows. Rows whose key is already there
	// are kept as they are and counted as skipped, so running an interrupted copy again
	// with Force resumes it.
	Force bool
	// Progress, when not nil, is called after each batch and once when a table is done.
	Progress func(CopyProgress)
}

// CopyProgress is how far the copy of one table has got.
type CopyProgress struct {
	Table    string
	Index    int   // 1-based position of the table in the copy order
	Tables   int   // tables to copy
	Done     int64 // source rows read so far, copied or skipped
	Total    int64 // source rows of the table
	Finished bool
}

// CopyStats says what Copy did, table by table in the order it copied them.
type CopyStats struct {
	Tables []TableCopy
	// Cleaned counts text values PostgreSQL cannot hold as they were (NUL bytes, invalid
	// UTF-8) that were stored with those bytes dropped or replaced.
	Cleaned int64
}

// TableCopy is the result for one table.
type TableCopy struct {
	Table   string
	Copied  int64 // rows inserted
	Skipped int64 // rows whose key the target already had
}

// copyTable is one table as both sides see it.
type copyTable struct {
	name    string
	cols    []string // copied columns, in source order
	types   []string // the target's data_type of each copied column
	pk      []string // source primary key, in key order; empty for none
	deps    []string // tables it references
	total   int64
	hasRows bool // the target already holds rows
}

// maxCopyBatchBytes cuts a batch when its values reach about this size.
const maxCopyBatchBytes = 4 << 20

// pgMaxParams is PostgreSQL's limit on bind parameters in one statement.
const pgMaxParams = 65535

// Copy copies every table of newsdesk's own schema from a SQLite store into a PostgreSQL
// store: it migrates the target, copies the tables in foreign-key order in batches keeping
// every id, and then moves each identity sequence past the largest id copied, so rows
// inserted later get fresh ids. The tables are read from the source schema, so a table a
// later migration adds is copied without a change here.
//
// The source is read in one transaction, a consistent snapshot even while a server keeps
// writing to it. The job queue's tables (river_*) are not copied: jobs belong to the
// process that runs them. The pipeline enqueues again the items still pending when it
// next polls their feed, which Copy makes a full fetch by clearing that feed's ETag and
// Last-Modified.
func Copy(ctx context.Context, src, dst *Store, opts CopyOptions) (CopyStats, error) {
	var stats CopyStats
	if src.d.name != "sqlite" || dst.d.name != "postgres" {
		return stats, fmt.Errorf("store: copy: from SQLite to PostgreSQL only, not from %s to %s", src.d.name, dst.d.name)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 500
	}
	srcV, err := src.SchemaVersion(ctx)
	if err != nil {
		return stats, fmt.Errorf("store: copy: source: %w", err)
	}
	dstV, err := dst.Migrate(ctx)
	if err != nil {
		return stats, fmt.Errorf("store: copy: migrate target: %w", err)
	}
	switch {
	case srcV < dstV:
		return stats, fmt.Errorf("store: copy: the source is at schema version %d and this newsdesk at %d: run `newsdesk migrate` on the source first", srcV, dstV)
	case srcV > dstV:
		return stats, fmt.Errorf("store: copy: the source is at schema version %d, newer than this newsdesk knows (%d): use the newsdesk that wrote it", srcV, dstV)
	}

	// One read transaction: every table comes from the same snapshot.
	rtx, err := src.r.BeginTx(ctx, nil)
	if err != nil {
		return stats, fmt.Errorf("store: copy: read source: %w", err)
	}
	defer rtx.Rollback() //nolint:errcheck // read-only; nothing to keep

	tables, err := copyPlan(ctx, rtx, dst)
	if err != nil {
		return stats, fmt.Errorf("store: copy: %w", err)
	}
	if !opts.Force {
		for _, t := range tables {
			if t.hasRows {
				return stats, fmt.Errorf("store: copy: table %s already has rows: %w", t.name, ErrTargetNotEmpty)
			}
		}
	}
	for i, t := range tables {
		if len(t.pk) == 0 && t.hasRows {
			return stats, fmt.Errorf("store: copy: table %s has no primary key and already has rows in the target: a second copy would duplicate them", t.name)
		}
		tc, cleaned, err := copyRows(ctx, rtx, dst, t, opts, i+1, len(tables))
		stats.Tables = append(stats.Tables, tc)
		stats.Cleaned += cleaned
		if err != nil {
			return stats, fmt.Errorf("store: copy table %s: %w", t.name, err)
		}
	}
	if err := resetSequences(ctx, dst); err != nil {
		return stats, fmt.Errorf("store: copy: %w", err)
	}
	// The jobs of pending items stay behind with the job queue. A feed poll queues every
	// pending item of its feed again, but only when the feed answers with content: forget
	// the validators of those feeds so that their next poll is not a 304.
	if _, err := dst.w.ExecContext(ctx, `UPDATE feeds SET etag = '', last_modified = ''
		WHERE id IN (SELECT feed_id FROM feed_items WHERE state = 'pending')`); err != nil {
		return stats, fmt.Errorf("store: copy: re-poll feeds with pending items: %w", err)
	}
	dst.changed()
	return stats, nil
}

// copyPlan lists the source's own tables in an order where every table comes after the
// tables it references, with the columns both sides have.
func copyPlan(ctx context.Context, rtx *sql.Tx, dst *Store) ([]*copyTable, error) {
	// pragma_table_list's type 'table' leaves out virtual tables and their shadow tables
	// (the FTS5 search index), which the target builds for itself.
	names, err := queryStrings(ctx, rtx, `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
		AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE 'river\_%' ESCAPE '\' AND name <> 'schema_migrations'
		ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list source tables: %w", err)
	}
	byName := map[string]*copyTable{}
	for _, name := range names {
		t, err := describeTable(ctx, rtx, dst, name)
		if err != nil {
			return nil, err
		}
		byName[name] = t
	}
	// Kahn's algorithm over the references, alphabetical among equals so that the order
	// is the same on every run.
	var order []*copyTable
	placed := map[string]bool{}
	for len(order) < len(names) {
		progress := false
		for _, name := range names {
			if placed[name] {
				continue
			}
			ready := true
			for _, dep := range byName[name].deps {
				if _, ours := byName[dep]; ours && dep != name && !placed[dep] {
					ready = false
					break
				}
			}
			if ready {
				placed[name] = true
				order = append(order, byName[name])
				progress = true
			}
		}
		if !progress {
			return nil, errors.New("the source tables reference each other in a cycle")
		}
	}
	return order, nil
}

func describeTable(ctx context.Context, rtx *sql.Tx, dst *Store, name string) (*copyTable, error) {
	t := &copyTable{name: name}
	rows, err := rtx.QueryContext(ctx, `SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`, name)
	if err != nil {
		return nil, fmt.Errorf("columns of %s: %w", name, err)
	}
	var srcCols []string
	pkAt := map[int]string{}
	for rows.Next() {
		var col string
		var pk int
		if err := rows.Scan(&col, &pk); err != nil {
			rows.Close()
			return nil, fmt.Errorf("columns of %s: %w", name, err)
		}
		srcCols = append(srcCols, col)
		if pk > 0 {
			pkAt[pk] = col
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("columns of %s: %w", name, err)
	}
	for i := 1; i <= len(pkAt); i++ {
		t.pk = append(t.pk, pkAt[i])
	}
	if t.deps, err = queryStrings(ctx, rtx, `SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)`, name); err != nil {
		return nil, fmt.Errorf("references of %s: %w", name, err)
	}
	if err := rtx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+quoteIdent(name)).Scan(&t.total); err != nil {
		return nil, fmt.Errorf("count %s: %w", name, err)
	}

	// The target's columns. A column the target computes itself (GENERATED ALWAYS) is
	// left to it; a source column the target lacks would lose data, so it stops the copy.
	trows, err := dst.w.QueryContext(ctx, `SELECT column_name, data_type, is_generated FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1`, name)
	if err != nil {
		return nil, fmt.Errorf("target columns of %s: %w", name, err)
	}
	dstType := map[string]string{}
	generated := map[string]bool{}
	for trows.Next() {
		var col, typ, gen string
		if err := trows.Scan(&col, &typ, &gen); err != nil {
			trows.Close()
			return nil, fmt.Errorf("target columns of %s: %w", name, err)
		}
		dstType[col] = typ
		generated[col] = gen == "ALWAYS"
	}
	trows.Close()
	if err := trows.Err(); err != nil {
		return nil, fmt.Errorf("target columns of %s: %w", name, err)
	}
	if len(dstType) == 0 {
		return nil, fmt.Errorf("table %s is not in the target schema", name)
	}
	for _, col := range srcCols {
		typ, ok := dstType[col]
		if !ok {
			return nil, fmt.Errorf("column %s.%s is not in the target schema", name, col)
		}
		if generated[col] {
			continue
		}
		t.cols = append(t.cols, col)
		t.types = append(t.types, typ)
	}
	if err := dst.w.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+quoteIdent(name)+`)`).Scan(&t.hasRows); err != nil {
		return nil, fmt.Errorf("target %s: %w", name, err)
	}
	return t, nil
}

// copyRows streams one table from the snapshot into the target in batches. Each batch is
// one INSERT … ON CONFLICT DO NOTHING, committed on its own: an interrupted copy keeps
// what it wrote, and a rerun with Force skips it.
func copyRows(ctx context.Context, rtx *sql.Tx, dst *Store, t *copyTable, opts CopyOptions, index, tables int) (TableCopy, int64, error) {
	res := TableCopy{Table: t.name}
	var cleaned int64
	report := func(done int64, finished bool) {
		if opts.Progress != nil {
			opts.Progress(CopyProgress{Table: t.name, Index: index, Tables: tables, Done: done, Total: t.total, Finished: finished})
		}
	}
	query := `SELECT ` + quoteList(t.cols) + ` FROM ` + quoteIdent(t.name)
	if len(t.pk) > 0 {
		query += ` ORDER BY ` + quoteList(t.pk)
	}
	rows, err := rtx.QueryContext(ctx, query)
	if err != nil {
		return res, 0, err
	}
	defer rows.Close()

	perBatch := min(opts.BatchSize, pgMaxParams/len(t.cols))
	batch := make([]any, 0, perBatch*len(t.cols))
	var read int64
	batchBytes := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		n := len(batch) / len(t.cols)
		r, err := dst.w.ExecContext(ctx, insertStatement(t, n), batch...)
		if err != nil {
			return err
		}
		added, err := r.RowsAffected()
		if err != nil {
			return err
		}
		res.Copied += added
		res.Skipped += int64(n) - added
		batch, batchBytes = batch[:0], 0
		report(read, false)
		return nil
	}
	vals := make([]any, len(t.cols))
	ptrs := make([]any, len(t.cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return res, cleaned, err
		}
		for i, v := range vals {
			cv, size, fixed, err := convertForPostgres(v, t.types[i])
			if err != nil {
				return res, cleaned, fmt.Errorf("column %s: %w", t.cols[i], err)
			}
			if fixed {
				cleaned++
			}
			batch = append(batch, cv)
			batchBytes += size
		}
		read++
		if len(batch) >= perBatch*len(t.cols) || batchBytes >= maxCopyBatchBytes {
			if err := flush(); err != nil {
				return res, cleaned, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return res, cleaned, err
	}
	if err := flush(); err != nil {
		return res, cleaned, err
	}
	report(read, true)
	return res, cleaned, nil
}

func insertStatement(t *copyTable, rows int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO ` + quoteIdent(t.name) + ` (` + quoteList(t.cols) + `) VALUES `)
	n := 0
	for r := range rows {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := range t.cols {
			if c > 0 {
				b.WriteByte(',')
			}
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		}
		b.WriteByte(')')
	}
	b.WriteString(` ON CONFLICT DO NOTHING`)
	return b.String()
}

// convertForPostgres turns a value SQLite gave back into one PostgreSQL accepts for a
// column of type typ. SQLite stores whatever it is given, so TEXT may hold NUL bytes or
// invalid UTF-8, which PostgreSQL's text refuses: those bytes are dropped or replaced and
// fixed reports it. size is about what the value weighs in a statement.
func convertForPostgres(v any, typ string) (out any, size int, fixed bool, err error) {
	switch typ {
	case "bytea":
		switch x := v.(type) {
		case string:
			return []byte(x), len(x), false, nil
		case []byte:
			return x, len(x), false, nil
		}
	case "text", "character varying", "character":
		var s string
		switch x := v.(type) {
		case string:
			s = x
		case []byte:
			s = string(x)
		case int64:
			s = strconv.FormatInt(x, 10)
		case float64:
			s = strconv.FormatFloat(x, 'g', -1, 64)
		default:
			return v, 8, false, nil
		}
		clean := s
		if strings.IndexByte(clean, 0) >= 0 {
			clean = strings.ReplaceAll(clean, "\x00", "")
		}
		if !utf8.ValidString(clean) {
			clean = strings.ToValidUTF8(clean, "\uFFFD")
		}
		return clean, len(clean), clean != s, nil
	case "bigint", "integer", "smallint":
		switch x := v.(type) {
		case string: // a number stored as text by a loose writer
			n, perr := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
			if perr != nil {
				return nil, 0, false, fmt.Errorf("%q is not a whole number", x)
			}
			return n, 8, false, nil
		case float64:
			if x != float64(int64(x)) {
				return nil, 0, false, fmt.Errorf("%v is not a whole number", x)
			}
			return int64(x), 8, false, nil
		}
	case "boolean":
		if x, ok := v.(int64); ok {
			return x != 0, 1, false, nil
		}
	}
	switch x := v.(type) {
	case []byte:
		return x, len(x), false, nil
	case string:
		return x, len(x), false, nil
	}
	return v, 8, false, nil
}

// resetSequences moves every identity column's sequence past the largest id in its table:
// the copy wrote ids explicitly, which does not advance the sequences.
func resetSequences(ctx context.Context, dst *Store) error {
	rows, err := dst.w.QueryContext(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name`)
	if err != nil {
		return fmt.Errorf("list identity columns: %w", err)
	}
	type ident struct{ table, col string }
	var ids []ident
	for rows.Next() {
		var i ident
		if err := rows.Scan(&i.table, &i.col); err != nil {
			rows.Close()
			return fmt.Errorf("list identity columns: %w", err)
		}
		ids = append(ids, i)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list identity columns: %w", err)
	}
	for _, i := range ids {
		// is_called false: the next nextval returns exactly MAX+1 (or 1 on an empty table).
		_, err := dst.w.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(`+quoteIdent(i.col)+`) FROM `+quoteIdent(i.table)+`), 0) + 1, false)`,
			quoteIdent(i.table), i.col)
		if err != nil {
			return fmt.Errorf("reset the sequence of %s.%s: %w", i.table, i.col, err)
		}
	}
	return nil
}

func queryStrings(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// quoteIdent quotes a table or column name the same way for SQLite and PostgreSQL.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoteIdent(n)
	}
	return strings.Join(q, ", ")
}
