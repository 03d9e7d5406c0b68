package comment

import "testing"

// FuzzRender feeds arbitrary comment text through the Markdown renderer and the sanitiser
// alone: whatever comes in, what goes out has only allowed elements and attributes, and
// links only to http, https or mailto.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"**bold** and _em_ [link](https://example.org)",
		"> quote\n> - list\n\n`code`",
		`<script>alert(1)</script>`,
		`[x](javascript:alert(1))`,
		`<img src=x onerror=alert(1)>`,
		"<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
		"[a](https://e.org \"t\" onmouseover=alert(1))",
	} {
		f.Add(s)
	}
	r := NewRenderer()
	f.Fuzz(func(t *testing.T, src string) {
		checkSafe(t, src, r.Render(src), true)
		checkSafe(t, src, r.Sanitize(src), false)
	})
}
