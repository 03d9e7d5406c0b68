package api

import "net/http"

// Section is one section of the front page (World, Business, … Local).
type Section struct {
	Slug string `json:"slug"` // "technology"
	Name string `json:"name"` // "Technology"
	Link string `json:"link"` // the section's page, absolute
}

// sectionList serves /api/v1/sections: the sections of Config.Sections. The section engine
// (rules and a classifier) is being written in parallel; until it classifies articles and
// hands its sections in, this list is empty rather than naming sections with nothing in them.
func (h *Handler) sectionList(w http.ResponseWriter, r *http.Request) {
	h.writeJSON(w, r, listJSON[Section]{Items: h.sections}, cacheList)
}
