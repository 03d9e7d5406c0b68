package porter

import "testing"

func TestStem(t *testing.T) {
	t.Parallel()
	// Pairs worked through by hand from the rules in Porter's paper; each word runs through all
	// five steps, so several of the paper's single-step examples end shorter here.
	tests := []struct{ word, want string }{
		// step 1a
		{"caresses", "caress"}, {"ponies", "poni"}, {"ties", "ti"}, {"caress", "caress"}, {"cats", "cat"},
		// step 1b
		{"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"}, {"bled", "bled"},
		{"motoring", "motor"}, {"sing", "sing"}, {"conflated", "conflat"}, {"troubled", "troubl"},
		{"sized", "size"}, {"hopping", "hop"}, {"tanned", "tan"}, {"falling", "fall"},
		{"hissing", "hiss"}, {"fizzed", "fizz"}, {"failing", "fail"}, {"filing", "file"},
		// step 1c
		{"happy", "happi"}, {"sky", "sky"},
		// step 2
		{"relational", "relat"}, {"conditional", "condit"}, {"rational", "ration"},
		{"digitizer", "digit"}, {"operator", "oper"}, {"feudalism", "feudal"},
		{"decisiveness", "decis"}, {"hopefulness", "hope"}, {"callousness", "callous"},
		{"formality", "formal"}, {"sensitivity", "sensit"}, {"sensibility", "sensibl"},
		// step 3
		{"triplicate", "triplic"}, {"formative", "form"}, {"formalize", "formal"},
		{"electricity", "electr"}, {"electrical", "electr"}, {"hopeful", "hope"}, {"goodness", "good"},
		// step 4
		{"revival", "reviv"}, {"allowance", "allow"}, {"inference", "infer"}, {"airliner", "airlin"},
		{"gyroscopic", "gyroscop"}, {"adjustable", "adjust"}, {"defensible", "defens"},
		{"irritant", "irrit"}, {"replacement", "replac"}, {"adjustment", "adjust"},
		{"dependent", "depend"}, {"adoption", "adopt"}, {"communism", "commun"},
		{"activate", "activ"}, {"effective", "effect"}, {"bowdlerize", "bowdler"},
		{"cement", "cement"}, // longest suffix "ement" fails m>1, shorter ones are not tried
		// step 5
		{"probate", "probat"}, {"rate", "rate"}, {"cease", "ceas"}, {"controlling", "control"},
		{"roll", "roll"},
		// whole words
		{"generalizations", "gener"}, {"oscillators", "oscil"}, {"running", "run"},
		{"connection", "connect"}, {"connected", "connect"}, {"connecting", "connect"},
		{"connections", "connect"}, {"confirmed", "confirm"}, {"players", "player"},
		{"manager", "manag"}, {"managers", "manag"}, {"management", "manag"},
		// left alone
		{"is", "is"}, {"a", "a"}, {"", ""}, {"covid19", "covid19"}, {"café", "café"},
	}
	for _, tt := range tests {
		if got := Stem(tt.word); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func BenchmarkStem(b *testing.B) {
	words := []string{"generalizations", "connected", "the", "replacement", "happy", "running"}
	for i := 0; b.Loop(); i++ {
		Stem(words[i%len(words)])
	}
}
