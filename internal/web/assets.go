package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"strings"
)

//go:embed static
var staticFS embed.FS

// asset is one embedded static file, served under a name that carries its checksum so that
// browsers may cache it for a year: a changed file gets a new URL.
type asset struct {
	body        []byte
	contentType string
	etag        string
}

// assets maps file names to checksummed URLs and back.
type assets struct {
	urls  map[string]string // "app.css" → "/static/app.0123456789ab.css"
	files map[string]asset  // "app.0123456789ab.css" → file
}

func loadAssets(fsys fs.FS, dir string) (*assets, error) {
	a := &assets{urls: map[string]string{}, files: map[string]asset{}}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read assets: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		name := e.Name()
		body, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("read asset %s: %w", name, err)
		}
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:])[:12]
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hash + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a.urls[name] = "/static/" + hashed
		a.files[hashed] = asset{body: body, contentType: ctype, etag: `"` + hash + `"`}
	}
	return a, nil
}

// URL returns the checksummed URL of an embedded file. An unknown name is a template bug; it
// fails template execution rather than rendering a broken link.
func (a *assets) URL(name string) (string, error) {
	u, ok := a.urls[name]
	if !ok {
		return "", fmt.Errorf("no static asset %q", name)
	}
	return u, nil
}
