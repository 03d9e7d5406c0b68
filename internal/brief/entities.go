package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is a word of a sentence with what entity spotting needs to know about its place.
type token struct {
	text  string
	first bool // first word of the sentence
	// broken is true when punctuation other than a hyphen or apostrophe separates the token
	// from the one before, so "Paris, France" stays two names.
	broken bool
}

func tokenize(s string) []token {
	var out []token
	runes := []rune(s)
	start := -1
	broken := true
	for i := 0; i <= len(runes); i++ {
		var r rune
		if i < len(runes) {
			r = runes[i]
		}
		inWord := i < len(runes) && (unicode.IsLetter(r) || unicode.IsDigit(r) ||
			(start >= 0 && (r == '\'' || r == '’' || r == '-' || r == '.') && i+1 < len(runes) &&
				(unicode.IsLetter(runes[i+1]) || unicode.IsDigit(runes[i+1]))))
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, token{text: string(runes[start:i]), first: len(out) == 0, broken: broken})
			start = -1
			broken = false
		}
		if !inWord && i < len(runes) && !unicode.IsSpace(r) && !(r == '.' && abbreviated(out)) {
			broken = true
		}
	}
	return out
}

// abbreviated reports whether the last token is an initial or a title whose full stop does not
// end the name: "John F. Kennedy", "Dr. Jones".
func abbreviated(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	w := toks[len(toks)-1].text
	return isInitial(w) || titles[strings.ToLower(w)]
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// connectors may sit inside a multi-word name: Bank of England, Leonardo da Vinci.
var connectors = setOf("of", "de", "del", "della", "di", "da", "van", "von", "der", "den", "la",
	"le", "du", "al", "el", "bin", "ibn", "y", "for", "upon")

// leadIns are function words that a capitalised span may start with only because they open a
// sentence or a heading: they are cut from the front of a name.
var leadIns = setOf("the", "a", "an", "this", "that", "these", "those", "he", "she", "it",
	"they", "we", "i", "you", "his", "her", "their", "its", "our", "my", "your", "but", "and",
	"or", "so", "if", "when", "while", "as", "in", "on", "at", "for", "from", "by", "with",
	"after", "before", "one", "some", "many", "most", "all", "both", "each", "every", "no",
	"not", "there", "here", "what", "who", "why", "how", "where", "which", "then", "now",
	"also", "yet", "meanwhile", "however", "despite", "during", "since", "until", "about")

// nonNames are capitalised words that are not names by themselves: days, months, and words
// capitalised only by convention.
var nonNames = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "i", "i'm", "i've", "i'd", "i'll", "ok",
	"tv", "am", "pm", "a.m", "p.m", "ad", "bc", "ceo", "cctv", "gmt", "bst", "est", "pst", "dna",
	"covid", "covid-19", "mph", "km", "kg", "dvd", "cd", "gps", "vip", "usb", "ufo", "lol", "omg")

// personTitles are words that, just before a name, say it is a person's.
var personTitles = setOf("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
	"lord", "lady", "president", "minister", "chancellor", "senator", "sen", "rep",
	"representative", "governor", "gov", "mayor", "judge", "justice", "king", "queen", "prince",
	"princess", "pope", "coach", "manager", "captain", "capt", "general", "gen", "officer",
	"sgt", "sergeant", "detective", "det", "inspector", "chairman", "chairwoman", "chief",
	"secretary", "pastor", "rev", "reverend", "father", "archbishop", "bishop", "actress",
	"actor", "singer", "rapper", "star", "striker", "defender", "midfielder", "goalkeeper",
	"forward", "winger", "boss", "spokesman", "spokeswoman", "spokesperson", "director",
	"founder", "ceo", "chef", "author", "writer", "presenter", "host", "player", "driver",
	"champion", "duke", "duchess", "emperor", "ayatollah", "sheikh", "cardinal", "rabbi",
	"imam", "comedian", "businessman", "businesswoman", "billionaire", "lawmaker",
	"congressman", "congresswoman", "deputy", "ambassador", "commissioner", "leader",
	"premier", "vice", "prime", "foreign", "home", "defence", "defense", "health", "herr", "frau",
	"monsieur", "madame", "señor", "signor", "dr.", "mr.", "mrs.", "ms.")

// personVerbs right after a name say it is a person's.
var personVerbs = setOf("said", "says", "told", "added", "explained", "wrote", "tweeted",
	"insisted", "admitted", "claimed", "revealed", "believes", "thinks", "who", "whose")

