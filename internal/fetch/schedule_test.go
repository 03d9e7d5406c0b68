package fetch

import (
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	t.Parallel()
	low := func() float64 { return 0 }
	high := func() float64 { return 0.999999 }
	tests := []struct {
		errors     int
		retryAfter time.Duration
		rnd        func() float64
		want       time.Duration
	}{
		{0, 0, low, 0},
		{0, time.Minute, low, time.Minute},
		{1, 0, low, 150 * time.Second}, // half of 5 min
		{1, 0, high, 5 * time.Minute},
		{2, 0, low, 5 * time.Minute},
		{3, 0, low, 10 * time.Minute},
		{4, 0, high, 40 * time.Minute},
		{9, 0, low, 10*time.Hour + 40*time.Minute}, // 5 min << 8 = 21h20m, halved by jitter
		{9, 0, high, 21*time.Hour + 20*time.Minute},
		{10, 0, low, 12 * time.Hour}, // 42h40m: capped at 24 h before jitter
		{10, 0, high, 24 * time.Hour},
		{50, 0, high, 24 * time.Hour},
		{1000, 0, low, 12 * time.Hour},
		{1, time.Hour, low, time.Hour},
		{1, 72 * time.Hour, low, 24 * time.Hour}, // Retry-After is honoured up to the daily cap
		{1, -time.Hour, low, 150 * time.Second},
	}
	for _, tt := range tests {
		got := Backoff(tt.errors, tt.retryAfter, tt.rnd)
		if d := got - tt.want; d < -time.Second || d > time.Second {
			t.Errorf("Backoff(%d, %s) = %s, want %s", tt.errors, tt.retryAfter, got, tt.want)
		}
	}
}

func TestBackoffGrowsAndJitters(t *testing.T) {
	t.Parallel()
	prevMax := time.Duration(0)
	for n := 1; n <= 12; n++ {
		lo, hi := Backoff(n, 0, func() float64 { return 0 }), Backoff(n, 0, func() float64 { return 0.999999 })
		if hi < prevMax {
			t.Errorf("failure %d: longest wait %s shrank from %s", n, hi, prevMax)
		}
		if hi <= lo {
			t.Errorf("failure %d: no jitter range (%s..%s)", n, lo, hi)
		}
		if hi > 24*time.Hour {
			t.Errorf("failure %d: %s exceeds 24 h", n, hi)
		}
		prevMax = hi
	}
	// The default random source stays in range.
	for range 100 {
		if d := Backoff(3, 0, nil); d < 10*time.Minute || d > 20*time.Minute {
			t.Fatalf("Backoff(3) with the default source = %s, want 10–20 min", d)
		}
	}
}

func TestRefreshInterval(t *testing.T) {
	t.Parallel()
	base := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	every := func(gap time.Duration, n int) []time.Time {
		ts := make([]time.Time, n)
		for i := range ts {
			ts[i] = base.Add(-time.Duration(i) * gap)
		}
		return ts
	}
	same := make([]time.Time, 10)
	for i := range same {
		same[i] = base
	}
	tests := []struct {
		name        string
		maxAge, ttl time.Duration
		items       []time.Time
		want        time.Duration
	}{
		{"nothing known", 0, 0, nil, time.Hour},
		{"one item", 0, 0, every(time.Hour, 1), time.Hour},
		{"hourly feed", 0, 0, every(time.Hour, 10), 30 * time.Minute},
		{"busy feed clamps to 5 min", 0, 0, every(time.Minute, 50), 5 * time.Minute},
		{"weekly feed clamps to 24 h", 0, 0, every(7*24*time.Hour, 5), 24 * time.Hour},
		{"max-age is a floor", 2 * time.Hour, 0, every(time.Hour, 10), 2 * time.Hour},
		{"ttl is a floor", 0, 3 * time.Hour, every(time.Hour, 10), 3 * time.Hour},
		{"hints below the pace change nothing", 10 * time.Minute, 10 * time.Minute, every(time.Hour, 10), 30 * time.Minute},
		{"huge max-age clamps", 30 * 24 * time.Hour, 0, nil, 24 * time.Hour},
		{"identical times carry no information", 0, 0, same, time.Hour},
		{"zero times are ignored", 0, 0, append(every(2*time.Hour, 3), time.Time{}, time.Time{}), time.Hour},
		{"only the newest items count", 0, 0, append(every(20*time.Minute, 21), base.Add(-1000*time.Hour)), 10 * time.Minute},
	}
	for _, tt := range tests {
		if got := RefreshInterval(tt.maxAge, tt.ttl, tt.items); got != tt.want {
			t.Errorf("%s: RefreshInterval = %s, want %s", tt.name, got, tt.want)
		}
	}
}
