package web

import (
	"net/http"
	"strconv"
)

// pathID reads a positive integer path wildcard such as {id}.
func pathID(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil && id > 0
}
