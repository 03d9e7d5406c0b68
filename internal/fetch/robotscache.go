package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

const (
	// robotsMaxBytes is how much of a robots.txt we read; RFC 9309 asks parsers to handle at
	// least 500 KiB and allows ignoring the rest.
	robotsMaxBytes = 512 << 10
	// robotsRetry is how long an unreadable robots.txt (5xx, network error) keeps a site's pages
	// off limits before we ask again.
	robotsRetry = 10 * time.Minute
)

// robotsCache holds each origin's robots.txt rules for a TTL. Concurrent page fetches on one
// origin share a single robots.txt request.
type robotsCache struct {
	c   *Client
	ttl time.Duration

	mu        sync.Mutex
	entries   map[string]*robotsEntry // key: scheme://host:port
	lastSweep time.Time
}

type robotsEntry struct {
	ready   chan struct{} // closed once rules and expires are set, or the load failed
	rules   *robotsRules  // nil when the load failed; waiters then try again themselves
	expires time.Time
}

func newRobotsCache(c *Client, ttl time.Duration) *robotsCache {
	return &robotsCache{c: c, ttl: ttl, entries: map[string]*robotsEntry{}}
}

// check returns nil when robots.txt lets newsdesk fetch u.
func (rc *robotsCache) check(ctx context.Context, u *url.URL) error {
	if u.EscapedPath() == "/robots.txt" {
		return nil
	}
	rules, err := rc.rules(ctx, u)
	if err != nil {
		return err
	}
	if rules.allows(robotsTarget(u)) {
		return nil
	}
	e := &Error{Kind: KindRobotsDisallowed, URL: u.String()}
	if rules.denyReason != "" {
		e.msg = "the site's robots.txt could not be read (" + rules.denyReason + "), so newsdesk leaves its pages alone for now"
	}
	return e
}

// rules returns the cached rules for u's origin, loading them when missing or expired.
func (rc *robotsCache) rules(ctx context.Context, u *url.URL) (*robotsRules, error) {
	key := u.Scheme + "://" + strings.ToLower(hostPort(u))
	for {
		rc.mu.Lock()
		now := rc.c.now()
		rc.sweepLocked(now)
		var stale *robotsRules
		if e := rc.entries[key]; e != nil {
			select {
			case <-e.ready:
				if e.rules != nil && now.Before(e.expires) {
					rc.mu.Unlock()
					return e.rules, nil
				}
				stale = e.rules
			default:
				rc.mu.Unlock()
				select {
				case <-e.ready:
					continue // look again: loaded, or failed and removed
				case <-ctx.Done():
					return nil, &Error{Kind: KindCanceled, URL: u.String(), Err: ctx.Err()}
				}
			}
		}
		e := &robotsEntry{ready: make(chan struct{})}
		rc.entries[key] = e
		rc.mu.Unlock()

		rules, ttl, err := rc.load(ctx, u, stale)

		rc.mu.Lock()
		if err != nil {
			if rc.entries[key] == e {
				delete(rc.entries, key)
			}
		} else {
			e.rules, e.expires = rules, rc.c.now().Add(ttl)
		}
		close(e.ready)
		rc.mu.Unlock()
		return rules, err
	}
}

// load fetches and parses the robots.txt of u's origin. Following RFC 9309: a 4xx means there
// are no rules; a 5xx or no answer means "assume everything is disallowed" for robotsRetry, unless
// we still hold an older copy, which is then used instead. Errors that would stop the page fetch
// anyway (blocked address, bad URL, cancellation) are returned as they are.
func (rc *robotsCache) load(ctx context.Context, u *url.URL, stale *robotsRules) (*robotsRules, time.Duration, error) {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	resp, err := rc.c.observe(ctx, purposeRobots, ru.String(), func() (*Response, error) {
		return rc.c.follow(ctx, ru, Request{URL: ru.String(), Purpose: purposeRobots}, robotsMaxBytes, true)
	})
	if err == nil {
		return parseRobots(resp.Body, ProductToken), rc.ttl, nil
	}
	var fe *Error
	if !errors.As(err, &fe) {
		return nil, 0, err
	}
	retry := min(robotsRetry, rc.ttl)
	switch {
	case fe.Kind == KindCanceled, fe.Kind == KindBlocked, fe.Kind == KindBadURL:
		return nil, 0, err
	case fe.Kind == KindTooManyRedirects:
		return allowAll, rc.ttl, nil
	case fe.StatusCode >= 400 && fe.StatusCode < 500 && fe.StatusCode != http.StatusTooManyRequests:
		return allowAll, rc.ttl, nil
	case stale != nil:
		return stale, retry, nil
	default:
		return &robotsRules{denyReason: fe.Error()}, retry, nil
	}
}

// sweepLocked drops entries expired for longer than a TTL, so the cache does not grow with every
// host ever seen, while a recently expired copy stays available as the fallback load uses.
func (rc *robotsCache) sweepLocked(now time.Time) {
	if now.Sub(rc.lastSweep) < sweepEvery {
		return
	}
	rc.lastSweep = now
	for k, e := range rc.entries {
		select {
		case <-e.ready:
			if !now.Before(e.expires.Add(rc.ttl)) {
				delete(rc.entries, k)
			}
		default:
		}
	}
}
