package demo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Handler routes the simulator's sites:
//
//	/                              an index of the publishers
//	/robots.txt                    one policy for every site on the host; it allows us
//	/{pub}/                        home page with feed autodiscovery
//	/{pub}/{feed file}             the feed in the publisher's format
//	/{pub}/logo.svg, favicon.svg, favicon.png
//	/{pub}/images/{slug}.svg       lead images
//	/{pub}/{section}/{slug}        article pages (404 until published)
func (s *Simulator) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.serveIndex)
	mux.HandleFunc("GET /robots.txt", serveRobots)
	mux.HandleFunc("GET /{pub}/{$}", s.serveHome)
	mux.HandleFunc("GET /{pub}/{file}", s.serveFile)
	mux.HandleFunc("GET /{pub}/images/{name}", s.serveImage)
	mux.HandleFunc("GET /{pub}/{section}/{slug}", s.serveArticle)
	return mux
}

// serveFile answers the single-segment paths under a publisher: its feed and its brand images.
func (s *Simulator) serveFile(w http.ResponseWriter, r *http.Request) {
	st, ok := s.sites[r.PathValue("pub")]
	if !ok {
		s.notFound(w, r, nil)
		return
	}
	switch r.PathValue("file") {
	case st.feedFile:
		s.serveFeed(w, r, st)
	case "logo.svg":
		serveBody(w, r, "image/svg+xml", logoSVG(st), time.Time{}, 86400)
	case "favicon.svg":
		serveBody(w, r, "image/svg+xml", faviconSVG(st), time.Time{}, 86400)
	case "favicon.png":
		serveBody(w, r, "image/png", faviconPNG(st), time.Time{}, 86400)
	default:
		s.notFound(w, r, st)
	}
}

func (s *Simulator) serveImage(w http.ResponseWriter, r *http.Request) {
	pub := r.PathValue("pub")
	slug, ok := strings.CutSuffix(r.PathValue("name"), ".svg")
	i, found := s.index[pub+"/"+slug]
	if !ok || !found || i >= s.sch.released(s.now()) {
		s.notFound(w, r, s.sites[pub])
		return
	}
	e := s.cat.entries[i]
	serveBody(w, r, "image/svg+xml", leadImageSVG(e.Slug, e.Section, s.sites[pub]), s.sch.at[i], 86400)
}

// robotsTxt welcomes every crawler except on the paths real news sites keep private.
const robotsTxt = `# Simulated publishers: crawlers are welcome.
User-agent: *
Disallow: /search
Disallow: /account/
Allow: /

User-agent: newsdesk
Allow: /
`

func serveRobots(w http.ResponseWriter, r *http.Request) {
	serveBody(w, r, "text/plain; charset=utf-8", []byte(robotsTxt), time.Time{}, 3600)
}

// serveBody sends body with a strong ETag, Last-Modified when known and a max-age, and lets
// http.ServeContent answer If-None-Match / If-Modified-Since with 304.
func serveBody(w http.ResponseWriter, r *http.Request, contentType string, body []byte, modified time.Time, maxAge int) {
	sum := sha256.Sum256(body)
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("ETag", `"`+hex.EncodeToString(sum[:10])+`"`)
	h.Set("Cache-Control", "public, max-age="+strconv.Itoa(maxAge))
	h.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", modified, bytes.NewReader(body))
}
