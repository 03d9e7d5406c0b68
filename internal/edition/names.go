package edition

import "strings"

// countryNames names the countries most likely to have editions, in the languages the
// chrome speaks. A country not listed shows as its upper-case code; operators name any
// edition in the setting.
var countryNames = map[string]map[string]string{
	"us": {"en": "United States", "de": "Vereinigte Staaten", "fr": "États-Unis", "es": "Estados Unidos", "it": "Stati Uniti"},
	"gb": {"en": "United Kingdom", "de": "Vereinigtes Königreich", "fr": "Royaume-Uni", "es": "Reino Unido", "it": "Regno Unito"},
	"ie": {"en": "Ireland", "de": "Irland", "fr": "Irlande", "es": "Irlanda", "it": "Irlanda"},
	"ca": {"en": "Canada", "de": "Kanada", "fr": "Canada", "es": "Canadá", "it": "Canada"},
	"au": {"en": "Australia", "de": "Australien", "fr": "Australie", "es": "Australia", "it": "Australia"},
	"nz": {"en": "New Zealand", "de": "Neuseeland", "fr": "Nouvelle-Zélande", "es": "Nueva Zelanda", "it": "Nuova Zelanda"},
	"in": {"en": "India", "de": "Indien", "fr": "Inde", "es": "India", "it": "India"},
	"de": {"en": "Germany", "de": "Deutschland", "fr": "Allemagne", "es": "Alemania", "it": "Germania"},
	"at": {"en": "Austria", "de": "Österreich", "fr": "Autriche", "es": "Austria", "it": "Austria"},
	"ch": {"en": "Switzerland", "de": "Schweiz", "fr": "Suisse", "es": "Suiza", "it": "Svizzera"},
	"fr": {"en": "France", "de": "Frankreich", "fr": "France", "es": "Francia", "it": "Francia"},
	"be": {"en": "Belgium", "de": "Belgien", "fr": "Belgique", "es": "Bélgica", "it": "Belgio"},
	"es": {"en": "Spain", "de": "Spanien", "fr": "Espagne", "es": "España", "it": "Spagna"},
	"mx": {"en": "Mexico", "de": "Mexiko", "fr": "Mexique", "es": "México", "it": "Messico"},
	"ar": {"en": "Argentina", "de": "Argentinien", "fr": "Argentine", "es": "Argentina", "it": "Argentina"},
	"it": {"en": "Italy", "de": "Italien", "fr": "Italie", "es": "Italia", "it": "Italia"},
}

// countryName names a country in a language, falling back to English, then to the code.
func countryName(country, lang string) string {
	if names, ok := countryNames[country]; ok {
		if n, ok := names[lang]; ok {
			return n
		}
		return names["en"]
	}
	return strings.ToUpper(country)
}
