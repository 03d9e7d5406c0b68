package fetch

import (
	"context"
	"sync"
	"time"
)

// hostLimiter keeps newsdesk polite to each host: at most conc requests in flight and request
// starts at least interval apart. State exists only for hosts in use or within their interval,
// so memory stays bounded however many hosts are fetched over time.
type hostLimiter struct {
	conc     int
	interval time.Duration
	now      func() time.Time

	mu        sync.Mutex
	hosts     map[string]*hostSlot
	lastSweep time.Time
}

type hostSlot struct {
	sem   chan struct{} // one token per request in flight
	next  time.Time     // earliest start of the next request
	users int           // requests waiting or in flight; the slot is kept while > 0
}

// sweepEvery bounds how often acquire scans for idle hosts.
const sweepEvery = time.Minute

func newHostLimiter(conc int, interval time.Duration, now func() time.Time) *hostLimiter {
	return &hostLimiter{conc: conc, interval: interval, now: now, hosts: map[string]*hostSlot{}}
}

// acquire waits for a turn at host, or for ctx to end. The returned release must be called once
// the response body has been read.
func (l *hostLimiter) acquire(ctx context.Context, host string) (release func(), err error) {
	l.mu.Lock()
	l.sweepLocked()
	s := l.hosts[host]
	if s == nil {
		s = &hostSlot{sem: make(chan struct{}, l.conc)}
		l.hosts[host] = s
	}
	s.users++
	l.mu.Unlock()

	leave := func() {
		l.mu.Lock()
		s.users--
		l.mu.Unlock()
	}
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		leave()
		return nil, ctx.Err()
	}

	l.mu.Lock()
	now := l.now()
	start := s.next
	if start.Before(now) {
		start = now
	}
	s.next = start.Add(l.interval)
	l.mu.Unlock()

	if wait := start.Sub(now); wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-s.sem
			leave()
			return nil, ctx.Err()
		}
	}
	return func() {
		<-s.sem
		leave()
	}, nil
}

// sweepLocked forgets hosts nobody is using whose interval has passed.
func (l *hostLimiter) sweepLocked() {
	now := l.now()
	if now.Sub(l.lastSweep) < sweepEvery {
		return
	}
	l.lastSweep = now
	for h, s := range l.hosts {
		if s.users == 0 && !now.Before(s.next) {
			delete(l.hosts, h)
		}
	}
}

// size is the number of hosts with state; for tests.
func (l *hostLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.hosts)
}
