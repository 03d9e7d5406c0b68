package web

import (
	"bytes"
	"compress/gzip"
	"hash/fnv"
	"net/http"
	"strconv"
	"strings"
)

// cachedPage is a rendered page in the two encodings we send: as is, and gzipped. Pages
// are compressed once when rendered, not on every request; HTML shrinks to about a fifth.
type cachedPage struct {
	key    string
	stamp  stamp
	body   []byte
	gz     []byte // nil when compression failed or did not pay
	etag   string
	gzEtag string // a different representation needs a different strong ETag
}

// newCachedPage hashes body and, when compress is set, gzips it. Compression is worth its
// cost (a gzip writer allocates ~800 KB) only for a page that will be sent many times.
func newCachedPage(key string, st stamp, body []byte, compress bool) *cachedPage {
	h := fnv.New64a()
	h.Write(body)
	sum := strconv.FormatUint(h.Sum64(), 36)
	p := &cachedPage{key: key, stamp: st, body: body, etag: `"` + sum + `"`, gzEtag: `"` + sum + `-gz"`}
	if !compress {
		return p
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(body); err == nil && zw.Close() == nil && buf.Len() < len(body) {
		p.gz = buf.Bytes()
	}
	return p
}

// size is what the page costs the cache.
func (p *cachedPage) size() int { return len(p.body) + len(p.gz) }

// writePage sends a rendered page, gzipped when the client accepts it. Browsers must
// revalidate (no-cache) and get a 304 while the ETag still matches. The bytes are written
// directly: pages need no Range support, and http.ServeContent would copy them through a
// fresh 32 KB buffer on writers without ReadFrom.
func (s *Server) writePage(w http.ResponseWriter, r *http.Request, p *cachedPage) {
	body, etag := p.body, p.etag
	h := w.Header()
	h.Set("Vary", "Accept-Encoding")
	if p.gz != nil && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		body, etag = p.gz, p.gzEtag
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag)
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body) //nolint:errcheck // the reader went away; nothing left to tell it
}

// etagMatch reports whether an If-None-Match header names etag. The comparison is weak, as
// RFC 9110 asks for If-None-Match: a W/ prefix is ignored.
func etagMatch(header, etag string) bool {
	for tag := range strings.SplitSeq(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == etag || tag == "*" {
			return true
		}
	}
	return false
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip: named, or covered by
// "*", and not refused with q=0. An explicit gzip entry outranks "*".
func acceptsGzip(header string) bool {
	star := false
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != "gzip" && name != "*" {
			continue
		}
		ok := true
		if q, found := strings.CutPrefix(strings.TrimSpace(params), "q="); found {
			v, err := strconv.ParseFloat(q, 64)
			ok = err != nil || v > 0
		}
		if name == "gzip" {
			return ok
		}
		star = ok
	}
	return star
}
