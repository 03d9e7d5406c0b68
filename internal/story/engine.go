package story

import (
	"math"
	"slices"
	"time"
)

// Engine assigns articles to stories online. It is not safe for concurrent use: ingest
// calls it from one goroutine or under a mutex.
type Engine struct {
	cfg      Config
	feat     *featurizer
	df       *docFreq
	dups     *dupIndex
	pubs     *publishers
	stories  map[int64]*cluster
	postings map[uint64][]int64 // term → live stories whose centroid holds it
	redirect map[int64]int64    // merged story → the story it became
	nextID   int64
	now      int64 // the stream's clock: the latest publication time seen
	swept    int64 // when expire last ran
	adds     int

	dirty  map[int64]struct{} // stories changed since the last consolidation
	scores map[int64]float64  // scratch
	near   []int64
}

// NewEngine returns an empty engine. Zero fields of cfg take DefaultConfig's values.
func NewEngine(cfg Config) *Engine {
	cfg = withDefaults(cfg)
	e := &Engine{
		cfg:      cfg,
		df:       newDocFreq(cfg.IDFHalfLife.Seconds()),
		stories:  make(map[int64]*cluster),
		postings: make(map[uint64][]int64),
		redirect: make(map[int64]int64),
		nextID:   1,
		scores:   make(map[int64]float64),
		dirty:    make(map[int64]struct{}),
	}
	e.feat = newFeaturizer(&e.cfg)
	e.dups = newDupIndex(&e.cfg)
	e.pubs = newPublishers(cfg.PublisherDocs, cfg.PublisherDamping)
	return e
}

func withDefaults(c Config) Config {
	d := DefaultConfig()
	if c.Window <= 0 {
		c.Window = d.Window
	}
	if c.Threshold <= 0 {
		c.Threshold = d.Threshold
	}
	if c.MergeThreshold <= 0 {
		c.MergeThreshold = d.MergeThreshold
	}
	if c.TimeScale <= 0 {
		c.TimeScale = d.TimeScale
	}
	if c.IDFHalfLife <= 0 {
		c.IDFHalfLife = d.IDFHalfLife
	}
	if c.CentroidTerms <= 0 {
		c.CentroidTerms = d.CentroidTerms
	}
	if c.DupContainment <= 0 {
		c.DupContainment = d.DupContainment
	}
	return c
}

// Add assigns a new article to a story, linking it to its original when it is a copy.
func (e *Engine) Add(it Item) Assignment {
	t := e.clock(it.Published)
	di := e.dups.fingerprint(&it, &e.feat.tk)
	di.t = t
	v := e.feat.vectorize(&it, e.df, e.pubs, t)

	var a Assignment
	if orig := e.dups.find(di); orig != nil {
		// A copy is the same article: it goes where its original went.
		a.DuplicateOf = orig.id
		if orig.original != 0 {
			a.DuplicateOf = orig.original
		}
		if c := e.stories[e.Resolve(orig.story)]; c != nil {
			di.original = a.DuplicateOf
			di.story = c.id
			e.dups.add(di)
			c.size++
			c.touch(t)
			c.remember(member{id: it.ID, t: t})
			a.Story = c.id
			e.maintain(t)
			return a
		}
		// The original's story has expired: start again from this copy.
		di.original = a.DuplicateOf
	}

	best, bestScore := e.rank(v, t)
	var c *cluster
	slices.Sort(e.near)
	if best != nil && bestScore >= e.cfg.Threshold {
		c = best
	} else {
		c = e.newStory(e.nextID, t)
		e.nextID++
	}
	e.join(c, it.ID, v, t)
	a.Story = c.id
	// Stories the article also resembles may be the same story seen from two sides.
	for _, id := range e.near {
		o := e.stories[id]
		if o == nil || o == c {
			continue
		}
		if c.similarity(o)*e.timeFactor(gap(c, o)) >= e.cfg.MergeThreshold {
			gone := c.id
			if c = e.merge(c, o); c.id == gone {
				gone = o.id
			}
			a.Merged = append(a.Merged, gone)
		}
	}
	a.Story = c.id
	di.story = c.id
	e.dups.add(di)
	e.pubs.record(it.Publisher, e.feat.houseTerms, t)
	if s := e.maybeSplit(c); s != nil {
		a.Split = s
		a.Story = e.storyOf(c, it.ID, s)
	}
	if e.cfg.ConsolidateEvery > 0 && (e.adds+1)%e.cfg.ConsolidateEvery == 0 {
		for _, m := range e.consolidate() {
			a.Merged = append(a.Merged, m.from)
		}
		a.Story = e.Resolve(a.Story)
	}
	e.maintain(t)
	return a
}

// storyOf says where the item ended up after c split.
func (e *Engine) storyOf(c *cluster, item int64, s *Split) int64 {
	if slices.Contains(s.Items, item) {
		return s.To
	}
	return c.id
}

// Restore replays an article stored with its story and copy link, so that a restarted
// engine keeps the ids it handed out. Call it in publication order for the last Window.
func (e *Engine) Restore(it Item, story int64, duplicateOf int64) {
	t := e.clock(it.Published)
	di := e.dups.fingerprint(&it, &e.feat.tk)
	di.t = t
	di.original = duplicateOf
	v := e.feat.vectorize(&it, e.df, e.pubs, t)
	story = e.Resolve(story)
	c := e.stories[story]
	if c == nil {
		c = e.newStory(story, t)
	}
	e.nextID = max(e.nextID, story+1)
	if duplicateOf != 0 {
		c.size++
		c.touch(t)
		c.remember(member{id: it.ID, t: t})
	} else {
		e.join(c, it.ID, v, t)
	}
	di.story = c.id
	e.dups.add(di)
	if duplicateOf == 0 {
		e.pubs.record(it.Publisher, e.feat.houseTerms, t)
	}
	e.maintain(t)
}

