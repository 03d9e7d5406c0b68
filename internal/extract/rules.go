package extract

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// ErrBadRule is wrapped by ParseRules for a line it cannot read.
var ErrBadRule = errors.New("extract: bad rule")

// Rules are operator-written, per-site CSS selectors that win over the heuristics: "content"
// selects the article body, "remove" deletes elements before anything else runs.
//
// The file format is one rule per line, "#" starts a comment:
//
//	example.com content: article .story-body, div#main-text
//	example.com remove: .promo, .share-tools, figure.video
//
// A site matches its own host and every subdomain ("example.com" covers "www.example.com").
// Several lines for the same site add up.
type Rules struct {
	sites map[string]*siteRules
}

type siteRules struct {
	content []cascadia.Sel
	remove  []cascadia.Sel
	src     []string // the rule lines, for display
}

// ParseRules reads operator rules.
func ParseRules(r io.Reader) (*Rules, error) {
	rs := &Rules{sites: map[string]*siteRules{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		host, rest, ok := strings.Cut(s, " ")
		if !ok {
			return nil, fmt.Errorf("%w: line %d: want \"SITE content|remove: SELECTORS\"", ErrBadRule, line)
		}
		kind, sels, ok := strings.Cut(strings.TrimSpace(rest), ":")
		kind = strings.ToLower(strings.TrimSpace(kind))
		if !ok || kind != "content" && kind != "remove" {
			return nil, fmt.Errorf("%w: line %d: kind must be content: or remove:", ErrBadRule, line)
		}
		group, err := cascadia.ParseGroup(strings.TrimSpace(sels))
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrBadRule, line, err)
		}
		host = strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(host), "*."), "www.")
		sr := rs.sites[host]
		if sr == nil {
			sr = &siteRules{}
			rs.sites[host] = sr
		}
		if kind == "content" {
			sr.content = append(sr.content, group...)
		} else {
			sr.remove = append(sr.remove, group...)
		}
		sr.src = append(sr.src, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("extract: read rules: %w", err)
	}
	return rs, nil
}

// forSite returns the rules for host, merged over it and its parent domains.
func (rs *Rules) forSite(host string) *siteRules {
	if rs == nil || len(rs.sites) == 0 {
		return nil
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	var out *siteRules
	for h := host; h != ""; {
		if sr := rs.sites[h]; sr != nil {
			if out == nil {
				out = &siteRules{}
			}
			out.content = append(out.content, sr.content...)
			out.remove = append(out.remove, sr.remove...)
			out.src = append(out.src, sr.src...)
		}
		_, parent, ok := strings.Cut(h, ".")
		if !ok || !strings.Contains(parent, ".") {
			break
		}
		h = parent
	}
	return out
}

// Sites returns the rule lines for host, for display.
func (rs *Rules) Sites(host string) []string {
	if sr := rs.forSite(host); sr != nil {
		return sr.src
	}
	return nil
}

// removeSet returns the elements under root that remove rules select.
func (sr *siteRules) removeSet(root *html.Node) map[*html.Node]bool {
	if sr == nil || len(sr.remove) == 0 {
		return nil
	}
	set := map[*html.Node]bool{}
	for _, s := range sr.remove {
		for _, n := range cascadia.QueryAll(root, s) {
			set[n] = true
		}
	}
	return set
}

// contentNodes returns the elements content rules select, outermost only, in document order
// of the first rule that matches anything.
func (sr *siteRules) contentNodes(root *html.Node) []*html.Node {
	if sr == nil {
		return nil
	}
	for _, s := range sr.content {
		ns := cascadia.QueryAll(root, s)
		if len(ns) == 0 {
			continue
		}
		var out []*html.Node
		for _, n := range ns {
			if !insideAny(n, out) {
				out = append(out, n)
			}
		}
		return out
	}
	return nil
}

func insideAny(n *html.Node, list []*html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		for _, l := range list {
			if p == l {
				return true
			}
		}
	}
	return false
}
