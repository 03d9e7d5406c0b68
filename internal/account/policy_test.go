package account

import (
	"errors"
	"testing"
)

func TestPasswordPolicy(t *testing.T) {
	t.Parallel()
	p := newPasswordPolicy()
	tests := []struct {
		name, password string
		ok             bool
	}{
		{"long random", "vK3#pL9q!zR2", true},
		{"passphrase", "staple cloud river lamp", true},
		{"unicode passphrase", "Füße über Brücken", true},
		{"too short", "aB3$xY9", false},
		{"nine chars", "aB3$xY9kq", false},
		{"ten chars", "aB3$xY9kqw", true},
		{"one character", "aaaaaaaaaaaa", false},
		{"one unicode character", "éééééééééééé", false},
		{"ascending digits", "1234567890", false},
		{"descending digits", "9876543210", false},
		{"digits wrapping round", "7890123456", false},
		{"alphabet", "abcdefghijk", false},
		{"repeating pair", "abababababab", false},
		{"repeating triple", "xyzxyzxyzxyz", false},
		{"common", "qwertyuiop", false},
		{"common, capitalised", "Qwertyuiop", false},
		{"common stem with digits", "Password2024!", false},
		{"common stem with symbols", "!!sunshine!!", false},
		{"common leet", "P@ssw0rd123", false},
		{"common word inside a longer phrase", "password manager rules", true},
		{"email local part", "xx-annsmith-2024", false},
		{"display name", "I am Ann Smith 99", false},
		{"too long", string(make([]byte, MaxPasswordLen+1)), false},
	}
	for _, tt := range tests {
		err := p.check(tt.password, "annsmith@example.org", "Ann Smith")
		var pe *PolicyError
		if tt.ok && err != nil {
			t.Errorf("%s: %q refused: %v", tt.name, tt.password, err)
		}
		if !tt.ok && !errors.As(err, &pe) {
			t.Errorf("%s: %q accepted (%v)", tt.name, tt.password, err)
		}
	}
	if len(p.common) < 100 {
		t.Errorf("common password list has %d entries", len(p.common))
	}
}
