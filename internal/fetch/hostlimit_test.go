package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestPerHostConcurrency has the server hold every request until the test lets it go, and
// releases one only after each arrival beyond the limit's worth. A limiter that let a third
// request through early would show as three in flight at once.
func TestPerHostConcurrency(t *testing.T) {
	t.Parallel()
	const limit, total = 2, 6
	var inFlight, maxInFlight atomic.Int32
	arrived := make(chan struct{}, total)
	release := make(chan struct{})
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for m := maxInFlight.Load(); n > m && !maxInFlight.CompareAndSwap(m, n); m = maxInFlight.Load() {
		}
		arrived <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
		inFlight.Add(-1)
		fmt.Fprint(w, "ok")
	})
	c := testClient(t, srv, func(cfg *Config) { cfg.PerHostConcurrency = limit })
	errs := make(chan error, total)
	for i := range total {
		go func() {
			_, err := c.Fetch(context.Background(), Request{URL: fmt.Sprintf("%s/%d", srv.URL, i), Purpose: PurposeFeed})
			errs <- err
		}()
	}
	// Every fetch has entered the limiter (two in flight, the rest queued) before any is released.
	waitFor(t, "all fetches to queue", func() bool {
		c.hosts.mu.Lock()
		defer c.hosts.mu.Unlock()
		s := c.hosts.hosts["127.0.0.1"]
		return s != nil && s.users == total
	})
	for i := 1; i <= total; i++ {
		<-arrived
		if i >= limit {
			release <- struct{}{}
		}
	}
	for i := limit; i > 1; i-- {
		release <- struct{}{}
	}
	for range total {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if m := maxInFlight.Load(); m != limit {
		t.Errorf("max in flight = %d, want %d", m, limit)
	}
}

func TestPerHostInterval(t *testing.T) {
	t.Parallel()
	const interval = 60 * time.Millisecond
	var mu sync.Mutex
	var starts []time.Time
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
	})
	c := testClient(t, srv, func(cfg *Config) { cfg.PerHostInterval = interval; cfg.PerHostConcurrency = 4 })
	begin := time.Now()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if _, err := c.Fetch(context.Background(), Request{URL: srv.URL, Purpose: PurposeFeed}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	slices.SortFunc(starts, time.Time.Compare)
	// Gaps between neighbours can shrink when one request is delayed on the way, but the k-th
	// arrival can never come earlier than k intervals after the fetches began.
	for k, at := range starts {
		if earliest := time.Duration(k) * interval; at.Sub(begin) < earliest {
			t.Errorf("request %d arrived %s after the start, want at least %s", k, at.Sub(begin), earliest)
		}
	}
}

func TestHostLimiterWaitRespectsContext(t *testing.T) {
	t.Parallel()
	l := newHostLimiter(1, time.Hour, time.Now)
	release, err := l.acquire(context.Background(), "a.test")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := l.acquire(ctx, "a.test")
		done <- err
	}()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("waiting acquire returned %v, want context.Canceled", err)
	}
	release()
	// The slot is free again but the interval is an hour: a waiter must give up on its context.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel2()
	if _, err := l.acquire(ctx2, "a.test"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("acquire during the interval returned %v, want DeadlineExceeded", err)
	}
}

func TestHostLimiterForgetsIdleHosts(t *testing.T) {
	t.Parallel()
	var clock atomic.Int64
	clock.Store(time.Now().UnixNano())
	now := func() time.Time { return time.Unix(0, clock.Load()) }
	l := newHostLimiter(2, 0, now)
	for i := range 100 {
		release, err := l.acquire(context.Background(), fmt.Sprintf("h%d.test", i))
		if err != nil {
			t.Fatal(err)
		}
		release()
	}
	busy, _ := l.acquire(context.Background(), "busy.test")
	clock.Add(int64(2 * sweepEvery))
	release, _ := l.acquire(context.Background(), "new.test")
	release()
	if n := l.size(); n != 2 {
		t.Errorf("limiter holds %d hosts after a sweep, want 2 (busy and new)", n)
	}
	busy()
}
