package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Kind classifies a failed fetch so callers can decide what to do (disable a feed on Gone, back
// off on RateLimited, tell the user on Blocked) without parsing messages.
type Kind int

const (
	KindNetwork          Kind = iota // DNS failure, refused or reset connection, TLS failure
	KindBlocked                      // the address is private and not allowed
	KindBadURL                       // not an http(s) URL, or malformed
	KindTimeout                      // connect, header or whole-request timeout
	KindTooLarge                     // the decoded body exceeds the cap
	KindTooManyRedirects             // more than MaxRedirects hops, or a loop
	KindHTTPStatus                   // any other non-2xx answer
	KindGone                         // 410: the resource is gone for good
	KindRateLimited                  // 429, or 503 with Retry-After
	KindRobotsDisallowed             // robots.txt forbids the page
	KindDecode                       // a body we could not decompress
	KindCanceled                     // the caller's context ended
)

var kindNames = [...]string{
	KindNetwork:          "network",
	KindBlocked:          "blocked",
	KindBadURL:           "bad_url",
	KindTimeout:          "timeout",
	KindTooLarge:         "too_large",
	KindTooManyRedirects: "too_many_redirects",
	KindHTTPStatus:       "http_status",
	KindGone:             "gone",
	KindRateLimited:      "rate_limited",
	KindRobotsDisallowed: "robots_disallowed",
	KindDecode:           "decode",
	KindCanceled:         "canceled",
}

// String is a stable snake_case name, used as the metrics outcome label.
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Sentinels for errors.Is; an *Error matches the sentinel of its Kind.
var (
	ErrNetwork          = errors.New("fetch: network error")
	ErrBlocked          = errors.New("fetch: address blocked")
	ErrBadURL           = errors.New("fetch: bad url")
	ErrTimeout          = errors.New("fetch: timeout")
	ErrTooLarge         = errors.New("fetch: body too large")
	ErrTooManyRedirects = errors.New("fetch: too many redirects")
	ErrHTTPStatus       = errors.New("fetch: http status")
	ErrGone             = errors.New("fetch: gone")
	ErrRateLimited      = errors.New("fetch: rate limited")
	ErrRobotsDisallowed = errors.New("fetch: disallowed by robots.txt")
	ErrDecode           = errors.New("fetch: cannot decode body")
	ErrCanceled         = errors.New("fetch: canceled")
)

var kindSentinels = [...]error{
	KindNetwork:          ErrNetwork,
	KindBlocked:          ErrBlocked,
	KindBadURL:           ErrBadURL,
	KindTimeout:          ErrTimeout,
	KindTooLarge:         ErrTooLarge,
	KindTooManyRedirects: ErrTooManyRedirects,
	KindHTTPStatus:       ErrHTTPStatus,
	KindGone:             ErrGone,
	KindRateLimited:      ErrRateLimited,
	KindRobotsDisallowed: ErrRobotsDisallowed,
	KindDecode:           ErrDecode,
	KindCanceled:         ErrCanceled,
}

// Error is what Fetch returns when it fails. Error() is one sentence a user can act on; it is
// shown as a feed's "last error" on the sources page.
type Error struct {
	Kind       Kind
	URL        string        // the URL being fetched when it failed (may be a redirect target)
	StatusCode int           // for HTTPStatus, Gone and RateLimited
	RetryAfter time.Duration // from Retry-After on 429/503; 0 when absent
	Err        error         // the underlying cause, if any

	msg string // the sentence, when the kind's default is not precise enough
}

func (e *Error) Error() string {
	if e.msg != "" {
		return e.msg
	}
	switch e.Kind {
	case KindHTTPStatus, KindGone, KindRateLimited:
		s := "the server answered " + statusText(e.StatusCode)
		if e.Kind == KindGone {
			s += "; the address no longer exists"
		}
		if e.RetryAfter > 0 {
			s += fmt.Sprintf(" and asked us to wait %s before trying again", e.RetryAfter.Round(time.Second))
		}
		return s
	case KindRobotsDisallowed:
		return "the site's robots.txt does not allow " + ProductToken + " to fetch this page"
	case KindCanceled:
		return "the fetch was canceled"
	}
	if e.Err != nil {
		return e.Err.Error()
	}
	return kindSentinels[e.Kind].Error()
}

// Unwrap exposes the cause to errors.Is/As.
func (e *Error) Unwrap() error { return e.Err }

// Is makes errors.Is(err, fetch.ErrGone) and friends work.
func (e *Error) Is(target error) bool {
	return e.Kind >= 0 && int(e.Kind) < len(kindSentinels) && kindSentinels[e.Kind] == target
}

// KindOf returns the Kind of a fetch error, and false when err is not one.
func KindOf(err error) (Kind, bool) {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Kind, true
	}
	return 0, false
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprintf("%d", code)
}

// formatBytes renders a byte count the way a person would say it ("10 MiB").
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
