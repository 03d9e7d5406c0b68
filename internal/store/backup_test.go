package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

func TestBackup(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		path := filepath.Join(t.TempDir(), "backup.db")
		if s.Dialect() != "sqlite" {
			if err := s.Backup(ctx, path); !errors.Is(err, ErrBackupUnsupported) {
				t.Errorf("backup of %s: %v", s.Dialect(), err)
			}
			return
		}
		p := mustPublisher(t, s)
		if _, _, err := s.AddArticle(ctx, Article{PublisherID: p.ID, URL: "https://daily.example/a", Title: "A",
			Published: time.Now(), Fetched: time.Now(), Text: "body"}, 0, nil); err != nil {
			t.Fatal(err)
		}
		if err := s.Backup(ctx, path); err != nil {
			t.Fatal(err)
		}
		if err := s.Backup(ctx, path); err == nil {
			t.Error("backup over an existing file succeeded")
		}
		// The copy opens as a store of its own, at the same version, with the article.
		b, err := Open(ctx, path, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		want, _ := s.SchemaVersion(ctx)
		if v, err := b.SchemaVersion(ctx); err != nil || v != want {
			t.Errorf("backup at version %d, %v; want %d", v, err, want)
		}
		if id, err := b.ArticleIDByURL(ctx, "https://daily.example/a"); err != nil || id == 0 {
			t.Errorf("article in the backup: %d, %v", id, err)
		}
	})
}
