package demo

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"html"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"strings"
)

// leadImageSVG draws a stand-in news photo: a landscape whose colours and shapes follow from
// the slug, so every article has its own recognisable picture and the bytes never change.
func leadImageSVG(slug, section string, st *site) []byte {
	h := fnv.New64a()
	h.Write([]byte(slug))
	seed := h.Sum64()
	next := func(n uint64) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int((seed >> 33) % n)
	}
	hue := next(360)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">`)
	fmt.Fprintf(&b, `<title>%s</title>`, html.EscapeString(section))
	fmt.Fprintf(&b, `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(%d,60%%,72%%)"/><stop offset="1" stop-color="hsl(%d,70%%,88%%)"/></linearGradient></defs>`, hue, (hue+40)%360)
	b.WriteString(`<rect width="1200" height="675" fill="url(#sky)"/>`)
	fmt.Fprintf(&b, `<circle cx="%d" cy="%d" r="%d" fill="hsl(%d,90%%,85%%)" opacity="0.9"/>`, 150+next(900), 90+next(140), 40+next(50), (hue+180)%360)
	for layer := range 3 {
		y := 330 + layer*90 + next(40)
		fmt.Fprintf(&b, `<path d="M0 %d`, y)
		for x := 0; x <= 1200; x += 150 {
			fmt.Fprintf(&b, ` Q%d %d %d %d`, x+75, y-60+next(120), x+150, y-20+next(40))
		}
		fmt.Fprintf(&b, ` V675 H0 Z" fill="hsl(%d,%d%%,%d%%)"/>`, (hue+120+layer*15)%360, 30+layer*10, 45-layer*12)
	}
	for range 3 + next(6) {
		w, ht := 40+next(80), 80+next(200)
		x := next(1100)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="hsl(%d,15%%,%d%%)"/>`, x, 600-ht, w, ht+75, hue, 20+next(25))
	}
	fmt.Fprintf(&b, `<rect y="640" width="1200" height="35" fill="%s" opacity="0.85"/>`, st.Primary)
	b.WriteString(`</svg>`)
	return []byte(b.String())
}

// logoSVG is the publisher's wordmark on a band of its brand colour.
func logoSVG(st *site) []byte {
	font := "Georgia, 'Times New Roman', serif"
	if st.Template == "circuit" || st.Template == "wire" {
		font = "Helvetica, Arial, sans-serif"
	}
	return []byte(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="120" viewBox="0 0 600 120">`+
		`<title>%s</title><rect width="600" height="120" rx="8" fill="%s"/><rect x="20" y="96" width="560" height="6" fill="%s"/>`+
		`<text x="300" y="72" text-anchor="middle" font-family="%s" font-size="44" font-weight="700" fill="#ffffff">%s</text></svg>`,
		html.EscapeString(st.Name), st.Primary, st.Accent, font, html.EscapeString(st.Name)))
}

// faviconSVG is a square with the publisher's initials.
func faviconSVG(st *site) []byte {
	return []byte(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">`+
		`<rect width="64" height="64" rx="12" fill="%s"/><text x="32" y="43" text-anchor="middle" font-family="Georgia, serif" `+
		`font-size="30" font-weight="700" fill="%s">%s</text></svg>`, st.Primary, st.Accent, html.EscapeString(siteInitials(st.Name))))
}

// faviconPNG is a 32×32 bitmap icon for readers that do not take SVG favicons.
func faviconPNG(st *site) []byte {
	bg, fg := parseHex(st.Primary), parseHex(st.Accent)
	img := image.NewRGBA(image.Rect(0, 0, 32, 32))
	for y := range 32 {
		for x := range 32 {
			c := bg
			if y >= 24 && y < 28 && x >= 4 && x < 28 {
				c = fg
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img) // encoding to memory cannot fail
	return buf.Bytes()
}

// parseHex reads "#rrggbb"; anything else is grey.
func parseHex(s string) color.RGBA {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil || len(s) != 7 {
		return color.RGBA{128, 128, 128, 255}
	}
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
}

// siteInitials makes "HH" of "The Harbour Herald" and "CV" of "Le Courrier du Val".
func siteInitials(name string) string {
	var out []rune
	for _, w := range strings.Fields(name) {
		switch w {
		case "The", "Le", "du", "de":
			continue
		}
		if len(out) < 2 {
			out = append(out, []rune(w)[0])
		}
	}
	return string(out)
}
