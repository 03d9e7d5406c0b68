package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkStoryStats aggregates a busy two days on SQLite: 20,000 originals from 200
// publishers in 6,000 stories, half the stories single-article. Run with
//
//	go test ./internal/store -run '^$' -bench StoryStats
func BenchmarkStoryStats(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, "sqlite:"+filepath.Join(b.TempDir(), "bench.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	err = s.tx(ctx, func(tx *sql.Tx) error {
		for p := 1; p <= 200; p++ {
			if _, err := tx.ExecContext(ctx, `INSERT INTO publishers (id, name, home_url, country, language, created) VALUES (?, ?, ?, ?, ?, ?)`,
				p, fmt.Sprint("P", p), fmt.Sprintf("https://p%d.example/", p), []string{"gb", "us", "de", "fr"}[p%4], []string{"en", "en", "de", "fr"}[p%4], ms(now)); err != nil {
				return err
			}
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO articles (publisher_id, url, title, published, fetched, language, image_url, story_id, section)
			VALUES (?, ?, ?, ?, ?, 'en', ?, ?, 'world')`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i := range 20000 {
			story := i % 6000
			if i >= 12000 {
				story = 6000 + i // single-article stories
			}
			at := now.Add(-time.Duration(i%2880) * time.Minute)
			if _, err := stmt.ExecContext(ctx, 1+i%200, fmt.Sprintf("https://x.example/%d", i), fmt.Sprint("Title ", i), ms(at), ms(at),
				fmt.Sprint("https://img/", i%3), story+1); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		stats, err := s.StoryStats(ctx, now.Add(-48*time.Hour), 200)
		if err != nil || len(stats) != 200 {
			b.Fatalf("%d stats, %v", len(stats), err)
		}
	}
}
