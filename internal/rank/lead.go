package rank

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lead picks the article a story's card shows on an edition: the one whose headline shares
// most words with the others' (the most representative telling), with an image, in the
// edition's language, from its country, and fresh. The weights put language first (a
// reader should get a headline they can read), then representativeness and an image.
func Lead(cfg Config, members []Article, ed Edition) Article {
	if len(members) == 0 {
		return Article{}
	}
	cfg = cfg.withDefaults()
	words := make([]map[string]bool, len(members))
	for i, a := range members {
		words[i] = titleWords(a.Title)
	}
	newest := members[0].Published
	for _, a := range members {
		if a.Published.After(newest) {
			newest = a.Published
		}
	}
	best, bestScore := 0, -1.0
	for i, a := range members {
		var rep float64
		if len(members) > 1 {
			for j := range members {
				if j != i {
					rep += jaccard(words[i], words[j])
				}
			}
			rep /= float64(len(members) - 1)
		}
		score := 2 * rep
		if a.HasImage {
			score += 0.5
		}
		if ed.Language != "" && a.Language == ed.Language {
			score += 3
		}
		if ed.Country != "" && a.Country == ed.Country {
			score += 0.3
		}
		// A little freshness: among equals, the newer telling.
		score += 0.2 * Freshness(cfg, Story{Last: a.Published}, newest)
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return members[best]
}

// titleWords returns a headline's lower-case words of three or more letters.
func titleWords(title string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		if utf8.RuneCountInString(w) >= 3 {
			out[w] = true
		}
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := 0
	for w := range a {
		if b[w] {
			shared++
		}
	}
	return float64(shared) / float64(len(a)+len(b)-shared)
}
