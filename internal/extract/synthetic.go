package extract

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// SyntheticPage is one page of a generated site with the text a perfect extractor returns.
type SyntheticPage struct {
	URL   string
	HTML  []byte
	Truth string
}

// SyntheticSite generates n article pages of one site that share a noisy template: recurring
// blocks of ordinary-looking prose, with neutral class names, inside and around the article
// container. Single-page heuristics cannot tell them from the story; a learned site template
// can. It measures site templates in `newsdesk bench extract --site-templates` and in tests.
func SyntheticSite(n int, seed uint64) []SyntheticPage {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pages := make([]SyntheticPage, 0, n)
	for i := 0; i < n; i++ {
		pages = append(pages, syntheticPage(rng, i))
	}
	return pages
}

var synthWords = strings.Fields(`council river harbour budget school minister village market storm
bridge festival hospital police station farmers railway museum election weather library court
mayor teachers residents project funding plan water energy road housing report study survey
officials families business workers community centre district county region summer winter
season local national record growth prices season team match coach players league fans
announced said reported expected approved rejected opened closed raised lowered increased
decided confirmed warned planned started finished agreed argued claimed suggested revealed`)

func synthSentence(rng *rand.Rand) string {
	n := 8 + rng.IntN(14)
	w := make([]string, n)
	for i := range w {
		w[i] = synthWords[rng.IntN(len(synthWords))]
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ") + "."
}

func synthParagraph(rng *rand.Rand) string {
	n := 2 + rng.IntN(4)
	s := make([]string, n)
	for i := range s {
		s[i] = synthSentence(rng)
	}
	return strings.Join(s, " ")
}

// The site's recurring blocks: prose a reader would skip, none of it in words our category
// patterns know.
var synthTemplateBlocks = []string{
	"The Valley Courier has reported on the towns of the upper valley since 1887, from the mills to the new railway, and remains owned by the families who founded it.",
	"Our reporters cover council meetings, schools and local courts every week, and we publish corrections on this page whenever we get something wrong in print.",
	"Letters to the editor are welcome and may be shortened for space; please include your name, your town and a telephone number so that we can confirm them.",
	"Weather for the valley today: mild in the morning with a chance of showers by late afternoon, turning colder overnight with wind from the north west.",
}

func syntheticPage(rng *rand.Rand, i int) SyntheticPage {
	var truth []string
	var body strings.Builder
	paras := 4 + rng.IntN(5)
	for p := 0; p < paras; p++ {
		t := synthParagraph(rng)
		truth = append(truth, t)
		fmt.Fprintf(&body, "<p>%s</p>\n", t)
		if p == 1 {
			// A recurring aside in the middle of the story, as a plain paragraph.
			fmt.Fprintf(&body, "<p class=\"c%d\">%s</p>\n", i%3, synthTemplateBlocks[2])
		}
	}
	title := synthSentence(rng)
	page := fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>%s | The Valley Courier</title></head><body>
<div class="top"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
<div class="w1"><div class="w2">
<h1>%s</h1>
<div class="m1">
<p class="k%d">%s</p>
%s
<p>%s</p>
<p>%s Reader count today: %d.</p>
</div></div>
<div class="w3"><p>%s</p></div>
</div></body></html>`, title, title, i%4, synthTemplateBlocks[0], body.String(), synthTemplateBlocks[1],
		synthTemplateBlocks[3], rng.IntN(5000), synthParagraph(rng))
	return SyntheticPage{
		URL:   fmt.Sprintf("https://valley-courier.example/news/%d/story-%d", 2019, i),
		HTML:  []byte(page),
		Truth: strings.Join(truth, "\n\n"),
	}
}
