package brief

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Boilerplate that web extraction leaves in article text: it never carries the story, so a
// sentence holding one of these phrases is not a key point. They are matched as plain
// substrings of the lower-cased sentence: one case-insensitive alternation regexp over every
// sentence was two fifths of ingest's CPU time.
var boilerplatePhrases = []string{
	"scroll down for", "click here", "read more", "sign up for", "subscribe to",
	"follow us on", "follow him on", "follow her on", "follow me on", "follow @", "share this",
	"email to a friend", "e-mail to a friend", "all rights reserved", "copyright", "©",
	"getty images", "(pictured)", "pictured above", "pictured below", "pictured left",
	"pictured right", "file photo", "photo:", "photograph:", "image:", "credit:", "video:",
	"watch the video", "cookie policy", "cookies policy", "this article was", "this article has been",
	"comment below", "comments below", "comment section", "comments section", "let us know",
	"have your say", "download the app",
}

// boilerplateOpeners are boilerplate only at the start of a sentence.
var boilerplateOpeners = []string{"published:", "updated:", "last updated", "read:", "see also", "related:", "advertisement"}

// bylineOpener matches "By Jane Smith." or "By Jane Smith |" opening a sentence.
var bylineOpener = regexp.MustCompile(`^by [a-z]+ [a-z]+\s*[.|]`)

func isBoilerplate(s string) bool {
	l := strings.ToLower(s)
	for _, p := range boilerplatePhrases {
		if strings.Contains(l, p) {
			return true
		}
	}
	for _, p := range boilerplateOpeners {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return strings.HasPrefix(l, "by ") && bylineOpener.MatchString(l)
}

// captionLabel matches the "Fighter ace: …" labels that newspaper photo captions open with. A
// speech verb before the colon ("The PM added: …") marks a quotation instead.
var captionLabel = regexp.MustCompile(`^[\p{Lu}][\p{L}'’-]*(?: [\p{L}'’-]+){0,3}: `)

// clauseOpener marks a label that is the start of a sentence ("With the new Avengers: Age of
// Ultron out, …") rather than a caption's.
var clauseOpener = regexp.MustCompile(`^(?i:with|in|on|at|for|after|as|from|by|before|when|while|despite|during|since|if|but|and|so)\b`)

var speechVerbLabel = regexp.MustCompile(`(?i)\b(said|says|added|told|explained|wrote|writes|asked|insisted|continued|tweeted|posted|stated|declared|claimed|admitted)\s*:`)

// gluedQuote matches a quotation opening straight after a lower-case word with no punctuation
// between, "… on Friday ‘I’d be over the moon …": a caption or heading whose full stop was lost,
// run into the next paragraph's quote.
var gluedQuote = regexp.MustCompile(`\p{Ll} [‘“]\p{Lu}`)

// datelinePrefix matches the place-and-agency openers of wire copy: "LONDON (Reuters) - ",
// "New Delhi, India (CNN)", "WASHINGTON — ".
var datelinePrefix = regexp.MustCompile(`^(?:[\p{Lu}][\p{L}.'’-]*(?:[ ,]+[\p{L}.'’-]+){0,4}\s*)?` +
	`\((?:CNN|AP|Reuters|AFP|UPI|dpa|Bloomberg|CNN Money|EW\.com|Mashable|The Conversation)\)\s*(?:--|—|–|-)?\s*|` +
	`^\p{Lu}[\p{Lu} ,.]{2,40}\s+(?:--|—|–)\s+`)

// cleanSentence removes a dateline and stray spacing from a sentence chosen for display.
func cleanSentence(s string) string {
	s = datelinePrefix.ReplaceAllString(s, "")
	s = strings.Join(strings.Fields(s), " ")
	return s
}

// longSentence is the length in words above which a sentence is discounted.
const longSentence = 40

// quality scores how fit a sentence is to stand alone as a key point, from 0 (never) to 1.
// It encodes what a reader of a summary expects: a complete declarative statement of moderate
// length that is not page furniture, not a caption, not a question and not a bare quotation.
func quality(s string, nWords int) float64 {
	if nWords < 6 || isBoilerplate(s) {
		return 0
	}
	q := 1.0
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, `"'’”)`))
	switch {
	case unicode.IsLower(first):
		q *= 0.3 // a fragment cut from its sentence
	case isOpener(first):
		q *= 0.5 // a quotation: colour, seldom the fact itself
	}
	if last == '?' {
		q *= 0.3
	}
	if !isTerminator(last) {
		q *= 0.6 // caption or heading run into the text
	}
	if captionLabel.MatchString(s) && !speechVerbLabel.MatchString(s) && !clauseOpener.MatchString(s) {
		q *= 0.3
	}
	if gluedQuote.MatchString(s) {
		q *= 0.6
	}
	if nWords > longSentence {
		// Long sentences are often two glued together by lost punctuation (a photo caption
		// run into the text), and a long point crowds out the others.
		q *= longSentence / float64(nWords)
	}
	return q
}
