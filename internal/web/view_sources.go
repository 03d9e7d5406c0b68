package web

import (
	"strings"
	"time"

	"newsdesk/internal/extract"
	"newsdesk/internal/store"
)

// sourceView is one feed on the sources page.
type sourceView struct {
	Publisher         publisherRef
	Title             string
	URL               string
	Status            string // "ok", "failing", "disabled" or "new"
	LastSuccess       timeView
	LastError         string
	LastErrorAt       timeView
	NextCheck         timeView
	Interval          string
	ConsecutiveErrors int
	ArticleCount      int
}

func newSourceView(now time.Time, f store.FeedStatus) sourceView {
	v := sourceView{
		Publisher:         publisherRef{Name: f.PublisherName, URL: publisherPath(f.PublisherID)},
		Title:             f.Title,
		URL:               f.URL,
		LastSuccess:       newTimeView(now, f.LastSuccess),
		LastError:         f.LastError,
		LastErrorAt:       newTimeView(now, f.LastErrorAt),
		NextCheck:         newTimeView(now, f.NextCheck),
		Interval:          every(f.Interval),
		ConsecutiveErrors: f.ConsecutiveErrors,
		ArticleCount:      f.ArticleCount,
	}
	switch {
	case f.Disabled:
		v.Status = "disabled"
		v.NextCheck = timeView{} // a disabled feed is not polled, whatever the row says
	case f.ConsecutiveErrors > 0:
		v.Status = "failing"
	case f.LastSuccess.IsZero():
		v.Status = "new"
	default:
		v.Status = "ok"
	}
	if v.Title == "" {
		v.Title = f.URL
	}
	return v
}

// every prints a refresh interval: "every 15 minutes", "every hour", "every 90 minutes".
func every(d time.Duration) string {
	var s string
	switch {
	case d <= 0:
		return ""
	case d < time.Hour:
		s = count(max(1, int(d/time.Minute)), "minute")
	case d%time.Hour == 0 || d >= 6*time.Hour:
		s = count(int(d/time.Hour), "hour")
	default:
		s = count(int(d/time.Minute), "minute")
	}
	return "every " + strings.TrimPrefix(s, "1 ")
}

// templateView is what extraction has learned about one site's page template.
type templateView struct {
	Site    string
	Pages   int
	Trained bool
	Resets  int
	Updated timeView
	Blocks  []string // recurring blocks removed from new pages
}

func newTemplateView(now time.Time, t store.SiteTemplate) templateView {
	sum := extract.DescribeTemplate(t.State)
	v := templateView{Site: t.Site, Pages: sum.Pages, Trained: sum.Trained, Resets: sum.Resets, Blocks: sum.Blocks}
	updated := sum.Updated
	if updated.IsZero() {
		updated = t.Updated
	}
	v.Updated = newTimeView(now, updated)
	return v
}
