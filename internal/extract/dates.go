package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Month names and abbreviations in English, German, French, Spanish and Italian, lower-case,
// with and without accents.
var monthNames = map[string]map[string]int{
	"en": {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
		"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
		"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12},
	"de": {"januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3,
		"mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8,
		"aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
		"nov": 11, "dezember": 12, "dez": 12},
	"fr": {"janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
		"avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
		"septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
		"décembre": 12, "decembre": 12, "déc": 12, "dec": 12},
	"es": {"enero": 1, "ene": 1, "febrero": 2, "feb": 2, "marzo": 3, "mar": 3, "abril": 4, "abr": 4,
		"mayo": 5, "may": 5, "junio": 6, "jun": 6, "julio": 7, "jul": 7, "agosto": 8, "ago": 8,
		"septiembre": 9, "setiembre": 9, "sep": 9, "sept": 9, "octubre": 10, "oct": 10,
		"noviembre": 11, "nov": 11, "diciembre": 12, "dic": 12},
	"it": {"gennaio": 1, "gen": 1, "febbraio": 2, "feb": 2, "marzo": 3, "mar": 3, "aprile": 4, "apr": 4,
		"maggio": 5, "mag": 5, "giugno": 6, "giu": 6, "luglio": 7, "lug": 7, "agosto": 8, "ago": 8,
		"settembre": 9, "set": 9, "sett": 9, "ottobre": 10, "ott": 10, "novembre": 11, "nov": 11,
		"dicembre": 12, "dic": 12},
}

// allMonths merges every language's table, for pages whose language is unknown.
var allMonths = func() map[string]int {
	m := map[string]int{}
	for _, t := range monthNames {
		for k, v := range t {
			m[k] = v
		}
	}
	return m
}()

// Zone abbreviations seen in news datelines.
var zoneOffsets = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "met": 1, "mez": 1, "mesz": 2,
	"eet": 2, "eest": 3, "est": -5, "edt": -4, "et": -5, "cst": -6, "cdt": -5, "ct": -6, "mst": -7,
	"mdt": -6, "pst": -8, "pdt": -7, "pt": -8, "ist": 5, "jst": 9, "aest": 10, "aedt": 11,
}

var (
	isoDate   = regexp.MustCompile(`(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?`)
	clockTime = regexp.MustCompile(`(?i)\b(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*([ap]\.?\s?m\.?)?`)
	numDate   = regexp.MustCompile(`\b(\d{1,4})[./-](\d{1,2})[./-](\d{2,4})\b`)
	epochNum  = regexp.MustCompile(`^\d{10}(\d{3})?$`)
)

// parseDate reads a date in any common machine or human format; lang (ISO 639-1, may be
// empty) selects month names and the order of numeric dates. It reports false when s holds
// no full date (a day is required): no date is better than a guessed one.
func parseDate(s, lang string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return time.Time{}, false
	}
	if epochNum.MatchString(s) {
		n, _ := strconv.ParseInt(s[:10], 10, 64)
		return plausible(time.Unix(n, 0).UTC())
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return plausible(fromParts(atoi(m[1]), atoi(m[2]), atoi(m[3]), m[4], m[5], m[6], "", m[7]))
	}
	if t, ok := textDate(s, lang); ok {
		return plausible(t)
	}
	if m := numDate.FindStringSubmatch(s); m != nil {
		a, b, c := atoi(m[1]), atoi(m[2]), atoi(m[3])
		var y, mo, d int
		switch {
		case len(m[1]) == 4:
			y, mo, d = a, b, c
		case len(m[3]) == 4 || len(m[3]) == 2:
			y = c
			if y < 100 {
				y += 2000
			}
			// Month first in US English unless the first number cannot be a month.
			if lang == "en" && a <= 12 && !strings.Contains(s, ".") {
				mo, d = a, b
			} else {
				d, mo = a, b
			}
		}
		hh, mm, ss, ap := clock(s)
		return plausible(fromParts(y, mo, d, hh, mm, ss, ap, zone(s)))
	}
	return time.Time{}, false
}

// textDate finds "19 November 2019", "November 19, 2019", "19. November 2019" or
// "19 de noviembre de 2019" in s.
func textDate(s, lang string) (time.Time, bool) {
	months := allMonths
	if t, ok := monthNames[lang]; ok && lang != "en" {
		months = make(map[string]int, len(t)+len(monthNames["en"]))
		for k, v := range monthNames["en"] {
			months[k] = v
		}
		for k, v := range t {
			months[k] = v
		}
	} else if lang == "en" {
		months = monthNames["en"]
	}
	toks := dateTokens(strings.ToLower(s))
	for i, t := range toks {
		mo, ok := months[t]
		if !ok {
			continue
		}
		// Day before the month: "19 November 2019", "19. November", "19 de noviembre de 2019".
		if i > 0 && isDay(toks[i-1]) {
			if y, ok := yearAfter(toks, i+1); ok {
				return finishText(s, y, mo, atoi(toks[i-1]))
			}
		}
		// Month before the day: "November 19, 2019".
		if i+1 < len(toks) && isDay(toks[i+1]) {
			if y, ok := yearAfter(toks, i+2); ok {
				return finishText(s, y, mo, atoi(toks[i+1]))
			}
		}
	}
	return time.Time{}, false
}

