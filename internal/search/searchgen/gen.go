// Package searchgen generates articles for measuring search: text whose word frequencies
// follow Zipf's law over a large vocabulary, as natural language does, so that an index
// built from it has the few huge and the many tiny posting lists of a real one.
package searchgen

import (
	"fmt"
	"math/rand"
	"strings"
	"time"

	"newsdesk/internal/store"
)

// common are the most frequent words, most frequent first; the rest of the vocabulary is
// made of syllables, so rare words are as rare as in real text.
var common = strings.Fields(`the of and to a in for is on that by with was said at from as it his be
	has have are were will its but not after this their more year who new been also than they people
	about government city council police minister president first last two over would into one
	week years could state up when time health market company report public school court plan
	million percent local national water energy prices budget workers hospital team season election
	party vote law house business bank price power court children women home news world country
	against during while before under water rail road bridge storm weather rain coast river harbour
	football match league players coach fans club title win record study research scientists data
	climate emissions oil gas farmers food tax jobs housing rent families students teachers doctors
	nurses patients care service services transport airport flights travel tourism festival music
	film art museum library history future project funding investment director officials residents
	district region village town street park building community group committee board agency office`)

var syllables = strings.Fields(`ka ri to ma ne lo sa vi de ru po li ta me no ga be chi ko ra su te ni mo
	da fe gi hu ja ke lu mi na pe qui se ti ul va we xi yo zu ar el in or us an en on ost ver ber`)

// VocabSize is the number of distinct words the generator draws from.
const VocabSize = 60000

// Gen makes articles deterministically from a seed.
type Gen struct {
	rng        *rand.Rand
	body       *rand.Zipf
	title      *rand.Zipf
	vocab      []string
	publishers []store.Publisher
	start      time.Time
	span       time.Duration
	sections   []string
}

// New returns a generator whose articles are spread evenly, in order, over span ending at
// end, among the given publishers.
func New(seed int64, publishers []store.Publisher, end time.Time, span time.Duration) *Gen {
	rng := rand.New(rand.NewSource(seed))
	g := &Gen{
		rng:        rng,
		body:       rand.NewZipf(rng, 1.07, 2, VocabSize-1),
		title:      rand.NewZipf(rng, 1.07, 40, VocabSize-1), // titles lean to content words
		vocab:      Vocabulary(),
		publishers: publishers,
		start:      end.Add(-span),
		span:       span,
		sections:   []string{"world", "business", "technology", "science", "health", "sport", "entertainment", "politics", "local"},
	}
	return g
}

// Vocabulary lists the generator's words, most frequent first.
func Vocabulary() []string {
	v := make([]string, 0, VocabSize)
	seen := map[string]bool{}
	for _, w := range common {
		if !seen[w] {
			seen[w] = true
			v = append(v, w)
		}
	}
	// Syllable words, numbered so that they are distinct: 2–4 syllables from the index's
	// digits in base len(syllables).
	n := len(syllables)
	for i := 0; len(v) < VocabSize; i++ {
		var b strings.Builder
		k := i
		for j := 0; j < 2+i%3; j++ {
			b.WriteString(syllables[k%n])
			k = k/n + j*7 + 1
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			v = append(v, w)
		}
	}
	return v
}

// Article makes the i-th of total articles; its publication time grows with i.
func (g *Gen) Article(i, total int) store.Article {
	p := g.publishers[g.rng.Intn(len(g.publishers))]
	var title strings.Builder
	for j, n := 0, 6+g.rng.Intn(7); j < n; j++ {
		if j > 0 {
			title.WriteByte(' ')
		}
		w := g.vocab[g.title.Uint64()]
		if j == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		title.WriteString(w)
	}
	words := 120 + g.rng.Intn(280)
	var text strings.Builder
	text.Grow(words * 7)
	sentence := 0
	for j := 0; j < words; j++ {
		if j > 0 && j%60 == 0 { // paragraphs of about 60 words
			if sentence > 0 {
				text.WriteByte('.')
			}
			text.WriteString("\n\n")
			sentence = 0
		}
		w := g.vocab[g.body.Uint64()]
		if sentence == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			text.WriteByte(' ')
		}
		text.WriteString(w)
		sentence++
		if sentence > 8+g.rng.Intn(14) {
			text.WriteByte('.')
			if (j+1)%60 != 0 {
				text.WriteByte(' ')
			}
			sentence = 0
		}
	}
	text.WriteByte('.')
	at := g.start.Add(time.Duration(float64(g.span) * float64(i) / float64(total)))
	body := text.String()
	return store.Article{
		PublisherID: p.ID,
		URL:         fmt.Sprintf("https://%s/a/%d", strings.TrimPrefix(strings.TrimSuffix(p.HomeURL, "/"), "https://"), i),
		Title:       title.String(),
		Published:   at,
		Fetched:     at.Add(time.Duration(g.rng.Intn(600)) * time.Second),
		Language:    p.Language,
		Text:        body,
		Snippet:     body[:min(len(body), 200)],
		WordCount:   words,
		Section:     g.sections[g.rng.Intn(len(g.sections))],
		SectionBy:   "category",
	}
}
