package extract

import (
	"strings"

	"github.com/abadojack/whatlanggo"
)

// langSample bounds how much text the language detector reads; a few paragraphs decide it.
const langSample = 400

// normLang turns "en-US", "en_GB" or "EN" into "en"; it returns "" for anything else.
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return ""
	}
	return s
}

// resolveLanguage returns the markup's language when the text agrees with it or the text is
// too short to judge, and the detected language when the detector is confident the markup is
// wrong (templates often say lang="en" on every page).
func resolveLanguage(m *metadata, text string) string {
	markup := ""
	for _, s := range []string{m.lang, m.prop("content-language"), m.ld.language, m.prop("og:locale"), m.prop("language"), m.prop("dc.language")} {
		if markup = normLang(s); markup != "" {
			break
		}
	}
	if len(text) > langSample {
		cut := langSample
		for cut < len(text) && text[cut]&0xC0 == 0x80 {
			cut++
		}
		text = text[:cut]
	}
	if len(text) < 200 || markup != "" && stopwordsConfirm(markup, text) {
		return markup
	}
	info := whatlanggo.Detect(text)
	detected := info.Lang.Iso6391()
	if detected == "" || !info.IsReliable() {
		return markup
	}
	if markup == "" || markup != detected && info.Confidence > 0.8 && !related(markup, detected) {
		return detected
	}
	return markup
}

// related reports language pairs the detector confuses and that markup settles better.
func related(a, b string) bool {
	pairs := map[string]string{"no": "da", "da": "no", "nb": "no", "ms": "id", "id": "ms", "hr": "sr", "sr": "hr", "bs": "hr", "gl": "pt", "ca": "es"}
	return pairs[a] == b || pairs[b] == a
}
