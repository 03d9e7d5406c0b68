package web

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// The app's PNG icons (static/icon-*.png) are drawn by drawAppIcon, from the same shapes as
// static/logo.svg, and committed: they change only when the logo does. This test checks the
// committed files are exactly what the drawing gives; `go test ./internal/web -run AppIcons
// -update` redraws them.

// logoShape is one rounded rectangle of the logo, in the SVG's 32-unit box.
type logoShape struct {
	x, y, w, h, r float64
	alpha         float64 // white over the blue tile
}

var logoShapes = []logoShape{
	{7, 8, 18, 3, 1.5, 1},
	{7, 14, 11, 2, 1, .85},
	{7, 18.5, 11, 2, 1, .85},
	{7, 23, 18, 2, 1, .85},
	{20, 14, 5, 6.5, 1, 1},
}

var logoBlue = color.RGBA{R: 0x1a, G: 0x56, B: 0xdb, A: 0xff}

// appIcons are the files and how each is drawn. A maskable icon is cropped by the launcher
// to a circle or squircle, so it fills the whole square and keeps the marks inside the
// centre 80% (the logo's marks already sit within 40% of the size from the centre).
var appIcons = []struct {
	file     string
	size     int
	maskable bool
}{
	{"icon-192.png", 192, false},
	{"icon-512.png", 512, false},
	{"icon-maskable-512.png", 512, true},
}

// inRoundRect reports whether (px, py) lies in the rounded rectangle.
func inRoundRect(px, py, x, y, w, h, r float64) bool {
	if px < x || py < y || px > x+w || py > y+h {
		return false
	}
	cx := min(max(px, x+r), x+w-r)
	cy := min(max(py, y+r), y+h-r)
	dx, dy := px-cx, py-cy
	return dx*dx+dy*dy <= r*r
}

// drawAppIcon draws the logo at size×size pixels, 4×4 samples a pixel for smooth edges.
func drawAppIcon(size int, maskable bool) *image.NRGBA {
	const samples = 4
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	unit := float64(size) / 32
	for py := range size {
		for px := range size {
			var cover, white float64 // tile coverage, and white mixed in, per sample
			for sy := range samples {
				for sx := range samples {
					x := (float64(px) + (float64(sx)+.5)/samples) / unit
					y := (float64(py) + (float64(sy)+.5)/samples) / unit
					if !maskable && !inRoundRect(x, y, 0, 0, 32, 32, 7) {
						continue
					}
					cover++
					for _, s := range logoShapes {
						if inRoundRect(x, y, s.x, s.y, s.w, s.h, s.r) {
							white += s.alpha
							break
						}
					}
				}
			}
			if cover == 0 {
				continue
			}
			f := white / cover
			mix := func(c uint8) uint8 { return uint8(float64(c)*(1-f) + 255*f + .5) }
			img.SetNRGBA(px, py, color.NRGBA{R: mix(logoBlue.R), G: mix(logoBlue.G), B: mix(logoBlue.B), A: uint8(255*cover/(samples*samples) + .5)})
		}
	}
	return img
}

func TestAppIcons(t *testing.T) {
	t.Parallel()
	for _, icon := range appIcons {
		var want bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&want, drawAppIcon(icon.size, icon.maskable)); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("static", icon.file)
		if *update {
			if err := os.WriteFile(path, want.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to draw it)", err)
		}
		img, err := png.Decode(bytes.NewReader(got))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if b := img.Bounds(); b.Dx() != icon.size || b.Dy() != icon.size {
			t.Errorf("%s is %dx%d, want %dx%d", path, b.Dx(), b.Dy(), icon.size, icon.size)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s is not what drawAppIcon draws; run with -update", path)
		}
		// A maskable icon must be opaque to its edges; the plain one has transparent corners.
		_, _, _, a := img.At(0, 0).RGBA()
		if icon.maskable != (a == 0xffff) {
			t.Errorf("%s: corner alpha %d, maskable %v", path, a, icon.maskable)
		}
		if len(got) > 16<<10 {
			t.Errorf("%s is %d bytes; keep icons small", path, len(got))
		}
	}
}