// orgWords end (or, for the first few, begin) an organisation's name.
var orgWords = setOf("inc", "corp", "corporation", "ltd", "plc", "llc", "co", "group", "bank",
	"university", "college", "school", "council", "party", "ministry", "department", "agency",
	"association", "club", "fc", "united", "commission", "committee", "court", "police",
	"army", "navy", "church", "foundation", "institute", "company", "times", "post", "news",
	"journal", "airlines", "airways", "hospital", "league", "federation", "union", "authority",
	"service", "office", "board", "network", "studios", "records", "museum", "trust",
	"society", "organisation", "organization", "government", "assembly", "brigade", "forces",
	"guard", "academy", "rovers", "athletic", "wanderers", "county", "hotspur", "albion",
	"city", "motors", "holdings", "partners", "media", "press", "magazine", "telegraph",
	"guardian", "herald", "tribune", "gazette", "channel", "radio", "television", "labs",
	"systems", "technologies", "pharmaceuticals", "energy", "oil", "airport", "parliament",
	"senate", "congress", "cabinet", "embassy", "charity", "team", "fund", "exchange", "reserve")

// demonyms before a name describe the person or thing ("American Lauren Davis") and are not part
// of the name.
var demonyms = setOf("american", "british", "english", "scottish", "welsh", "irish", "french",
	"german", "italian", "spanish", "portuguese", "dutch", "belgian", "swiss", "austrian",
	"swedish", "norwegian", "danish", "finnish", "polish", "russian", "ukrainian", "greek",
	"turkish", "chinese", "japanese", "korean", "indian", "pakistani", "australian", "canadian",
	"mexican", "brazilian", "argentine", "argentinian", "colombian", "nigerian", "kenyan",
	"egyptian", "israeli", "palestinian", "iranian", "iraqi", "syrian", "saudi", "afghan",
	"african", "european", "asian", "serbian", "croatian", "czech", "hungarian", "romanian",
	"bulgarian", "bosnian", "belarusian", "chilean", "peruvian", "venezuelan", "cuban",
	"jamaican", "filipino", "vietnamese", "thai", "indonesian", "malaysian", "republican",
	"democrat", "democratic", "labour", "tory", "conservative", "liberal", "former", "late")

// docWords is the set of words the whole text writes in lower case somewhere: such a word,
// capitalised at the start of a sentence, is an ordinary word and not the start of a name.
type docWords struct {
	lower map[string]bool
}

func scanWords(sentences [][]token) docWords {
	d := docWords{lower: map[string]bool{}}
	for _, toks := range sentences {
		for _, t := range toks {
			if !capitalised(t.text) {
				d.lower[strings.ToLower(t.text)] = true
			}
		}
	}
	return d
}

// placeWords end the name of a place: Rugby Park, Wembley Stadium, Lake Geneva.
var placeWords = setOf("park", "stadium", "arena", "street", "road", "avenue", "square",
	"bridge", "river", "lake", "mount", "mountain", "mountains", "island", "islands", "bay",
	"beach", "valley", "hill", "hills", "coast", "sea", "ocean", "gulf", "canal", "forest",
	"desert", "peninsula", "province", "region", "district", "village", "palace", "castle",
	"cathedral", "abbey", "tower", "heights", "strait", "falls", "harbour", "harbor", "lane",
	"dam", "reservoir", "prison", "zoo")

// eventWords end the name of an event, which is tagged as a keyword: Family Circle Cup, World
// War II, Cannes Film Festival.
var eventWords = setOf("cup", "open", "championship", "championships", "games", "olympics",
	"festival", "awards", "award", "prize", "war", "election", "elections", "summit", "marathon",
	"tournament", "series", "trophy", "grand prix", "conference", "expo", "week", "day")

// kindEvent is an internal kind: events become keyword tags under their proper name.
const kindEvent = "event"

// mention is one occurrence of a candidate name in a sentence.
type mention struct {
	name     string // as written, without leading titles
	sentence int
	evidence map[string]float64 // kind → weight from this occurrence's context
}

