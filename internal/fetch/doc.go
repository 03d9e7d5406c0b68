// Package fetch is newsdesk's one outbound HTTP client: every feed, article page, robots.txt and
// favicon request goes through it, so the safety rules (no requests to private addresses, bounded
// time and memory) and the politeness rules (robots.txt, per-host limits, conditional GET) hold
// everywhere without each caller remembering them.
//
// The address guard runs in the dialer's Control hook, after DNS resolution and before the TCP
// connect. That placement is what makes it cover every redirect hop and DNS rebinding: whatever
// name a URL uses, the address actually dialed is the one checked.
package fetch
