package demo

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"
)

//go:embed templates
var templateFS embed.FS

// parsePageTemplates parses every page template; a broken template is a build error in
// practice, since the package tests render each one.
func parsePageTemplates() *template.Template {
	funcs := template.FuncMap{
		"upper":    strings.ToUpper,
		"add":      func(a, b int) int { return a + b },
		"iso":      func(t time.Time) string { return t.Format(time.RFC3339) },
		"year":     func(t time.Time) int { return t.Year() },
		"initials": siteInitials,
		"author":   bylineName,
		"byrole": func(byline string) string {
			_, role, _ := strings.Cut(byline, ",")
			return strings.TrimSpace(role)
		},
	}
	return template.Must(template.New("pages").Funcs(funcs).ParseFS(templateFS, "templates/*.html"))
}

// link is an entry in a related or most-read list.
type link struct {
	Title, URL, Image, Section string
	When                       string
}

// block is one body element with the inline clutter the template may place after it.
type block struct {
	Kind        string // "p", "h2" or "quote"
	Text        string
	Attribution string
	N           int  // 1-based count of plain paragraphs so far
	AdAfter     bool // an ad slot follows this paragraph
	PromoAfter  bool // a newsletter or app promo follows
	LinkAfter   *link
}

// pageView is what an article template renders.
type pageView struct {
	Site        *site
	Base        string
	URL         string
	A           *entry
	Blocks      []block
	Published   time.Time
	Date        string
	LongDate    string
	ReadMinutes int
	Words       int
	Related     []link
	MostRead    []link
	L           chrome
	JSONLD      template.JS
	Now         time.Time
	Wire        string // the original publisher's name, for syndicated copy
}

// homeView is what a publisher's home page renders.
type homeView struct {
	Site     *site
	Base     string
	Items    []link
	L        chrome
	LongDate string
	Now      time.Time
}

// released returns the publisher's published entries, newest first, with their times.
func (s *Simulator) releasedOf(pub string, now time.Time) ([]*entry, []time.Time) {
	n := s.sch.released(now)
	var es []*entry
	var ts []time.Time
	for i := n - 1; i >= 0; i-- {
		if e := s.cat.entries[i]; e.Publisher == pub {
			es = append(es, e)
			ts = append(ts, s.sch.at[i])
		}
	}
	return es, ts
}

func (s *Simulator) linkTo(base string, e *entry, st *site, at time.Time) link {
	return link{Title: e.Title, URL: base + e.Path, Image: base + e.ImageURL, Section: e.Section, When: humanDate(at.In(st.Zone), st.Country, st.Language)}
}

// buildBlocks turns paragraphs into body blocks and decides where inline clutter goes: an ad
// after the second paragraph and again deep in long pieces, a promo after the fourth, and a
// "read more" link in the middle, as ad-funded sites lay out their stories.
func buildBlocks(paras []string, related []link) []block {
	var out []block
	n := 0
	for _, p := range paras {
		switch {
		case strings.HasPrefix(p, "## "):
			out = append(out, block{Kind: "h2", Text: p[3:], N: n})
		case strings.HasPrefix(p, "> "):
			q, who, _ := strings.Cut(p[2:], " — ")
			out = append(out, block{Kind: "quote", Text: q, Attribution: who, N: n})
		default:
			n++
			b := block{Kind: "p", Text: p, N: n, AdAfter: n == 2 || n == 8, PromoAfter: n == 4}
			if n == 6 && len(related) > 0 {
				b.LinkAfter = &related[0]
			}
			out = append(out, b)
		}
	}
	return out
}

