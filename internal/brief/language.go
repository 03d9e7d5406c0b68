package brief

import (
	"math"
	"time"
	"unicode"

	"github.com/abadojack/whatlanggo"
)

// DetectLanguage returns the ISO 639-1 code of the text's language, or "" when the text is too
// short or too mixed to tell. whatlanggo's trigram profiles take a few megabytes; lingua's
// all-language models would take gigabytes.
func DetectLanguage(text string) string {
	if len(text) > 4000 {
		text = text[:4000] // the first paragraphs decide; trigram counting is linear in length
	}
	info := whatlanggo.Detect(text)
	if info.Lang == -1 || (!info.IsReliable() && len(words(text)) < 5) {
		return ""
	}
	return info.Lang.Iso6391()
}

// Reading speeds of an adult reading on screen: words for alphabetic scripts, characters for
// scripts written without spaces.
const (
	wordsPerMinute = 230
	charsPerMinute = 500
)

// ReadingTime estimates how long text takes to read, rounded up to whole minutes (at least one
// minute for any text, zero for none), as the "4 min read" label shows it.
func ReadingTime(text string) time.Duration {
	minutes := float64(len(words(text))) / wordsPerMinute
	cjk := 0
	for _, r := range text {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai) {
			cjk++
		}
	}
	if cjk > 0 {
		minutes = max(minutes, float64(cjk)/charsPerMinute)
	}
	if minutes == 0 {
		return 0
	}
	return time.Duration(math.Ceil(minutes)) * time.Minute
}
