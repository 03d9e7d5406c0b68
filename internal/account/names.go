package account

import (
	"errors"
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Display name bounds, in characters after normalisation.
const (
	MinNameLen = 3
	MaxNameLen = 30
)

// NameError says why a display name was refused.
type NameError struct{ Reason string }

func (e *NameError) Error() string { return "account: display name: " + e.Reason }

// ErrInvalidEmail is returned for an address that is not one mailbox.
var ErrInvalidEmail = errors.New("account: not an email address")

// CleanName normalises a display name as typed: NFKC (so full-width letters and
// ligatures become plain ones), spaces trimmed and runs of spaces collapsed. It then checks
// the length, the characters (letters, digits, marks, space and _ - . '), that it starts
// with a letter or digit, that it does not mix Latin, Greek and Cyrillic letters (the
// classic look-alike spoof), and that it is not a reserved name. It returns the name to
// show and the key that makes it unique.
func CleanName(raw string) (name, key string, err error) {
	name = strings.Join(strings.Fields(norm.NFKC.String(raw)), " ")
	n := utf8.RuneCountInString(name)
	if n < MinNameLen || n > MaxNameLen {
		return "", "", &NameError{"use 3 to 30 characters"}
	}
	scripts := map[string]bool{}
	for i, r := range name {
		switch {
		case unicode.IsLetter(r):
			for _, s := range []struct {
				name  string
				table *unicode.RangeTable
			}{{"Latin", unicode.Latin}, {"Greek", unicode.Greek}, {"Cyrillic", unicode.Cyrillic}} {
				if unicode.Is(s.table, r) {
					scripts[s.name] = true
				}
			}
		case unicode.IsDigit(r):
		case unicode.IsMark(r) && i > 0:
		case strings.ContainsRune(" _-.'", r) && i > 0:
		default:
			if i == 0 {
				return "", "", &NameError{"start with a letter or a digit"}
			}
			return "", "", &NameError{"use letters, digits, spaces and _ - . ' only"}
		}
	}
	if len(scripts) > 1 {
		return "", "", &NameError{"do not mix alphabets in one name"}
	}
	key = NameKey(name)
	if key == "" || reservedName(key) {
		return "", "", &NameError{"this name is reserved"}
	}
	return name, key, nil
}

// NameKey folds a display name to the form that must be unique: case folded, marks and
// separators dropped, and letters that look alike mapped to one ("Ann", "ann", "A.n.n",
// "Аnn" with a Cyrillic А and "4nn"… all collide with "ann" where they look the same).
func NameKey(name string) string {
	folded := norm.NFD.String(cases.Fold().String(norm.NFKC.String(name)))
	var b strings.Builder
	for _, r := range folded {
		if unicode.IsMark(r) || unicode.IsSpace(r) || strings.ContainsRune("_-.'", r) {
			continue
		}
		if c, ok := confusables[r]; ok {
			r = c
		}
		b.WriteRune(r)
	}
	return b.String()
}

// confusables maps characters to the Latin letter they pass for at a glance. A small
// hand-picked subset of Unicode's confusables data: the letters and digits that matter
// for names in the scripts readers use most.
var confusables = map[rune]rune{
	'0': 'o', '1': 'l', 'i': 'l', '|': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
	// Cyrillic
	'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'з': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c',
	'т': 't', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'l', 'ј': 'j', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ɩ': 'l',
	// Greek
	'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'l', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u',
	'χ': 'x', 'γ': 'y', 'μ': 'u', 'σ': 'o',
	// Latin look-alikes
	'ı': 'l', 'ℓ': 'l', 'ß': 's',
}

// reserved keys are names someone could use to pass as staff or as the system; a name is
// refused if its key is one of them, or contains one of the longer ones.
var (
	reservedExact    = []string{"root", "system", "staff", "support", "help", "info", "mod", "mods", "sysop", "owner", "official", "security", "abuse", "postmaster", "webmaster", "anonymous", "anon", "nobody", "null", "undefined", "deleteduser", "deleted", "you", "me", "everyone"}
	reservedContains = []string{"admin", "moderator", "newsdesk", "sysadmin", "deleteduser"}
)

func reservedName(key string) bool {
	for _, r := range reservedExact {
		if key == NameKey(r) {
			return true
		}
	}
	for _, r := range reservedContains {
		if strings.Contains(key, NameKey(r)) {
			return true
		}
	}
	return false
}

// CleanEmail checks that raw is one bare address and returns it trimmed, with the key that
// makes it unique (lower case). Display-name forms ("Ann <ann@x>") are refused: the form
// asks for an address.
func CleanEmail(raw string) (email, key string, err error) {
	email = strings.TrimSpace(raw)
	if len(email) > 254 || strings.ContainsAny(email, "\r\n<>, ") {
		return "", "", ErrInvalidEmail
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || a.Name != "" {
		return "", "", ErrInvalidEmail
	}
	local, domain, ok := strings.Cut(email, "@")
	if !ok || local == "" || !strings.Contains(domain, ".") || strings.HasSuffix(domain, ".") {
		return "", "", ErrInvalidEmail
	}
	return email, strings.ToLower(email), nil
}
