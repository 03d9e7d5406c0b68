package section

import "sync"

// Input is what is known of an article when it is placed.
type Input struct {
	URL        string
	Title      string
	Text       string
	Categories []string // the feed's categories of the item
}

// Decision is where an article goes and why.
type Decision struct {
	Section Section // empty when no rule placed it and the classifier has nothing learned yet
	By      string  // ByCategory, ByURL or ByModel
	// Confidence is the classifier's posterior probability; 1 for a rule.
	Confidence float64
	Scores     []Score // the classifier's scores, best first, when it decided
}

// Config bounds the classifier's memory.
type Config struct {
	MaxTerms int // vocabulary kept; default 50,000 terms (a few MB)
	MaxDocs  int // documents counted before all counts are halved; default 20,000
	// MinSections is how many sections the classifier must have examples of before it
	// places anything: with one it would put everything there. Default 2.
	MinSections int
	// NoSeed starts the classifier empty, without the built-in word lists (seedWords);
	// for evaluations of what it learns alone.
	NoSeed bool
}

// Classifier places articles: rules first, then the text classifier. Safe for concurrent
// use.
type Classifier struct {
	cfg   Config
	mu    sync.RWMutex
	model *Model
}

// NewClassifier returns a classifier that has learned nothing yet.
func NewClassifier(cfg Config) *Classifier {
	if cfg.MaxTerms <= 0 {
		cfg.MaxTerms = 50_000
	}
	if cfg.MaxDocs <= 0 {
		cfg.MaxDocs = 20_000
	}
	if cfg.MinSections <= 0 {
		cfg.MinSections = 2
	}
	c := &Classifier{cfg: cfg, model: newModel(cfg.MaxTerms, cfg.MaxDocs)}
	if !cfg.NoSeed {
		for _, s := range all {
			terms := tokens("", seedWords[s])
			for range seedDocs {
				c.model.learn(terms, s)
			}
		}
	}
	return c
}

// Rules places an article by its categories, then by its URL.
func Rules(in Input) (Decision, bool) {
	if s, ok := FromCategories(in.Categories); ok {
		return Decision{Section: s, By: ByCategory, Confidence: 1}, true
	}
	if s, ok := FromURL(in.URL); ok {
		return Decision{Section: s, By: ByURL, Confidence: 1}, true
	}
	return Decision{}, false
}

// Classify places an article without learning from it.
func (c *Classifier) Classify(in Input) Decision {
	if d, ok := Rules(in); ok {
		return d
	}
	return c.Predict(in.Title, in.Text)
}

// Place is what ingest calls for each new article: it classifies the article, and when a
// rule placed it, learns from it, so the classifier keeps up with the sources it reads.
func (c *Classifier) Place(in Input) Decision {
	d := c.Classify(in)
	if d.By == ByCategory || d.By == ByURL {
		c.Learn(in.Title, in.Text, d.Section)
	}
	return d
}

// Learn counts one article of a known section.
func (c *Classifier) Learn(title, text string, s Section) {
	terms := tokens(title, text)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.model.learn(terms, s)
}

// Predict asks the text classifier alone.
func (c *Classifier) Predict(title, text string) Decision {
	terms := tokens(title, text)
	c.mu.RLock()
	defer c.mu.RUnlock()
	trained := 0
	for _, n := range c.model.docs {
		if n > 0 {
			trained++
		}
	}
	if trained < c.cfg.MinSections {
		return Decision{}
	}
	scores := c.model.scores(terms)
	if len(scores) == 0 {
		return Decision{}
	}
	return Decision{Section: scores[0].Section, By: ByModel, Confidence: scores[0].Probability, Scores: scores}
}

// Terms reports the vocabulary size, for metrics and tests of the memory bound.
func (c *Classifier) Terms() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.model.counts)
}

// Documents reports the (aged) number of documents learned.
func (c *Classifier) Documents() float64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return total(c.model.docs)
}
