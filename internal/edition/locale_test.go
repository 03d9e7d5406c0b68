package edition

import (
	"testing"
	"time"
)

func TestAgo(t *testing.T) {
	t.Parallel()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		berlin = time.FixedZone("CEST", 2*3600)
	}
	now := time.Date(2025, 6, 3, 15, 0, 0, 0, berlin)
	tests := []struct {
		ago                string
		en, de, fr, es, it string
	}{
		{"20s", "just now", "gerade eben", "à l'instant", "ahora mismo", "proprio ora"},
		{"-5m", "just now", "gerade eben", "à l'instant", "ahora mismo", "proprio ora"},
		{"1m", "1 minute ago", "vor 1 Minute", "il y a 1 minute", "hace 1 minuto", "1 minuto fa"},
		{"9m30s", "9 minutes ago", "vor 9 Minuten", "il y a 9 minutes", "hace 9 minutos", "9 minuti fa"},
		{"1h", "1 hour ago", "vor 1 Stunde", "il y a 1 heure", "hace 1 hora", "1 ora fa"},
		{"5h", "5 hours ago", "vor 5 Stunden", "il y a 5 heures", "hace 5 horas", "5 ore fa"},
		// 14:00 the same day.
		{"14h", "14 hours ago", "vor 14 Stunden", "il y a 14 heures", "hace 14 horas", "14 ore fa"},
		// 6:00 the day before.
		{"33h", "yesterday", "gestern", "hier", "ayer", "ieri"},
		{"72h", "3 days ago", "vor 3 Tagen", "il y a 3 jours", "hace 3 días", "3 giorni fa"},
		{"240h", "24 May 2025", "24. Mai 2025", "24 mai 2025", "24 de mayo de 2025", "24 maggio 2025"},
	}
	for _, tt := range tests {
		d, err := time.ParseDuration(tt.ago)
		if err != nil {
			t.Fatal(err)
		}
		at := now.Add(-d).UTC() // stored times are UTC; the calendar is now's
		for lang, want := range map[string]string{"en": tt.en, "de": tt.de, "fr": tt.fr, "es": tt.es, "it": tt.it} {
			if got := LocaleFor(lang).Ago(at, now); got != want {
				t.Errorf("%s, %s: %q, want %q", tt.ago, lang, got, want)
			}
		}
	}
	// Just after midnight, ten hours ago is yesterday only when it is also six hours or more.
	midnight := time.Date(2025, 6, 3, 0, 30, 0, 0, time.UTC)
	if got := LocaleFor("en").Ago(midnight.Add(-2*time.Hour), midnight); got != "2 hours ago" {
		t.Errorf("two hours before 00:30: %q", got)
	}
	if got := LocaleFor("en").Ago(midnight.Add(-10*time.Hour), midnight); got != "yesterday" {
		t.Errorf("ten hours before 00:30: %q", got)
	}
}

func TestSourcesPlural(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 source"}, {"en", 0, "0 sources"}, {"en", 5, "5 sources"},
		{"de", 1, "1 Quelle"}, {"de", 12, "12 Quellen"},
		{"fr", 0, "0 source"}, {"fr", 1, "1 source"}, {"fr", 2, "2 sources"},
		{"es", 1, "1 fuente"}, {"es", 3, "3 fuentes"},
		{"it", 1, "1 fonte"}, {"it", 3, "3 fonti"},
	}
	for _, tt := range tests {
		if got := LocaleFor(tt.lang).Sources(tt.n); got != tt.want {
			t.Errorf("%s %d: %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

// TestLocalesComplete keeps every language's table as complete as the English one.
func TestLocalesComplete(t *testing.T) {
	t.Parallel()
	en := locales["en"]
	for _, lang := range Languages() {
		l, ok := locales[lang]
		if !ok {
			t.Fatalf("no locale %s", lang)
		}
		for key := range en.messages {
			if l.messages[key] == "" {
				t.Errorf("%s lacks %q", lang, key)
			}
		}
		for i, m := range l.months {
			if m == "" {
				t.Errorf("%s lacks month %d", lang, i+1)
			}
		}
		for name, w := range map[string]string{"minute": l.minute, "minutes": l.minutes, "hour": l.hour, "hours": l.hours,
			"day": l.day, "days": l.days, "source": l.source, "sources": l.sources, "just now": l.justNow, "yesterday": l.yesterday} {
			if w == "" {
				t.Errorf("%s lacks %s", lang, name)
			}
		}
	}
	if len(locales) != len(Languages()) {
		t.Errorf("%d locales, %d languages listed", len(locales), len(Languages()))
	}
}

func TestLocaleLookups(t *testing.T) {
	t.Parallel()
	tests := []struct{ lang, key, want string }{
		{"de", "section.business", "Wirtschaft"},
		{"de-AT", "advertisement", "Anzeige"},
		{"fr", "top_stories", "À la une"},
		{"es_MX", "section.sport", "Deportes"},
		{"it", "related", "Articoli correlati"},
		{"ja", "top_stories", "Top stories"}, // no Japanese: English
		{"en", "no.such.key", "no.such.key"},
	}
	for _, tt := range tests {
		if got := LocaleFor(tt.lang).T(tt.key); got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
	if got := LocaleFor("de").Section("health"); got != "Gesundheit" {
		t.Errorf("section name %q", got)
	}
	if got := (Edition{Country: "fr", Language: "fr"}).Locale().Date(time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)); got != "1 août 2025" {
		t.Errorf("French date %q", got)
	}
}