// mentions finds the capitalised spans of the sentences that may be names, with the evidence
// each occurrence's context gives about its kind.
func mentions(sentences []string) []mention {
	all := make([][]token, len(sentences))
	for i, s := range sentences {
		all[i] = tokenize(s)
	}
	dw := scanWords(all)
	var out []mention
	for si, toks := range all {
		for i := 0; i < len(toks); {
			if !capitalised(toks[i].text) {
				i++
				continue
			}
			j := i + 1
			for j < len(toks) && !toks[j].broken {
				if capitalised(toks[j].text) && leadIns[strings.ToLower(toks[j].text)] && !allCaps(toks[j].text) {
					break // "… in China The monkey …": a lost full stop, not a name
				}
				if capitalised(toks[j].text) {
					j++
					continue
				}
				// a connector counts only when a capitalised word follows it
				if connectors[strings.ToLower(toks[j].text)] && j+1 < len(toks) &&
					!toks[j+1].broken && capitalised(toks[j+1].text) {
					j += 2
					continue
				}
				break
			}
			if m, ok := spanMention(toks, i, j, si, dw); ok {
				out = append(out, m)
			}
			i = j
		}
	}
	return out
}

// spanMention turns toks[i:j] into a mention, dropping sentence openers, titles and non-name
// words from its edges; ok is false when nothing name-like is left.
func spanMention(toks []token, i, j, si int, dw docWords) (mention, bool) {
	ev := map[string]float64{}
	// A title before the span, lower-case ("striker Harry Kane") or inside it ("President Joe
	// Biden"), marks a person.
	if i > 0 && !toks[i].broken && personTitles[strings.ToLower(strings.TrimSuffix(toks[i-1].text, "."))] {
		ev[KindPerson] += 2
	}
	for ; i < j; i++ {
		w := strings.ToLower(strings.TrimSuffix(strings.ReplaceAll(toks[i].text, "’", "'"), "."))
		if personTitles[w] {
			ev[KindPerson] += 2
			continue
		}
		if nonNames[w] || demonyms[w] || toks[i].first && i+1 < j && ordinaryOpener(w, dw) ||
			leadIns[w] && !allCaps(toks[i].text) && !places[spanText(toks[i:j])] {
			continue
		}
		break
	}
	for j > i {
		w := strings.ToLower(strings.ReplaceAll(toks[j-1].text, "’", "'"))
		if !nonNames[w] && !connectors[w] {
			break
		}
		j--
	}
	if i >= j {
		return mention{}, false
	}
	parts := make([]string, 0, j-i)
	for k, t := range toks[i:j] {
		if isInitial(t.text) && i+k+1 < j {
			parts = append(parts, t.text+".") // the full stop the tokenizer dropped
			continue
		}
		parts = append(parts, t.text)
	}
	parts[len(parts)-1] = strings.TrimSuffix(strings.TrimSuffix(parts[len(parts)-1], "'s"), "’s")
	name := strings.Join(parts, " ")
	lower := strings.ToLower(name)
	first, last := strings.ToLower(parts[0]), strings.ToLower(parts[len(parts)-1])

	if toks[i].first && len(parts) == 1 && !places[lower] && !knownOrgs[lower] && !firstNames[lower] && !allCaps(name) {
		// A lone capitalised sentence opener is usually just an opener. Keep it only as a
		// possible surname; the entity merge decides.
		ev["opener"] = 1
	}
	switch {
	case places[lower]:
		ev[KindPlace] += 3
	case knownOrgs[lower] && (len(lower) > 4 || allCaps(name)):
		ev[KindOrg] += 3
	case eventWords[last] && len(parts) > 1:
		ev[kindEvent] += 2
	case strings.Contains(lower, ".com") || strings.Contains(lower, ".co."):
		ev[KindOrg] += 2
	case placeWords[last] && len(parts) > 1:
		ev[KindPlace] += 2
	case len(parts) > 1 && places[strings.ToLower(strings.Join(parts[:len(parts)-1], " "))]:
		ev[KindOrg] += 1.5 // a place and a noun: Atlanta Hawks, London Wasps, New York Times
	case orgWords[last] || (len(parts) > 1 && (first == "university" || first == "bank" || first == "department" || first == "ministry")):
		ev[KindOrg] += 2
	case allCaps(name) && len(name) <= 6:
		ev[KindOrg] += 1.5
	}
	if firstNames[first] && len(parts) >= 2 {
		ev[KindPerson] += 2
	}
	if j < len(toks) && !toks[j].broken && personVerbs[strings.ToLower(toks[j].text)] {
		ev[KindPerson]++
	}
	if j+1 < len(toks) && toks[j].broken && isNumber(toks[j].text) && len(toks[j].text) <= 3 {
		ev[KindPerson]++ // "Chris Copeland, 31,": newspapers give a person's age
	}
	if i > 0 && !toks[i].broken {
		switch strings.ToLower(toks[i-1].text) {
		case "in", "at", "near", "outside", "across", "to", "from":
			ev[KindPlace] += 0.5
		}
	}
	if len(parts) >= 2 && len(parts) <= 3 && len(ev) == 0 {
		ev[KindPerson] += 0.5 // most unexplained capitalised pairs in news are people
	}
	return mention{name: name, sentence: si, evidence: ev}, true
}

