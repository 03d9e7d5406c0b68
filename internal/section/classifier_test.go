package section

import (
	"fmt"
	"testing"
)

// training is a handful of hand-written headlines and openings per section, in five
// languages, as rules would have placed them.
var training = []struct {
	sec         Section
	title, text string
}{
	{Sport, "United win the cup final", "The striker scored twice as United beat City in the final; the coach praised the team and the goalkeeper."},
	{Sport, "Bayern gewinnt das Spiel gegen Dortmund", "Der Trainer lobte die Mannschaft nach dem Sieg; der Stürmer erzielte zwei Tore im Stadion."},
	{Sport, "Le PSG remporte le match", "L'entraîneur a salué l'équipe après la victoire; l'attaquant a marqué deux buts au stade."},
	{Sport, "El Madrid gana el partido", "El entrenador elogió al equipo tras la victoria; el delantero marcó dos goles en el estadio."},
	{Sport, "La Juventus vince la partita", "L'allenatore ha lodato la squadra dopo la vittoria; l'attaccante ha segnato due gol allo stadio."},
	{Business, "Shares fall as the central bank raises rates", "Investors sold stocks as the bank raised interest rates; the company reported lower profits and revenue."},
	{Business, "Die Zentralbank erhöht die Zinsen", "Anleger verkauften Aktien; das Unternehmen meldete weniger Gewinn und Umsatz an der Börse."},
	{Business, "La banque centrale relève ses taux", "Les investisseurs ont vendu des actions; l'entreprise a annoncé des bénéfices en baisse."},
	{Business, "El banco central sube los tipos", "Los inversores vendieron acciones; la empresa anunció menos beneficios y ventas."},
	{Business, "La banca centrale alza i tassi", "Gli investitori hanno venduto azioni; l'azienda ha annunciato utili in calo."},
	{Health, "Hospital warns of flu wave", "Doctors at the hospital treated more patients with flu; the vaccine is recommended for older people."},
	{Health, "Krankenhaus warnt vor Grippewelle", "Ärzte im Krankenhaus behandelten mehr Patienten; die Impfung wird älteren Menschen empfohlen."},
	{Health, "L'hôpital alerte sur la grippe", "Les médecins de l'hôpital ont soigné plus de patients; le vaccin est recommandé aux personnes âgées."},
	{Health, "El hospital alerta de la gripe", "Los médicos del hospital atendieron a más pacientes; la vacuna se recomienda a los mayores."},
	{Health, "L'ospedale avverte sull'influenza", "I medici dell'ospedale hanno curato più pazienti; il vaccino è raccomandato agli anziani."},
}

func trained(t *testing.T) *Classifier {
	t.Helper()
	c := NewClassifier(Config{})
	for _, x := range training {
		c.Learn(x.title, x.text, x.sec)
	}
	return c
}

func TestPredictUnseen(t *testing.T) {
	t.Parallel()
	c := trained(t)
	cases := []struct {
		title, text string
		want        Section
	}{
		{"Late goal sends City to the final", "The striker scored in the last minute and the coach hugged the goalkeeper.", Sport},
		{"Dortmund verliert im eigenen Stadion", "Die Mannschaft kassierte zwei Tore; der Trainer war enttäuscht.", Sport},
		{"Le stade plein pour la finale", "L'équipe et son entraîneur visent la victoire; deux buts suffiront.", Sport},
		{"Profits slump at the carmaker", "The company said revenue fell and shares dropped as investors worried about rates.", Business},
		{"Aktien der Bank brechen ein", "Das Unternehmen meldete Verluste, Anleger fürchten höhere Zinsen.", Business},
		{"La empresa dispara sus beneficios", "Las acciones suben y los inversores celebran las ventas.", Business},
		{"Vaccine campaign starts in hospitals", "Doctors urge older patients to get the flu vaccine.", Health},
		{"Grippe: les médecins débordés", "Les hôpitaux manquent de lits pour les patients; le vaccin reste conseillé.", Health},
		{"Influenza, ospedali pieni", "I medici chiedono ai pazienti anziani di fare il vaccino.", Health},
	}
	for _, tt := range cases {
		d := c.Predict(tt.title, tt.text)
		if d.Section != tt.want || d.By != ByModel {
			t.Errorf("%q: %q by %q (%.2f), want %q; scores %v", tt.title, d.Section, d.By, d.Confidence, tt.want, d.Scores)
		}
		if d.Confidence <= 1.0/3 || d.Confidence > 1 {
			t.Errorf("%q: confidence %.3f out of (1/3, 1]", tt.title, d.Confidence)
		}
	}
}

