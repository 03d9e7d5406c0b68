package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestSiteTemplateLearning extracts a generated site in order and checks that recurring
// prose is kept before the template is trained and removed after, that the story is kept,
// and that the summary names what was learned.
func TestSiteTemplateLearning(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := NewMemoryTemplates()
	ex := New(Options{Templates: store})
	pages := SyntheticSite(30, 7)
	recurring := "Letters to the editor are welcome"
	for i, p := range pages {
		a, err := ex.Extract(ctx, p.HTML, "text/html", p.URL)
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		has := strings.Contains(a.Text, recurring)
		switch {
		case i < templateMinPages && !has:
			t.Errorf("page %d: recurring block removed before the template was trained", i)
		case i > templateMinPages && has:
			t.Errorf("page %d: recurring block kept after training:\n%s", i, a.Text)
		}
		if s := ScoreText(a.Text, p.Truth); s.Recall() < 0.98 {
			t.Errorf("page %d: story lost, recall %.3f", i, s.Recall())
		}
	}
	state, err := store.LoadSiteTemplate(ctx, "valley-courier.example")
	if err != nil {
		t.Fatal(err)
	}
	sum := DescribeTemplate(state)
	if sum.Pages != len(pages) || !sum.Trained {
		t.Errorf("summary pages=%d trained=%v, want %d true", sum.Pages, sum.Trained, len(pages))
	}
	found := false
	for _, b := range sum.Blocks {
		if strings.Contains(b, "Letters to the editor") {
			found = true
		}
	}
	if !found {
		t.Errorf("summary does not list the recurring block: %v", sum.Blocks)
	}
}

// TestSiteTemplateRedesign checks that a site whose pages stop matching the learned layout
// has its template forgotten.
func TestSiteTemplateRedesign(t *testing.T) {
	t.Parallel()
	tpl := newTemplate()
	old := func(i int) []blockPrint {
		return []blockPrint{{key: "a", pathKey: "p1"}, {key: "b", pathKey: "p2"}, {key: string(rune('c' + i)), pathKey: "p3"}}
	}
	for i := 0; i < 12; i++ {
		tpl.learn(old(i), uint64(i+1))
	}
	if !tpl.recurring("a") {
		t.Fatal("block a should be learned")
	}
	for i := 0; i < templateRedesignMisses; i++ {
		tpl.learn([]blockPrint{{key: "x", pathKey: "q1"}, {key: "y", pathKey: "q2"}}, uint64(100+i))
	}
	if tpl.Resets != 1 || tpl.recurring("a") || tpl.Pages > templateRedesignMisses {
		t.Errorf("after a redesign: resets=%d pages=%d recurring(a)=%v", tpl.Resets, tpl.Pages, tpl.recurring("a"))
	}
}

// TestSiteTemplateBounded checks the state stays bounded however many distinct blocks a
// site has.
func TestSiteTemplateBounded(t *testing.T) {
	t.Parallel()
	tpl := newTemplate()
	for p := 0; p < 200; p++ {
		var prints []blockPrint
		for b := 0; b < 40; b++ {
			prints = append(prints, blockPrint{key: string(rune(p*100 + b)), pathKey: "p"})
		}
		tpl.learn(prints, uint64(p+1))
	}
	if len(tpl.Blocks) > templateMaxBlocks || len(tpl.Paths) > templateMaxPaths {
		t.Errorf("state grew to %d blocks, %d paths", len(tpl.Blocks), len(tpl.Paths))
	}
}

type failingStore struct{ err error }

func (f failingStore) LoadSiteTemplate(context.Context, string) ([]byte, error) { return nil, f.err }
func (f failingStore) SaveSiteTemplate(context.Context, string, []byte, int) error {
	return f.err
}

// TestTemplateStoreErrors checks a broken store does not break extraction.
func TestTemplateStoreErrors(t *testing.T) {
	t.Parallel()
	for _, err := range []error{ErrNoTemplate, errors.New("disk on fire")} {
		ex := New(Options{Templates: failingStore{err}})
		p := SyntheticSite(1, 1)[0]
		if _, e := ex.Extract(context.Background(), p.HTML, "", p.URL); e != nil {
			t.Errorf("store error %v broke extraction: %v", err, e)
		}
	}
	if s := DescribeTemplate([]byte("not json")); s.Pages != 0 {
		t.Errorf("summary of garbage: %+v", s)
	}
}

// TestSiteTemplateRefetch checks that extracting the same article again and again does not
// teach the template that its paragraphs are boilerplate.
func TestSiteTemplateRefetch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ex := New(Options{Templates: NewMemoryTemplates()})
	pages := SyntheticSite(6, 3)
	for _, p := range pages {
		if _, err := ex.Extract(ctx, p.HTML, "", p.URL); err != nil {
			t.Fatal(err)
		}
	}
	var last *Article
	for i := 0; i < 12; i++ {
		a, err := ex.Extract(ctx, pages[2].HTML, "", pages[2].URL)
		if err != nil {
			t.Fatal(err)
		}
		last = a
	}
	if s := ScoreText(last.Text, pages[2].Truth); s.Recall() < 0.98 {
		t.Errorf("re-extracted article lost its text: recall %.3f\n%s", s.Recall(), last.Text)
	}
}
