package edition

import (
	"time"
	// The binary carries the zone database so that editions show local times on hosts
	// and containers without one.
	_ "time/tzdata"
)

// countryZones is the zone each edition's "yesterday" and dates are reckoned in: the
// capital's, or the most populous region's for countries of several zones.
var countryZones = map[string]string{
	"us": "America/New_York", "gb": "Europe/London", "ie": "Europe/Dublin", "ca": "America/Toronto",
	"au": "Australia/Sydney", "nz": "Pacific/Auckland", "in": "Asia/Kolkata", "de": "Europe/Berlin",
	"at": "Europe/Vienna", "ch": "Europe/Zurich", "fr": "Europe/Paris", "be": "Europe/Brussels",
	"es": "Europe/Madrid", "mx": "America/Mexico_City", "ar": "America/Argentina/Buenos_Aires",
	"it": "Europe/Rome", "nl": "Europe/Amsterdam", "pt": "Europe/Lisbon", "br": "America/Sao_Paulo",
}

// Location is the time zone the edition's dates and relative times are reckoned in; UTC
// for a country not in the table.
func (e Edition) Location() *time.Location {
	if name, ok := countryZones[e.Country]; ok {
		if loc, err := time.LoadLocation(name); err == nil {
			return loc
		}
	}
	return time.UTC
}

// Ago says how long ago t was on the edition's calendar and in its language: what a card
// shows beside the publisher.
func (e Edition) Ago(t, now time.Time) string {
	return e.Locale().Ago(t, now.In(e.Location()))
}

// Date writes t as a date on the edition's calendar and in its language.
func (e Edition) Date(t time.Time) string {
	return e.Locale().Date(t.In(e.Location()))
}
