package llm

import (
	"sync"
	"time"

	"newsdesk/internal/ratelimit"
)

// limiter is a token bucket per key (a user id or an IP address): each holds up to perMinute
// calls and refills at perMinute a minute, so a reader may click a few features at once but
// not script thousands. A nil limiter (perMinute ≤ 0) and an empty key are unlimited. Time
// comes from the caller, which makes it testable without sleeping.
type limiter struct{ l *ratelimit.Limiter }

// limiterKeys bounds the buckets kept; full buckets carry no information and are dropped first.
const limiterKeys = 10000

func newLimiter(perMinute int) limiter {
	if perMinute <= 0 {
		return limiter{}
	}
	return limiter{ratelimit.New(ratelimit.Rate{N: perMinute, Per: time.Minute, MaxKey: limiterKeys}, nil)}
}

// allow takes a token from key's bucket at now, reporting whether there was one, and when the
// next will be.
func (l limiter) allow(key string, now time.Time) (bool, time.Duration) {
	if l.l == nil || key == "" {
		return true, 0
	}
	return l.l.AllowAt(key, now)
}

// budget is the daily allowance of model calls and tokens, reset at midnight UTC. A call
// reserves its estimated tokens before it starts, so concurrent calls cannot together run far
// past the allowance, and settles with what the server reports when it ends.
type budget struct {
	mu                 sync.Mutex
	maxTokens, maxReqs int // 0: unlimited
	day                time.Time
	tokens, reqs       int
}

func (b *budget) roll(now time.Time) {
	day := now.UTC().Truncate(24 * time.Hour)
	if !day.Equal(b.day) {
		b.day, b.tokens, b.reqs = day, 0, 0
	}
}

// reserve books a call of an estimated est tokens; ok is false when the day's allowance would
// be exceeded. The returned day is handed back to settle.
func (b *budget) reserve(now time.Time, est int) (day time.Time, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.roll(now)
	if b.maxReqs > 0 && b.reqs >= b.maxReqs || b.maxTokens > 0 && b.tokens+est > b.maxTokens {
		return b.day, false
	}
	b.reqs++
	b.tokens += est
	return b.day, true
}

// settle replaces a reservation of est tokens made on day with the used count. A call that
// straddles midnight charges nothing to the new day.
func (b *budget) settle(now, day time.Time, est, used int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.roll(now)
	if b.day.Equal(day) {
		b.tokens += used - est
	}
}

// usage reports the day's use.
func (b *budget) usage(now time.Time) (tokens, reqs int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.roll(now)
	return b.tokens, b.reqs
}
