package web

import (
	"net/http"
	"time"

	"newsdesk/internal/edition"
	"newsdesk/internal/section"
)

// Editions: "global content with local flavour". With Config.Editions set, each edition
// has a front page at /{country}/{language} (/ie/en), ranked for it (its own country's
// sources boosted, its language preferred) and worded in its language; the site's root
// sends each reader to theirs: the one they last opened (remembered in a cookie), else the
// best match for their Accept-Language, else the first edition.

// editionCookie remembers the edition a reader last opened.
const editionCookie = "edition"

// editionCookieAge is how long the choice is remembered.
const editionCookieAge = 365 * 24 * time.Hour

// editionByKey finds a configured edition by "ie/en"; false without editions.
func (s *Server) editionByKey(key string) (edition.Edition, bool) {
	if s.editions == nil || key == "" {
		return edition.Edition{}, false
	}
	return s.editions.Lookup(key)
}

// editionOptions are the search form's edition choices; none without editions.
func (s *Server) editionOptions(selected string) []optionView {
	if s.editions == nil {
		return nil
	}
	out := []optionView{{Value: "", Label: "All editions", Selected: selected == ""}}
	for _, e := range s.editions.All() {
		out = append(out, optionView{Value: e.Key(), Label: e.Name, Selected: e.Key() == selected})
	}
	return out
}

// editionNav is the header's edition switcher.
type editionNav struct {
	Label   string // "Edition", in the current edition's language
	Current string // the current edition's key; "" on pages of no edition
	Links   []editionLink
}

type editionLink struct {
	URL, Name, Lang string
	Current         bool
}

// nav builds the switcher with cur marked; nil without editions.
func (s *Server) editionNav(cur edition.Edition) *editionNav {
	if s.editions == nil {
		return nil
	}
	n := &editionNav{Label: cur.Locale().T("edition"), Current: cur.Key()}
	if cur.Country == "" {
		n.Label, n.Current = "Edition", ""
	}
	for _, e := range s.editions.All() {
		n.Links = append(n.Links, editionLink{URL: e.Path(), Name: e.Name, Lang: e.Language, Current: e.Key() == n.Current})
	}
	return n
}

// rootPage serves /: the front page itself without editions, else a redirect to the
// reader's edition. The redirect depends on the request, so it is never cached.
func (s *Server) rootPage(w http.ResponseWriter, r *http.Request) {
	if s.editions == nil {
		s.frontPage(w, r)
		return
	}
	var remembered string
	if c, err := r.Cookie(editionCookie); err == nil {
		remembered = c.Value
	}
	e := s.editions.Pick(remembered, r.Header.Get("Accept-Language"))
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Add("Vary", "Cookie, Accept-Language")
	http.Redirect(w, r, e.Path(), http.StatusFound)
}

// editionPage serves /{country}/{lang} and /{country}/{lang}/{section}: the edition's
// front page or one of its sections, and remembers the edition as the reader's choice. A
// path that names no edition or section is a 404.
func (s *Server) editionPage(w http.ResponseWriter, r *http.Request) {
	e, ok := s.editionByKey(r.PathValue("country") + "/" + r.PathValue("lang"))
	if !ok || r.PathValue("country") != e.Country || r.PathValue("lang") != e.Language {
		s.notFound(w, r)
		return
	}
	var sec string
	if name := r.PathValue("section"); name != "" {
		parsed, ok := section.Parse(name)
		if !ok {
			s.notFound(w, r)
			return
		}
		sec = string(parsed)
	}
	// The cookie is a header of this response only; the cached body is the same for all.
	http.SetCookie(w, &http.Cookie{
		Name: editionCookie, Value: e.Key(), Path: "/", MaxAge: int(editionCookieAge / time.Second),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil,
	})
	s.serveFront(w, r, e, sec)
}
