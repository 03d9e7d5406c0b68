package brief

import (
	"math"
	"sort"
	"strings"
)

// Tag weights: a term in the headline counts as this many body occurrences, and an entity's
// weight is scaled so that a name mentioned as often as the top keyword ranks beside it.
const (
	titleTermWeight   = 3.0
	entityWeight      = 1.2
	minEntityMentions = 2 // a name mentioned once in a long article is rarely what it is about
)

// Terms returns the distinct index terms of text, sorted: lower-case, Porter-stemmed, stop words
// dropped. A Corpus counts documents per term in this form.
func Terms(text string) []string {
	seen := map[string]bool{}
	for _, t := range terms(text) {
		seen[t] = true
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// MemCorpus is an in-memory Corpus for tests, the command line and small deployments.
type MemCorpus struct {
	df   map[string]int
	docs int
}

// NewMemCorpus returns a corpus of the given texts.
func NewMemCorpus(texts ...string) *MemCorpus {
	c := &MemCorpus{df: map[string]int{}}
	for _, t := range texts {
		c.Add(t)
	}
	return c
}

// Add counts one more document.
func (c *MemCorpus) Add(text string) {
	for _, t := range Terms(text) {
		c.df[t]++
	}
	c.docs++
}

// DocFreq implements Corpus.
func (c *MemCorpus) DocFreq(term string) int { return c.df[term] }

// Docs implements Corpus.
func (c *MemCorpus) Docs() int { return c.docs }

// Tags returns up to n tags for an article: its named people, places and organisations
// (capitalised names classified by a gazetteer, name lists and context cues) and its keywords
// (terms weighted by TF-IDF against corpus; by frequency alone when corpus is nil or empty).
// Words that belong to a returned name are not repeated as keywords.
func Tags(title, text string, corpus Corpus, n int) []Tag {
	return tags(title, text, corpus, n, minEntityMentions)
}

// tags is Tags with the number of mentions a name needs, outside the headline, to be a tag.
func tags(title, text string, corpus Corpus, n, minMentions int) []Tag {
	if n <= 0 {
		return nil
	}
	sents := append([]string{title}, SplitSentences(text)...)
	if title == "" {
		sents = sents[1:]
	}
	idf := idfFunc(corpus)
	var tags []Tag
	covered := map[string]bool{}
	for _, e := range entities(sents) {
		inTitle := title != "" && strings.Contains(strings.ToLower(title), strings.ToLower(e.name))
		if e.count < float64(minMentions) && !inTitle {
			continue
		}
		// An entity is weighed like a keyword, by the idf of its rarest word: "Kilmarnock"
		// says more about an article than "London".
		rarest := 0.0
		for _, w := range words(e.name) {
			covered[term(w)] = true
			rarest = max(rarest, idf(term(w)))
		}
		f := e.count
		if inTitle {
			f += titleTermWeight
		}
		kind := e.kind
		if kind == kindEvent {
			kind = KindKeyword
		}
		tags = append(tags, Tag{Name: e.name, Kind: kind, Score: entityWeight * (1 + math.Log(f)) * rarest})
	}
	tags = append(tags, keywords(title, text, idf, covered, n)...)
	sort.SliceStable(tags, func(a, b int) bool { return tags[a].Score > tags[b].Score })
	tags = tags[:min(n, len(tags))]
	normalise(tags)
	return tags
}

// keywords ranks the content terms of an article by TF-IDF and names each by the form it is
// most often written in.
func keywords(title, text string, idf func(string) float64, skip map[string]bool, n int) []Tag {
	tf := map[string]float64{}
	surface := map[string]map[string]int{}
	count := func(s string, w float64) {
		for _, word := range words(s) {
			word = strings.TrimSuffix(strings.ReplaceAll(word, "’", "'"), "'s")
			lw := strings.ToLower(word)
			if stopword(lw) || isNumber(lw) {
				continue
			}
			t := term(word)
			if skip[t] || len([]rune(t)) < 3 {
				continue
			}
			tf[t] += w
			if surface[t] == nil {
				surface[t] = map[string]int{}
			}
			surface[t][word]++
		}
	}
	count(title, titleTermWeight)
	count(text, 1)
	var out []Tag
	for t, f := range tf {
		if f < 2 && idf(t) == 1 {
			continue // without a corpus, a word used once is noise
		}
		score := (1 + math.Log(f)) * idf(t)
		if score <= 0 {
			continue
		}
		out = append(out, Tag{Name: mostUsed(surface[t]), Kind: KindKeyword, Score: score})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Score != out[b].Score {
			return out[a].Score > out[b].Score
		}
		return out[a].Name < out[b].Name
	})
	return out[:min(n, len(out))]
}

// idfFunc returns the inverse document frequency of a term in corpus, smoothed so a term the
// corpus has never seen counts as rare; without a corpus every term weighs 1.
func idfFunc(corpus Corpus) func(string) float64 {
	if corpus == nil || corpus.Docs() == 0 {
		return func(string) float64 { return 1 }
	}
	n := float64(corpus.Docs())
	return func(t string) float64 {
		return math.Log((n + 1) / (float64(corpus.DocFreq(t)) + 0.5))
	}
}

func mostUsed(forms map[string]int) string {
	best, bestN := "", 0
	for f, c := range forms {
		if c > bestN || c == bestN && f > best {
			best, bestN = f, c
		}
	}
	return best
}

// normalise scales scores so the best tag has 1.
func normalise(tags []Tag) {
	if len(tags) == 0 || tags[0].Score <= 0 {
		return
	}
	top := tags[0].Score
	for i := range tags {
		tags[i].Score /= top
	}
}

// StoryTags returns up to n tags for a story: the tags of its articles, kept when several
// articles agree on them (a name or keyword one article alone uses is likely a side detail),
// each under the kind most articles gave it.
func StoryTags(docs []Doc, corpus Corpus, n int) []Tag {
	if n <= 0 || len(docs) == 0 {
		return nil
	}
	if len(docs) == 1 {
		return Tags(docs[0].Title, docs[0].Text, corpus, n)
	}
	type acc struct {
		names  map[string]int
		kinds  map[string]int
		score  float64
		agreed int
	}
	byKey := map[string]*acc{}
	var keys []string
	for _, d := range docs {
		seen := map[string]bool{}
		// One mention is enough within an article: agreement across articles filters instead.
		for _, t := range tags(d.Title, d.Text, corpus, 3*n, 1) {
			key := tagKey(t)
			a := byKey[key]
			if a == nil {
				a = &acc{names: map[string]int{}, kinds: map[string]int{}}
				byKey[key] = a
				keys = append(keys, key)
			}
			a.names[t.Name]++
			a.kinds[t.Kind]++
			a.score += t.Score
			if !seen[key] {
				seen[key] = true
				a.agreed++
			}
		}
	}
	need := 2
	if len(docs) == 2 {
		need = 1 // two articles: keep what either has, agreement still ranks first
	}
	var out []Tag
	for _, key := range keys {
		a := byKey[key]
		if a.agreed < need {
			continue
		}
		share := float64(a.agreed) / float64(len(docs))
		out = append(out, Tag{Name: mostUsed(a.names), Kind: mostUsed(a.kinds), Score: a.score * share})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Score > out[b].Score })
	out = out[:min(n, len(out))]
	normalise(out)
	return out
}

// tagKey identifies a tag across articles: the same name in any case, and a keyword by its stem.
func tagKey(t Tag) string {
	if t.Kind == KindKeyword {
		return "k:" + term(t.Name)
	}
	return "e:" + nameKey(t.Name)
}
