package web

import (
	"sync"
	"time"
)

// settled wraps a change counter so that a new value is taken up at most once per every:
// between take-ups it answers the value it last read. A nil counter or a non-positive
// interval is returned as it is.
func settled(changes func() uint64, every time.Duration, now func() time.Time) func() uint64 {
	if changes == nil || every <= 0 {
		return changes
	}
	if now == nil {
		now = time.Now
	}
	var (
		mu    sync.Mutex
		value uint64
		read  time.Time
	)
	return func() uint64 {
		mu.Lock()
		defer mu.Unlock()
		if t := now(); read.IsZero() || t.Sub(read) >= every {
			value, read = changes(), t
		}
		return value
	}
}
