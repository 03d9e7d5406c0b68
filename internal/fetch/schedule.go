package fetch

import (
	"math/rand/v2"
	"slices"
	"time"
)

const (
	// MinRefresh and MaxRefresh bound how often a feed is polled.
	MinRefresh = 5 * time.Minute
	MaxRefresh = 24 * time.Hour

	backoffBase = 5 * time.Minute
	// defaultRefresh is the poll interval when nothing is known about a feed.
	defaultRefresh = time.Hour
	// frequencySample is how many of the newest items estimate a feed's publishing rate.
	frequencySample = 20
)

// Backoff is how long to wait before retrying a feed after consecutiveErrors failures in a row:
// 5 min doubling per failure, with "equal jitter" (a random point in the upper half) so feeds that
// failed together do not retry together, capped at 24 h, and never shorter than the server's
// Retry-After (itself capped at 24 h, so a feed is always retried at least daily). rnd returns
// values in [0,1); nil uses math/rand/v2. Zero errors means no backoff beyond retryAfter.
func Backoff(consecutiveErrors int, retryAfter time.Duration, rnd func() float64) time.Duration {
	retryAfter = min(max(retryAfter, 0), MaxRefresh)
	if consecutiveErrors <= 0 {
		return retryAfter
	}
	if rnd == nil {
		rnd = rand.Float64
	}
	d := MaxRefresh
	if shift := consecutiveErrors - 1; shift < 20 { // 5 min << 9 already exceeds 24 h
		d = min(backoffBase<<shift, MaxRefresh)
	}
	d = d/2 + time.Duration(rnd()*float64(d/2))
	return max(d, retryAfter)
}

// RefreshInterval picks when to poll a feed next. The observed publishing rate sets the pace:
// half the mean gap between the newest items, so a new item waits on average a quarter of a
// gap. Server hints are floors, not targets: Cache-Control max-age and the feed's <ttl> both say
// "nothing new before then". With fewer than two distinct item times the default is 1 h. The
// result is clamped to 5 min – 24 h.
func RefreshInterval(maxAge, ttl time.Duration, itemTimes []time.Time) time.Duration {
	d := defaultRefresh
	if gap, ok := meanGap(itemTimes); ok {
		d = gap / 2
	}
	d = max(d, maxAge, ttl)
	return min(max(d, MinRefresh), MaxRefresh)
}

// meanGap is the mean time between the newest distinct item times. Identical times carry no
// information (a feed without dates gets the fetch time on every item) and are counted once.
func meanGap(times []time.Time) (time.Duration, bool) {
	ts := make([]time.Time, 0, len(times))
	for _, t := range times {
		if !t.IsZero() {
			ts = append(ts, t)
		}
	}
	slices.SortFunc(ts, func(a, b time.Time) int { return b.Compare(a) })
	ts = slices.CompactFunc(ts, func(a, b time.Time) bool { return a.Equal(b) })
	if len(ts) > frequencySample {
		ts = ts[:frequencySample]
	}
	if len(ts) < 2 {
		return 0, false
	}
	return ts[0].Sub(ts[len(ts)-1]) / time.Duration(len(ts)-1), true
}