func finishText(s string, y, mo, d int) (time.Time, bool) {
	hh, mm, ss, ap := clock(s)
	t := fromParts(y, mo, d, hh, mm, ss, ap, zone(s))
	return t, !t.IsZero()
}

// dateTokens splits s into runs of letters and runs of digits, dropping ordinal suffixes and
// the Spanish/Portuguese "de".
func dateTokens(s string) []string {
	var toks []string
	start, kind := -1, 0
	emit := func(end int) {
		if start >= 0 {
			t := s[start:end]
			switch t {
			case "st", "nd", "rd", "th", "er", "de", "del", "o", "º", "le", "il", "am", "um", "den", "the", "of":
			default:
				toks = append(toks, t)
			}
		}
		start = -1
	}
	for i, r := range s {
		k := 0
		switch {
		case unicode.IsDigit(r):
			k = 1
		case unicode.IsLetter(r):
			k = 2
		}
		if k != kind || k == 0 {
			emit(i)
			if k != 0 {
				start = i
			}
			kind = k
		}
	}
	emit(len(s))
	return toks
}

func isDay(t string) bool {
	if len(t) == 0 || len(t) > 2 || t[0] < '0' || t[0] > '9' {
		return false
	}
	d := atoi(t)
	return d >= 1 && d <= 31
}

// yearAfter finds a four-digit year at toks[i], skipping a weekday-free gap of one token.
func yearAfter(toks []string, i int) (int, bool) {
	for j := i; j < len(toks) && j <= i+1; j++ {
		if len(toks[j]) == 4 && toks[j][0] >= '1' && toks[j][0] <= '2' {
			if y := atoi(toks[j]); y > 0 {
				return y, true
			}
		}
	}
	return 0, false
}

// clock finds a time of day in s.
func clock(s string) (hh, mm, ss, ampm string) {
	m := clockTime.FindStringSubmatch(s)
	if m == nil {
		return "", "", "", ""
	}
	return m[1], m[2], m[3], m[4]
}

// zone finds a UTC offset or zone abbreviation in s.
func zone(s string) string {
	if i := strings.LastIndexAny(s, "+-"); i > 0 && i+5 <= len(s) {
		tail := s[i:]
		if len(tail) >= 5 && isDigits(strings.ReplaceAll(tail[1:min(len(tail), 6)], ":", "")) {
			return tail
		}
	}
	// Abbreviations only in capitals: "et" and "est" are also French words.
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if _, ok := zoneOffsets[strings.ToLower(f)]; ok && f == strings.ToUpper(f) {
			return f
		}
	}
	return ""
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// fromParts builds a time, in UTC when no zone is given.
func fromParts(y, mo, d int, hh, mm, ss, ampm, tz string) time.Time {
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}
	}
	h, mi, se := atoi(hh), atoi(mm), atoi(ss)
	ap := strings.ToLower(strings.NewReplacer(".", "", " ", "").Replace(ampm))
	if ap == "pm" && h < 12 {
		h += 12
	} else if ap == "am" && h == 12 {
		h = 0
	}
	if h > 23 || mi > 59 || se > 59 {
		h, mi, se = 0, 0, 0
	}
	loc := time.UTC
	if tz != "" {
		loc = zoneLocation(tz)
	}
	t := time.Date(y, time.Month(mo), d, h, mi, se, 0, loc)
	if t.Day() != d {
		return time.Time{} // 31 February
	}
	return t
}

func zoneLocation(tz string) *time.Location {
	tz = strings.TrimSpace(tz)
	if off, ok := zoneOffsets[strings.ToLower(tz)]; ok {
		return time.FixedZone(strings.ToUpper(tz), off*3600)
	}
	if len(tz) >= 5 && (tz[0] == '+' || tz[0] == '-') {
		digits := strings.ReplaceAll(tz[1:], ":", "")
		if len(digits) >= 4 {
			h, m := atoi(digits[:2]), atoi(digits[2:4])
			off := h*3600 + m*60
			if tz[0] == '-' {
				off = -off
			}
			if off == 0 {
				return time.UTC
			}
			return time.FixedZone("", off)
		}
	}
	return time.UTC
}

// plausible rejects dates before the web's news era or far in the future.
func plausible(t time.Time) (time.Time, bool) {
	if t.IsZero() || t.Year() < 1995 || t.After(time.Now().AddDate(1, 0, 0)) {
		return time.Time{}, false
	}
	return t, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// urlDate reads a /2019/11/19/ or /2019-11-19 style date from a URL path.
var urlDatePattern = regexp.MustCompile(`/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|-|_|$)`)

func urlDate(path string) (time.Time, bool) {
	m := urlDatePattern.FindStringSubmatch(path)
	if m == nil {
		return time.Time{}, false
	}
	return plausible(fromParts(atoi(m[1]), atoi(m[2]), atoi(m[3]), "", "", "", "", ""))
}
