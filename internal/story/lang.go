package story

import (
	"strings"
	"unicode/utf8"
)

// language selects the stop words and the stemmer a text is read with. Without them the
// function words of a language ("de", "la", "der", "und") are the commonest shared terms of
// any two articles in it, and unrelated articles of one publisher look alike.
type language uint8

const (
	langEnglish language = iota
	langGerman
	langFrench
	langSpanish
	langItalian
	numLanguages
)

// languageOf maps an ISO 639-1 code (or a tag like "fr-CA") to a language; "" and
// languages we have no word lists for read as English, whose stop words are harmless to
// names and numbers.
func languageOf(code string) (language, bool) {
	code = strings.ToLower(code)
	if len(code) > 2 && (code[2] == '-' || code[2] == '_') {
		code = code[:2]
	}
	switch code {
	case "de":
		return langGerman, true
	case "fr":
		return langFrench, true
	case "es":
		return langSpanish, true
	case "it":
		return langItalian, true
	case "en":
		return langEnglish, true
	}
	return langEnglish, false
}

// elides reports whether the language joins articles and pronouns to the next word with an
// apostrophe ("l'équipe", "dell'anno"): there the apostrophe ends a word.
func (l language) elides() bool { return l == langFrench || l == langItalian }

// foldRune lower-cases r and drops its diacritics, so that "Région" and "region", or
// "Straße" and "Strasse", meet. It returns 0 for runes that fold to two letters, which the
// caller writes with foldWide.
func foldRune(r rune) rune {
	r = toLower(r)
	if r < 0xC0 {
		return r
	}
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å':
		return 'a'
	case 'ç':
		return 'c'
	case 'è', 'é', 'ê', 'ë':
		return 'e'
	case 'ì', 'í', 'î', 'ï':
		return 'i'
	case 'ñ':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø':
		return 'o'
	case 'ù', 'ú', 'û', 'ü':
		return 'u'
	case 'ý', 'ÿ':
		return 'y'
	case 'ß', 'œ', 'æ':
		return 0
	}
	return r
}

// foldWide is the two-letter folding of the runes foldRune returns 0 for.
func foldWide(r rune) string {
	switch toLower(r) {
	case 'ß':
		return "ss"
	case 'œ':
		return "oe"
	}
	return "ae"
}

// stem reduces a folded, lower-case word to a stem shared by its inflections. The stemmers
// are deliberately light: grouping needs agreement between "vendanges" and "vendange", not
// linguistics, and an aggressive stemmer joins unrelated words.
func (l language) stem(w []byte) []byte {
	switch l {
	case langGerman:
		return stemGerman(w)
	case langFrench:
		return stemFrench(w)
	case langSpanish:
		return stemSpanish(w)
	case langItalian:
		return stemItalian(w)
	}
	return stemEnglish(w)
}

// stemGerman strips the case and plural endings of nouns and adjectives ("Besucherrekordes",
// "Lindenauer", "neuen").
func stemGerman(w []byte) []byte {
	n := len(w)
	switch {
	case n > 6 && hasSuffix(w, "ern"):
		return w[:n-3]
	case n > 5 && (hasSuffix(w, "en") || hasSuffix(w, "er") || hasSuffix(w, "es") || hasSuffix(w, "em")):
		return w[:n-2]
	case n > 4 && (w[n-1] == 'e' || w[n-1] == 's' || w[n-1] == 'n' && w[n-2] == 'e'):
		return w[:n-1]
	}
	return w
}

// stemFrench strips the plural and the feminine ("précoces", "couverte", "nouveaux").
func stemFrench(w []byte) []byte {
	n := len(w)
	switch {
	case n > 5 && hasSuffix(w, "aux"):
		return append(w[:n-3], 'a', 'l')
	case n > 4 && (w[n-1] == 's' || w[n-1] == 'x'):
		w = w[:n-1]
	}
	n = len(w)
	if n > 4 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}

// stemSpanish strips the plural and the gender vowel ("nuevas", "nuevo").
func stemSpanish(w []byte) []byte {
	n := len(w)
	switch {
	case n > 5 && hasSuffix(w, "es") && !isVowel(w[n-3]):
		w = w[:n-2]
	case n > 4 && w[n-1] == 's':
		w = w[:n-1]
	}
	n = len(w)
	if n > 4 && (w[n-1] == 'a' || w[n-1] == 'o' || w[n-1] == 'e') {
		w = w[:n-1]
	}
	return w
}

