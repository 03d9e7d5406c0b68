package web

import (
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// The app: newsdesk is installable as a progressive web app. Three files make it so:
//
//   - /manifest.webmanifest names the app, its start URL, colours and icons;
//   - /sw.js, the service worker, keeps the shell and the pages a reader opened so they read
//     offline (see pwa/sw.js);
//   - /offline, the page the worker shows for a page it never kept.
//
// The manifest and the worker are built once at start, because they name the checksummed
// asset URLs; they must live at fixed root URLs (a worker's scope is its directory, and the
// manifest is linked from cached pages), so they are served with no-cache and an ETag.

//go:embed pwa/sw.js
var serviceWorkerSource string

// Theme colours of the app: the browser's toolbar and the splash screen while it starts.
const (
	appThemeColor      = "#1a56db" // the logo's blue
	appBackgroundColor = "#ffffff"
)

// shellAssets are precached by the service worker: what every page needs to show.
var shellAssets = []string{"app.css", "app.js", "listen.js", "ai.js", "logo.svg", "favicon.svg", "icon-192.png"}

// appFile is a root file built at start.
type appFile struct {
	body        []byte
	contentType string
	etag        string
}

func newAppFile(contentType string, body []byte) appFile {
	sum := sha256.Sum256(body)
	return appFile{body: body, contentType: contentType, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
}

// appFiles are the manifest and the service worker.
type appFiles struct {
	manifest appFile
	worker   appFile
}

type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose,omitempty"`
}

type manifest struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	ShortName       string         `json:"short_name"`
	Description     string         `json:"description"`
	StartURL        string         `json:"start_url"`
	Scope           string         `json:"scope"`
	Display         string         `json:"display"`
	ThemeColor      string         `json:"theme_color"`
	BackgroundColor string         `json:"background_color"`
	Categories      []string       `json:"categories"`
	Icons           []manifestIcon `json:"icons"`
}

func newAppFiles(site string, a *assets) (*appFiles, error) {
	urls := map[string]string{}
	for _, name := range append([]string{"icon-512.png", "icon-maskable-512.png"}, shellAssets...) {
		u, err := a.URL(name)
		if err != nil {
			return nil, fmt.Errorf("app files: %w", err)
		}
		urls[name] = u
	}
	short := site
	if r := []rune(short); len(r) > 12 { // launchers cut longer names under the icon
		short = string(r[:12])
	}
	m := manifest{
		ID: "/", Name: site, ShortName: short,
		Description: "The news from " + site + "'s sources, grouped into stories.",
		StartURL:    "/", Scope: "/", Display: "standalone",
		ThemeColor: appThemeColor, BackgroundColor: appBackgroundColor,
		Categories: []string{"news"},
		Icons: []manifestIcon{
			{Src: urls["icon-192.png"], Sizes: "192x192", Type: "image/png", Purpose: "any"},
			{Src: urls["icon-512.png"], Sizes: "512x512", Type: "image/png", Purpose: "any"},
			{Src: urls["icon-maskable-512.png"], Sizes: "512x512", Type: "image/png", Purpose: "maskable"},
			{Src: urls["favicon.svg"], Sizes: "any", Type: "image/svg+xml", Purpose: "any"},
		},
	}
	body, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("app files: %w", err)
	}
	precache := []string{offlinePath}
	for _, name := range shellAssets {
		precache = append(precache, urls[name])
	}
	list, err := json.Marshal(precache)
	if err != nil {
		return nil, fmt.Errorf("app files: %w", err)
	}
	// The worker's version follows the shell's URLs, which follow the files' checksums.
	version := sha256.Sum256(list)
	js := strings.NewReplacer(
		`"__VERSION__"`, `"`+hex.EncodeToString(version[:6])+`"`,
		"__PRECACHE__", string(list),
	).Replace(serviceWorkerSource)
	return &appFiles{
		manifest: newAppFile("application/manifest+json", body),
		worker:   newAppFile("text/javascript; charset=utf-8", []byte(js)),
	}, nil
}

// offlinePath is the page the service worker shows for a page it never kept.
const offlinePath = "/offline"

func (s *Server) manifest(w http.ResponseWriter, r *http.Request) {
	s.serveAppFile(w, r, s.app.manifest)
}

func (s *Server) serviceWorker(w http.ResponseWriter, r *http.Request) {
	s.serveAppFile(w, r, s.app.worker)
}

func (s *Server) serveAppFile(w http.ResponseWriter, r *http.Request, f appFile) {
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	// Browsers check a worker for updates at least daily whatever this says; no-cache makes
	// every check, and every manifest fetch, a cheap revalidation.
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", f.etag)
	if etagMatch(r.Header.Get("If-None-Match"), f.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(f.body) //nolint:errcheck // the client went away
}

// offlinePage is the same for everyone and never changes while the server runs.
func (s *Server) offlinePage(w http.ResponseWriter, r *http.Request) {
	s.serveCached(w, r, "offline", func(ctx context.Context, now time.Time) ([]byte, error) {
		return s.render(ctx, "offline", layoutView{
			Site:    s.site,
			Title:   "You are offline",
			NoIndex: true,
			Content: nil,
		})
	})
}
