package brief

// SupportTerms returns the content terms of text in the form Ask matches them: lower-case,
// Porter-stemmed, irregular verbs at their base form, stop words dropped and each word mapped
// to the head of its synonym group ("climbed" and "rose" both give the rise group's head).
// Package llm uses it to check that a generated sentence says what the sentences it cites say.
// Repeated terms are kept, in text order.
func SupportTerms(text string) []string {
	return expandAll(terms(text))
}
