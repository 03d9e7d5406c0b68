package story

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
)

// FullCoverage is what a story page shows.
type FullCoverage struct {
	Story         int64
	BestHeadline  string
	Best          Candidate // the article whose headline is BestHeadline
	Articles      int       // copies included
	ByPublisher   []PublisherArticles
	FirstReported Candidate // the earliest article
	Publishers    int
	Countries     int
	PerHour       []Bucket // from the first article's hour to the last's, empty hours included
}

// PublisherArticles is one publisher's articles in a story, newest first.
type PublisherArticles struct {
	Publisher string
	Articles  []Candidate
}

// Bucket counts the articles published in the hour starting at Start.
type Bucket struct {
	Start time.Time
	Count int
}

// maxBuckets bounds the timeline of a long-running story to its latest two weeks.
const maxBuckets = 14 * 24

// Coverage summarises the articles of one story. The best headline is the most
// representative one, the headline closest to what all the story's headlines say, not
// the first: early headlines are often a breaking line that later ones improve on.
func Coverage(articles []Candidate) FullCoverage {
	var fc FullCoverage
	if len(articles) == 0 {
		return fc
	}
	fc.Story = articles[0].Story
	fc.Articles = len(articles)

	first := 0
	pubs := make(map[string][]Candidate)
	countries := make(map[string]bool)
	for i, a := range articles {
		if a.Published.Before(articles[first].Published) || a.Published.Equal(articles[first].Published) && a.ID < articles[first].ID {
			first = i
		}
		pubs[a.Publisher] = append(pubs[a.Publisher], a)
		if a.Country != "" {
			countries[strings.ToLower(a.Country)] = true
		}
	}
	fc.FirstReported = articles[first]
	fc.Publishers = len(pubs)
	fc.Countries = len(countries)
	for p, as := range pubs {
		slices.SortFunc(as, func(a, b Candidate) int {
			return cmp.Or(b.Published.Compare(a.Published), cmp.Compare(a.ID, b.ID))
		})
		fc.ByPublisher = append(fc.ByPublisher, PublisherArticles{Publisher: p, Articles: as})
	}
	// Publishers with the most articles first, then the earliest to the story.
	slices.SortFunc(fc.ByPublisher, func(a, b PublisherArticles) int {
		return cmp.Or(cmp.Compare(len(b.Articles), len(a.Articles)),
			earliest(a.Articles).Compare(earliest(b.Articles)),
			cmp.Compare(a.Publisher, b.Publisher))
	})
	fc.Best = representative(articles)
	fc.BestHeadline = fc.Best.Title
	fc.PerHour = perHour(articles)
	return fc
}

func earliest(as []Candidate) time.Time {
	return as[len(as)-1].Published // as is sorted newest first
}

// representative returns the original whose headline has the highest cosine with the
// sum of all headlines (tf-idf within the story, so that the story's shared words count
// and the words every headline has, like its subject, do not drown the rest).
func representative(articles []Candidate) Candidate {
	var tk tokenizer
	vecs := make([]map[uint64]float64, len(articles))
	df := make(map[uint64]int)
	for i, a := range articles {
		m := make(map[uint64]float64)
		tk.words(trimSiteName(a.Title, a.Publisher), tk.itemLanguage(&a.Item), true, func(w []byte, _, _ bool) { m[hashBytes(w)]++ })
		vecs[i] = m
		for h := range m {
			df[h]++
		}
	}
	n := float64(len(articles))
	sum := make(map[uint64]float64)
	for _, m := range vecs {
		var norm float64
		for h, tf := range m {
			// A word in most headlines is the story's name: keep it, but let the words
			// that tell what happened decide between headlines.
			w := tf * (1 + math.Log(n/float64(df[h])))
			m[h] = w
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for h := range m {
			m[h] /= norm
			sum[h] += m[h]
		}
	}
	best, bestS := -1, -1.0
	for i, m := range vecs {
		a := articles[i]
		if a.DuplicateOf != 0 || len(m) == 0 {
			continue
		}
		var s float64
		for h, w := range m {
			s += w * sum[h]
		}
		// Very short headlines match everything a little; very long ones are
		// truncated teasers. Prefer the informative middle.
		words := len(m)
		if words < 4 {
			s *= 0.8
		}
		if s > bestS || s == bestS && a.ID < articles[best].ID {
			best, bestS = i, s
		}
	}
	if best < 0 {
		return articles[0]
	}
	return articles[best]
}

func perHour(articles []Candidate) []Bucket {
	var lo, hi time.Time
	for _, a := range articles {
		if a.Published.IsZero() {
			continue
		}
		if lo.IsZero() || a.Published.Before(lo) {
			lo = a.Published
		}
		if a.Published.After(hi) {
			hi = a.Published
		}
	}
	if lo.IsZero() {
		return nil
	}
	lo, hi = lo.UTC().Truncate(time.Hour), hi.UTC().Truncate(time.Hour)
	if hi.Sub(lo) >= maxBuckets*time.Hour {
		lo = hi.Add(-(maxBuckets - 1) * time.Hour)
	}
	buckets := make([]Bucket, int(hi.Sub(lo)/time.Hour)+1)
	for i := range buckets {
		buckets[i].Start = lo.Add(time.Duration(i) * time.Hour)
	}
	for _, a := range articles {
		if a.Published.IsZero() {
			continue
		}
		i := int(a.Published.UTC().Truncate(time.Hour).Sub(lo) / time.Hour)
		if i >= 0 && i < len(buckets) {
			buckets[i].Count++
		}
	}
	return buckets
}
