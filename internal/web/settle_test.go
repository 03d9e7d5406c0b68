package web

import (
	"testing"
	"time"
)

func TestSettledTakesUpChangesOncePerInterval(t *testing.T) {
	t.Parallel()
	var counter uint64 = 1
	clock := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	c := settled(func() uint64 { return counter }, time.Second, now)
	if got := c(); got != 1 {
		t.Fatalf("first read %d, want 1", got)
	}
	counter = 2
	clock = clock.Add(500 * time.Millisecond)
	if got := c(); got != 1 {
		t.Fatalf("within the interval: %d, want the settled 1", got)
	}
	clock = clock.Add(500 * time.Millisecond)
	if got := c(); got != 2 {
		t.Fatalf("after the interval: %d, want 2", got)
	}
	if settled(nil, time.Second, now) != nil {
		t.Fatal("a nil counter must stay nil: it disables the cache")
	}
	immediate := settled(func() uint64 { return counter }, 0, now)
	counter = 3
	if immediate() != 3 {
		t.Fatal("zero interval must take up every change")
	}
}
