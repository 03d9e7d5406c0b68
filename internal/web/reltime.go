package web

import (
	"fmt"
	"time"
)

// relativeTime says when t was (or will be) as seen at now, the way a reader says it:
// "just now", "9 minutes ago", "3 hours ago", "yesterday", then a date; and for the future
// "in 9 minutes", "in 3 hours", "tomorrow", then a date. Minutes and hours are rounded down
// (a story 59 minutes old is not yet "1 hour ago"). "yesterday" and "tomorrow" follow the
// calendar in now's time zone, and only once the plain count has passed 24 hours, so an
// article from 23 hours ago reads "23 hours ago" even if that was yesterday evening.
func relativeTime(now, t time.Time) string {
	t = t.In(now.Location())
	d := now.Sub(t)
	if d >= 0 {
		switch {
		case d < time.Minute:
			return "just now"
		case d < time.Hour:
			return count(int(d/time.Minute), "minute") + " ago"
		case d < 24*time.Hour:
			return count(int(d/time.Hour), "hour") + " ago"
		case sameDay(t, now.AddDate(0, 0, -1)):
			return "yesterday"
		}
		return calendarDate(now, t)
	}
	d = -d
	switch {
	case d < time.Minute:
		return "in under a minute"
	case d < time.Hour:
		return "in " + count(int(d/time.Minute), "minute")
	case d < 24*time.Hour:
		return "in " + count(int(d/time.Hour), "hour")
	case sameDay(t, now.AddDate(0, 0, 1)):
		return "tomorrow"
	}
	return calendarDate(now, t)
}

func count(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// calendarDate leaves out the year when it is the current one.
func calendarDate(now, t time.Time) string {
	if t.Year() == now.Year() {
		return t.Format("2 Jan")
	}
	return t.Format("2 Jan 2006")
}
