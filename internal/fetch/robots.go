package fetch

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
)

// robotsRules is the part of one robots.txt that applies to newsdesk.
type robotsRules struct {
	rules []robotsRule
	// denyReason, when set, refuses every path: robots.txt could not be read (server error,
	// unreachable), and the standard says to assume the site wants nothing crawled for now.
	denyReason string
}

type robotsRule struct {
	allow   bool
	pattern string // percent-encoding normalised; may contain * and a final $
}

// allowAll is the answer for a site without robots.txt.
var allowAll = &robotsRules{}

// parseRobots reads robots.txt (RFC 9309) and keeps the rules of the groups naming token, or of
// the "*" groups when none does. Groups naming the same agent are merged, as the RFC asks.
// Unknown lines are ignored; rules before any User-agent line belong to no group.
func parseRobots(body []byte, token string) *robotsRules {
	type group struct {
		agents []string
		rules  []robotsRule
	}
	var groups []*group
	var cur *group
	inAgents := false // the previous record was a User-agent line: more agents join this group
	body = bytes.TrimPrefix(body, []byte{0xEF, 0xBB, 0xBF})
	for _, line := range strings.Split(string(body), "\n") {
		line, _, _ = strings.Cut(line, "#")
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent", "useragent", "user agent":
			if cur == nil || !inAgents {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, productToken(val))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || val == "" { // an empty Disallow allows everything: no rule needed
				continue
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: normalizeEscapes(val)})
		case "sitemap":
			// Not part of any group.
		default:
			inAgents = false // e.g. Crawl-delay: a group member, so the agent list has ended
		}
	}
	pick := func(name string) []robotsRule {
		var rules []robotsRule
		matched := false
		for _, g := range groups {
			for _, a := range g.agents {
				if a == name {
					rules, matched = append(rules, g.rules...), true
					break
				}
			}
		}
		if !matched {
			return nil
		}
		if rules == nil {
			rules = []robotsRule{} // a matching group with no rules still shadows "*"
		}
		return rules
	}
	rules := pick(strings.ToLower(token))
	if rules == nil {
		rules = pick("*")
	}
	return &robotsRules{rules: rules}
}

// productToken reduces a User-agent value to the lower-case name before any version or comment
// ("NewsDesk/2.0 (+url)" → "newsdesk").
func productToken(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if i := strings.IndexAny(v, "/ \t("); i >= 0 {
		v = v[:i]
	}
	return v
}

// allows reports whether the path+query target may be fetched: the longest matching pattern
// decides, and between equally long Allow and Disallow the Allow wins (RFC 9309 §2.2.2).
func (r *robotsRules) allows(target string) bool {
	if r.denyReason != "" {
		return false
	}
	target = normalizeEscapes(target)
	best, allowed := -1, true
	for _, rule := range r.rules {
		if !matchPattern(rule.pattern, target) {
			continue
		}
		if n := len(rule.pattern); n > best || (n == best && rule.allow) {
			best, allowed = n, rule.allow
		}
	}
	return allowed
}

// robotsTarget is the part of u that robots.txt rules are matched against.
func robotsTarget(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}

// matchPattern matches a robots.txt path pattern against target: "*" stands for any run of
// characters, a final "$" anchors the end, and otherwise the pattern is a prefix. The scan keeps
// one backtrack point, so the cost is bounded by len(pattern)*len(target).
func matchPattern(pattern, target string) bool {
	if strings.HasSuffix(pattern, "$") {
		pattern = pattern[:len(pattern)-1]
	} else {
		pattern += "*"
	}
	p, t := 0, 0
	star, starT := -1, 0
	for t < len(target) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, starT = p, t
			p++
		case p < len(pattern) && pattern[p] == target[t]:
			p++
			t++
		case star >= 0:
			starT++
			p, t = star+1, starT
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// normalizeEscapes brings a pattern or target to one spelling: bytes outside printable ASCII are
// percent-encoded and existing escapes get upper-case hex, so "/caf%c3%a9", "/caf%C3%A9" and
// "/café" compare equal.
func normalizeEscapes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte('%')
			b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			i += 2
		case c <= 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
