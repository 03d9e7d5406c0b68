package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestParseRules(t *testing.T) {
	t.Parallel()
	good := `# operator rules
example.com content: div.story-text
example.com remove: .promo, .share
*.other.org remove: aside
`
	rs, err := ParseRules(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if got := rs.Sites("www.example.com"); len(got) != 2 {
		t.Errorf("rules for www.example.com: %v", got)
	}
	if got := rs.Sites("news.other.org"); len(got) != 1 {
		t.Errorf("rules for a subdomain: %v", got)
	}
	if got := rs.Sites("example.org"); got != nil {
		t.Errorf("rules for an unrelated site: %v", got)
	}
	for _, bad := range []string{"example.com", "example.com keep: div", "example.com remove: div[", "example.com content"} {
		if _, err := ParseRules(strings.NewReader(bad)); !errors.Is(err, ErrBadRule) {
			t.Errorf("ParseRules(%q) = %v, want ErrBadRule", bad, err)
		}
	}
}

// TestRulesWinOverHeuristics checks that a content rule selects text the heuristics would
// not pick and a remove rule deletes text they would keep.
func TestRulesWinOverHeuristics(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("A long paragraph of plain prose that any heuristic would happily take as the story. ", 5)
	page := `<html><body>
<div class="main"><p>` + long + `</p><p>` + long + `</p><p class="promo-x">Our own promotion text written as ordinary prose, long enough to pass as content.</p></div>
<div class="short-story"><p>The real story is this short note.</p></div>
</body></html>`
	rules, err := ParseRules(strings.NewReader("example.com content: .short-story\nnews.example remove: .promo-x"))
	if err != nil {
		t.Fatal(err)
	}
	ex := New(Options{Rules: rules})
	a, err := ex.Extract(context.Background(), []byte(page), "", "https://www.example.com/x")
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "The real story is this short note." {
		t.Errorf("content rule ignored: %q", a.Text)
	}
	b, err := ex.Extract(context.Background(), []byte(page), "", "https://news.example/x")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.Text, "Our own promotion") || !strings.Contains(b.Text, "A long paragraph") {
		t.Errorf("remove rule ignored: %q", b.Text)
	}
}
