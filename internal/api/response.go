package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/store"
)

// How long answers may be cached. Lists change with every ingested article; a stored
// article rarely changes; the OpenAPI document changes with a release.
const (
	cacheList     = 60 * time.Second
	cacheArticle  = 5 * time.Minute
	cacheFeed     = 5 * time.Minute
	cacheDocument = time.Hour
)

// Errors a handler returns; fail maps them to a status.
var (
	errBadRequest = errors.New("bad request")
	errNoRoute    = errors.New("no such API route")
)

// requestError is a client mistake with words for the client.
type requestError struct{ msg string }

func (e *requestError) Error() string { return e.msg }
func (e *requestError) Unwrap() error { return errBadRequest }

func badRequest(msg string) error { return &requestError{msg: msg} }

// movedError sends the client to where a merged story lives now.
type movedError struct{ to string }

func (e *movedError) Error() string { return "moved to " + e.to }

// writeJSON answers with v as JSON.
func (h *Handler) writeJSON(w http.ResponseWriter, r *http.Request, v any, maxAge time.Duration) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // the API is not embedded in HTML; "&" stays readable
	if err := enc.Encode(v); err != nil {
		h.fail(w, r, err)
		return
	}
	h.writeBody(w, r, "application/json; charset=utf-8", buf.Bytes(), maxAge)
}

// writeBody sends a finished body with its validators: an ETag that is the body's hash, so
// two servers answering the same bytes agree, and a 304 when the client already has them.
func (h *Handler) writeBody(w http.ResponseWriter, r *http.Request, contentType string, body []byte, maxAge time.Duration) {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	h.keep(w, cachedBody{contentType: contentType, body: body, etag: etag, maxAge: maxAge})
	sendBody(w, r, cachedBody{contentType: contentType, body: body, etag: etag, maxAge: maxAge})
}

// sendBody answers with a finished body and its ETag, or 304.
func sendBody(w http.ResponseWriter, r *http.Request, b cachedBody) {
	hd := w.Header()
	allowOrigin(hd)
	hd.Set("ETag", b.etag)
	hd.Set("Cache-Control", "public, max-age="+strconv.Itoa(int(b.maxAge.Seconds())))
	if etagMatches(r.Header.Get("If-None-Match"), b.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hd.Set("Content-Type", b.contentType)
	hd.Set("Content-Length", strconv.Itoa(len(b.body)))
	hd.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b.body)
	}
}

// etagMatches applies If-None-Match's weak comparison: any listed tag equal to ours, with
// or without W/, or "*".
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	for part := range strings.SplitSeq(header, ",") {
		part = strings.TrimSpace(part)
		if part == "*" || strings.TrimPrefix(part, "W/") == etag {
			return true
		}
	}
	return false
}

// allowOrigin lets any site read the API: it is public, read-only and uses no cookies.
func allowOrigin(hd http.Header) {
	hd.Set("Access-Control-Allow-Origin", "*")
	hd.Set("Access-Control-Expose-Headers", "ETag")
}

// preflight answers a browser's CORS preflight. If-None-Match is not a CORS-safelisted
// header, so a client revalidating from another origin asks first.
func (h *Handler) preflight(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	allowOrigin(hd)
	hd.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
	hd.Set("Access-Control-Allow-Headers", "If-None-Match, Accept")
	hd.Set("Access-Control-Max-Age", "86400")
	w.WriteHeader(http.StatusNoContent)
}

// errorBody is every error the API sends.
type errorBody struct {
	Error string `json:"error"`
}

// fail answers err with its status and a JSON body. Store failures are logged and reported
// without their detail, which may name tables or hosts.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	hd := w.Header()
	allowOrigin(hd)
	var moved *movedError
	if errors.As(err, &moved) {
		hd.Set("Location", moved.to)
		hd.Set("Cache-Control", "public, max-age=3600")
		w.WriteHeader(http.StatusMovedPermanently)
		return
	}
	status, msg := http.StatusInternalServerError, "internal error"
	var req *requestError
	switch {
	case errors.As(err, &req):
		status, msg = http.StatusBadRequest, req.msg
	case errors.Is(err, store.ErrNotFound):
		status, msg = http.StatusNotFound, "not found"
	case errors.Is(err, errNoRoute):
		status, msg = http.StatusNotFound, err.Error()
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			hd.Set("Allow", "GET, HEAD, OPTIONS")
			status, msg = http.StatusMethodNotAllowed, "the API is read-only: use GET"
		}
	case r.Context().Err() != nil:
		return // the client left; nobody reads an answer
	default:
		h.log.ErrorContext(r.Context(), "api: request failed", slog.String("path", r.URL.Path), slog.Any("error", err))
	}
	body, _ := json.Marshal(errorBody{Error: msg})
	hd.Set("Content-Type", "application/json; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
