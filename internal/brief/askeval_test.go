package brief_test

import (
	"os"
	"testing"

	"newsdesk/internal/brief"
	"newsdesk/internal/demo"
)

// demoDocs indexes the demo articles by slug, each alone and with its story's other articles.
func demoDocs() (single, story map[string][]brief.Doc) {
	arts := demo.Articles()
	single = map[string][]brief.Doc{}
	byStory := map[string][]brief.Doc{}
	for i, a := range arts {
		d := brief.Doc{ID: int64(i + 1), Publisher: a.Publisher, Title: a.Title, Text: a.Text(), Published: a.Published}
		single[a.Slug] = []brief.Doc{d}
		byStory[a.Story] = append(byStory[a.Story], d)
	}
	story = map[string][]brief.Doc{}
	for _, a := range arts {
		story[a.Slug] = byStory[a.Story]
	}
	return single, story
}

// Floors a little under what the question set scored when it was written (see docs/ai.md), so
// a change that makes answers worse fails here.
const (
	minTop1Share = 0.75
	minTop3Share = 0.90
	minAbstained = 0.70
)

func TestAskBenchmark(t *testing.T) {
	t.Parallel()
	f, err := os.Open("testdata/ask_qa.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := brief.ParseAskCases(f)
	if err != nil {
		t.Fatal(err)
	}
	single, story := demoDocs()
	for _, mode := range []struct {
		name string
		docs map[string][]brief.Doc
	}{{"article", single}, {"story", story}} {
		r, err := brief.EvaluateAsk(cases, func(slug string) ([]brief.Doc, bool) { d, ok := mode.docs[slug]; return d, ok })
		if err != nil {
			t.Fatal(err)
		}
		top1 := float64(r.Top1) / float64(r.Answerable)
		top3 := float64(r.Top3) / float64(r.Answerable)
		abst := float64(r.Abstained) / float64(r.Unanswerable)
		t.Logf("%s: %d questions, top-1 %.2f, top-3 %.2f, declined %d/%d unanswerable and %d answerable",
			mode.name, r.Questions, top1, top3, r.Abstained, r.Unanswerable, r.Declined)
		for _, m := range r.Misses {
			t.Logf("  miss %s", m)
		}
		if r.Answerable < 50 {
			t.Errorf("question set has %d answerable questions, want ≥ 50", r.Answerable)
		}
		if top1 < minTop1Share || top3 < minTop3Share {
			t.Errorf("%s: top-1 %.2f top-3 %.2f, want ≥ %.2f and ≥ %.2f", mode.name, top1, top3, minTop1Share, minTop3Share)
		}
		if mode.name == "article" && abst < minAbstained {
			t.Errorf("declined %.2f of unanswerable questions, want ≥ %.2f", abst, minAbstained)
		}
	}
}
