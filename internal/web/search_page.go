package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/section"
	"newsdesk/internal/store"
)

// searchPageSize is how many results a search page lists.
const searchPageSize = 20

// maxSearchPage bounds the page number carried in links, which is only shown.
const maxSearchPage = 1000

// searchView is the search page: the form with its filters, then the results.
type searchView struct {
	Query     string
	Filters   searchFilters
	Sections  []optionView
	Editions  []optionView
	Publisher string // the publisher filter's name, when one is set
	Searched  bool   // there were words to search for
	Hits      []searchHitView
	Page      int
	NextURL   string
	FirstURL  string // on later pages
	ClearURL  string // the same words without filters, when filters are set
}

// searchFilters are the query parameters besides the words and the page.
type searchFilters struct {
	Publisher int64
	Section   string
	Edition   string // "ie/en"
	From, To  string // YYYY-MM-DD, as typed
}

func (f searchFilters) any() bool {
	return f.Publisher != 0 || f.Section != "" || f.Edition != "" || f.From != "" || f.To != ""
}

type optionView struct {
	Value, Label string
	Selected     bool
}

// searchHitView is one result: the title and snippet with the matched words marked.
type searchHitView struct {
	URL       string
	TitleHTML template.HTML // escaped by the store, with <mark> around matches
	Snippet   template.HTML
	ImageURL  string
	Publisher publisherRef
	Time      timeView
	// OnlyURL repeats the search limited to this result's publisher; "" when it already is.
	OnlyURL string
}

// searchPage serves /search. Results depend on the reader's words, so the page is rendered
// per request, never cached, and kept out of search engines.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	now := s.now()
	qv := r.URL.Query()
	v := searchView{Query: question(qv.Get("q")), Filters: s.searchFiltersFrom(qv)}
	v.Page, _ = strconv.Atoi(qv.Get("page"))
	v.Page = min(max(v.Page, 1), maxSearchPage)
	v.Sections = sectionOptions(v.Filters.Section)
	v.Editions = s.editionOptions(v.Filters.Edition)

	q := store.SearchQuery{Text: v.Query, PublisherID: v.Filters.Publisher, Section: v.Filters.Section, Limit: searchPageSize, Cursor: qv.Get("after")}
	if e, ok := s.editionByKey(v.Filters.Edition); ok {
		q.Country, q.Language = e.Country, e.Language
	}
	q.From, _ = time.Parse(time.DateOnly, v.Filters.From)
	if to, err := time.Parse(time.DateOnly, v.Filters.To); err == nil {
		q.To = to.AddDate(0, 0, 1) // the "to" day is included
	}
	if v.Filters.Publisher != 0 {
		if p, err := s.store.Publisher(ctx, v.Filters.Publisher); err == nil {
			v.Publisher = p.Name
		} else {
			v.Filters.Publisher, q.PublisherID = 0, 0 // an unknown publisher filters nothing
		}
	}
	if strings.TrimSpace(v.Query) != "" {
		res, err := s.store.Search(ctx, q)
		if errors.Is(err, store.ErrBadCursor) { // a stale or edited link: start again
			q.Cursor, v.Page = "", 1
			res, err = s.store.Search(ctx, q)
		}
		switch {
		case errors.Is(err, store.ErrEmptyQuery):
			// Only punctuation or operators: shown like an empty search.
		case err != nil:
			s.serverError(w, r, fmt.Errorf("search: %w", err))
			return
		default:
			v.Searched = true
			for _, h := range res.Hits {
				c := newCardView(now, h.Article)
				hv := searchHitView{URL: c.URL, TitleHTML: template.HTML(h.TitleHTML), Snippet: template.HTML(h.SnippetHTML),
					ImageURL: c.ImageURL, Publisher: c.Publisher, Time: c.Time}
				if v.Filters.Publisher == 0 && h.PublisherID != 0 {
					only := v.Filters
					only.Publisher = h.PublisherID
					hv.OnlyURL = searchURL(v.Query, only, "", 0)
				}
				v.Hits = append(v.Hits, hv)
			}
			if res.Next != "" && v.Page < maxSearchPage {
				v.NextURL = searchURL(v.Query, v.Filters, res.Next, v.Page+1)
			}
			if q.Cursor != "" {
				v.FirstURL = searchURL(v.Query, v.Filters, "", 0)
			}
			if v.Filters.any() {
				v.ClearURL = searchURL(v.Query, searchFilters{}, "", 0)
			}
		}
	}
	title := "Search"
	if v.Query != "" {
		title = "Search: " + v.Query
	}
	body, err := s.render(ctx, "search", layoutView{Site: s.site, Title: title, NoIndex: true, SearchQuery: v.Query, Content: v})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeHTML(w, http.StatusOK, body)
}

// searchFiltersFrom reads the filters, dropping values that could not be right.
func (s *Server) searchFiltersFrom(qv url.Values) searchFilters {
	var f searchFilters
	if id, err := strconv.ParseInt(qv.Get("publisher"), 10, 64); err == nil && id > 0 {
		f.Publisher = id
	}
	if sec, ok := section.Parse(qv.Get("section")); ok {
		f.Section = string(sec)
	}
	if _, ok := s.editionByKey(qv.Get("edition")); ok {
		f.Edition = strings.ToLower(qv.Get("edition"))
	}
	for _, d := range []struct {
		name string
		to   *string
	}{{"from", &f.From}, {"to", &f.To}} {
		if _, err := time.Parse(time.DateOnly, qv.Get(d.name)); err == nil {
			*d.to = qv.Get(d.name)
		}
	}
	return f
}

// searchURL is the link to a page of results.
func searchURL(query string, f searchFilters, after string, page int) string {
	qv := url.Values{"q": {query}}
	if f.Publisher != 0 {
		qv.Set("publisher", strconv.FormatInt(f.Publisher, 10))
	}
	set := func(k, v string) {
		if v != "" {
			qv.Set(k, v)
		}
	}
	set("section", f.Section)
	set("edition", f.Edition)
	set("from", f.From)
	set("to", f.To)
	set("after", after)
	if page > 1 {
		qv.Set("page", strconv.Itoa(page))
	}
	return "/search?" + qv.Encode()
}

func sectionOptions(selected string) []optionView {
	out := []optionView{{Value: "", Label: "All sections", Selected: selected == ""}}
	for _, sec := range section.All() {
		name := string(sec)
		out = append(out, optionView{Value: name, Label: strings.ToUpper(name[:1]) + name[1:], Selected: name == selected})
	}
	return out
}
