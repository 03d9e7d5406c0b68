package brief

import "strings"

// stopword reports whether a lower-case word carries no topic: function words of the languages
// newsdesk meets most, plus numbers spelt as digits of one or two characters.
func stopword(w string) bool {
	if len([]rune(w)) <= 1 {
		return true
	}
	return stopwords[w]
}

var stopwords = setOf(strings.Fields(`
a about above after again against all almost along also although am among an and another any
anyone anything are around as at back be became because become been before being below
between both but by can cannot could did do does doing done down during each either else even
ever every few for from further get gets getting go goes going gone got had has have having he
her here hers herself him himself his how however i if in into is it its itself just last least
less like made make many may me might more most much must my myself neither never no nor not
now of off often on once one only or other others our ours ourselves out over own per perhaps
put rather really said same say says see seen she should since so some someone something still
such than that the their theirs them themselves then there these they this those though through
thus to too toward towards under until up upon us very via was we well were what whatever when
where whether which while who whom whose why will with within without would yet you your yours
yourself yourselves i'm i've i'd i'll you're you've you'd you'll he's she's it's we're we've
we'd we'll they're they've they'd they'll that's there's what's who's don't doesn't didn't
won't wouldn't can't couldn't shouldn't isn't aren't wasn't weren't hasn't haven't hadn't let's
mr mrs ms dr told tell new two three first year years time week day told according including
also way lot lots thing things us yes oh
der die das den dem des ein eine einer eines einem einen und oder aber nicht ist sind war waren
wird werden wurde wurden hat haben hatte hatten sein mit von zu zum zur im in auf aus bei nach
vor für über unter durch als auch noch nur wie so dass er sie es wir ihr ich man sich am um an
le la les un une des du de et ou mais est sont était ont avait été être avoir il elle ils elles
nous vous je que qui dans sur pour par avec ce cette ces au aux pas plus ne se sa son ses leur
el los las unos unas y o pero es son era fue han ha sido ser estar él ella ellos nosotros yo
que en por para con sin sobre su sus lo al del se no más como
il lo gli uno una e ed o ma è sono era stato essere avere ha hanno lui lei loro noi io che di
da per con su tra fra nel nella nei delle degli della dello alla alle agli al ai si non più come
het een en maar niet zijn was waren heeft hebben wordt worden met voor naar bij ook dat deze
o os as um uma é são foi ser ter tem com sem sobre seu sua não mais como do da dos das no na
`)...)
