package ingest

import (
	"context"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/riverqueue/river"

	"newsdesk/internal/canon"
	"newsdesk/internal/extract"
	"newsdesk/internal/fetch"
	"newsdesk/internal/store"
)

// FetchArticleArgs fetches, extracts and stores the article of one feed item.
type FetchArticleArgs struct {
	ItemID int64 `json:"item_id"`
}

// Kind names the job in the queue.
func (FetchArticleArgs) Kind() string { return "fetch_article" }

// InsertOpts keeps one job per item waiting or running; transient failures retry.
func (FetchArticleArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 5, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: activeStates}}
}

type articleWorker struct {
	river.WorkerDefaults[FetchArticleArgs]
	p *Pipeline
}

func (w *articleWorker) Work(ctx context.Context, job *river.Job[FetchArticleArgs]) (err error) {
	start := time.Now()
	defer func() { w.p.metrics.job("fetch_article", start, err) }()
	return w.p.fetchArticle(ctx, job.Args.ItemID, job.Attempt >= job.MaxAttempts)
}

// fetchArticle stores the article behind a feed item. When the page cannot be had for good
// (robots.txt, 404, too large, not an article) the feed's own title and text are stored
// instead, so nothing the feed listed is lost; only an item with neither is marked failed.
func (p *Pipeline) fetchArticle(ctx context.Context, itemID int64, lastAttempt bool) error {
	it, err := p.st.FeedItem(ctx, itemID)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if it.State != store.ItemPending {
		return nil // done by an earlier attempt
	}
	if id, err := p.st.ArticleIDByURL(ctx, it.URL); err == nil {
		return p.st.LinkItem(ctx, it.ID, id)
	}
	f, err := p.st.Feed(ctx, it.FeedID)
	if err != nil {
		return err
	}
	resp, err := p.cfg.Fetcher.Fetch(ctx, fetch.Request{URL: it.URL, Purpose: fetch.PurposePage})
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var fe *fetch.Error
		if errors.As(err, &fe) && fe.Kind == fetch.KindRateLimited && fe.RetryAfter > 0 && !lastAttempt {
			return river.JobSnooze(fe.RetryAfter)
		}
		if transient(err) && !lastAttempt {
			return err
		}
		return p.storeFromFeed(ctx, f, it, err)
	}
	art, err := p.cfg.Extractor.Extract(ctx, resp.Body, resp.ContentType, resp.URL)
	if err != nil || strings.TrimSpace(art.Text) == "" {
		if err == nil {
			err = errors.New("no article text found on the page")
		}
		return p.storeFromFeed(ctx, f, it, fmt.Errorf("extract: %w", err))
	}
	a := p.article(f, it, art, articleURL(resp.URL, art.URL, it.URL))
	return p.save(ctx, a, it.ID, "page")
}

// storeFromFeed keeps an item whose page could not be used, from the feed's own content.
func (p *Pipeline) storeFromFeed(ctx context.Context, f store.Feed, it store.FeedItem, cause error) error {
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = "<p>" + html.EscapeString(it.Summary) + "</p>"
	}
	if strings.TrimSpace(it.Title) == "" || (strings.TrimSpace(it.Content) == "" && strings.TrimSpace(it.Summary) == "") {
		p.log.Warn("article failed", slog.String("url", it.URL), slog.String("error", cause.Error()))
		return p.st.FailItem(ctx, it.ID, cause.Error())
	}
	p.log.Info("article page unusable; keeping the feed's text", slog.String("url", it.URL), slog.String("error", cause.Error()))
	doc := "<!DOCTYPE html><html><head><title>" + html.EscapeString(it.Title) + "</title></head><body><article>" + body + "</article></body></html>"
	art, err := p.cfg.Extractor.Extract(ctx, []byte(doc), "text/html; charset=utf-8", it.URL)
	if err != nil || strings.TrimSpace(art.Text) == "" {
		art = &extract.Article{Text: it.Summary, HTML: "<p>" + html.EscapeString(it.Summary) + "</p>"}
	}
	art.Title = it.Title
	return p.save(ctx, p.article(f, it, art, it.URL), it.ID, "feed")
}

