package feed

import (
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
)

// feedTTL reads how often the publisher wants the feed polled: RSS <ttl> in minutes, else the
// syndication module's sy:updatePeriod divided by sy:updateFrequency. Absurd values (under a
// minute, over a week) are ignored rather than clamped: the caller has its own bounds.
func feedTTL(raw *gofeed.Feed, original any) time.Duration {
	if rf, ok := original.(*rss.Feed); ok {
		if m, err := strconv.Atoi(strings.TrimSpace(rf.TTL)); err == nil {
			if d := time.Duration(m) * time.Minute; plausibleTTL(d) {
				return d
			}
		}
	}
	sy := raw.Extensions["sy"]
	if sy == nil {
		return 0
	}
	period := time.Duration(0)
	if p := sy["updatePeriod"]; len(p) > 0 {
		switch strings.ToLower(strings.TrimSpace(p[0].Value)) {
		case "hourly":
			period = time.Hour
		case "daily":
			period = 24 * time.Hour
		case "weekly":
			period = 7 * 24 * time.Hour
		case "monthly":
			period = 30 * 24 * time.Hour
		case "yearly":
			period = 365 * 24 * time.Hour
		}
	}
	if period == 0 {
		return 0
	}
	freq := 1
	if f := sy["updateFrequency"]; len(f) > 0 {
		if n, err := strconv.Atoi(strings.TrimSpace(f[0].Value)); err == nil && n > 0 {
			freq = n
		}
	}
	if d := period / time.Duration(freq); plausibleTTL(d) {
		return d
	}
	return 0
}

func plausibleTTL(d time.Duration) bool {
	return d >= time.Minute && d <= 7*24*time.Hour
}
