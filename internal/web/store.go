package web

import (
	"context"
	"time"

	"newsdesk/internal/store"
)

// Store is what the reader-facing site reads. It is declared here, where it is used, so the
// web package depends on the read methods it calls rather than on the whole storage layer.
type Store interface {
	// LatestArticles returns the newest articles first, with PublisherName and PublisherLogo
	// filled; copies of other articles are left out.
	LatestArticles(ctx context.Context, limit int) ([]store.Article, error)
	// Article returns one article with its text, HTML and key points; store.ErrNotFound when
	// the id is unknown.
	Article(ctx context.Context, id int64) (store.Article, error)
	// PublisherArticles returns a publisher's newest articles first.
	PublisherArticles(ctx context.Context, publisherID int64, limit int) ([]store.Article, error)
	// Publisher returns one publisher; store.ErrNotFound when the id is unknown.
	Publisher(ctx context.Context, id int64) (store.Publisher, error)
	// FeedStatuses returns every feed with what the sources page shows about it.
	FeedStatuses(ctx context.Context) ([]store.FeedStatus, error)
	// SiteTemplates returns what extraction has learned about each site's page template.
	SiteTemplates(ctx context.Context) ([]store.SiteTemplate, error)

	// StoryArticles returns a story's articles, copies included, newest first, with their
	// plain text; store.ErrNotFound when the story has none (unknown, or merged away).
	StoryArticles(ctx context.Context, story int64, limit int) ([]store.Article, error)
	// ResolveStory follows merge redirects: the id a merged story now lives under, or id.
	ResolveStory(ctx context.Context, id int64) (int64, error)
	// RelatedCandidates returns what "Related articles" is chosen from: a's story and recent
	// articles (published since) sharing one of its tags, copies left out.
	RelatedCandidates(ctx context.Context, a store.Article, since time.Time, limit int) ([]store.Article, error)
	// ArticleTags returns an article's people, places and organisations, then its keywords.
	ArticleTags(ctx context.Context, id int64) ([]store.Tag, error)
	// TagArticles returns the newest article of each story carrying a tag, newest first.
	TagArticles(ctx context.Context, tag string, limit int) ([]store.Article, error)
	// AlsoIn maps each original among ids to the publishers that ran copies of it.
	AlsoIn(ctx context.Context, ids []int64) (map[int64][]string, error)
	// StorySizes returns the articles and publishers of each given story that has any.
	StorySizes(ctx context.Context, ids []int64) (map[int64]store.StorySize, error)

	// Search finds original articles matching the words and filters, best first, one page
	// at a time; store.ErrEmptyQuery for text with no word, store.ErrBadCursor for a cursor
	// of another query.
	Search(ctx context.Context, q store.SearchQuery) (store.SearchResult, error)
	// StoryStats aggregates the stories with originals published since a cut-off, for
	// ranking: the limit broadest.
	StoryStats(ctx context.Context, since time.Time, limit int) ([]store.StoryStat, error)
}
