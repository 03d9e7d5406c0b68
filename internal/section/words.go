package section

// sectionWords maps a folded word (lower case, no diacritics, letters and digits only) to
// the section it names. Feed categories and URL path segments are looked up here: whole
// first, then word by word. Words that name a section only in some papers ("news",
// "national", "opinion", "security") are left out on purpose: a wrong rule teaches the
// classifier the wrong thing, while a missing one only leaves the article to it.
var sectionWords = map[string]Section{}

func init() {
	add := func(s Section, words ...string) {
		for _, w := range words {
			sectionWords[w] = s
		}
	}
	add(World, "world", "worldnews", "international", "internacional", "internationale", "internazionale",
		"internazionali", "intl", "monde", "mundo", "mondo", "welt", "ausland", "europe", "europa", "esteri",
		"global", "foreign", "africa", "asia", "americas", "middleeast", "nahost", "international news")
	add(Business, "business", "biz", "economy", "economie", "economia", "economics", "eco", "wirtschaft",
		"finance", "finances", "finanzen", "finanzas", "finanza", "markets", "market", "maerkte", "markte",
		"borsa", "bourse", "boerse", "borse", "money", "geld", "companies", "unternehmen", "entreprises",
		"empresas", "aziende", "industry", "industrie", "industria", "agriculture", "landwirtschaft", "jobs",
		"karriere", "emploi", "empleo", "lavoro", "dinero", "soldi", "argent", "mercados", "mercati", "marches")
	add(Technology, "technology", "tech", "technik", "technologie", "technologies", "tecnologia", "tecnologie",
		"tecnologias", "digital", "digitale", "netzwelt", "gadgets", "computing", "internet", "software",
		"informatique", "hightech", "numerique", "tecno", "mobility", "cybersecurity", "cyber", "ai",
		"apps", "smartphones", "technews", "innovation", "innovazione", "innovacion")
	add(Science, "science", "sciences", "wissenschaft", "wissen", "ciencia", "ciencias", "scienza", "scienze",
		"space", "espace", "espacio", "spazio", "raumfahrt", "environment", "umwelt", "environnement",
		"ambiente", "medioambiente", "climate", "klima", "climat", "clima", "research", "forschung",
		"recherche", "investigacion", "ricerca", "planet", "planete", "planeta", "sci")
	add(Health, "health", "gesundheit", "sante", "salud", "salute", "medicine", "medizin", "medecine",
		"medicina", "wellbeing", "wellness", "coronavirus", "covid", "healthcare", "benessere", "bienestar")
	add(Sport, "sport", "sports", "deportes", "deporte", "sportif", "calcio", "football", "fussball", "futbol",
		"soccer", "tennis", "tenis", "cricket", "rugby", "golf", "formula1", "f1", "olympics", "olympia",
		"nba", "nfl", "mlb", "nhl", "basketball", "baloncesto", "basket", "baseball", "cyclisme", "ciclismo",
		"radsport", "motorsport", "athletics", "leichtathletik", "bundesliga", "ligue1", "laliga", "seriea",
		"premierleague", "sportnews", "deportivo")
	add(Entertainment, "entertainment", "culture", "kultur", "cultura", "arts", "art", "kunst", "film", "films",
		"movies", "cinema", "kino", "cine", "music", "musik", "musique", "musica", "tv", "television",
		"fernsehen", "celebrity", "celebrities", "showbiz", "stars", "promi", "promis", "people", "spettacoli",
		"spettacolo", "espectaculos", "books", "buecher", "livres", "libros", "libri", "leute", "kultura",
		"feuilleton", "medien", "series", "gaming", "games", "theatre", "theater", "teatro", "loisirs", "ocio")
	add(Politics, "politics", "political", "politik", "politique", "politica", "politicas", "elections",
		"election", "wahlen", "wahl", "elecciones", "elezioni", "government", "regierung", "gouvernement",
		"gobierno", "governo", "parliament", "parlament", "parlement", "parlamento", "bundestag", "congress",
		"inland", "whitehouse", "congreso", "europawahl", "uspolitics", "ukpolitics")
	add(Local, "local", "lokal", "lokales", "region", "regional", "regionales", "regions", "regionen",
		"city", "stadt", "ville", "ciudad", "citta", "metro", "community", "communities", "cronaca",
		"locale", "locales", "locali", "communaute", "comunidad", "obituaries", "nachrufe", "neighborhood",
		"neighbourhood", "quartier", "barrio", "provincia", "province", "comunidades", "heimat", "lokalnachrichten")
}

// stopWords are the commonest function words of the five languages; they say nothing
// about a section and would only dilute the classifier's counts.
var stopWords = map[string]bool{}

func init() {
	for _, w := range []string{
		// en
		"the", "and", "for", "that", "with", "was", "are", "this", "from", "have", "has", "had", "but", "not",
		"they", "his", "her", "she", "its", "will", "would", "said", "says", "been", "were", "their", "which",
		"who", "one", "two", "after", "about", "more", "than", "into", "also", "out", "new", "over", "when",
		"there", "what", "can", "could", "our", "all", "him", "you", "year", "years",
		// de
		"der", "die", "das", "und", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
		"ist", "sind", "war", "mit", "von", "auf", "fur", "nicht", "sich", "auch", "als", "wie", "bei", "nach",
		"aus", "zum", "zur", "wird", "werden", "hat", "haben", "dass", "sie", "noch", "nur", "uber", "vor",
		// fr
		"les", "des", "une", "est", "dans", "pour", "que", "qui", "sur", "par", "pas", "plus", "avec", "son",
		"ses", "aux", "elle", "ont", "sont", "mais", "ete", "cette", "leur", "nous", "vous", "tout",
		// es
		"los", "las", "del", "una", "por", "con", "para", "como", "mas", "pero", "sus", "fue", "este", "esta",
		"han", "hay", "ser", "entre", "sobre", "tambien", "desde", "todo", "ella",
		// it
		"il", "gli", "della", "delle", "dei", "degli", "che", "non", "per", "una", "nel", "nella", "sono",
		"come", "anche", "alla", "alle", "dal", "dalla", "piu", "suo", "sua", "stato", "essere", "tra",
	} {
		stopWords[w] = true
	}
}
