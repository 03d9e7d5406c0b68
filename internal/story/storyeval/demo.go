package storyeval

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"newsdesk/internal/demo"
	"newsdesk/internal/story"
)

// DemoItem is one demo article as the engine sees it in production (full text, publisher
// name, language and country), with its gold story key and its slug for reports.
type DemoItem struct {
	Item  story.Item
	Story string
	Slug  string
}

// DemoItems returns the demo's full-text articles in publication order, as ingest would
// hand them to the engine. The Story key is kept apart: only scoring reads it.
func DemoItems() []DemoItem {
	pubs := make(map[string]demo.Publisher)
	for _, p := range demo.Publishers() {
		pubs[p.Slug] = p
	}
	arts := demo.Articles()
	slices.SortStableFunc(arts, func(a, b demo.Article) int { return a.Published.Compare(b.Published) })
	out := make([]DemoItem, len(arts))
	for i, a := range arts {
		p := pubs[a.Publisher]
		out[i] = DemoItem{
			Item: story.Item{
				ID: int64(i + 1), Title: a.Title, Text: a.Text(), Publisher: cmp.Or(p.Name, a.Publisher),
				Language: p.Language, Country: p.Country, Published: a.Published,
			},
			Story: a.Story,
			Slug:  a.Publisher + "/" + a.Slug,
		}
	}
	return out
}

// DemoResult is the engine's grouping of the demo articles.
type DemoResult struct {
	Scores  Scores
	Items   []DemoItem
	Pred    []int64 // final story of each item
	Elapsed time.Duration
}

// RunDemo feeds the demo articles to a fresh engine in publication order and scores the
// final stories against the articles' Story keys. With detect set the articles come without
// their language, as from a feed that declares none, and the engine must tell it itself.
func RunDemo(cfg story.Config, detect bool) DemoResult {
	items := DemoItems()
	its := make([]story.Item, len(items))
	gold := make([]string, len(items))
	for i, d := range items {
		its[i] = d.Item
		if detect {
			its[i].Language = ""
		}
		gold[i] = d.Story
	}
	start := time.Now()
	pred := Cluster(its, cfg)
	return DemoResult{Scores: Score(gold, pred), Items: items, Pred: pred, Elapsed: time.Since(start)}
}

// DemoErrors describes each predicted story that mixes gold stories and each gold story
// split over several predicted ones, one line each.
func DemoErrors(r DemoResult) []string {
	byPred := make(map[int64][]int)
	byGold := make(map[string][]int)
	for i, p := range r.Pred {
		byPred[p] = append(byPred[p], i)
		byGold[r.Items[i].Story] = append(byGold[r.Items[i].Story], i)
	}
	var out []string
	for _, p := range slices.Sorted(maps.Keys(byPred)) {
		idx := byPred[p]
		if mixed := slices.ContainsFunc(idx, func(i int) bool { return r.Items[i].Story != r.Items[idx[0]].Story }); mixed {
			out = append(out, fmt.Sprintf("mixed story %d: %s", p, describe(r, idx)))
		}
	}
	for _, g := range slices.Sorted(maps.Keys(byGold)) {
		idx := byGold[g]
		if slices.ContainsFunc(idx, func(i int) bool { return r.Pred[i] != r.Pred[idx[0]] }) {
			out = append(out, fmt.Sprintf("split story %s: %s", g, describe(r, idx)))
		}
	}
	return out
}

func describe(r DemoResult, idx []int) string {
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = fmt.Sprintf("%s [%s → %d]", r.Items[i].Slug, r.Items[i].Story, r.Pred[i])
	}
	return strings.Join(parts, ", ")
}
