package story

import "slices"

// Several engines can share one store: each ingest process holds one, and the store hands
// each the articles and merges the others decided (see store.AddGroupedArticle). These
// methods let an engine take in what another decided.

// Reserve keeps ids up to id from new stories: another engine sharing the same store has
// used them, and an id must name one story only.
func (e *Engine) Reserve(id int64) { e.nextID = max(e.nextID, id+1) }

// Follow applies a merge another engine decided: story from continues as story to. When
// this engine holds both, they become one under to; otherwise there is nothing to fold,
// and articles restored later under to find their story by that id.
func (e *Engine) Follow(from, to int64) {
	from, to = e.Resolve(from), e.Resolve(to)
	if from == to {
		return
	}
	keep, gone := e.stories[to], e.stories[from]
	if keep == nil || gone == nil {
		return
	}
	// merge keeps the larger story's id; the other engine chose to, so rename if needed.
	if c := e.merge(keep, gone); c.id != to {
		e.rename(c, to)
	}
}

// rename gives a live story another id, which stops being a redirect; the old id
// redirects to it.
func (e *Engine) rename(c *cluster, id int64) {
	old := c.id
	for h := range c.centroid {
		if p := e.postings[h]; p != nil {
			if i := slices.Index(p, old); i >= 0 {
				p[i] = id
			}
		}
	}
	delete(e.stories, old)
	c.id = id
	e.stories[id] = c
	if _, ok := e.dirty[old]; ok {
		delete(e.dirty, old)
		e.dirty[id] = struct{}{}
	}
	delete(e.redirect, id)
	for from, to := range e.redirect {
		if to == old {
			e.redirect[from] = id
		}
	}
	e.redirect[old] = id
}
