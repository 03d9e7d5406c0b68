package story

import (
	"slices"
	"strings"
	"testing"
)

func TestWordsPerLanguage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang language
		in   string
		want string
	}{
		{langEnglish, "Kestrel recalls power banks", "kestrel recall power bank"},
		{langFrench, "Le marché couvert de Valmont rouvre ses portes après l'été", "march couvert valmont rouvr port"},
		{langFrench, "Les vendanges précoces", "vendang precoc"},
		{langGerman, "Der Stadtrat beschließt das Radwegenetz für Lindenau", "stadtrat beschliesst radwegenetz lindenau"},
		{langGerman, "Neue Straßenbahn über den Rhein", "strassenbahn rhein"},
		{langSpanish, "Las nuevas líneas del tranvía de la ciudad", "line tranvi ciudad"},
		{langItalian, "La vendemmia dell'anno nelle colline", "vendemmi collin"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			var tk tokenizer
			var got []string
			tk.words(tt.in, tt.lang, true, func(w []byte, _, _ bool) { got = append(got, string(w)) })
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("words = %q, want %q", s, tt.want)
			}
		})
	}
}

func TestDetectLanguage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		title, text string
		want        language
	}{
		{"Storm Edda batters the coast", "Winds of up to 120 km/h hit the town on Tuesday and the council said that the roads were closed.", langEnglish},
		{"Le festival fête ses vingt ans", "Pour sa vingtième édition, le festival voit grand. Les organisateurs attendent du public sur les quais.", langFrench},
		{"Weinfest mit Besucherrekord", "Das Weinfest hat in diesem Jahr so viele Besucher wie nie gezählt, sagte der Veranstalter am Sonntag und die Stadt ist froh.", langGerman},
		{"Record de la vendimia", "La vendimia de este año fue la más temprana que se recuerda en la región, según los productores del valle.", langSpanish},
		{"La vendemmia precoce", "La vendemmia di quest'anno è stata la più precoce che si ricordi nella valle, secondo i produttori della zona.", langItalian},
		{"Die hard", "", langEnglish}, // too little to tell
	}
	for _, tt := range tests {
		var tk tokenizer
		if got := tk.detect(tt.title, tt.text); got != tt.want {
			t.Errorf("detect(%q) = %d, want %d", tt.title, got, tt.want)
		}
	}
}

func TestPublisherDamping(t *testing.T) {
	t.Parallel()
	p := newPublishers(8, 1)
	town, story, other := uint64(1), uint64(2), uint64(3)
	docs := [][]uint64{{town, 10}, {town, 11}, {town, story}, {town, story, 12}, {town, 13}}
	for i, d := range docs {
		slices.Sort(d)
		p.record("Courrier", d, int64(i))
	}
	h := p.history("Courrier")
	if got := h.damping(town, 1); got > 0.25 {
		t.Errorf("damping(town in 5 of 5) = %.2f, want at most 0.25", got)
	}
	if got := h.damping(story, 1); got < 0.75 {
		t.Errorf("damping(story in 2 of 5) = %.2f, want at least 0.75: a follow-up is no habit", got)
	}
	if got := h.damping(other, 1); got != 1 {
		t.Errorf("damping(unseen) = %.2f, want 1", got)
	}
	if p.history("Other paper") != nil || p.history("") != nil {
		t.Error("history of an unknown or empty publisher is not nil")
	}
	p.expire(10)
	if p.history("Courrier") != nil {
		t.Error("expire kept a silent publisher")
	}
}
