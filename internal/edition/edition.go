// Package edition is "global content with local flavour": an edition is a country and a
// language (/ie/en, /de/de, /us/en), defined by the operator in NEWSDESK_EDITIONS or
// derived from the publishers' countries and languages. It parses and validates that
// setting, picks a reader's edition from a cookie or the Accept-Language header, and holds
// the words of the page chrome and the relative times in each edition's language.
package edition

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Edition is one country and language of the front page.
type Edition struct {
	Country  string // ISO 3166-1 alpha-2, lower case
	Language string // ISO 639-1, lower case
	Name     string // shown in the edition picker, e.g. "Deutschland"
}

// Key is the edition's country and language as the setting and the cookie spell it: "ie/en".
func (e Edition) Key() string { return e.Country + "/" + e.Language }

// Path is the edition's URL prefix: "/ie/en".
func (e Edition) Path() string { return "/" + e.Key() }

// Locale returns the words and date formats of the edition's language.
func (e Edition) Locale() *Locale { return LocaleFor(e.Language) }

// ErrInvalid is wrapped by every error about the editions setting.
var ErrInvalid = errors.New("invalid editions")

// Parse reads the editions setting: comma-separated entries "country/language=Name", the
// name optional ("us/en=United States,ie/en=Ireland,de/de"). A missing name comes from a
// small table of country names in the edition's language, else the key. An empty setting
// gives no editions (the caller then derives them with Default).
func Parse(spec string) ([]Edition, error) {
	var out []Edition
	seen := map[string]bool{}
	for _, entry := range strings.Split(spec, ",") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		key, name, _ := strings.Cut(entry, "=")
		country, lang, ok := strings.Cut(strings.ToLower(strings.TrimSpace(key)), "/")
		if !ok || !isCode(country) || !isCode(lang) {
			return nil, fmt.Errorf("%w: entry %q: want country/language, two letters each, like us/en", ErrInvalid, entry)
		}
		e := Edition{Country: country, Language: lang, Name: strings.TrimSpace(name)}
		if seen[e.Key()] {
			return nil, fmt.Errorf("%w: %s listed twice", ErrInvalid, e.Key())
		}
		seen[e.Key()] = true
		if e.Name == "" {
			e.Name = countryName(country, lang)
		}
		out = append(out, e)
	}
	return out, nil
}

// Format writes editions back in the setting's form.
func Format(eds []Edition) string {
	parts := make([]string, len(eds))
	for i, e := range eds {
		parts[i] = e.Key() + "=" + e.Name
	}
	return strings.Join(parts, ",")
}

func isCode(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

// Source is what Default needs of a publisher.
type Source struct {
	Country  string
	Language string
}

// Fallback is the one edition of a site that knows no publisher's country and language.
var Fallback = Edition{Country: "us", Language: "en", Name: "United States"}

// Default derives editions from the publishers: one per country and language that a
// publisher has, the most published first. Publishers missing either are skipped; with
// none left the result is the fallback edition alone.
func Default(sources []Source) []Edition {
	count := map[string]int{}
	for _, s := range sources {
		c, l := strings.ToLower(strings.TrimSpace(s.Country)), strings.ToLower(strings.TrimSpace(s.Language))
		if i := strings.IndexAny(l, "-_"); i > 0 {
			l = l[:i] // en-GB → en
		}
		if isCode(c) && isCode(l) {
			count[c+"/"+l]++
		}
	}
	if len(count) == 0 {
		return []Edition{Fallback}
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if count[keys[i]] != count[keys[j]] {
			return count[keys[i]] > count[keys[j]]
		}
		return keys[i] < keys[j]
	})
	out := make([]Edition, len(keys))
	for i, k := range keys {
		c, l, _ := strings.Cut(k, "/")
		out[i] = Edition{Country: c, Language: l, Name: countryName(c, l)}
	}
	return out
}
