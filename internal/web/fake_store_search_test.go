package web

import (
	"context"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/store"
)

// Search is a plain stand-in for the store's full-text search: every word must appear in
// the title or text (case-insensitive), newest first, words marked in the title and
// snippet; the cursor is the offset of the next page.
func (f *fakeStore) Search(ctx context.Context, q store.SearchQuery) (store.SearchResult, error) {
	if err := f.enter(); err != nil {
		return store.SearchResult{}, err
	}
	words := strings.Fields(strings.ToLower(regexp.MustCompile(`[^\pL\pN]+`).ReplaceAllString(q.Text, " ")))
	if len(words) == 0 {
		return store.SearchResult{}, store.ErrEmptyQuery
	}
	offset := 0
	if q.Cursor != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(q.Cursor, strings.Join(words, "+")+":"))
		if err != nil || !strings.HasPrefix(q.Cursor, strings.Join(words, "+")+":") {
			return store.SearchResult{}, store.ErrBadCursor
		}
		offset = n
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var hits []store.SearchHit
	for _, a := range f.articles {
		if a.DuplicateOf != 0 || q.PublisherID != 0 && a.PublisherID != q.PublisherID ||
			q.Section != "" && a.Section != q.Section ||
			q.Language != "" && a.Language != q.Language ||
			q.Country != "" && f.publishers[a.PublisherID].Country != q.Country ||
			!q.From.IsZero() && a.Published.Before(q.From) || !q.To.IsZero() && !a.Published.Before(q.To) {
			continue
		}
		hay := strings.ToLower(a.Title + " " + a.Text)
		if !allIn(hay, words) {
			continue
		}
		snip := a.Snippet
		if snip == "" {
			snip = a.Text
		}
		hits = append(hits, store.SearchHit{Article: f.list(a), TitleHTML: markWords(a.Title, words), SnippetHTML: markWords(snip, words)})
	}
	slices.SortStableFunc(hits, func(a, b store.SearchHit) int { return b.Published.Compare(a.Published) })
	var res store.SearchResult
	hits = hits[min(offset, len(hits)):]
	if len(hits) > limit {
		hits = hits[:limit]
		res.Next = strings.Join(words, "+") + ":" + strconv.Itoa(offset+limit)
	}
	res.Hits = hits
	return res, nil
}

func allIn(hay string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// markWords escapes s and wraps each occurrence of a word in <mark>.
func markWords(s string, words []string) string {
	var b strings.Builder
	lower := strings.ToLower(s)
	for i := 0; i < len(s); {
		n := 0
		for _, w := range words {
			if strings.HasPrefix(lower[i:], w) && len(w) > n {
				n = len(w)
			}
		}
		if n > 0 {
			b.WriteString("<mark>" + html.EscapeString(s[i:i+n]) + "</mark>")
			i += n
			continue
		}
		b.WriteString(html.EscapeString(s[i : i+1]))
		i++
	}
	return b.String()
}

// StoryStats aggregates the fake's stories the way the store does: originals published
// since the cut-off, newest first, the lead the newest with an image.
func (f *fakeStore) StoryStats(ctx context.Context, since time.Time, limit int) ([]store.StoryStat, error) {
	if err := f.enter(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	byStory := map[int64]*store.StoryStat{}
	var order []int64
	publishers := map[int64]map[int64]bool{}
	for _, a := range f.articles { // newest first
		if a.StoryID == 0 || a.DuplicateOf != 0 || a.Published.Before(since) {
			continue
		}
		st := byStory[a.StoryID]
		if st == nil {
			st = &store.StoryStat{Story: a.StoryID, FirstPublished: a.Published, LastPublished: a.Published, Section: a.Section}
			byStory[a.StoryID] = st
			publishers[a.StoryID] = map[int64]bool{}
			order = append(order, a.StoryID)
		}
		st.Articles++
		publishers[a.StoryID][a.PublisherID] = true
		st.Publishers = len(publishers[a.StoryID])
		st.FirstPublished = a.Published
		if testNow.Sub(a.Published) < time.Hour {
			st.LastHour++
		}
		m := f.list(a)
		st.Members = append(st.Members, m)
		if c := f.publishers[a.PublisherID].Country; c != "" && !slices.Contains(st.Countries, c) {
			st.Countries = append(st.Countries, c)
		}
		if st.Lead.ID == 0 || st.Lead.ImageURL == "" && m.ImageURL != "" {
			st.Lead = m
		}
	}
	out := make([]store.StoryStat, 0, len(order))
	for _, id := range order {
		out = append(out, *byStory[id])
	}
	slices.SortStableFunc(out, func(a, b store.StoryStat) int { return b.Publishers - a.Publishers })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
