package llm

import (
	"sync"
	"time"
)

// limiter is a set of token buckets, one per key (a user id or an IP address): each holds up to
// perMinute calls and refills at perMinute a minute, so a reader may click a few features at
// once but not script thousands. Time comes from the caller, which makes it testable without
// sleeping.
type limiter struct {
	mu        sync.Mutex
	perMinute float64 // <= 0: unlimited
	buckets   map[string]*bucket
	maxKeys   int
}

type bucket struct {
	tokens float64
	at     time.Time
}

// limiterKeys bounds the buckets kept; full buckets carry no information and are dropped first.
const limiterKeys = 10000

func newLimiter(perMinute int) *limiter {
	return &limiter{perMinute: float64(perMinute), buckets: map[string]*bucket{}, maxKeys: limiterKeys}
}

// allow takes a token from key's bucket at now, reporting whether there was one, and when the
// next will be.
func (l *limiter) allow(key string, now time.Time) (bool, time.Duration) {
	if l.perMinute <= 0 || key == "" {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= l.maxKeys {
			l.sweep(now)
		}
		b = &bucket{tokens: l.perMinute, at: now}
		l.buckets[key] = b
	}
	l.refill(b, now)
	if b.tokens < 1 {
		wait := time.Duration((1 - b.tokens) / l.perMinute * float64(time.Minute))
		return false, wait
	}
	b.tokens--
	return true, 0
}

func (l *limiter) refill(b *bucket, now time.Time) {
	if d := now.Sub(b.at); d > 0 {
		b.tokens = min(l.perMinute, b.tokens+d.Minutes()*l.perMinute)
		b.at = now
	}
}

// sweep forgets full buckets; if every bucket is in use it forgets them all, which at worst
// hands a burst to clients that were limited a moment ago.
func (l *limiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		l.refill(b, now)
		if b.tokens >= l.perMinute {
			delete(l.buckets, k)
		}
	}
	if len(l.buckets) >= l.maxKeys {
		clear(l.buckets)
	}
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
