// Package search turns what a reader types into a search box into a query that the
// database's full-text engine accepts whatever the input, and turns the engine's marked
// snippets back into safe HTML.
//
// The syntax is the familiar web-search one, the same as PostgreSQL's websearch_to_tsquery:
// words are all required, "quoted words" form a phrase, OR between two words or phrases
// accepts either, and a leading minus excludes a word or phrase. Everything else is
// punctuation and only separates words; nothing the reader types reaches the engine's own
// syntax.
package search

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrEmptyQuery is returned for input with no word to search for (only punctuation, or
// only excluded words).
var ErrEmptyQuery = errors.New("empty query")

// Limits that keep one query's cost bounded whatever is pasted into the box.
const (
	maxInput = 512 // bytes of input considered
	maxAtoms = 16  // words and phrases kept
)

// Atom is one word or phrase: its words in order, lower-cased as typed.
type Atom []string

// Query is a parsed search: every group must match (a group matches when any of its atoms
// does), and no excluded atom may.
type Query struct {
	Groups  [][]Atom
	Exclude []Atom
}

// Parse reads a search box's input. It fails only with ErrEmptyQuery.
func Parse(input string) (Query, error) {
	if len(input) > maxInput {
		input = input[:maxInput]
	}
	input = strings.ToValidUTF8(input, " ")
	var (
		q      Query
		atoms  int
		orNext bool // the previous token was OR: join the next atom to the last group
	)
	for _, tok := range lex(input) {
		if atoms == maxAtoms {
			break
		}
		if !tok.quoted && !tok.negated && tok.text == "OR" {
			orNext = len(q.Groups) > 0
			continue
		}
		a := words(tok.text)
		if len(a) == 0 {
			continue
		}
		atoms++
		switch {
		case tok.negated:
			q.Exclude = append(q.Exclude, a)
			orNext = false
		case orNext:
			last := len(q.Groups) - 1
			q.Groups[last] = append(q.Groups[last], a)
			orNext = false
		default:
			q.Groups = append(q.Groups, []Atom{a})
		}
	}
	if len(q.Groups) == 0 {
		return Query{}, ErrEmptyQuery
	}
	return q, nil
}

type token struct {
	text            string
	quoted, negated bool
}

// lex splits input into space-separated tokens and "quoted" spans; an unclosed quote runs
// to the end. A minus directly before a token negates it.
func lex(s string) []token {
	var out []token
	isSep := func(r rune) bool { return unicode.IsSpace(r) || r == '"' }
	for i := 0; i < len(s); {
		if r, size := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		neg := false
		if s[i] == '-' {
			neg = true
			i++
			if i == len(s) {
				break
			}
		}
		if s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				out = append(out, token{text: s[i+1:], quoted: true, negated: neg})
				break
			}
			out = append(out, token{text: s[i+1 : i+1+end], quoted: true, negated: neg})
			i += end + 2
			continue
		}
		end := strings.IndexFunc(s[i:], isSep)
		switch {
		case end < 0:
			end = len(s) - i
		case end == 0: // a minus before a space: nothing to negate
			continue
		}
		out = append(out, token{text: s[i : i+end], negated: neg})
		i += end
	}
	return out
}

// words splits a token into its letters-and-digits runs, lower-cased. Both engines split
// "covid-19" or "O'Brien" into two words, so a token like that becomes a phrase of both.
func words(s string) Atom {
	var a Atom
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	}) {
		a = append(a, strings.ToLower(w))
	}
	return a
}

// FTS5 renders the query in SQLite FTS5 syntax. Every word is a double-quoted string, so
// no input can form an FTS5 operator, column filter or syntax error.
func (q Query) FTS5() string {
	var b strings.Builder
	b.WriteByte('(')
	for i, g := range q.Groups {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.WriteByte('(')
		for j, a := range g {
			if j > 0 {
				b.WriteString(" OR ")
			}
			writeFTS5Atom(&b, a)
		}
		b.WriteByte(')')
	}
	b.WriteByte(')')
	for _, a := range q.Exclude {
		b.WriteString(" NOT ")
		writeFTS5Atom(&b, a)
	}
	return b.String()
}

// writeFTS5Atom writes a word or phrase as one FTS5 string: the words, space-separated, in
// double quotes. Words hold only letters and digits, so there is no quote to escape.
func writeFTS5Atom(b *strings.Builder, a Atom) {
	b.WriteByte('"')
	b.WriteString(strings.Join(a, " "))
	b.WriteByte('"')
}

// Websearch renders the query for PostgreSQL's websearch_to_tsquery. Every atom is quoted,
// so a word such as "or" is searched for rather than read as the operator.
func (q Query) Websearch() string {
	var b strings.Builder
	for i, g := range q.Groups {
		if i > 0 {
			b.WriteByte(' ')
		}
		for j, a := range g {
			if j > 0 {
				b.WriteString(" or ")
			}
			writeFTS5Atom(&b, a)
		}
	}
	for _, a := range q.Exclude {
		b.WriteString(" -")
		writeFTS5Atom(&b, a)
	}
	return b.String()
}

// String is the canonical form of the query, the same for inputs that search alike.
func (q Query) String() string { return q.Websearch() }
