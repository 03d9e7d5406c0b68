package edition

import (
	"testing"
	"time"
)

func TestEditionCalendar(t *testing.T) {
	t.Parallel()
	// 23:30 UTC on 2 June is already 3 June in Berlin and still 2 June in New York.
	published := time.Date(2025, 6, 2, 23, 30, 0, 0, time.UTC)
	now := time.Date(2025, 6, 3, 15, 0, 0, 0, time.UTC)
	de := Edition{Country: "de", Language: "de"}
	us := Edition{Country: "us", Language: "en"}
	if got := de.Ago(published, now); got != "vor 15 Stunden" {
		t.Errorf("de/de: %q, want the same day's hours", got)
	}
	if got := us.Ago(published, now); got != "yesterday" {
		t.Errorf("us/en: %q, want yesterday", got)
	}
	if got := de.Date(published); got != "3. Juni 2025" {
		t.Errorf("de/de date %q", got)
	}
	if got := us.Date(published); got != "2 June 2025" {
		t.Errorf("us/en date %q", got)
	}
	if got := (Edition{Country: "zz", Language: "en"}).Location(); got != time.UTC {
		t.Errorf("unknown country in %v", got)
	}
	for c := range countryZones {
		if (Edition{Country: c}).Location() == time.UTC {
			t.Errorf("zone of %s did not load", c)
		}
	}
}