func (p *Pipeline) save(ctx context.Context, a store.Article, itemID int64, source string) error {
	if pub, err := p.st.Publisher(ctx, a.PublisherID); err == nil {
		a.PublisherName, a.PublisherCountry = pub.Name, pub.Country
		if a.Language == "" {
			a.Language = pub.Language
		}
	}
	p.enrich(ctx, &a)
	id, created, err := p.st.AddGroupedArticle(ctx, a, itemID, p.stories.forArticle(a))
	if err != nil {
		return err
	}
	if created {
		p.metrics.articles.WithLabelValues(source).Inc()
		p.metrics.visible.Observe(max(0, a.Fetched.Sub(a.Published)).Seconds())
		p.log.Debug("article stored", slog.Int64("id", id), slog.String("url", a.URL))
	}
	return nil
}

// article merges what the page said with what the feed said; the page wins where it spoke.
func (p *Pipeline) article(f store.Feed, it store.FeedItem, art *extract.Article, link string) store.Article {
	now := p.cfg.Now()
	a := store.Article{
		PublisherID: f.PublisherID,
		FeedID:      f.ID,
		URL:         link,
		GUID:        it.GUID,
		Title:       nonEmpty(strings.TrimSpace(art.Title), it.Title),
		Byline:      nonEmpty(art.Byline, it.Author),
		Published:   it.Published,
		Fetched:     now,
		Language:    art.Language,
		ImageURL:    nonEmpty(art.Image, it.ImageURL),
		Text:        art.Text,
		HTML:        art.HTML,
		SiteName:    art.SiteName,
		Categories:  it.Categories,
	}
	if art.Published != nil && !art.Published.IsZero() {
		a.Published = *art.Published
	}
	if art.Modified != nil {
		a.Updated = *art.Modified
	}
	if a.Published.IsZero() || a.Published.After(now) {
		a.Published = now // undated, or dated in the future by a wrong clock
	}
	a.Snippet = Snippet(a.Text, it.Summary, 280)
	a.WordCount = len(strings.Fields(a.Text))
	return a
}

// articleURL picks the URL an article is stored under: the page's canonical URL when it is
// on the host the page came from, else the URL that was fetched.
func articleURL(fetched, canonical, fallback string) string {
	if c, err := canon.URL(canonical); err == nil {
		cu, _ := url.Parse(c)
		fu, _ := url.Parse(fetched)
		if cu != nil && fu != nil && strings.EqualFold(cu.Hostname(), fu.Hostname()) {
			return c
		}
	}
	if f, err := canon.URL(fetched); err == nil {
		return f
	}
	return fallback
}

// transient reports fetch failures worth retrying soon.
func transient(err error) bool {
	var fe *fetch.Error
	if !errors.As(err, &fe) {
		return true
	}
	switch fe.Kind {
	case fetch.KindNetwork, fetch.KindTimeout, fetch.KindRateLimited, fetch.KindCanceled:
		return true
	case fetch.KindHTTPStatus:
		return fe.StatusCode >= 500
	}
	return false
}

// Snippet is the opening of an article for cards: the first paragraph of text (or the
// feed's summary when the text is empty), cut at a word boundary to about max characters.
func Snippet(text, summary string, max int) string {
	s := strings.TrimSpace(text)
	if s == "" {
		s = strings.TrimSpace(summary)
	}
	if i := strings.Index(s, "\n\n"); i > 0 && i >= max/3 {
		s = s[:i]
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut, runes := 0, 0
	for i, r := range s {
		if runes == max {
			if cut == 0 {
				cut = i
			}
			break
		}
		if r == ' ' {
			cut = i
		}
		runes++
	}
	return strings.TrimRight(s[:cut], " ,;:—-") + "…"
}
