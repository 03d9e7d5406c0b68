package web

import (
	"fmt"
	"strings"
	"time"

	"newsdesk/internal/story"
)

// timelineView is the story page's bar chart of articles per hour, drawn as an inline SVG by
// the template from numbers computed here. Coordinates are in the SVG's own units
// (timelineWidth × timelineHeight); the stylesheet scales the chart to the column.
type timelineView struct {
	Label  string // the whole chart in words, for screen readers and the tooltip
	Width  int
	Height int
	Bars   []barView
	Start  string // the first hour, under the chart's left edge
	End    string // the last hour, under its right edge
	Peak   string // "most in one hour: 4 articles"
}

type barView struct {
	X, Y, W, H string // formatted with one decimal
	Title      string // "14 Mar 13:00: 3 articles"
}

const (
	timelineWidth  = 600
	timelineHeight = 120
	maxBarWidth    = 36
)

// newTimeline returns nil when there is nothing to draw.
func newTimeline(now time.Time, buckets []story.Bucket) *timelineView {
	if len(buckets) == 0 {
		return nil
	}
	peak, peakAt := 0, 0
	for i, b := range buckets {
		if b.Count > peak {
			peak, peakAt = b.Count, i
		}
	}
	if peak == 0 {
		return nil
	}
	loc := now.Location()
	first, end := buckets[0].Start.In(loc), buckets[len(buckets)-1].Start.Add(time.Hour).In(loc)
	v := &timelineView{
		Width:  timelineWidth,
		Height: timelineHeight,
		Start:  hourLabel(now, time.Time{}, first),
		End:    hourLabel(now, first, end),
		Peak:   "most in one hour: " + count(peak, "article"),
	}
	slot := float64(timelineWidth) / float64(len(buckets))
	w := min(slot*0.8, maxBarWidth)
	for i, b := range buckets {
		if b.Count == 0 {
			continue
		}
		h := float64(b.Count) / float64(peak) * (timelineHeight - 4) // headroom for the tallest bar's top
		v.Bars = append(v.Bars, barView{
			X:     fmt.Sprintf("%.1f", float64(i)*slot+(slot-w)/2),
			Y:     fmt.Sprintf("%.1f", timelineHeight-h),
			W:     fmt.Sprintf("%.1f", w),
			H:     fmt.Sprintf("%.1f", h),
			Title: hourLabel(now, time.Time{}, b.Start.In(loc)) + ": " + count(b.Count, "article"),
		})
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "Articles per hour")
	if len(buckets) == 1 {
		fmt.Fprintf(&sb, ": %s in the hour from %s.", count(peak, "article"), v.Start)
	} else {
		fmt.Fprintf(&sb, " from %s to %s; most in the hour from %s: %s.",
			v.Start, v.End, hourLabel(now, time.Time{}, buckets[peakAt].Start.In(loc)), count(peak, "article"))
	}
	v.Label = sb.String()
	return v
}

// hourLabel prints an hour: "13:00" when it is on the same day as ref, else with its date
// ("13 Mar 13:00"), and with the year too when that is not now's. A zero ref always gives
// the date.
func hourLabel(now, ref, t time.Time) string {
	if !ref.IsZero() && sameDay(ref, t) {
		return t.Format("15:04")
	}
	if t.Year() != now.Year() {
		return t.Format("2 Jan 2006 15:04")
	}
	return t.Format("2 Jan 15:04")
}
