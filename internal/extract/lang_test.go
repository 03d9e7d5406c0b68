package extract

import "testing"

const (
	sampleEN = "The council said on Tuesday that the bridge would close for six months from April, and that a free ferry would run every fifteen minutes while the engineers replace the cables that have lost a fifth of their strength."
	sampleDE = "Der Stadtrat hat am Dienstag beschlossen, dass die Brücke von April an für sechs Monate gesperrt wird. Eine kostenlose Fähre soll in dieser Zeit alle fünfzehn Minuten fahren, teilte die Verwaltung mit."
	sampleFR = "Le conseil municipal a annoncé mardi que le pont sera fermé pendant six mois à partir d'avril, et qu'un bac gratuit circulera toutes les quinze minutes pendant les travaux sur les câbles."
	sampleES = "El ayuntamiento anunció el martes que el puente permanecerá cerrado durante seis meses a partir de abril y que un transbordador gratuito funcionará cada quince minutos durante las obras."
	sampleIT = "Il consiglio comunale ha annunciato martedì che il ponte resterà chiuso per sei mesi a partire da aprile e che un traghetto gratuito partirà ogni quindici minuti durante i lavori sui cavi."
)

// TestStopwordsConfirm checks the shortcut that spares the language detector: it may only
// confirm a declaration the text clearly agrees with.
func TestStopwordsConfirm(t *testing.T) {
	t.Parallel()
	cases := []struct {
		lang, text string
		want       bool
	}{
		{"en", sampleEN, true},
		{"de", sampleDE, true},
		{"fr", sampleFR, true},
		{"es", sampleES, true},
		{"it", sampleIT, true},
		{"en", sampleDE, false}, // a template that says lang="en" everywhere
		{"en", sampleFR, false},
		{"de", sampleEN, false},
		{"es", sampleIT, false},
		{"fr", sampleES, false},
		{"sv", sampleEN, false}, // no list: the detector decides
		{"en", "Bridge closed. Ferry runs.", false},
	}
	for _, tc := range cases {
		if got := stopwordsConfirm(tc.lang, tc.text); got != tc.want {
			t.Errorf("stopwordsConfirm(%q, %.30q…) = %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestResolveLanguage checks that a wrong declaration is still overruled by the detector.
func TestResolveLanguage(t *testing.T) {
	t.Parallel()
	cases := []struct {
		markup, text, want string
	}{
		{"en", sampleEN, "en"},
		{"en", sampleDE, "de"},
		{"de", sampleFR, "fr"},
		{"", sampleES, "es"},
		{"it", sampleIT, "it"},
	}
	for _, tc := range cases {
		m := &metadata{lang: tc.markup}
		if got := resolveLanguage(m, tc.text+" "+tc.text); got != tc.want {
			t.Errorf("resolveLanguage(%q, %.30q…) = %q, want %q", tc.markup, tc.text, got, tc.want)
		}
	}
}