func (s *Simulator) serveArticle(w http.ResponseWriter, r *http.Request) {
	pub, slug := r.PathValue("pub"), r.PathValue("slug")
	st, ok := s.sites[pub]
	i, found := s.index[pub+"/"+slug]
	now := s.now()
	if !ok || !found || i >= s.sch.released(now) || s.cat.entries[i].Path != r.URL.Path {
		s.notFound(w, r, st)
		return
	}
	e := s.cat.entries[i]
	base := baseURL(r)
	published := s.sch.at[i].In(st.Zone)

	var related []link
	es, ts := s.releasedOf(pub, now)
	for k, o := range es {
		if o != e && len(related) < 4 {
			related = append(related, s.linkTo(base, o, st, ts[k]))
		}
	}
	var mostRead []link
	for k := len(es) - 1; k >= 0 && len(mostRead) < 5; k-- {
		if es[k] != e {
			mostRead = append(mostRead, s.linkTo(base, es[k], st, ts[k]))
		}
	}
	words := len(strings.Fields(e.Text()))
	v := pageView{
		Site: st, Base: base, URL: base + e.Path, A: e,
		Blocks:    buildBlocks(e.Paragraphs, related),
		Published: published, Date: humanDate(published, st.Country, st.Language),
		LongDate:    germanDate(now.In(st.Zone)),
		ReadMinutes: max(1, (words+199)/200), Words: words,
		Related: related, MostRead: mostRead,
		L: chromeFor(st.Language), Now: now,
		JSONLD: jsonLD(base, e, st, published),
	}
	if e.Syndicated != "" {
		if o, ok := s.sites[strings.SplitN(e.Syndicated, "/", 2)[0]]; ok {
			v.Wire = o.Name
		}
	}
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, st.Template+".html", v); err != nil {
		http.Error(w, "template error", http.StatusInternalServerError)
		s.log.Error("demo: render article", "path", r.URL.Path, "error", err)
		return
	}
	serveBody(w, r, "text/html; charset=utf-8", buf.Bytes(), published, 300)
}

func (s *Simulator) serveHome(w http.ResponseWriter, r *http.Request) {
	st, ok := s.sites[r.PathValue("pub")]
	if !ok {
		s.notFound(w, r, nil)
		return
	}
	now := s.now()
	base := baseURL(r)
	es, ts := s.releasedOf(st.Slug, now)
	v := homeView{Site: st, Base: base, L: chromeFor(st.Language), LongDate: germanDate(now.In(st.Zone)), Now: now}
	for k, e := range es {
		v.Items = append(v.Items, s.linkTo(base, e, st, ts[k]))
	}
	var modified time.Time
	if len(ts) > 0 {
		modified = ts[0]
	}
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, "home.html", v); err != nil {
		http.Error(w, "template error", http.StatusInternalServerError)
		s.log.Error("demo: render home", "path", r.URL.Path, "error", err)
		return
	}
	serveBody(w, r, "text/html; charset=utf-8", buf.Bytes(), modified, int(defaultInterval/time.Second))
}

func (s *Simulator) serveIndex(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	v := struct {
		Base     string
		Sites    []site
		Released int
		Total    int
	}{baseURL(r), s.cat.sites, s.sch.released(s.now()), len(s.cat.entries)}
	if err := s.pages.ExecuteTemplate(&buf, "index.html", v); err != nil {
		http.Error(w, "template error", http.StatusInternalServerError)
		return
	}
	serveBody(w, r, "text/html; charset=utf-8", buf.Bytes(), time.Time{}, 0)
}

// notFound answers with a publisher-styled 404, as real sites do for unpublished stories.
func (s *Simulator) notFound(w http.ResponseWriter, r *http.Request, st *site) {
	name := "Page not found"
	if st != nil {
		name = st.Name + ": " + name
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprintf(w, "<!doctype html><title>%s</title><h1>%s</h1><p>The page you requested does not exist or has not been published yet.</p>",
		template.HTMLEscapeString(name), template.HTMLEscapeString(name))
}

// jsonLD is the schema.org NewsArticle block most news sites embed for search engines.
func jsonLD(base string, e *entry, st *site, published time.Time) template.JS {
	type thing = map[string]any
	doc := thing{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         e.Title,
		"datePublished":    published.Format(time.RFC3339),
		"dateModified":     published.Format(time.RFC3339),
		"image":            []string{base + e.ImageURL},
		"inLanguage":       st.Language,
		"articleSection":   e.Section,
		"mainEntityOfPage": base + e.Path,
		"publisher":        thing{"@type": "NewsMediaOrganization", "name": st.Name, "logo": thing{"@type": "ImageObject", "url": base + st.LogoPath}},
	}
	if e.Byline != "" {
		doc["author"] = []thing{{"@type": "Person", "name": bylineName(e.Byline)}}
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return ""
	}
	return template.JS(b)
}

// bylineName drops the job title from "Name, Job Title".
func bylineName(byline string) string {
	name, _, _ := strings.Cut(byline, ",")
	return strings.TrimSpace(name)
}

// baseURL is the origin the request came to, so links work behind httptest and Start alike.
func baseURL(r *http.Request) string {
	return "http://" + r.Host
}