// stemItalian strips the final vowel that carries number and gender ("nuove", "nuovo").
func stemItalian(w []byte) []byte {
	n := len(w)
	if n > 4 && isVowel(w[n-1]) {
		w = w[:n-1]
	}
	return w
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// stopSets holds each language's stop words (folded, as the tokenizer writes words) and, for
// English, the filler words news headlines use for every story ("update", "video").
type stopSets [numLanguages]map[string]struct{}

func (s *stopSets) has(l language, w []byte) bool {
	_, ok := s[l][string(w)] // no allocation: the compiler special-cases this lookup
	return ok
}

// stopwords is built once: the lists are constant data, never mutated after init.
var stopwords = func() *stopSets {
	var s stopSets
	for l, list := range [numLanguages]string{
		langEnglish: englishStop,
		langGerman:  germanStop,
		langFrench:  frenchStop,
		langSpanish: spanishStop,
		langItalian: italianStop,
	} {
		m := make(map[string]struct{})
		for _, w := range strings.Fields(list) {
			m[foldString(w)] = struct{}{}
		}
		s[l] = m
	}
	return &s
}()

func foldString(w string) string {
	var b strings.Builder
	for _, r := range w {
		if f := foldRune(r); f != 0 {
			b.WriteRune(f)
		} else {
			b.WriteString(foldWide(r))
		}
	}
	return b.String()
}

const englishStop = `a about above after again against all also am an and any are as at
	be because been before being below between both but by can could did do does doing down during each
	few for from further had has have having he her here hers herself him himself his how i if in into is
	it its itself just me more most my myself no nor not now of off on once only or other our ours out
	over own same she should so some such than that the their theirs them themselves then there these
	they this those through to too under until up very was we were what when where which while who whom
	why will with would you your yours yourself yet via vs amid per us may might must shall ever
	update updat refile rpt wrapup corrected correct exclusive breaking video photo photos watch
	report say says said new news today week year day live here's what's it's don't can't won't
	one two three first get gets got make makes made take takes go goes going come comes know see
	look looks want wants back still way like just now over`

const germanStop = `aber alle allem allen aller alles als also am an ander andere anderen anderer
	anderes auch auf aus bei beim bin bis bist da damit dann das dass daß dein deine dem den denn der
	des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem
	einen einer eines einige er es etwa euch euer für gegen gewesen hab habe haben hat hatte hatten
	hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im in ins ist ja jede jedem jeden
	jeder jedes jetzt kann kein keine können könnte man manche mehr mein meine mit muss musste nach
	nicht nichts noch nun nur ob oder ohne seid sein seine seinem seinen seiner seit sich sie sind so
	soll sollen sollte sondern sowie über um und uns unser unter viel vom von vor wann war waren warum
	was weil welche welchem welchen welcher wenn wer werde werden wie wieder will wir wird wo wurde
	wurden zu zum zur zwar zwei drei neue neuen neuer neues sagt sagte heute jahr jahre jahren uhr
	erste ersten prozent mehr rund bereits schon sei seien worden`

const frenchStop = `à au aux avec ce ces cet cette dans de des du elle elles en entre est et été
	être eu il ils je la le les leur leurs lui ma mais me même mes moi mon ne nos notre nous on ont
	ou où par pas pour qu que qui sa sans se ses si son sont sur ta te tes toi ton tous tout toute
	toutes très tu un une vos votre vous y c d j l m n s t lors lorsqu jusqu puis aussi comme plus
	moins deux trois ans an année années selon depuis avant après déjà encore fait faire était
	sera seront avait ainsi chez dont cela ceci celle celui ceux leur alors donc car bien peu
	premier première nouveau nouvelle nouveaux nouvelles explique indique affirme dit heures heure`

const spanishStop = `a al algo algunas algunos ante antes como con contra cual cuando de del desde
	donde durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estaba estado
	estas este esto estos fue fueron ha han hasta hay la las le les lo los más me mi mucho muy nada
	ni no nos nuestra nuestro o os otra otro otros para pero poco por porque que quien se sea ser si
	sido sin sobre su sus también tanto te tiene tienen todo todos tu un una uno unos y ya dos tres
	año años nuevo nueva nuevos nuevas según tras dijo afirmó`

const italianStop = `a ad al alla alle allo agli ai anche anni anno che chi ci come con contro cui
	da dal dalla dalle dai degli dei del della delle dello di dopo due e è ed era erano gli ha hanno
	i il in la le lo loro ma mi ne nei nel nella nelle nello noi non nostro o per più poi quale
	quando quella quelle quello questa queste questo se sei si sia sono sta stato su sua sue sui
	sul sulla suo suoi tra tre tutti tutto un una uno dell all nell dall sull quest nuovo nuova
	nuovi nuove secondo ha detto`

// itemLanguage is the language an item is read in: its declared language when we know it,
// else a guess from its function words when it has none, else English.
func (tk *tokenizer) itemLanguage(it *Item) language {
	if l, ok := languageOf(it.Language); ok || it.Language != "" {
		return l
	}
	return tk.detect(it.Title, it.Text)
}

// detectWords is how many leading words detect reads: function words are a third of any
// running text, so a few sentences decide.
const detectWords = 80

// detect guesses the language of a text by counting each language's stop words among its
// first words. English wins ties and texts too short to tell: it is the default reading.
func (tk *tokenizer) detect(title, text string) language {
	var votes [numLanguages]int
	n := 0
	count := func(s string) {
		i := 0
		for i < len(s) && n < detectWords {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				i += size
				continue
			}
			tk.buf = tk.buf[:0]
			for i < len(s) {
				r, size = utf8.DecodeRuneInString(s[i:])
				if !isWordRune(r) {
					break
				}
				if f := foldRune(r); f != 0 {
					tk.buf = utf8.AppendRune(tk.buf, f)
				} else {
					tk.buf = append(tk.buf, foldWide(r)...)
				}
				i += size
			}
			n++
			if len(tk.buf) < 2 {
				continue
			}
			for l := range numLanguages {
				if stopwords.has(l, tk.buf) {
					votes[l]++
				}
			}
		}
	}
	count(title)
	count(text)
	best := langEnglish
	for l := langGerman; l < numLanguages; l++ {
		if votes[l] >= 2 && votes[l] > votes[best] {
			best = l
		}
	}
	return best
}
