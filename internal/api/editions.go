package api

import "net/http"

// Edition is one edition readers can pick: a country and a language (/ie/en).
type Edition struct {
	Code     string `json:"code"` // "ie/en"
	Name     string `json:"name"` // "Ireland (English)"
	Country  string `json:"country"`
	Language string `json:"language"`
	Link     string `json:"link"` // the edition's front page, absolute
}

// editionList serves /api/v1/editions: the editions of Config.Editions. The edition engine
// is being written in parallel; until it hands its editions in, this list is empty — it
// reports what the deployment has, never a made-up list.
func (h *Handler) editionList(w http.ResponseWriter, r *http.Request) {
	h.writeJSON(w, r, listJSON[Edition]{Items: h.editions}, cacheList)
}
