package extract

import (
	"strings"
	"unicode"
)

// The language detector compares trigram profiles of every language written in the text's
// script, which costs more than the rest of an extraction's text handling together. Most
// pages declare their language correctly, and function words show it cheaply: when the
// declared language's commonest words make up a good part of the text, and clearly more
// than those of any other language listed here, the declaration stands without the
// detector. Anything else (no declaration, a language not listed, a mixed verdict) goes to
// the detector as before.
var stopwords = map[string]map[string]bool{
	"en": wordSet("the of and to a in is that for it was on with as he she be by at are from his her have has this an not they but said were had which their will would who been"),
	"de": wordSet("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über so zum war haben nur oder aber vor zur bis"),
	"fr": wordSet("le la les de des du et un une à en est que qui dans pour pas sur au aux il elle par plus ne se ce avec sont a été son sa ses ont leur mais comme cette d l qu s n"),
	"es": wordSet("el la los las de del y en que a un una por con para es se no su sus al lo como más pero fue ha son le este esta ya o entre sobre también"),
	"it": wordSet("il lo la i gli le di del della e è un una che in per non con da su al alla dei delle si ha sono come più anche ma nel nella questo questa l un"),
	"pt": wordSet("o a os as de do da dos das e é um uma que em no na nos para por com não se mais como mas foi ao ele ela seu sua"),
	"nl": wordSet("de het een en van in is dat op te zijn met voor niet aan er die om ook als bij door maar werd naar heeft wordt nog uit over"),
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// stopwordsConfirm reports whether the function words of sample clearly say lang.
func stopwordsConfirm(lang, sample string) bool {
	if _, ok := stopwords[lang]; !ok {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(sample), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) < 20 {
		return false
	}
	hits := map[string]int{}
	for _, w := range words {
		for l, set := range stopwords {
			if set[w] {
				hits[l]++
			}
		}
	}
	mine := hits[lang]
	if mine*5 < len(words) { // under 20 %: too few to judge
		return false
	}
	for l, h := range hits {
		if l != lang && h*3 > mine*2 { // another language comes within 2/3
			return false
		}
	}
	return true
}
