package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/store/storetest"
)

// fillForCopy writes a small site through the store API: publishers, feeds, items in
// every state, articles grouped into stories (one merge, one copy), tags, a site
// template, and an account with a comment.
func fillForCopy(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	now := time.Now().Truncate(time.Millisecond)
	var pubs []Publisher
	for i, name := range []string{"The Daily", "Wire", "Gazette"} {
		p, err := s.EnsurePublisher(ctx, Publisher{Name: name, HomeURL: fmt.Sprintf("https://p%d.example/", i), Country: "gb", Language: "en"})
		if err != nil {
			t.Fatal(err)
		}
		pubs = append(pubs, p)
	}
	story := int64(100)
	for i, p := range pubs {
		f, err := s.CreateFeed(ctx, Feed{PublisherID: p.ID, URL: fmt.Sprintf("https://p%d.example/rss", i), Interval: 15 * time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		var items []FeedItem
		for j := range 6 {
			items = append(items, FeedItem{GUID: fmt.Sprintf("g%d", j), URL: fmt.Sprintf("https://p%d.example/a%d", i, j),
				Title: fmt.Sprintf("Item %d — «quoted» ünïcode", j), Summary: "summary", Published: now.Add(-time.Duration(j) * time.Hour)})
		}
		pending, err := s.AddFeedItems(ctx, f.ID, items)
		if err != nil {
			t.Fatal(err)
		}
		for j, it := range pending {
			switch {
			case j == 5:
				if err := s.FailItem(ctx, it.ID, "page gone"); err != nil {
					t.Fatal(err)
				}
			case j == 4: // left pending
			default:
				st := story + int64(j%2)
				_, _, err := s.AddArticle(ctx, Article{
					PublisherID: p.ID, FeedID: f.ID, URL: it.URL, GUID: it.GUID, Title: it.Title, Byline: "A. Writer",
					Published: it.Published, Fetched: now, Language: "en", Text: "Paragraph one.\n\nParagraph two of " + it.URL,
					HTML: "<p>Paragraph one.</p>", Snippet: "Paragraph one.", WordCount: 7, SiteName: p.Name,
					KeyPoints: []string{"One.", "Two."}, Tags: []Tag{{Name: "Port Aldridge", Kind: "place"}, {Name: fmt.Sprintf("kw%d", j), Kind: "keyword"}},
					Terms: []string{"harbour", fmt.Sprintf("term%d", j)},
				}, it.ID, func(id int64) StoryUpdate {
					u := StoryUpdate{Story: st}
					if i == 2 && j == 0 {
						u.Merged = []int64{101} // story 101 merges into 100
					}
					return u
				})
				if err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	// Validators on a feed with a pending item (cleared by the copy) and on one without.
	for id, tag := range map[int64]string{1: `"e1"`, 4: `"e4"`} {
		if id == 4 {
			if _, err := s.CreateFeed(ctx, Feed{PublisherID: pubs[0].ID, URL: "https://p0.example/atom"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.FeedSuccess(ctx, id, tag, "Mon, 02 Jan 2006 15:04:05 GMT", "", now, time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveSiteTemplate(ctx, "p0.example", []byte{0, 1, 0xfe, 0xff, 'x'}, 12); err != nil {
		t.Fatal(err)
	}
	u, err := s.CreateUser(ctx, User{Email: "ann@example.org", EmailKey: "ann@example.org", DisplayName: "Ann", NameKey: "ann",
		PasswordHash: "argon2id$x", Role: "reader", Created: now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddComment(ctx, Comment{Target: Target{Kind: TargetStory, ID: story}, Depth: 1, AuthorID: u.ID,
		Body: "First *comment*", Created: now, State: "visible"}); err != nil {
		t.Fatal(err)
	}
}

// dumpTable reads every row of a table as text, sorted, so that two databases can be
// compared whatever their collation.
func dumpTable(t *testing.T, s *Store, table string, cols []string) []string {
	t.Helper()
	rows, err := s.r.QueryContext(context.Background(), `SELECT `+quoteList(cols)+` FROM `+quoteIdent(table))
	if err != nil {
		t.Fatalf("dump %s: %v", table, err)
	}
	defer rows.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var out []string
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("dump %s: %v", table, err)
		}
		var b strings.Builder
		for i, v := range vals {
			switch x := v.(type) {
			case nil:
				fmt.Fprintf(&b, "%s=NULL ", cols[i])
			case []byte:
				fmt.Fprintf(&b, "%s=%q ", cols[i], x)
			case string:
				fmt.Fprintf(&b, "%s=%q ", cols[i], x)
			default:
				fmt.Fprintf(&b, "%s=%v ", cols[i], x)
			}
		}
		out = append(out, b.String())
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("dump %s: %v", table, err)
	}
	slices.Sort(out)
	return out
}

func TestCopySQLiteToPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	t.Parallel()
	ctx := context.Background()
	src, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "src.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if _, err := src.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	fillForCopy(t, src)
	dst, err := Open(ctx, dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()

	var finished []string
	stats, err := Copy(ctx, src, dst, CopyOptions{BatchSize: 4, Progress: func(p CopyProgress) {
		if p.Done > p.Total || p.Index < 1 || p.Index > p.Tables {
			t.Errorf("progress out of range: %+v", p)
		}
		if p.Finished {
			if p.Done != p.Total {
				t.Errorf("%s finished at %d of %d", p.Table, p.Done, p.Total)
			}
			finished = append(finished, p.Table)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Cleaned != 0 {
		t.Errorf("cleaned %d values of clean data", stats.Cleaned)
	}

	// Every table of ours on the source, compared row by row with the target.
	// Virtual tables and their shadows (the FTS5 index) are built by the target itself.
	tables, err := queryStrings(ctx, src.r, `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
		AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'river%' AND name <> 'schema_migrations'`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"publishers", "feeds", "feed_items", "articles", "story_redirects", "article_tags", "term_df", "site_templates", "users", "comments"} {
		if !slices.Contains(tables, want) {
			t.Errorf("source has no table %s", want)
		}
	}
	if len(finished) != len(tables) {
		t.Errorf("progress finished %v, want every one of %v", finished, tables)
	}
	copied := map[string]int64{}
	for _, tc := range stats.Tables {
		copied[tc.Table] = tc.Copied
	}
	for _, table := range tables {
		cols, err := queryStrings(ctx, src.r, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
		if err != nil {
			t.Fatal(err)
		}
		if table == "feeds" { // validators are checked below
			cols = slices.DeleteFunc(cols, func(c string) bool { return c == "etag" || c == "last_modified" })
		}
		a, b := dumpTable(t, src, table, cols), dumpTable(t, dst, table, cols)
		if copied[table] != int64(len(a)) {
			t.Errorf("%s: stats say %d copied, source has %d", table, copied[table], len(a))
		}
		if !slices.Equal(a, b) {
			t.Errorf("%s differs:\nsource %d rows %q\ntarget %d rows %q", table, len(a), a, len(b), b)
		}
	}
	// A feed with a pending item lost its validators, so that its next poll fetches it
	// in full and queues the item again; the other kept them.
	for id, want := range map[int64]string{1: "", 2: "", 4: `"e4"`} {
		f, err := dst.Feed(ctx, id)
		if err != nil || f.ETag != want || (want == "") != (f.LastModified == "") {
			t.Errorf("feed %d after the copy: etag %q, last modified %q, %v; want etag %q", id, f.ETag, f.LastModified, err, want)
		}
	}
	// Rows the fill is known to write, so that an empty comparison cannot pass.
	for table, min := range map[string]int64{"publishers": 3, "feeds": 4, "feed_items": 18, "articles": 12, "story_redirects": 1,
		"article_tags": 24, "term_df": 5, "site_templates": 1, "users": 1, "comments": 1} {
		if copied[table] < min {
			t.Errorf("%s: %d rows copied, want at least %d", table, copied[table], min)
		}
	}

	// The sequences were moved past the copied ids.
	var maxID int64
	if err := src.r.QueryRowContext(ctx, `SELECT MAX(id) FROM articles`).Scan(&maxID); err != nil {
		t.Fatal(err)
	}
	p, err := dst.Publisher(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	id, created, err := dst.AddArticle(ctx, Article{PublisherID: p.ID, URL: "https://p0.example/new", Title: "New",
		Published: time.Now(), Fetched: time.Now()}, 0, nil)
	if err != nil || !created || id != maxID+1 {
		t.Errorf("new article on the target: id %d, created %v, %v; want id %d", id, created, err, maxID+1)
	}
	if _, err := dst.CreateFeed(ctx, Feed{PublisherID: p.ID, URL: "https://p0.example/new.xml"}); err != nil {
		t.Errorf("new feed on the target: %v", err)
	}

	// A second copy is refused, and with Force it resumes: every row is already there.
	if _, err := Copy(ctx, src, dst, CopyOptions{}); !errors.Is(err, ErrTargetNotEmpty) {
		t.Errorf("copy into a filled target: %v, want ErrTargetNotEmpty", err)
	}
	again, err := Copy(ctx, src, dst, CopyOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range again.Tables {
		if tc.Copied != 0 || tc.Skipped != copied[tc.Table] {
			t.Errorf("resumed %s: copied %d, skipped %d; want 0 and %d", tc.Table, tc.Copied, tc.Skipped, copied[tc.Table])
		}
	}
}

func TestCopyRefusesOtherDialects(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "a.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "b.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := Copy(ctx, a, b, CopyOptions{}); err == nil || !strings.Contains(err.Error(), "SQLite to PostgreSQL") {
		t.Errorf("SQLite to SQLite: %v", err)
	}
}

func TestConvertForPostgres(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		in    any
		typ   string
		want  any
		fixed bool
		err   bool
	}{
		{"text", "plain", "text", "plain", false, false},
		{"NUL dropped", "a\x00b", "text", "ab", true, false},
		{"invalid UTF-8 replaced", "a\xffb", "text", "a\uFFFDb", true, false},
		{"blob as text", []byte("bytes"), "text", "bytes", false, false},
		{"number as text", int64(42), "text", "42", false, false},
		{"text as bytea", "xy", "bytea", []byte("xy"), false, false},
		{"bytea", []byte{0, 0xff}, "bytea", []byte{0, 0xff}, false, false},
		{"int", int64(7), "bigint", int64(7), false, false},
		{"int stored as text", " 7", "integer", int64(7), false, false},
		{"not a number", "x", "bigint", nil, false, true},
		{"fraction into int", 1.5, "bigint", nil, false, true},
		{"whole float into int", 3.0, "bigint", int64(3), false, false},
		{"flag to boolean", int64(1), "boolean", true, false, false},
		{"null", nil, "text", nil, false, false},
	}
	for _, tt := range tests {
		got, _, fixed, err := convertForPostgres(tt.in, tt.typ)
		if (err != nil) != tt.err {
			t.Errorf("%s: error %v", tt.name, err)
			continue
		}
		if tt.err {
			continue
		}
		if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", tt.want) || fixed != tt.fixed {
			t.Errorf("%s: got %#v fixed %v, want %#v fixed %v", tt.name, got, fixed, tt.want, tt.fixed)
		}
	}
}
