package fetch

import (
	"net/http"
	"testing"
	"time"
)

func TestMaxAge(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	date := now.Format(http.TimeFormat)
	tests := []struct {
		name string
		h    http.Header
		want time.Duration
	}{
		{"none", http.Header{}, 0},
		{"max-age", http.Header{"Cache-Control": {"public, max-age=900"}}, 15 * time.Minute},
		{"quoted", http.Header{"Cache-Control": {`max-age="60"`}}, time.Minute},
		{"no-cache wins", http.Header{"Cache-Control": {"max-age=900, no-cache"}}, 0},
		{"no-store", http.Header{"Cache-Control": {"no-store"}}, 0},
		{"garbage", http.Header{"Cache-Control": {"max-age=soon"}}, 0},
		{"expires from Date", http.Header{"Date": {date}, "Expires": {now.Add(time.Hour).Format(http.TimeFormat)}}, time.Hour},
		{"max-age beats expires", http.Header{"Cache-Control": {"max-age=60"}, "Expires": {now.Add(time.Hour).Format(http.TimeFormat)}}, time.Minute},
		{"expires in the past", http.Header{"Expires": {now.Add(-time.Hour).Format(http.TimeFormat)}}, 0},
		{"expires 0", http.Header{"Expires": {"0"}}, 0},
	}
	for _, tt := range tests {
		if got := maxAge(tt.h, now); got != tt.want {
			t.Errorf("%s: maxAge = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		v    string
		want time.Duration
	}{
		{"", 0},
		{"120", 2 * time.Minute},
		{" 5 ", 5 * time.Second},
		{"-3", 0},
		{"999999999", 30 * 24 * time.Hour},
		{now.Add(10 * time.Minute).Format(http.TimeFormat), 10 * time.Minute},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0},
		{"tomorrow", 0},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.v != "" {
			h.Set("Retry-After", tt.v)
		}
		if got := retryAfter(h, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %s, want %s", tt.v, got, tt.want)
		}
	}
}