func TestPlaceRulesFirstAndLearns(t *testing.T) {
	t.Parallel()
	c := NewClassifier(Config{NoSeed: true})
	// Nothing learned: no rule, no guess.
	if d := c.Place(Input{URL: "https://n.example/2025/a", Title: "Cup final tonight"}); d.Section != "" {
		t.Errorf("untrained classifier placed %+v", d)
	}
	// Rules place and teach.
	d := c.Place(Input{URL: "https://n.example/sport/a", Title: "Cup final tonight", Text: "The striker and the coach."})
	if d.Section != Sport || d.By != ByURL {
		t.Errorf("URL rule: %+v", d)
	}
	d = c.Place(Input{URL: "https://n.example/b", Title: "Rates rise", Text: "Investors and shares.", Categories: []string{"Economy"}})
	if d.Section != Business || d.By != ByCategory {
		t.Errorf("category rule: %+v", d)
	}
	// A category beats the URL.
	if d := c.Classify(Input{URL: "https://n.example/sport/c", Categories: []string{"Santé"}}); d.Section != Health {
		t.Errorf("category over URL: %+v", d)
	}
	if c.Documents() != 2 {
		t.Errorf("learned %v documents, want 2", c.Documents())
	}
	// Now the classifier places what no rule does, and does not learn from its own guess.
	d = c.Place(Input{URL: "https://n.example/c", Title: "The striker's cup", Text: "The coach."})
	if d.Section != Sport || d.By != ByModel {
		t.Errorf("model: %+v", d)
	}
	if c.Documents() != 2 {
		t.Errorf("learned from its own guess: %v documents", c.Documents())
	}
}

func TestMemoryBound(t *testing.T) {
	t.Parallel()
	c := NewClassifier(Config{MaxTerms: 1000, MaxDocs: 300})
	for i := range 2000 {
		// Every document brings ten terms never seen before, and two that recur.
		text := "striker goalkeeper"
		for j := range 10 {
			text += fmt.Sprintf(" word%dx%d", i, j)
		}
		c.Learn("", text, []Section{Sport, Business}[i%2])
		if n := c.Terms(); n > 1000 {
			t.Fatalf("after %d documents the vocabulary holds %d terms, over the bound of 1000", i+1, n)
		}
		if n := c.Documents(); n > 300 {
			t.Fatalf("after %d documents %v are counted, over the bound of 300", i+1, n)
		}
	}
	// The recurring terms survive pruning and still decide.
	if d := c.Predict("striker", ""); d.Section == "" {
		t.Errorf("pruned model lost its common terms: %+v", d)
	}
}

func TestTokens(t *testing.T) {
	t.Parallel()
	got := tokens("Wirtschaftliche Lage", "Die Wirtschaft und der 2025 Haushalt")
	want := map[string]int{"wirtsch": 4, "lage": 3, "haushal": 1}
	if len(got) != len(want) {
		t.Fatalf("tokens %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("tokens[%q] = %d, want %d (all %v)", k, got[k], v, got)
		}
	}
}

// TestColdStart checks that the built-in word lists place articles before anything is
// learned, in each language.
func TestColdStart(t *testing.T) {
	t.Parallel()
	c := NewClassifier(Config{})
	tests := []struct {
		title, text string
		want        Section
	}{
		{"Rovers sack their coach", "The team lost the league match; the players and the goalkeeper were booed.", Sport},
		{"Neuer Trainer für die Mannschaft", "Nach dem verlorenen Spiel in der Liga muss der Trainer gehen.", Sport},
		{"Les urgences de l'hôpital saturées", "Les médecins et les infirmières soignent des patients dans les couloirs.", Health},
		{"El gobierno pierde la votación", "El partido de la oposición tumbó la ley en el parlamento.", Politics},
		{"Il sindaco chiude la strada", "Il consiglio comunale e i residenti del quartiere discutono della scuola.", Local},
		{"Chipmaker unveils faster chips", "The new chips run artificial intelligence software on phone and computer.", Technology},
	}
	for _, tt := range tests {
		if d := c.Predict(tt.title, tt.text); d.Section != tt.want {
			t.Errorf("%q: %q, want %q; %v", tt.title, d.Section, tt.want, d.Scores)
		}
	}
}
