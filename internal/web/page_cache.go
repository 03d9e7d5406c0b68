package web

import (
	"container/list"
	"sync"
)

// pageCache keeps rendered pages, least recently used out first, bounded both in entries
// and in bytes (a long article page can be ten times the size of the front page).
//
// An entry is keyed by the page (say "article/42") and carries the stamp it was rendered
// under. A lookup with any other stamp misses, and the re-rendered page replaces the old one
// in place, so stale generations never pile up beside the current one.
type pageCache struct {
	mu       sync.Mutex
	maxItems int
	maxBytes int
	size     int
	order    *list.List // of *cachedPage, most recently used at the front
	items    map[string]*list.Element
}

// stamp is what a cached page depends on besides its key: the content generation
// (Config.Changes) and the minute it was rendered in, which bounds how stale its relative
// times ("9 minutes ago") may get.
type stamp struct {
	changes uint64
	minute  int64
}

// defaultCacheBytes bounds the memory held by rendered pages.
const defaultCacheBytes = 32 << 20

func newPageCache(maxItems int) *pageCache {
	return &pageCache{
		maxItems: maxItems,
		maxBytes: defaultCacheBytes,
		order:    list.New(),
		items:    make(map[string]*list.Element),
	}
}

// get returns the page cached under key if it was rendered under st.
func (c *pageCache) get(key string, st stamp) (*cachedPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		return nil, false
	}
	p := e.Value.(*cachedPage)
	if p.stamp != st {
		return nil, false
	}
	c.order.MoveToFront(e)
	return p, true
}

// put stores p, replacing whatever its key held, then evicts until both bounds hold.
// A page larger than the whole byte budget is not kept at all.
func (c *pageCache) put(p *cachedPage) {
	if p.size() > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[p.key]; ok {
		c.size -= e.Value.(*cachedPage).size()
		e.Value = p
		c.order.MoveToFront(e)
	} else {
		c.items[p.key] = c.order.PushFront(p)
	}
	c.size += p.size()
	for c.order.Len() > c.maxItems || c.size > c.maxBytes {
		last := c.order.Back()
		old := last.Value.(*cachedPage)
		c.order.Remove(last)
		delete(c.items, old.key)
		c.size -= old.size()
	}
}

// len reports how many pages are cached.
func (c *pageCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
