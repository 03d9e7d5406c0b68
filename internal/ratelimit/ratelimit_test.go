package ratelimit

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	t.Parallel()
	type step struct {
		advance time.Duration
		key     string
		allowed bool
	}
	tests := []struct {
		name  string
		rate  Rate
		steps []step
	}{
		{"login 5/min", loginRate, []step{
			{0, "ip1", true}, {0, "ip1", true}, {0, "ip1", true}, {0, "ip1", true}, {0, "ip1", true},
			{0, "ip1", false},                // sixth within the minute
			{0, "ip2", true},                 // keys are independent
			{11 * time.Second, "ip1", false}, // 12 s per token
			{time.Second, "ip1", true},       // 12 s after: one token back
			{0, "ip1", false},
			{time.Hour, "ip1", true}, // refills to the burst, no more
		}},
		{"comments 1 per 10 s", commentRate, []step{
			{0, "u1", true}, {0, "u1", false}, {9 * time.Second, "u1", false}, {time.Second, "u1", true},
		}},
		{"votes 30/min", voteRate, []step{{0, "u1", true}}},
	}
	for _, tt := range tests {
		clock := newFakeClock()
		l := New(tt.rate, clock.Now)
		for i, st := range tt.steps {
			clock.Advance(st.advance)
			ok, wait := l.Allow(st.key)
			if ok != st.allowed {
				t.Fatalf("%s: step %d: allowed %v, want %v", tt.name, i, ok, st.allowed)
			}
			if !ok && wait <= 0 {
				t.Fatalf("%s: step %d: refused with no wait", tt.name, i)
			}
		}
	}

	// Votes: exactly 30 in a burst, then one every 2 s.
	clock := newFakeClock()
	l := New(voteRate, clock.Now)
	n := 0
	for range 100 {
		if ok, _ := l.Allow("u"); ok {
			n++
		}
	}
	if n != 30 {
		t.Fatalf("vote burst %d, want 30", n)
	}
	_, wait := l.Allow("u")
	if wait != 2*time.Second {
		t.Fatalf("wait %v, want 2s", wait)
	}
	l.Reset("u")
	if ok, _ := l.Allow("u"); !ok {
		t.Fatal("refused after Reset")
	}
}

// A flood of distinct keys does not grow the limiter without bound.
func TestLimiterForgetsKeys(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	l := New(Rate{N: 1, Per: time.Second, MaxKey: 100}, clock.Now)
	for i := range 1000 {
		l.Allow(fmt.Sprint(i))
	}
	if len(l.buckets) > 100 {
		t.Fatalf("%d buckets kept, want ≤ 100", len(l.buckets))
	}
}

// The rates of the account rules, as the tests above name them.
var (
	loginRate   = Rate{N: 5, Per: time.Minute}
	commentRate = Rate{N: 1, Per: 10 * time.Second}
	voteRate    = Rate{N: 30, Per: time.Minute}
)

// fakeClock is a clock the tests move by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{t: time.Date(2030, 5, 1, 12, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}
