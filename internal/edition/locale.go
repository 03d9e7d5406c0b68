package edition

import (
	"fmt"
	"strings"
	"time"
)

// Locale is the page chrome and the date words of one language.
type Locale struct {
	Lang     string
	messages map[string]string
	months   [12]string
	// dateFormat lays out day, month name and year, in the language's order.
	dateFormat func(day int, month string, year int) string
	// plural reports whether a count takes the plural form: French counts 0 and 1 as one.
	plural func(n int) bool
	// unit words, singular and plural
	minute, minutes, hour, hours, day, days, source, sources string
	// ago wraps an amount: "%s ago", "vor %s", "il y a %s"…
	ago                string
	justNow, yesterday string
}

// Languages lists the languages the chrome is written in.
func Languages() []string { return []string{"en", "de", "fr", "es", "it"} }

// LocaleFor returns the locale of a language ("de", "de-AT"), English when there is none.
func LocaleFor(lang string) *Locale {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	if l, ok := locales[lang]; ok {
		return l
	}
	return locales["en"]
}

// T returns a chrome message by key, the English one when the language lacks it, the key
// itself when no language has it (a visible gap rather than an empty label).
func (l *Locale) T(key string) string {
	if m, ok := l.messages[key]; ok {
		return m
	}
	if m, ok := locales["en"].messages[key]; ok {
		return m
	}
	return key
}

// Section returns a section's name, by its slug ("sport" → "Sport", "Wirtschaft"…).
func (l *Locale) Section(slug string) string { return l.T("section." + slug) }

// Sources counts sources: "1 source", "5 Quellen", "2 sources".
func (l *Locale) Sources(n int) string { return l.count(n, l.source, l.sources) }

func (l *Locale) count(n int, one, many string) string {
	if l.plural(n) {
		return fmt.Sprintf("%d %s", n, many)
	}
	return fmt.Sprintf("%d %s", n, one)
}

// Ago says how long ago t was, as of now, on the calendar of now's location: "just now",
// "9 minutes ago", "3 hours ago", "yesterday", "4 days ago", then the date. A time in the
// future (a publisher's clock) is "just now".
func (l *Locale) Ago(t, now time.Time) string {
	t = t.In(now.Location())
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return l.justNow
	case d < time.Hour:
		return fmt.Sprintf(l.ago, l.count(int(d/time.Minute), l.minute, l.minutes))
	}
	days := calendarDays(t, now)
	switch {
	case days == 0 || d < 6*time.Hour:
		return fmt.Sprintf(l.ago, l.count(int(d/time.Hour), l.hour, l.hours))
	case days == 1:
		return l.yesterday
	case days < 7:
		return fmt.Sprintf(l.ago, l.count(days, l.day, l.days))
	}
	return l.Date(t)
}

// calendarDays counts midnights between t and now.
func calendarDays(t, now time.Time) int {
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	a := time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC)
	b := time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// Date writes a date the language's way: "3 June 2025", "3. Juni 2025", "3 juin 2025",
// "3 de junio de 2025", "3 giugno 2025".
func (l *Locale) Date(t time.Time) string {
	return l.dateFormat(t.Day(), l.months[t.Month()-1], t.Year())
}

func pluralNotOne(n int) bool   { return n != 1 }
func pluralAboveOne(n int) bool { return n > 1 }

