package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"newsdesk/internal/store"
)

func runCopy(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "copy", "copy --from sqlite:PATH --to postgres://USER:PASSWORD@HOST/DB [--force]\n\n"+
		"Copies a site's database from SQLite to PostgreSQL: migrates the target, copies every table\n"+
		"keeping ids, and moves the id sequences past them. Stop `serve` first, or writes made\n"+
		"after the copy starts stay behind in SQLite. The job queue is not copied: feed items still\n"+
		"pending are queued again when newsdesk starts on the new database.")
	from := fs.String("from", "", "the SQLite database: sqlite:PATH or a file path")
	to := fs.String("to", "", "the PostgreSQL database URL (or set NEWSDESK_COPY_TO, which keeps the password out of process lists)")
	force := fs.Bool("force", false, "copy into a target that already has rows, keeping them; resumes an interrupted copy")
	batch := fs.Int("batch", 500, "rows per INSERT")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *to == "" {
		*to = env.Getenv("NEWSDESK_COPY_TO")
	}
	if *from == "" || *to == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	if !strings.HasPrefix(*to, "postgres://") && !strings.HasPrefix(*to, "postgresql://") {
		return errors.New("--to must be a postgres:// URL")
	}
	if strings.HasPrefix(*from, "postgres://") || strings.HasPrefix(*from, "postgresql://") {
		return errors.New("--from must be a SQLite database")
	}
	path := strings.TrimPrefix(*from, "sqlite:")
	// Opening a missing file would create an empty database and copy nothing.
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("source: %w", err)
	}
	log := newLogger(env, "warn")
	src, err := store.Open(ctx, "sqlite:"+path, log)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := store.Open(ctx, *to, log)
	if err != nil {
		return err
	}
	defer dst.Close()

	bar := newProgressBar(env.Stderr)
	start := time.Now()
	stats, err := store.Copy(ctx, src, dst, store.CopyOptions{BatchSize: *batch, Force: *force, Progress: bar.update})
	bar.done()
	if err != nil {
		if errors.Is(err, store.ErrTargetNotEmpty) {
			return fmt.Errorf("%w\n(is it the right database? --force copies into it, keeping the rows it has; that also resumes an interrupted copy)", err)
		}
		return err
	}
	fmt.Fprintf(env.Stdout, "%-20s %10s %10s\n", "table", "copied", "skipped")
	var total int64
	for _, t := range stats.Tables {
		fmt.Fprintf(env.Stdout, "%-20s %10d %10d\n", t.Table, t.Copied, t.Skipped)
		total += t.Copied
	}
	fmt.Fprintf(env.Stdout, "copied %d rows of %d tables from %s to %s in %s\n", total, len(stats.Tables), src.Location(), dst.Location(),
		time.Since(start).Round(time.Millisecond))
	if stats.Cleaned > 0 {
		fmt.Fprintf(env.Stdout, "%d text values held NUL bytes or invalid UTF-8, which PostgreSQL cannot store; those bytes were dropped or replaced\n", stats.Cleaned)
	}
	fmt.Fprintln(env.Stdout, "the job queue (river_* tables) was not copied: pending feed items are queued again when newsdesk starts")
	return nil
}

// progressBar draws store.Copy's progress on stderr: one line redrawn in place on a
// terminal, and one plain line per table (plus one every few seconds for a long table)
// when stderr is a file or a pipe, so that logs stay readable.
type progressBar struct {
	w       io.Writer
	tty     bool
	table   string
	started time.Time // when the table's copy began: when the one before it ended
	last    time.Time // last drawn
	prev    time.Time // last update of any table
	drawn   bool
}

func newProgressBar(w io.Writer) *progressBar {
	return &progressBar{w: w, tty: isTerminal(w), prev: time.Now()}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func (b *progressBar) update(p store.CopyProgress) {
	now := time.Now()
	if p.Table != b.table {
		b.table, b.started, b.last = p.Table, b.prev, b.prev
		if b.tty {
			b.last = time.Time{} // draw the new table's first batch at once
		}
	}
	b.prev = now
	every := 100 * time.Millisecond
	if !b.tty {
		every = 5 * time.Second
	}
	if !p.Finished && now.Sub(b.last) < every {
		return
	}
	b.last = now
	line := progressLine(p, now.Sub(b.started))
	if b.tty {
		fmt.Fprintf(b.w, "\r\033[K%s", line)
		b.drawn = true
		if p.Finished {
			fmt.Fprintln(b.w)
			b.drawn = false
		}
		return
	}
	fmt.Fprintln(b.w, line)
}

// done ends a line left half drawn by a failed copy.
func (b *progressBar) done() {
	if b.drawn {
		fmt.Fprintln(b.w)
	}
}

// progressLine is "[3/14] articles  [#####-----]  1200/2400  50%  850 rows/s".
func progressLine(p store.CopyProgress, elapsed time.Duration) string {
	const width = 24
	frac := 1.0
	if p.Total > 0 {
		frac = float64(p.Done) / float64(p.Total)
	}
	filled := int(frac * width)
	rate := ""
	if s := elapsed.Seconds(); s > 0 && p.Done > 0 {
		rate = fmt.Sprintf("  %.0f rows/s", float64(p.Done)/s)
	}
	return fmt.Sprintf("[%d/%d] %-16s [%s%s] %d/%d %3.0f%%%s", p.Index, p.Tables, p.Table,
		strings.Repeat("#", filled), strings.Repeat("-", width-filled), p.Done, p.Total, frac*100, rate)
}
