package brief

import (
	"testing"
	"time"
)

func TestDetectLanguage(t *testing.T) {
	t.Parallel()
	tests := []struct{ text, want string }{
		{"The city council approved the new budget on Monday after a long debate about housing and transport.", "en"},
		{"Der Stadtrat hat am Montag nach einer langen Debatte über Wohnungen und Verkehr den neuen Haushalt beschlossen.", "de"},
		{"Le conseil municipal a approuvé lundi le nouveau budget après un long débat sur le logement et les transports.", "fr"},
		{"El ayuntamiento aprobó el lunes el nuevo presupuesto tras un largo debate sobre la vivienda y el transporte.", "es"},
		{"Il consiglio comunale ha approvato lunedì il nuovo bilancio dopo un lungo dibattito sulla casa e sui trasporti.", "it"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%.30q…) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestReadingTime(t *testing.T) {
	t.Parallel()
	words := func(n int) string {
		b := make([]byte, 0, n*5)
		for range n {
			b = append(b, "word "...)
		}
		return string(b)
	}
	tests := []struct {
		text string
		want time.Duration
	}{
		{"", 0},
		{words(1), time.Minute},
		{words(230), time.Minute},
		{words(231), 2 * time.Minute},
		{words(1000), 5 * time.Minute},
	}
	for _, tt := range tests {
		if got := ReadingTime(tt.text); got != tt.want {
			t.Errorf("ReadingTime(%d chars) = %v, want %v", len(tt.text), got, tt.want)
		}
	}
}
