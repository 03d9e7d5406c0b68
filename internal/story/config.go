package story

import "time"

// Config holds the engine's parameters. DefaultConfig documents the values we measured;
// docs/stories.md explains each one.
type Config struct {
	// Window is how long a story stays a candidate after its last article, and how long an
	// article's fingerprint is kept for duplicate detection. It bounds memory.
	Window time.Duration
	// Threshold is the least similarity (cosine × time factor) at which an article joins
	// a story instead of starting one.
	Threshold float64
	// MergeThreshold is the least centroid similarity at which two stories become one.
	MergeThreshold float64
	// Grace is the time gap that costs nothing; beyond it similarity decays with TimeScale.
	Grace     time.Duration
	TimeScale time.Duration
	// IDFHalfLife is how fast document frequencies fade.
	IDFHalfLife time.Duration
	// IDFPower flattens IDF (below 1) so that an event's own name, which the burst of
	// coverage makes common, is not outweighed by incidental rare words.
	IDFPower float64
	// SizePrior scales an article's similarity to a story by 1 + SizePrior × ln(size).
	SizePrior float64
	// CentroidTerms caps how many terms a story's centroid keeps (its strongest).
	CentroidTerms int
	// BigramWeight is the weight of a headline word pair relative to a headline word.
	BigramWeight float64
	// TextWeight is the weight of a body word relative to a headline word; TextWords is how
	// many leading body words are read (the lead says what the story is).
	TextWeight float64
	TextWords  int
	// EntityBoost multiplies the weight of names and numbers found in the body.
	EntityBoost float64
	// PublisherDocs is how many recent articles of each publisher are remembered to find
	// its house terms (home town, own name), whose weight is then cut by the share of those
	// articles holding them, times PublisherDamping; either 0 disables it.
	PublisherDocs    int
	PublisherDamping float64
	// DupContainment is the least share of the shorter text's sampled shingles that must be
	// found in the other text for the two to be copies.
	DupContainment float64
	// DupTitleWords is the least number of content words a headline needs before two
	// text-less articles with the same headline count as copies.
	DupTitleWords int
	// ConsolidateEvery is how many additions pass between merge sweeps over the stories
	// that changed; 0 disables the sweeps.
	ConsolidateEvery int
	// SplitMin is the least size of a story considered for a split; 0 disables splits.
	SplitMin int
	// SplitThreshold is the centroid similarity under which a story's two halves split.
	SplitThreshold float64
}

// DefaultConfig returns the parameters newsdesk runs with.
func DefaultConfig() Config {
	return Config{
		Window:           72 * time.Hour,
		Threshold:        0.25,
		MergeThreshold:   0.25,
		Grace:            6 * time.Hour,
		TimeScale:        6 * time.Hour,
		IDFHalfLife:      7 * 24 * time.Hour,
		IDFPower:         0.7,
		SizePrior:        0.3,
		CentroidTerms:    80,
		BigramWeight:     0.25,
		TextWeight:       0.2,
		TextWords:        300,
		EntityBoost:      2,
		PublisherDocs:    20,
		PublisherDamping: 0.7,
		DupContainment:   0.5,
		DupTitleWords:    4,
		ConsolidateEvery: 0,
		SplitMin:         0,
		SplitThreshold:   0.1,
	}
}