// Resolve follows merge redirects to the story an id now stands for.
func (e *Engine) Resolve(story int64) int64 {
	for i := 0; i < 64; i++ {
		next, ok := e.redirect[story]
		if !ok {
			return story
		}
		story = next
	}
	return story
}

// Stories returns the number of live stories, for metrics.
func (e *Engine) Stories() int { return len(e.stories) }

func (e *Engine) clock(p time.Time) int64 {
	if p.IsZero() {
		return e.now
	}
	t := p.Unix()
	e.now = max(e.now, t)
	return t
}

// rank scores the live stories that share a term with v and returns the best. It leaves
// in e.near the other stories that scored close to the threshold: merge candidates.
func (e *Engine) rank(v vector, t int64) (*cluster, float64) {
	clear(e.scores)
	for _, tm := range v {
		for _, id := range e.postings[tm.h] {
			e.scores[id] += float64(tm.w) * float64(e.stories[id].centroid[tm.h])
		}
	}
	var best *cluster
	bestScore := 0.0
	e.near = e.near[:0]
	probe := e.cfg.Threshold * 0.8
	for id, s := range e.scores {
		c := e.stories[id]
		score := s / math.Sqrt(c.norm2) * e.timeFactor(distance(c, t)) * e.sizePrior(c)
		if score >= probe {
			e.near = append(e.near, id)
		}
		if score > bestScore || score == bestScore && best != nil && id < best.id {
			best, bestScore = c, score
		}
	}
	return best, bestScore
}

// timeFactor discounts similarity across a time gap: news stories are short-lived, so a
// headline like yesterday's is more likely a new event than the same one.
func (e *Engine) timeFactor(gap int64) float64 {
	g := float64(gap) - e.cfg.Grace.Seconds()
	if g <= 0 {
		return 1
	}
	return math.Exp(-g / e.cfg.TimeScale.Seconds())
}

// distance is how far t lies outside the story's time span.
func distance(c *cluster, t int64) int64 {
	switch {
	case t > c.last:
		return t - c.last
	case t < c.first:
		return c.first - t
	}
	return 0
}

// gap is the time between two stories' spans; 0 when they overlap.
func gap(a, b *cluster) int64 {
	switch {
	case a.first > b.last:
		return a.first - b.last
	case b.first > a.last:
		return b.first - a.last
	}
	return 0
}

func (e *Engine) newStory(id, t int64) *cluster {
	c := newCluster(id, t)
	e.stories[id] = c
	return c
}

func (e *Engine) join(c *cluster, item int64, v vector, t int64) {
	e.dirty[c.id] = struct{}{}
	c.add(v, func(h uint64) { e.postings[h] = append(e.postings[h], c.id) })
	c.size++
	c.touch(t)
	c.remember(member{id: item, t: t, vec: v})
	c.trim(e.cfg.CentroidTerms, func(h uint64) { e.unpost(h, c.id) })
}

// merge folds the smaller of two stories into the larger; the smaller id redirects.
func (e *Engine) merge(a, b *cluster) *cluster {
	if b.size > a.size || b.size == a.size && b.id < a.id {
		a, b = b, a
	}
	for h, w := range b.centroid {
		e.unpost(h, b.id)
		old, ok := a.centroid[h]
		if !ok {
			e.postings[h] = append(e.postings[h], a.id)
		}
		nw := old + w
		a.centroid[h] = nw
		a.norm2 += float64(nw)*float64(nw) - float64(old)*float64(old)
	}
	a.size += b.size
	a.first = min(a.first, b.first)
	a.last = max(a.last, b.last)
	for _, m := range b.members {
		a.remember(m)
	}
	a.trim(e.cfg.CentroidTerms, func(h uint64) { e.unpost(h, a.id) })
	delete(e.stories, b.id)
	delete(e.dirty, b.id)
	e.dirty[a.id] = struct{}{}
	e.redirect[b.id] = a.id
	return a
}

func (e *Engine) unpost(h uint64, id int64) {
	p := e.postings[h]
	if i := slices.Index(p, id); i >= 0 {
		p[i] = p[len(p)-1]
		p = p[:len(p)-1]
	}
	if len(p) == 0 {
		delete(e.postings, h)
	} else {
		e.postings[h] = p
	}
}

// maintain expires what fell out of the window, every so often.
func (e *Engine) maintain(t int64) {
	e.adds++
	step := int64(e.cfg.Window.Seconds() / 16)
	if e.now-e.swept < step && e.adds%4096 != 0 {
		return
	}
	e.swept = e.now
	cutoff := e.now - int64(e.cfg.Window.Seconds())
	for id, c := range e.stories {
		if c.last >= cutoff {
			continue
		}
		for h := range c.centroid {
			e.unpost(h, id)
		}
		delete(e.stories, id)
		delete(e.dirty, id)
	}
	for from, to := range e.redirect {
		if _, ok := e.stories[e.Resolve(to)]; !ok {
			delete(e.redirect, from)
		}
	}
	e.dups.expire(cutoff)
	// A publisher's habits outlast its stories: keep its history four windows.
	e.pubs.expire(e.now - 4*int64(e.cfg.Window.Seconds()))
	e.df.prune(e.now, 0.05)
}

// sizePrior favours big stories a little: an article that fits a big story and a small one
// equally well most likely belongs to the big one, as readers and editors converge on it.
func (e *Engine) sizePrior(c *cluster) float64 {
	return 1 + e.cfg.SizePrior*math.Log(float64(c.size))
}
