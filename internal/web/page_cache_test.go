package web

import (
	"fmt"
	"strings"
	"testing"
)

func testPage(key string, st stamp, size int) *cachedPage {
	return &cachedPage{key: key, stamp: st, body: []byte(strings.Repeat("x", size))}
}

func TestPageCacheStamp(t *testing.T) {
	t.Parallel()
	c := newPageCache(4)
	st := stamp{changes: 1, minute: 100}
	c.put(testPage("front", st, 10))
	if _, ok := c.get("front", st); !ok {
		t.Fatal("miss for the stamp the page was stored under")
	}
	for _, other := range []stamp{{changes: 2, minute: 100}, {changes: 1, minute: 101}} {
		if _, ok := c.get("front", other); ok {
			t.Errorf("hit for stamp %+v, page stored under %+v", other, st)
		}
	}
	// A newer render replaces the old one in place rather than beside it.
	c.put(testPage("front", stamp{changes: 2, minute: 100}, 10))
	if n := c.len(); n != 1 {
		t.Errorf("%d entries after replacing a page, want 1", n)
	}
}

func TestPageCacheEvictsLeastRecentlyUsed(t *testing.T) {
	t.Parallel()
	c := newPageCache(3)
	var st stamp
	for i := range 3 {
		c.put(testPage(fmt.Sprint(i), st, 1))
	}
	c.get("0", st) // 0 is now the most recent; 1 is the oldest
	c.put(testPage("3", st, 1))
	if _, ok := c.get("1", st); ok {
		t.Error("least recently used page 1 survived")
	}
	for _, k := range []string{"0", "2", "3"} {
		if _, ok := c.get(k, st); !ok {
			t.Errorf("page %s evicted", k)
		}
	}
}

func TestPageCacheByteBound(t *testing.T) {
	t.Parallel()
	c := newPageCache(100)
	c.maxBytes = 100
	var st stamp
	c.put(testPage("a", st, 40))
	c.put(testPage("b", st, 40))
	c.put(testPage("c", st, 40)) // 120 bytes: a must go
	if _, ok := c.get("a", st); ok {
		t.Error("page a kept beyond the byte bound")
	}
	if c.size != 80 || c.len() != 2 {
		t.Errorf("size %d bytes in %d pages, want 80 in 2", c.size, c.len())
	}
	c.put(testPage("huge", st, 101))
	if _, ok := c.get("huge", st); ok || c.len() != 2 {
		t.Error("a page larger than the whole budget was cached or evicted others")
	}
}
