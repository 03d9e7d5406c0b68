package web

import (
	"testing"
	"time"
)

func TestRelativeTime(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, time.March, 14, 15, 0, 0, 0, time.UTC) // Saturday 15:00
	tests := []struct {
		name string
		t    time.Time
		want string
	}{
		{"same instant", now, "just now"},
		{"seconds ago", now.Add(-59 * time.Second), "just now"},
		{"one minute", now.Add(-time.Minute), "1 minute ago"},
		{"minutes round down", now.Add(-9*time.Minute - 59*time.Second), "9 minutes ago"},
		{"just under an hour", now.Add(-59 * time.Minute), "59 minutes ago"},
		{"one hour", now.Add(-time.Hour), "1 hour ago"},
		{"hours", now.Add(-3*time.Hour - 40*time.Minute), "3 hours ago"},
		{"yesterday evening is still hours", now.Add(-23 * time.Hour), "23 hours ago"},
		{"yesterday morning", now.Add(-30 * time.Hour), "yesterday"},
		{"day before yesterday", now.Add(-40 * time.Hour), "12 Mar"},
		{"earlier this year", time.Date(2026, time.January, 2, 10, 0, 0, 0, time.UTC), "2 Jan"},
		{"last year", time.Date(2025, time.December, 2, 8, 0, 0, 0, time.UTC), "2 Dec 2025"},
		{"other zone same instant", now.Add(-5 * time.Minute).In(time.FixedZone("UTC+9", 9*3600)), "5 minutes ago"},
		{"future seconds", now.Add(30 * time.Second), "in under a minute"},
		{"future minutes", now.Add(5*time.Minute + 10*time.Second), "in 5 minutes"},
		{"future one hour", now.Add(time.Hour), "in 1 hour"},
		{"tomorrow", now.Add(30 * time.Hour), "tomorrow"},
		{"next week", now.Add(7 * 24 * time.Hour), "21 Mar"},
		{"next year", time.Date(2027, time.February, 1, 0, 0, 0, 0, time.UTC), "1 Feb 2027"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := relativeTime(now, tt.t); got != tt.want {
				t.Errorf("relativeTime(%v) = %q, want %q", tt.t, got, tt.want)
			}
		})
	}
}

// "yesterday" follows the reader's calendar (now's zone), not UTC's.
func TestRelativeTimeCalendarZone(t *testing.T) {
	t.Parallel()
	tokyo := time.FixedZone("JST", 9*3600)
	now := time.Date(2026, time.March, 14, 1, 0, 0, 0, tokyo) // 13 March 16:00 UTC
	then := now.Add(-26 * time.Hour)                          // 12 March 23:00 in Tokyo, 14:00 UTC
	if got := relativeTime(now, then); got != "12 Mar" {
		t.Errorf("in Tokyo: got %q, want 12 Mar", got)
	}
	if got := relativeTime(now.UTC(), then); got != "yesterday" {
		t.Errorf("in UTC: got %q, want yesterday", got)
	}
}

func TestNewTimeView(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, time.March, 14, 15, 0, 0, 0, time.UTC)
	if v := newTimeView(now, time.Time{}); v != (timeView{}) {
		t.Errorf("zero time: got %+v, want empty view", v)
	}
	v := newTimeView(now, now.Add(-9*time.Minute))
	want := timeView{Rel: "9 minutes ago", ISO: "2026-03-14T14:51:00Z", Full: "Saturday 14 March 2026, 14:51 UTC"}
	if v != want {
		t.Errorf("got %+v, want %+v", v, want)
	}
}
