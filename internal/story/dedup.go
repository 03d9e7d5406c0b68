package story

import (
	"net/url"
	"newsdesk/internal/canon"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dupIndex finds copies of an article among the recent ones: by canonical URL, by a
// sample of the text's word 4-shingles (containment, so that a truncated copy still
// matches its original), and, for articles without text, by the normalised headline.
type dupIndex struct {
	cfg      *Config
	byURL    map[string]int64
	byTitle  map[uint64]int64
	shingles map[uint32][]int64
	items    map[int64]*dupItem
	queue    []int64 // item ids in arrival order, for expiry
	head     int

	counts  map[int64]int // scratch
	words   []uint64
	samples []uint32
}

type dupItem struct {
	id       int64
	original int64 // 0 when the item is an original
	t        int64
	story    int64
	urlKey   string
	titleKey uint64
	samples  []uint32 // sorted
}

const (
	shingleSize = 4
	// sampleMod keeps one shingle in sampleMod, chosen by hash so that every copy keeps the
	// same ones: containment measured on the sample estimates it on the whole text.
	sampleMod = 4
	// maxSamples keeps the earliest samples of a long text; copies share the beginning.
	maxSamples = 160
	// minSamples is the least sample that says anything about a text.
	minSamples = 6
	// maxPosting marks a shingle found in this many recent articles as boilerplate.
	maxPosting = 48
)

func newDupIndex(cfg *Config) *dupIndex {
	return &dupIndex{
		cfg:      cfg,
		byURL:    make(map[string]int64),
		byTitle:  make(map[uint64]int64),
		shingles: make(map[uint32][]int64),
		items:    make(map[int64]*dupItem),
		counts:   make(map[int64]int),
	}
}

// fingerprint computes what the index matches an item by.
func (d *dupIndex) fingerprint(it *Item, tk *tokenizer) *dupItem {
	di := &dupItem{id: it.ID, urlKey: canonicalURL(it.URL)}
	d.words = d.words[:0]
	plainWords(it.Text, func(h uint64) { d.words = append(d.words, h) })
	d.samples = d.samples[:0]
	for i := 0; i+shingleSize <= len(d.words) && len(d.samples) < maxSamples; i++ {
		h := d.words[i]
		for _, w := range d.words[i+1 : i+shingleSize] {
			h = pairHash(h, w)
		}
		if h%sampleMod == 0 {
			d.samples = append(d.samples, uint32(h>>32))
		}
	}
	if len(d.samples) >= minSamples {
		s := slices.Clone(d.samples)
		slices.Sort(s)
		di.samples = slices.Compact(s)
		return di
	}
	// Too little text to compare: fall back to the headline's content words.
	n := 0
	h := uint64(fnvOffset)
	tk.words(trimSiteName(it.Title, it.Publisher), tk.itemLanguage(it), false, func(w []byte, _, _ bool) {
		n++
		h = pairHash(h, hashBytes(w))
	})
	if d.cfg.DupTitleWords > 0 && n >= d.cfg.DupTitleWords {
		di.titleKey = h
	}
	return di
}

// find returns the recent item di copies, or nil.
func (d *dupIndex) find(di *dupItem) *dupItem {
	if di.urlKey != "" {
		if id, ok := d.byURL[di.urlKey]; ok {
			return d.items[id]
		}
	}
	if len(di.samples) > 0 {
		clear(d.counts)
		for _, s := range di.samples {
			p := d.shingles[s]
			if len(p) >= maxPosting {
				continue
			}
			for _, id := range p {
				d.counts[id]++
			}
		}
		var best *dupItem
		bestC := 0.0
		for id, n := range d.counts {
			o := d.items[id]
			if o == nil || n < minSamples/2 {
				continue
			}
			c := float64(n) / float64(min(len(o.samples), len(di.samples)))
			if c >= d.cfg.DupContainment && (best == nil || c > bestC || c == bestC && id < best.id) {
				best, bestC = o, c
			}
		}
		return best
	}
	if di.titleKey != 0 {
		// A headline alone is weak evidence: outlets reuse "Stocks to watch" daily, so
		// only a headline repeated within the grace period counts as a copy.
		if id, ok := d.byTitle[di.titleKey]; ok {
			if o := d.items[id]; o != nil && abs(o.t-di.t) <= int64(d.cfg.Grace.Seconds()) {
				return o
			}
		}
	}
	return nil
}

// add indexes di; it must carry its story and original already.
func (d *dupIndex) add(di *dupItem) {
	d.items[di.id] = di
	d.queue = append(d.queue, di.id)
	if di.urlKey != "" {
		if _, ok := d.byURL[di.urlKey]; !ok {
			d.byURL[di.urlKey] = di.id
		}
	}
	if di.titleKey != 0 {
		// The latest holder of a headline is the one a repeat would copy.
		if di.original == 0 {
			d.byTitle[di.titleKey] = di.id
		}
	}
	for _, s := range di.samples {
		p := d.shingles[s]
		if len(p) < maxPosting {
			d.shingles[s] = append(p, di.id)
		}
	}
}

// expire forgets items published before cutoff. Items arrive roughly in time order, so the
// queue is walked from its head until the first item still inside the window.
func (d *dupIndex) expire(cutoff int64) {
	for d.head < len(d.queue) {
		id := d.queue[d.head]
		di := d.items[id]
		if di != nil && di.t >= cutoff {
			break
		}
		d.head++
		if di == nil {
			continue
		}
		delete(d.items, id)
		if d.byURL[di.urlKey] == id {
			delete(d.byURL, di.urlKey)
		}
		if di.titleKey != 0 && d.byTitle[di.titleKey] == id {
			delete(d.byTitle, di.titleKey)
		}
		for _, s := range di.samples {
			p := d.shingles[s]
			if i := slices.Index(p, id); i >= 0 {
				p = slices.Delete(p, i, i+1)
			}
			if len(p) == 0 {
				delete(d.shingles, s)
			} else {
				d.shingles[s] = p
			}
		}
	}
	if d.head > 1024 && d.head > len(d.queue)/2 {
		d.queue = append(d.queue[:0], d.queue[d.head:]...)
		d.head = 0
	}
}

// plainWords hashes every lower-cased word of s, stopwords included: shingles of running
// text need the small words to tell "rose by" from "rose to".
func plainWords(s string, fn func(h uint64)) {
	var buf [64]byte
	b := buf[:0]
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b = utf8.AppendRune(b, unicode.ToLower(r))
			continue
		}
		if len(b) > 0 {
			fn(hashBytes(b))
			b = b[:0]
		}
	}
	if len(b) > 0 {
		fn(hashBytes(b))
	}
}

// canonicalURL is the key under which equal URLs meet: the canonical URL (package canon:
// tracking parameters, fragment and default port gone, parameters sorted) without its
// scheme, a leading "www." or a trailing slash, so http/https and www/bare links to one
// page are the same article.
func canonicalURL(raw string) string {
	c, err := canon.URL(raw)
	if err != nil {
		return ""
	}
	u, err := url.Parse(c)
	if err != nil {
		return ""
	}
	key := strings.TrimPrefix(u.Host, "www.") + strings.TrimSuffix(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		key += "?" + u.RawQuery
	}
	return key
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
