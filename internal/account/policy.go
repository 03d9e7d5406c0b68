package account

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Password length bounds, in characters. The upper bound only stops absurd inputs; argon2
// hashes any length at the same cost.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 256
)

//go:embed common_passwords.txt
var commonPasswordsTxt string

// PolicyError says why a password was refused, in words for the form.
type PolicyError struct{ Reason string }

func (e *PolicyError) Error() string { return "account: weak password: " + e.Reason }

// passwordPolicy is the set of refused passwords, built once per Service.
type passwordPolicy struct {
	common map[string]bool
}

func newPasswordPolicy() *passwordPolicy {
	p := &passwordPolicy{common: map[string]bool{}}
	for line := range strings.Lines(commonPasswordsTxt) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			p.common[strings.ToLower(line)] = true
		}
	}
	return p
}

// check refuses passwords a guesser tries first. email and name are the account's own,
// which a targeted guesser tries too.
func (p *passwordPolicy) check(password, email, name string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLen:
		return &PolicyError{fmt.Sprintf("use at least %d characters", MinPasswordLen)}
	case n > MaxPasswordLen:
		return &PolicyError{fmt.Sprintf("use at most %d characters", MaxPasswordLen)}
	case oneCharacter(password):
		return &PolicyError{"use more than one character"}
	case sequence(password):
		return &PolicyError{"a run of consecutive keys or letters is guessed at once"}
	}
	lower := strings.ToLower(password)
	if p.common[lower] || p.common[stem(lower)] {
		return &PolicyError{"this is one of the most common passwords"}
	}
	if local, _, _ := strings.Cut(strings.ToLower(email), "@"); utf8.RuneCountInString(local) >= 3 && strings.Contains(lower, local) {
		return &PolicyError{"do not use your email address in your password"}
	}
	if key := strings.ToLower(strings.TrimSpace(name)); utf8.RuneCountInString(key) >= 3 && strings.Contains(lower, key) {
		return &PolicyError{"do not use your display name in your password"}
	}
	return nil
}

// stem drops leading and trailing digits and punctuation: the usual way people satisfy
// a "must contain a digit" rule without making a password any harder to guess.
func stem(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
	})
}

func oneCharacter(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return strings.Trim(s, string(first)) == ""
}

// sequence reports a password that steps by one code point all the way ("abcdefghij",
// "9876543210") or repeats a short pattern ("abcabcabca", "12121212").
func sequence(s string) bool {
	rs := []rune(strings.ToLower(s))
	up, down := true, true
	for i := 1; i < len(rs); i++ {
		// Digits wrap around, as on a keyboard row: 7890123456 is a run too.
		up = up && (rs[i] == rs[i-1]+1 || rs[i-1] == '9' && rs[i] == '0')
		down = down && (rs[i] == rs[i-1]-1 || rs[i-1] == '0' && rs[i] == '9')
	}
	if up || down {
		return true
	}
	for period := 2; period <= 3 && period < len(rs); period++ {
		repeats := true
		for i := period; i < len(rs); i++ {
			if rs[i] != rs[i-period] {
				repeats = false
				break
			}
		}
		if repeats {
			return true
		}
	}
	return false
}
