package section

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"newsdesk/internal/demo"
)

// demoGold maps the demo publishers' own section names to ours. It is ground truth for the
// evaluation only; the rules never read it. Sections with no clear equivalent ("News",
// "UK", "Education") are left out of the evaluation.
var demoGold = map[string]Section{
	"Gadgets": Technology, "Mobility": Technology, "Security": Technology, "Industry": Business,
	"Science": Science, "Space": Science, "Environment": Science,
	"Culture": Entertainment, "Kultur": Entertainment,
	"Sport": Sport, "Sports": Sport,
	"Business": Business, "Agriculture": Business,
	"Europe": World, "World": World,
	"Local": Local, "City": Local, "Community": Local, "Region": Local, "Région": Local,
	"Valmont": Local, "Lindenau": Local,
}

// TestDemoEvaluation measures the rules and the classifier on the demo articles. The rules
// see what a feed gives (the category and the URL); the classifier is evaluated held out,
// leave-one-out: trained on every other article the rules placed, with the rules' labels,
// then asked about the held-out article from its title and text alone.
func TestDemoEvaluation(t *testing.T) {
	t.Parallel()
	arts := demo.Articles()
	type item struct {
		in   Input
		gold Section
		rule Decision
		ok   bool
	}
	items := make([]item, len(arts))
	for i, a := range arts {
		in := Input{
			URL:   "https://" + a.Publisher + ".example/" + url.PathEscape(slug(a.Section)) + "/" + a.Slug,
			Title: a.Title, Text: a.Text(), Categories: []string{a.Section},
		}
		d, ok := Rules(in)
		items[i] = item{in: in, gold: demoGold[a.Section], rule: d, ok: ok}
	}

	var ruled, ruledRight, graded, right, majority int
	counts := map[Section]int{}
	for _, it := range items {
		if it.gold != "" {
			counts[it.gold]++
		}
		if !it.ok {
			continue
		}
		ruled++
		if it.gold != "" && it.rule.Section == it.gold {
			ruledRight++
		}
		if it.gold != "" && it.rule.Section != it.gold {
			t.Errorf("rule placed %q (%q) in %s, gold %s", it.in.Title, it.in.Categories, it.rule.Section, it.gold)
		}
	}
	for _, n := range counts {
		majority = max(majority, n)
	}
	// Cold start: the built-in word lists alone, nothing learned.
	seedOnly, seedRight := NewClassifier(Config{}), 0
	for _, it := range items {
		if it.gold != "" && seedOnly.Predict(it.in.Title, it.in.Text).Section == it.gold {
			seedRight++
		}
	}
	var confusion []string
	for i, it := range items {
		if it.gold == "" {
			continue
		}
		c := NewClassifier(Config{})
		for j, o := range items {
			if j != i && o.ok {
				c.Learn(o.in.Title, o.in.Text, o.rule.Section)
			}
		}
		d := c.Predict(it.in.Title, it.in.Text)
		graded++
		if d.Section == it.gold {
			right++
		} else {
			confusion = append(confusion, fmt.Sprintf("%s→%s", it.gold, d.Section))
		}
	}
	t.Logf("demo: %d articles, %d with a gold section; rules placed %d (%d right among graded)", len(items), graded, ruled, ruledRight)
	t.Logf("demo: classifier held out (leave-one-out, text only): %d/%d = %.3f; majority-class baseline %.3f",
		right, graded, float64(right)/float64(graded), float64(majority)/float64(graded))
	t.Logf("demo: built-in word lists alone (cold start): %d/%d = %.3f", seedRight, graded, float64(seedRight)/float64(graded))
	t.Logf("demo: misses %s", strings.Join(confusion, ", "))
	if right <= majority {
		t.Errorf("classifier %d/%d right is no better than always answering the commonest section (%d)", right, graded, majority)
	}
}

// slug is how the demo's URLs spell a section (lower case, dashes).
func slug(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, " ", "-"))
}
