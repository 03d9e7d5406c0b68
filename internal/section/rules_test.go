package section

import "testing"

func TestFromCategories(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cats []string
		want Section
	}{
		{[]string{"Sport"}, Sport},
		{[]string{"Fußball", "Bundesliga"}, Sport},
		{[]string{"Wirtschaft"}, Business},
		{[]string{"Économie"}, Business},
		{[]string{"Política"}, Politics},
		{[]string{"Salute"}, Health},
		{[]string{"Santé"}, Health},
		{[]string{"Kultur"}, Entertainment},
		{[]string{"Deportes"}, Sport},
		{[]string{"Tecnologia"}, Technology},
		{[]string{"Middle East"}, World},
		{[]string{"US Politics"}, Politics},
		{[]string{"Région"}, Local},
		{[]string{"Cronaca"}, Local},
		// The first category that names a section wins; unknown ones are passed over.
		{[]string{"Breaking", "Gadgets"}, Technology},
		{[]string{"News"}, ""},
		{[]string{"Opinion", "Editorial"}, ""},
		// A sentence that happens to contain a section word is not a section.
		{[]string{"How the world cup changed a small town forever"}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		got, ok := FromCategories(tt.cats)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("FromCategories(%q) = %q, %v; want %q", tt.cats, got, ok, tt.want)
		}
	}
}

func TestFromURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url  string
		want Section
	}{
		{"https://news.example/sport/football/2025/06/03/cup-final", Sport},
		{"https://news.example/business/markets-rally", Business},
		{"https://news.example/tech/new-phone", Technology},
		{"https://zeitung.example/wirtschaft/zinsen-steigen-1234.html", Business},
		{"https://zeitung.example/politik/ausland/wahl-in-frankreich", Politics},
		{"https://journal.example/sciences/espace/une-comete", Science},
		{"https://journal.example/sante/grippe", Health},
		{"https://diario.example/es/deportes/la-liga-final", Sport},
		{"https://diario.example/internacional/cumbre", World},
		{"https://giornale.example/cronaca/incendio-in-centro", Local},
		{"https://giornale.example/spettacoli/festival", Entertainment},
		{"https://giornale.example/it/salute/vaccini", Health},
		{"https://news.example/world/europe/summit", World},
		{"https://news.example/politics/", Politics},
		{"https://sport.news.example/cup-final", Sport},
		// The article's own slug is not read, nor the query.
		{"https://news.example/2025/06/03/football-final", ""},
		{"https://news.example/a/b?section=sport", ""},
		{"https://news.example/", ""},
		{"::not a url", ""},
	}
	for _, tt := range tests {
		got, ok := FromURL(tt.url)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("FromURL(%q) = %q, %v; want %q", tt.url, got, ok, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	for _, s := range All() {
		if got, ok := Parse(string(s)); !ok || got != s {
			t.Errorf("Parse(%q) = %q, %v", s, got, ok)
		}
	}
	if _, ok := Parse("weather"); ok {
		t.Error("Parse accepted weather")
	}
	if len(All()) != 9 {
		t.Errorf("%d sections, want 9", len(All()))
	}
}
