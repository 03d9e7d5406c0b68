package api

import (
	"context"
	"time"

	"newsdesk/internal/store"
)

// Store is what the API reads. It is declared here, where it is used, so the API depends on
// the read methods it calls and tests can hand in a fake; *store.Store satisfies it.
type Store interface {
	// LatestArticles returns the newest originals (copies left out), without bodies.
	LatestArticles(ctx context.Context, limit int) ([]store.Article, error)
	// LatestArticlesAfter is LatestArticles continued after a cursor.
	LatestArticlesAfter(ctx context.Context, after store.ArticleCursor, limit int) ([]store.Article, error)
	// Article returns one article with its body and key points; store.ErrNotFound when unknown.
	Article(ctx context.Context, id int64) (store.Article, error)
	// ArticleTags returns an article's people, places and organisations, then its keywords.
	ArticleTags(ctx context.Context, id int64) ([]store.Tag, error)
	// RelatedCandidates returns what related articles are chosen from: a's story and recent
	// articles (published since) sharing one of its tags, copies left out.
	RelatedCandidates(ctx context.Context, a store.Article, since time.Time, limit int) ([]store.Article, error)
	// StoryArticles returns a story's articles, copies included, newest first;
	// store.ErrNotFound when the story has none.
	StoryArticles(ctx context.Context, story int64, limit int) ([]store.Article, error)
	// ResolveStory follows merge redirects: the id a merged story lives under now, or id.
	ResolveStory(ctx context.Context, id int64) (int64, error)
	// TagArticlesAfter returns the newest article of each story carrying a tag, after a cursor.
	TagArticlesAfter(ctx context.Context, tag string, after store.ArticleCursor, limit int) ([]store.Article, error)
	// Publishers lists every publisher by name.
	Publishers(ctx context.Context) ([]store.Publisher, error)
	// StorySizes returns the articles and publishers of each given story that has any.
	StorySizes(ctx context.Context, ids []int64) (map[int64]store.StorySize, error)
	// Search finds originals by their words and filters, best first; store.ErrEmptyQuery
	// for text with no word, store.ErrBadCursor for a cursor of another search.
	Search(ctx context.Context, q store.SearchQuery) (store.SearchResult, error)
}
