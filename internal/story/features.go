package story

import (
	"math"
	"slices"
	"strings"
)

// term is one weighted feature of an article: a word, a word pair or a name.
type term struct {
	h uint64
	w float32
}

// vector is an article's features, L2-normalised, sorted by hash for merging.
type vector []term

// featurizer turns items into vectors; its maps and slices are scratch space reused
// between items so that steady-state ingestion allocates only the result.
type featurizer struct {
	cfg    *Config
	tk     tokenizer
	raw    map[uint64]float32
	keys   []uint64
	sorted []term

	houseTerms []uint64
}

func newFeaturizer(cfg *Config) *featurizer {
	return &featurizer{cfg: cfg, raw: make(map[uint64]float32, 256)}
}

// vectorize counts the item's terms into df and returns its tf-idf vector.
//
// It leaves in f.houseTerms the article's strongest terms before publisher damping, for the
// caller to record once the article is placed (copies are not recorded: they would count
// one article many times).
func (f *featurizer) vectorize(it *Item, df *docFreq, pubs *publishers, now int64) vector {
	clear(f.raw)
	lang := f.tk.itemLanguage(it)
	title := trimSiteName(it.Title, it.Publisher)

	// Headline words, and adjacent pairs: "rings asteroid" is a sharper signal than
	// either word, and pairs are what make look-alike events on the same topic differ.
	bw := float32(f.cfg.BigramWeight)
	var last uint64
	have := false
	f.tk.words(title, lang, true, func(w []byte, _, _ bool) {
		h := hashBytes(w)
		f.raw[h]++
		if have && bw > 0 {
			f.raw[pairHash(last, h)] += bw
		}
		last, have = h, true
	})

	if it.Text != "" && f.cfg.TextWords > 0 {
		tw := float32(f.cfg.TextWeight)
		eb := float32(f.cfg.EntityBoost)
		n := 0
		f.tk.words(it.Text, lang, true, func(w []byte, capital, start bool) {
			if n >= f.cfg.TextWords {
				return
			}
			n++
			h := hashBytes(w)
			wt := tw
			if capital && !start || w[0] >= '0' && w[0] <= '9' {
				wt *= eb
			}
			f.raw[h] += wt
		})
	}

	f.keys = f.keys[:0]
	for h := range f.raw {
		f.keys = append(f.keys, h)
	}
	df.addDoc(f.keys, now)

	f.sorted = f.sorted[:0]
	for _, h := range f.keys {
		w := float32(math.Log1p(float64(f.raw[h]))) * idfPow(df.idf(h, now), f.cfg.IDFPower)
		if w > 0 {
			f.sorted = append(f.sorted, term{h, w})
		}
	}
	// Long texts have hundreds of terms; the strongest carry the story.
	if len(f.sorted) > maxTerms {
		sortByWeight(f.sorted)
	}
	// The publisher's house terms are judged on what it published before, and this
	// article's strongest terms join that history.
	hist := pubs.history(it.Publisher)
	if hist != nil {
		for i := range f.sorted {
			f.sorted[i].w *= hist.damping(f.sorted[i].h, pubs.strength)
		}
	}
	f.houseTerms = nil
	if it.Publisher != "" && pubs.keep > 0 {
		top := f.sorted[:min(len(f.sorted), maxTerms)]
		f.houseTerms = make([]uint64, len(top))
		for i, t := range top {
			f.houseTerms[i] = t.h
		}
		slices.Sort(f.houseTerms)
	}
	if hist != nil && len(f.sorted) > maxTerms {
		sortByWeight(f.sorted)
	}
	f.sorted = f.sorted[:min(len(f.sorted), maxTerms)]
	var norm float64
	for _, t := range f.sorted {
		norm += float64(t.w) * float64(t.w)
	}
	if norm == 0 {
		return nil
	}
	inv := float32(1 / math.Sqrt(norm))
	v := make(vector, len(f.sorted))
	for i, t := range f.sorted {
		v[i] = term{t.h, t.w * inv}
	}
	slices.SortFunc(v, func(a, b term) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return 0
	})
	return v
}

// maxTerms caps an article's vector: long texts have hundreds of terms, and the strongest
// carry the story.
const maxTerms = 64

func sortByWeight(ts []term) {
	slices.SortFunc(ts, func(a, b term) int {
		switch {
		case a.w > b.w:
			return -1
		case a.w < b.w:
			return 1
		case a.h < b.h: // ties broken by hash: map order must not change the result
			return -1
		case a.h > b.h:
			return 1
		}
		return 0
	})
}

// trimSiteName drops a trailing " - Site" or " | Site" that repeats the publisher's name:
// it is the same in every headline of that publisher and says nothing about the story.
func trimSiteName(title, publisher string) string {
	i := max(strings.LastIndex(title, " - "), strings.LastIndex(title, " | "))
	if i <= 0 || publisher == "" {
		return title
	}
	tail := strings.ToLower(title[i+3:])
	first, _, _ := strings.Cut(strings.ToLower(publisher), " ")
	if len(first) >= 3 && strings.Contains(tail, first) {
		return title[:i]
	}
	return title
}

// dot is the inner product of two hash-sorted vectors.
func dot(a, b vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].h == b[j].h:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		case a[i].h < b[j].h:
			i++
		default:
			j++
		}
	}
	return s
}

// idfPow flattens (p < 1) or sharpens (p > 1) IDF.
func idfPow(idf float32, p float64) float32 {
	if p == 1 || p == 0 || idf <= 0 {
		return idf
	}
	return float32(math.Pow(float64(idf), p))
}
