package web

import (
	"fmt"
	"net/http"
)

// sourcesView is the sources page.
type sourcesView struct {
	Feeds                     []sourceView
	Healthy, Failing, Stopped int
	Templates                 []templateView
}

// sourcesPage shows each feed's health. It is not cached: its times ("next check in 4
// minutes") move with every poll, not only when visible content changes.
func (s *Server) sourcesPage(w http.ResponseWriter, r *http.Request) {
	feeds, err := s.store.FeedStatuses(r.Context())
	if err != nil {
		s.serverError(w, r, fmt.Errorf("sources: %w", err))
		return
	}
	now := s.now()
	var v sourcesView
	for _, f := range feeds {
		sv := newSourceView(now, f)
		switch sv.Status {
		case "disabled":
			v.Stopped++
		case "failing":
			v.Failing++
		default:
			v.Healthy++
		}
		v.Feeds = append(v.Feeds, sv)
	}
	templates, err := s.store.SiteTemplates(r.Context())
	if err != nil {
		s.serverError(w, r, fmt.Errorf("sources: %w", err))
		return
	}
	for _, t := range templates {
		v.Templates = append(v.Templates, newTemplateView(now, t))
	}
	body, err := s.render(r.Context(), "sources", layoutView{
		Site:        s.site,
		Title:       "Sources",
		Description: "The feeds " + s.site + " reads and how each is doing.",
		Canonical:   "/sources",
		Content:     v,
	})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeHTML(w, http.StatusOK, body)
}