// ordinaryOpener reports whether w, the capitalised first word of a sentence, is an ordinary
// word rather than the start of a name: the text writes it in lower case elsewhere, and no name
// list knows it.
func ordinaryOpener(w string, dw docWords) bool {
	if firstNames[w] || places[w] || knownOrgs[w] {
		return false
	}
	return dw.lower[w]
}

// nameKey folds the spellings of one name together: case, curly apostrophes and diacritics
// ("Pero Antić", "Pero Antic").
func nameKey(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '’':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// spanText is the lower-case text of a run of tokens.
func spanText(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = strings.ToLower(t.text)
	}
	return strings.Join(parts, " ")
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// foldTarget returns the longer name that the single word key is short for: a name ending in it
// (a surname) before one starting with it, the most mentioned if several; "" when none is, or
// when two equally mentioned names compete.
func foldTarget(key string, names []string, count func(string) float64) string {
	best, bestRank, tie := "", 0.0, false
	for _, other := range names {
		if other == key || !strings.Contains(other, " ") || count(other) == 0 {
			continue
		}
		rank := 0.0
		switch {
		case strings.HasSuffix(other, " "+key):
			rank = 1000 + count(other)
		case strings.HasPrefix(other, key+" "):
			rank = count(other)
		default:
			continue
		}
		switch {
		case rank > bestRank:
			best, bestRank, tie = other, rank, false
		case rank == bestRank:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// entity is a name with its kind and how often it occurs.
type entity struct {
	name      string
	kind      string
	count     float64
	firstSeen int // index of the first sentence that names it
}

// entities groups mentions into named entities: the same name in different sentences, and a
// person's surname alone ("Locke") with the full name ("Gary Locke"). Each entity takes the kind
// its mentions' evidence favours; names with no evidence of any kind are dropped.
func entities(sentences []string) []entity {
	type acc struct {
		name     string
		count    float64
		first    int
		evidence map[string]float64
	}
	byName := map[string]*acc{}
	var order []string
	for _, m := range mentions(sentences) {
		key := nameKey(m.name)
		a := byName[key]
		if a == nil {
			a = &acc{name: m.name, first: m.sentence, evidence: map[string]float64{}}
			byName[key] = a
			order = append(order, key)
		}
		a.count++
		for k, w := range m.evidence {
			a.evidence[k] += w
		}
	}
	// A name seen once whose two halves are each names seen on their own is two names run
	// together by lost punctuation ("Conference Barnet"), unless it opens with a given name.
	for _, key := range order {
		a := byName[key]
		parts := strings.Fields(key)
		if a.count != 1 || len(parts) < 2 || firstNames[parts[0]] {
			continue
		}
		for k := 1; k < len(parts); k++ {
			l, r := byName[strings.Join(parts[:k], " ")], byName[strings.Join(parts[k:], " ")]
			if l != nil && r != nil && l != a && r != a {
				l.count++
				r.count++
				a.count = 0
				break
			}
		}
	}
	// Fold single words into the longer name they end or begin: surnames of people, short
	// forms of organisations.
	for _, key := range order {
		a := byName[key]
		if strings.Contains(key, " ") || places[key] || knownOrgs[key] {
			continue
		}
		if t := foldTarget(key, order, func(k string) float64 { return byName[k].count }); t != "" {
			target := byName[t]
			target.count += a.count
			for k, w := range a.evidence {
				target.evidence[k] += w
			}
			a.count = 0
		}
	}
	var out []entity
	for _, key := range order {
		a := byName[key]
		if a.count == 0 {
			continue
		}
		kind, best := "", 0.0
		for _, k := range []string{KindPerson, KindPlace, KindOrg, kindEvent} {
			if a.evidence[k] > best {
				kind, best = k, a.evidence[k]
			}
		}
		if kind == "" || (a.evidence["opener"] >= a.count && best < 2) {
			continue
		}
		out = append(out, entity{name: a.name, kind: kind, count: a.count, firstSeen: a.first})
	}
	return out
}
