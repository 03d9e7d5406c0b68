package api

import (
	_ "embed"
	"net/http"
)

// openAPIDoc is the API's OpenAPI 3.1 description, written by hand. openapi_test.go validates
// it, checks it against the routes and checks real answers against its schemas.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI serves /api/openapi.json.
func (h *Handler) openAPI(w http.ResponseWriter, r *http.Request) {
	h.writeBody(w, r, "application/json; charset=utf-8", openAPIDoc, cacheDocument)
}
