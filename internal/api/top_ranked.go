package api

import (
	"context"
	"fmt"
	"time"

	"newsdesk/internal/rank"
	"newsdesk/internal/store"
)

// Defaults of RankedTop.
const (
	rankedWindow = 48 * time.Hour // stories with coverage in the last two days compete
	rankedPool   = 4              // stories aggregated per story shown: ranking reorders them
)

// RankedTop is the ranking engine's top stories (breadth, freshness, velocity, diversity)
// for the global front page. Mounting it is one line: Config.Top = RankedTop{Store: st}.
// Ungrouped articles do not appear: the engine ranks stories.
type RankedTop struct {
	Store interface {
		StoryStats(ctx context.Context, since time.Time, limit int) ([]store.StoryStat, error)
	}
	Config  rank.Config
	Edition rank.Edition     // zero: the global front page
	Window  time.Duration    // how far back coverage counts; 48 h when 0
	Now     func() time.Time // time.Now when nil
}

// TopStories implements TopStories.
func (t RankedTop) TopStories(ctx context.Context, limit int) ([]TopStory, error) {
	now := time.Now()
	if t.Now != nil {
		now = t.Now()
	}
	window := t.Window
	if window <= 0 {
		window = rankedWindow
	}
	stats, err := t.Store.StoryStats(ctx, now.Add(-window), limit*rankedPool)
	if err != nil {
		return nil, fmt.Errorf("ranked top: %w", err)
	}
	top := rank.TopStories(t.Config, stats, t.Edition, "", now, limit)
	out := make([]TopStory, len(top))
	for i, tp := range top {
		out[i] = TopStory{Story: tp.Stat.Story, Lead: tp.Lead, Articles: tp.Stat.Articles, Publishers: tp.Stat.Publishers}
	}
	return out, nil
}
