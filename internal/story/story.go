// Package story groups articles into stories: it links exact and near-duplicate copies to
// their original, clusters every article online into a story with a stable id, and computes
// the "Related articles" and "Full coverage" views from data the store hands in.
//
// The Engine is incremental: Add sees one article at a time, in arrival order, and only the
// articles before it. Memory is bounded by Config.Window: stories and fingerprints that have
// not been touched within the window are forgotten, so the engine's size follows the rate of
// news, not the length of the stream.
package story

import "time"

// Item is one article as the engine sees it.
type Item struct {
	ID        int64
	Title     string
	Text      string // plain text; may be empty (headline-only feeds)
	Publisher string
	URL       string // canonical URL; equal URLs are the same article
	Language  string // ISO 639-1; "" is treated as English for stemming
	Country   string // ISO 3166-1 alpha-2 of the publisher, for coverage counts
	Published time.Time
}

// Assignment is what the engine decided for a newly added item.
type Assignment struct {
	Story       int64   // the story the item belongs to (already resolved)
	DuplicateOf int64   // the original's item id when the item is a copy; 0 for originals
	Merged      []int64 // story ids that now redirect to Story; the store rewrites them
	Split       *Split  // non-nil when adding the item made a drifting story split in two
}

// Split reports that part of a story moved to a new story id.
type Split struct {
	From  int64   // the story that kept its id
	To    int64   // the new story
	Items []int64 // the items that moved to To
}

// Candidate is an item with what the store knows of it, as input to Related and Coverage.
type Candidate struct {
	Item
	Story       int64
	DuplicateOf int64
}
