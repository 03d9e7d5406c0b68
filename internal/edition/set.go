package edition

import (
	"errors"
	"strings"

	"golang.org/x/text/language"
)

// Set is the site's editions, the first the default. It is read-only after NewSet and safe
// for concurrent use.
type Set struct {
	list  []Edition
	byKey map[string]Edition
}

// NewSet holds editions for lookups; it needs at least one.
func NewSet(eds []Edition) (*Set, error) {
	if len(eds) == 0 {
		return nil, errors.New("edition: no editions")
	}
	s := &Set{list: append([]Edition(nil), eds...), byKey: make(map[string]Edition, len(eds))}
	for _, e := range eds {
		s.byKey[e.Key()] = e
	}
	return s, nil
}

// All returns the editions in the operator's order.
func (s *Set) All() []Edition { return append([]Edition(nil), s.list...) }

// Default is the first edition.
func (s *Set) Default() Edition { return s.list[0] }

// Lookup finds an edition by its key, "ie/en".
func (s *Set) Lookup(key string) (Edition, bool) {
	e, ok := s.byKey[strings.ToLower(key)]
	return e, ok
}

// FromPath splits an edition prefix off a URL path: "/ie/en/sport" gives ie/en and
// "/sport". A path without a known prefix gives false and the path unchanged.
func (s *Set) FromPath(path string) (Edition, string, bool) {
	parts := strings.SplitN(strings.TrimPrefix(path, "/"), "/", 3)
	if len(parts) < 2 {
		return Edition{}, path, false
	}
	e, ok := s.byKey[parts[0]+"/"+parts[1]]
	if !ok {
		return Edition{}, path, false
	}
	rest := "/"
	if len(parts) == 3 {
		rest += parts[2]
	}
	return e, rest, true
}

// Pick chooses a reader's edition: the one remembered in the cookie when it still exists,
// else the best match for the Accept-Language header, else the default.
func (s *Set) Pick(cookie, acceptLanguage string) Edition {
	if e, ok := s.Lookup(cookie); ok {
		return e
	}
	return s.Match(acceptLanguage)
}

// Match picks the edition that best fits an Accept-Language header. Languages are tried
// in the reader's order of preference; for each, an edition of the same language and the
// country the tag names (en-IE → ie/en) comes first, then one of the country the language
// is most spoken in (de → de/de), then the first of that language in the operator's order.
// When no language matches, an edition of a country the reader named is taken (ga-IE →
// ie/en); else the default.
func (s *Set) Match(acceptLanguage string) Edition {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return s.Default()
	}
	var regions []string
	for _, t := range tags {
		base, conf := t.Base()
		if conf == language.No {
			continue
		}
		lang := base.String()
		region, rconf := t.Region()
		explicit := rconf == language.Exact
		r := strings.ToLower(region.String())
		if explicit {
			regions = append(regions, r)
			if e, ok := s.byKey[r+"/"+lang]; ok {
				return e
			}
		}
		// The likely region of a bare language: de → DE, fr → FR, en → US.
		if likely, _ := language.Make(lang).Region(); !explicit {
			if e, ok := s.byKey[strings.ToLower(likely.String())+"/"+lang]; ok {
				return e
			}
		}
		for _, e := range s.list {
			if e.Language == lang {
				return e
			}
		}
	}
	for _, r := range regions {
		for _, e := range s.list {
			if e.Country == r {
				return e
			}
		}
	}
	return s.Default()
}
