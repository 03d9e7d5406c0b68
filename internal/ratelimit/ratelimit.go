// Package ratelimit is a token bucket per key (an IP address, an account id), bounded in
// memory, read through an injected clock so tests need no sleeps. Accounts, comments and
// the language model share it.
package ratelimit

import (
	"sync"
	"time"
)

// Rate is n events per period, with bursts of up to Burst (n when zero).
type Rate struct {
	N      int
	Per    time.Duration
	Burst  int
	MaxKey int // keys remembered before idle ones are dropped; 100 000 when zero
}

// Limiter is a token bucket per key (an IP address, an account id). It is safe for
// concurrent use and reads time only through now, so tests drive it with a fake clock.
type Limiter struct {
	mu      sync.Mutex
	every   time.Duration // one token per every
	burst   float64
	maxKeys int
	now     func() time.Time
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

// New returns a limiter for r; now is the clock (time.Now when nil).
func New(r Rate, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	burst := r.Burst
	if burst <= 0 {
		burst = r.N
	}
	maxKeys := r.MaxKey
	if maxKeys <= 0 {
		maxKeys = 100_000
	}
	return &Limiter{every: r.Per / time.Duration(max(r.N, 1)), burst: float64(burst), maxKeys: maxKeys,
		now: now, buckets: map[string]*bucket{}}
}

// Allow takes a token for key. When there is none it returns false and how long until
// there will be one, for a Retry-After header.
func (l *Limiter) Allow(key string) (bool, time.Duration) {
	return l.AllowAt(key, l.now())
}

// AllowAt is Allow at a time the caller read from its own clock.
func (l *Limiter) AllowAt(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= l.maxKeys {
			l.prune(now)
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	l.refill(b, now)
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) * float64(l.every))
	return false, wait
}

func (l *Limiter) refill(b *bucket, now time.Time) {
	if elapsed := now.Sub(b.last); elapsed > 0 {
		b.tokens = min(l.burst, b.tokens+float64(elapsed)/float64(l.every))
		b.last = now
	}
}

// prune drops buckets that have refilled, which behave exactly like absent ones; if every
// key is busy (a flood of distinct keys), it drops them all rather than grow without bound.
func (l *Limiter) prune(now time.Time) {
	for k, b := range l.buckets {
		l.refill(b, now)
		if b.tokens >= l.burst {
			delete(l.buckets, k)
		}
	}
	if len(l.buckets) >= l.maxKeys {
		clear(l.buckets)
	}
}

// Reset forgets a key, e.g. an account's login failures after a successful login.
func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	delete(l.buckets, key)
	l.mu.Unlock()
}
