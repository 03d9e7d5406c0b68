package fetch

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxAge is how long the response may be considered fresh: Cache-Control max-age, else Expires
// measured from the response's Date (or now). no-cache and no-store mean 0, as
// does anything unparsable: callers then fall back to their own schedule.
func maxAge(h http.Header, now time.Time) time.Duration {
	if cc := h.Values("Cache-Control"); len(cc) > 0 {
		var age time.Duration
		found := false
		for _, v := range cc {
			for _, d := range strings.Split(v, ",") {
				name, val, _ := strings.Cut(strings.TrimSpace(d), "=")
				switch strings.ToLower(name) {
				case "no-cache", "no-store":
					return 0
				case "max-age":
					secs, err := strconv.ParseInt(strings.Trim(val, `"`), 10, 64)
					if err == nil && secs > 0 {
						age, found = time.Duration(min(secs, int64(365*24*3600)))*time.Second, true
					}
				}
			}
		}
		if found {
			return age
		}
	}
	exp := h.Get("Expires")
	if exp == "" {
		return 0
	}
	t, err := http.ParseTime(exp)
	if err != nil {
		return 0
	}
	base := now
	if d, err := http.ParseTime(h.Get("Date")); err == nil {
		base = d
	}
	if d := t.Sub(base); d > 0 {
		return d
	}
	return 0
}

// retryAfter parses Retry-After, either delay-seconds or an HTTP-date. A missing, past or
// malformed value is 0.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		return time.Duration(min(secs, int64(30*24*3600))) * time.Second
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0
	}
	if d := t.Sub(now); d > 0 {
		return d.Round(time.Second)
	}
	return 0
}
