package story

import (
	"math"
	"slices"
)

// consolidate revisits the stories that changed since the last call and merges each into
// its most similar live story when their centroids agree. It repairs the fragments that
// online assignment leaves behind: the first articles of an event arrive before the
// event has a shape and often start stories of their own.
func (e *Engine) consolidate() []mergeEvent {
	if len(e.dirty) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(e.dirty))
	for id := range e.dirty {
		ids = append(ids, id)
	}
	clear(e.dirty)
	slices.Sort(ids)
	var events []mergeEvent
	for _, id := range ids {
		c := e.stories[id]
		if c == nil || c.norm2 == 0 {
			continue
		}
		o, s := e.closest(c)
		if o == nil || s < e.cfg.MergeThreshold {
			continue
		}
		kept := e.merge(c, o)
		gone := c.id
		if kept == c {
			gone = o.id
		}
		events = append(events, mergeEvent{from: gone, to: kept.id})
	}
	return events
}

type mergeEvent struct{ from, to int64 }

// closest finds the live story most similar to c, time gap included.
func (e *Engine) closest(c *cluster) (*cluster, float64) {
	clear(e.scores)
	for h, w := range c.centroid {
		for _, id := range e.postings[h] {
			if id != c.id {
				e.scores[id] += float64(w) * float64(e.stories[id].centroid[h])
			}
		}
	}
	var best *cluster
	bestS := 0.0
	for id, s := range e.scores {
		o := e.stories[id]
		sim := s / math.Sqrt(c.norm2*o.norm2) * e.timeFactor(gap(c, o))
		if sim > bestS || sim == bestS && best != nil && id < best.id {
			best, bestS = o, sim
		}
	}
	return best, bestS
}
