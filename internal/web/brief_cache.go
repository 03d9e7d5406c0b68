package web

import (
	"context"
	"hash/fnv"
	"strconv"
	"sync"

	"newsdesk/internal/brief"
)

// briefCache keeps each story's brief, keyed by the articles it was computed over. A story
// brief compares every sentence with every other and costs tens of milliseconds, while the
// page cache is invalidated by any new article anywhere: under live ingest the story page
// recomputed its brief on nearly every view (nine tenths of the CPU in `bench load`). The
// articles of a story never change once stored, so the same ids give the same brief.
type briefCache struct {
	mu sync.Mutex
	m  map[int64]briefEntry
}

type briefEntry struct {
	key   uint64
	cited []brief.Cited
}

// maxBriefs bounds the cache; past it an arbitrary entry makes room.
const maxBriefs = 2048

// storyBrief returns the brief of story over docs, computing it only when the story's
// articles changed since the last time.
func (s *Server) storyBrief(ctx context.Context, story int64, docs []brief.Doc) ([]brief.Cited, error) {
	h := fnv.New64a()
	for _, d := range docs {
		h.Write(strconv.AppendInt(nil, d.ID, 10))
		h.Write([]byte{','})
	}
	key := h.Sum64()
	c := &s.briefs
	c.mu.Lock()
	if e, ok := c.m[story]; ok && e.key == key {
		c.mu.Unlock()
		return e.cited, nil
	}
	c.mu.Unlock()
	cited, err := s.ai.StoryBrief(ctx, docs, briefSentences)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[int64]briefEntry{}
	}
	if len(c.m) >= maxBriefs {
		for k := range c.m {
			delete(c.m, k)
			break
		}
	}
	c.m[story] = briefEntry{key: key, cited: cited}
	c.mu.Unlock()
	return cited, nil
}