var locales = map[string]*Locale{
	"en": {
		Lang: "en", plural: pluralNotOne,
		months:     [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		dateFormat: func(d int, m string, y int) string { return fmt.Sprintf("%d %s %d", d, m, y) },
		minute:     "minute", minutes: "minutes", hour: "hour", hours: "hours", day: "day", days: "days",
		source: "source", sources: "sources", ago: "%s ago", justNow: "just now", yesterday: "yesterday",
		messages: map[string]string{
			"top_stories": "Top stories", "latest": "Latest", "full_coverage": "Full coverage",
			"related": "Related articles", "search": "Search", "search_placeholder": "Search for topics, places and sources",
			"edition": "Edition", "sections": "Sections", "home": "Home", "read_original": "Read the original",
			"first_reported": "First reported by", "timeline": "Coverage over time", "countries": "Countries covering",
			"get_app": "Get the app", "advertisement": "Advertisement", "comments": "Comments", "offline": "You are offline",
			"next_page": "Next page", "previous_page": "Previous page", "local_news": "Local news", "no_results": "No results",
			"section.world": "World", "section.business": "Business", "section.technology": "Technology",
			"section.science": "Science", "section.health": "Health", "section.sport": "Sport",
			"section.entertainment": "Entertainment", "section.politics": "Politics", "section.local": "Local",
		},
	},
	"de": {
		Lang: "de", plural: pluralNotOne,
		months:     [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		dateFormat: func(d int, m string, y int) string { return fmt.Sprintf("%d. %s %d", d, m, y) },
		minute:     "Minute", minutes: "Minuten", hour: "Stunde", hours: "Stunden", day: "Tag", days: "Tagen",
		source: "Quelle", sources: "Quellen", ago: "vor %s", justNow: "gerade eben", yesterday: "gestern",
		messages: map[string]string{
			"top_stories": "Schlagzeilen", "latest": "Neueste", "full_coverage": "Alle Berichte",
			"related": "Ähnliche Artikel", "search": "Suche", "search_placeholder": "Nach Themen, Orten und Quellen suchen",
			"edition": "Ausgabe", "sections": "Rubriken", "home": "Startseite", "read_original": "Original lesen",
			"first_reported": "Zuerst berichtet von", "timeline": "Berichte im Zeitverlauf", "countries": "Berichtende Länder",
			"get_app": "App holen", "advertisement": "Anzeige", "comments": "Kommentare", "offline": "Sie sind offline",
			"next_page": "Nächste Seite", "previous_page": "Vorherige Seite", "local_news": "Lokales", "no_results": "Keine Ergebnisse",
			"section.world": "Welt", "section.business": "Wirtschaft", "section.technology": "Technik",
			"section.science": "Wissenschaft", "section.health": "Gesundheit", "section.sport": "Sport",
			"section.entertainment": "Unterhaltung", "section.politics": "Politik", "section.local": "Lokales",
		},
	},
	"fr": {
		Lang: "fr", plural: pluralAboveOne,
		months:     [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		dateFormat: func(d int, m string, y int) string { return fmt.Sprintf("%d %s %d", d, m, y) },
		minute:     "minute", minutes: "minutes", hour: "heure", hours: "heures", day: "jour", days: "jours",
		source: "source", sources: "sources", ago: "il y a %s", justNow: "à l'instant", yesterday: "hier",
		messages: map[string]string{
			"top_stories": "À la une", "latest": "Dernières nouvelles", "full_coverage": "Couverture complète",
			"related": "Articles connexes", "search": "Rechercher", "search_placeholder": "Rechercher des sujets, des lieux et des sources",
			"edition": "Édition", "sections": "Rubriques", "home": "Accueil", "read_original": "Lire l'original",
			"first_reported": "Révélé d'abord par", "timeline": "Couverture dans le temps", "countries": "Pays qui en parlent",
			"get_app": "Obtenir l'application", "advertisement": "Publicité", "comments": "Commentaires", "offline": "Vous êtes hors ligne",
			"next_page": "Page suivante", "previous_page": "Page précédente", "local_news": "Actualité locale", "no_results": "Aucun résultat",
			"section.world": "Monde", "section.business": "Économie", "section.technology": "Technologie",
			"section.science": "Sciences", "section.health": "Santé", "section.sport": "Sport",
			"section.entertainment": "Divertissement", "section.politics": "Politique", "section.local": "Local",
		},
	},
	"es": {
		Lang: "es", plural: pluralNotOne,
		months:     [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		dateFormat: func(d int, m string, y int) string { return fmt.Sprintf("%d de %s de %d", d, m, y) },
		minute:     "minuto", minutes: "minutos", hour: "hora", hours: "horas", day: "día", days: "días",
		source: "fuente", sources: "fuentes", ago: "hace %s", justNow: "ahora mismo", yesterday: "ayer",
		messages: map[string]string{
			"top_stories": "Titulares", "latest": "Lo último", "full_coverage": "Cobertura completa",
			"related": "Artículos relacionados", "search": "Buscar", "search_placeholder": "Buscar temas, lugares y fuentes",
			"edition": "Edición", "sections": "Secciones", "home": "Portada", "read_original": "Leer el original",
			"first_reported": "Publicado primero por", "timeline": "Cobertura en el tiempo", "countries": "Países que informan",
			"get_app": "Descargar la app", "advertisement": "Publicidad", "comments": "Comentarios", "offline": "Sin conexión",
			"next_page": "Página siguiente", "previous_page": "Página anterior", "local_news": "Noticias locales", "no_results": "Sin resultados",
			"section.world": "Internacional", "section.business": "Economía", "section.technology": "Tecnología",
			"section.science": "Ciencia", "section.health": "Salud", "section.sport": "Deportes",
			"section.entertainment": "Entretenimiento", "section.politics": "Política", "section.local": "Local",
		},
	},
	"it": {
		Lang: "it", plural: pluralNotOne,
		months:     [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
		dateFormat: func(d int, m string, y int) string { return fmt.Sprintf("%d %s %d", d, m, y) },
		minute:     "minuto", minutes: "minuti", hour: "ora", hours: "ore", day: "giorno", days: "giorni",
		source: "fonte", sources: "fonti", ago: "%s fa", justNow: "proprio ora", yesterday: "ieri",
		messages: map[string]string{
			"top_stories": "In primo piano", "latest": "Ultime notizie", "full_coverage": "Copertura completa",
			"related": "Articoli correlati", "search": "Cerca", "search_placeholder": "Cerca argomenti, luoghi e fonti",
			"edition": "Edizione", "sections": "Sezioni", "home": "Home", "read_original": "Leggi l'originale",
			"first_reported": "Riportato per primo da", "timeline": "Copertura nel tempo", "countries": "Paesi che ne parlano",
			"get_app": "Scarica l'app", "advertisement": "Pubblicità", "comments": "Commenti", "offline": "Sei offline",
			"next_page": "Pagina successiva", "previous_page": "Pagina precedente", "local_news": "Notizie locali", "no_results": "Nessun risultato",
			"section.world": "Mondo", "section.business": "Economia", "section.technology": "Tecnologia",
			"section.science": "Scienza", "section.health": "Salute", "section.sport": "Sport",
			"section.entertainment": "Spettacoli", "section.politics": "Politica", "section.local": "Locale",
		},
	},
}
