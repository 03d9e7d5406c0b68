package brief

import "context"

// Summarizer produces the generated parts of the article page's AI box and the story brief.
// Callers depend on this interface so that an LLM backend can replace or back up the offline
// one without changing them; backends that cannot answer return an error and callers fall back
// to Offline.
type Summarizer interface {
	KeyPoints(ctx context.Context, title, text string, n int, related ...[]string) ([]string, error)
	StoryBrief(ctx context.Context, docs []Doc, n int) ([]Cited, error)
	Ask(ctx context.Context, question string, docs []Doc, k int) (answers []Answer, answered bool, err error)
}

// Offline is the embedded extractive Summarizer. It never fails except on a cancelled context.
type Offline struct{}

var _ Summarizer = Offline{}

// KeyPoints implements Summarizer with the package function KeyPoints.
func (Offline) KeyPoints(ctx context.Context, title, text string, n int, related ...[]string) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return KeyPoints(title, text, n, related...), nil
}

// StoryBrief implements Summarizer with the package function StoryBrief.
func (Offline) StoryBrief(ctx context.Context, docs []Doc, n int) ([]Cited, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return StoryBrief(docs, n), nil
}

// Ask implements Summarizer with the package function Ask.
func (Offline) Ask(ctx context.Context, question string, docs []Doc, k int) ([]Answer, bool, error) {
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	a, ok := Ask(question, docs, k)
	return a, ok, nil
}
