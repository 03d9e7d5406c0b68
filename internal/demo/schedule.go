package demo

import (
	"hash/fnv"
	"sort"
	"time"
)

const (
	defaultInterval = 4 * time.Second
	// defaultInitial makes the front page full (≥ 42 articles) the moment the demo starts.
	defaultInitial = 42
	// backlogSpan is how far back the articles live at start were published.
	backlogSpan = 6 * time.Hour
)

// schedule is when each article, in release order, is published.
type schedule struct {
	start time.Time
	at    []time.Time // non-decreasing
}

// newSchedule spreads the first initial articles over the backlogSpan before start, with a
// little deterministic jitter so the times do not look machine-made, and publishes the rest one
// every interval after start. Times are whole seconds, as feeds carry them.
func newSchedule(start time.Time, initial int, interval time.Duration, entries []*entry) schedule {
	initial = min(max(initial, 0), len(entries))
	s := schedule{start: start, at: make([]time.Time, len(entries))}
	if initial > 0 {
		gap := backlogSpan / time.Duration(initial)
		for i := range initial {
			offset := time.Duration(initial-i) * gap
			offset += time.Duration(jitter(entries[i].Slug) * float64(gap) * 0.3)
			s.at[i] = start.Add(-offset).Truncate(time.Second)
		}
	}
	for i := initial; i < len(entries); i++ {
		s.at[i] = start.Add(time.Duration(i-initial+1) * interval).Truncate(time.Second)
	}
	return s
}

// jitter maps a name to a stable number in [-1, 1).
func jitter(name string) float64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return float64(h.Sum64()%2000)/1000 - 1
}

// released is how many articles are published at now.
func (s schedule) released(now time.Time) int {
	return sort.Search(len(s.at), func(i int) bool { return s.at[i].After(now) })
}
