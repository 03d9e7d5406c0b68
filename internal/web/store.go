package web

import (
	"context"

	"newsdesk/internal/store"
)

// Store is what the reader-facing site reads. It is declared here, where it is used, so the
// web package depends on five read methods rather than on the whole storage layer.
type Store interface {
	// LatestArticles returns the newest articles first, with PublisherName and PublisherLogo filled.
	LatestArticles(ctx context.Context, limit int) ([]store.Article, error)
	// Article returns one article; store.ErrNotFound when the id is unknown.
	Article(ctx context.Context, id int64) (store.Article, error)
	// PublisherArticles returns a publisher's newest articles first.
	PublisherArticles(ctx context.Context, publisherID int64, limit int) ([]store.Article, error)
	// Publisher returns one publisher; store.ErrNotFound when the id is unknown.
	Publisher(ctx context.Context, id int64) (store.Publisher, error)
	// FeedStatuses returns every feed with what the sources page shows about it.
	FeedStatuses(ctx context.Context) ([]store.FeedStatus, error)
}
