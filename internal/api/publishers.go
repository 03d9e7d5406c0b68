package api

import (
	"fmt"
	"net/http"
	"strconv"
)

type publisherListJSON struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	HomeURL  string `json:"home_url"`
	Link     string `json:"link"`
	Logo     string `json:"logo,omitempty"`
	Country  string `json:"country,omitempty"`
	Language string `json:"language,omitempty"`
}

// publishers serves /api/v1/publishers: every publisher by name. The list is one page: a
// deployment follows hundreds of sources, not millions.
func (h *Handler) publishers(w http.ResponseWriter, r *http.Request) {
	pubs, err := h.store.Publishers(r.Context())
	if err != nil {
		h.fail(w, r, fmt.Errorf("publishers: %w", err))
		return
	}
	out := make([]publisherListJSON, 0, len(pubs))
	for _, p := range pubs {
		out = append(out, publisherListJSON{
			ID: p.ID, Name: p.Name, HomeURL: p.HomeURL, Link: h.abs("/publisher/" + strconv.FormatInt(p.ID, 10)),
			Logo: p.LogoURL, Country: p.Country, Language: p.Language,
		})
	}
	h.writeJSON(w, r, listJSON[publisherListJSON]{Items: out}, cacheList)
}
