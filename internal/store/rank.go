package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// StoryStat is what ranking needs to know about one story's recent coverage: counts
// aggregated over its original articles published since a cut-off, and those articles.
type StoryStat struct {
	Story          int64
	Articles       int // originals since the cut-off
	Publishers     int // distinct publishers among them
	Countries      []string
	Languages      []string
	FirstPublished time.Time
	LastPublished  time.Time
	LastHour       int    // originals published in the last hour
	Section        string // the section most of its articles are in
	// Lead is the article a card shows by default: the newest with an image, else the
	// newest. Ranking for an edition may pick another of Members.
	Lead Article
	// Members are the story's originals since the cut-off, newest first, without bodies;
	// at most maxStoryMembers of them.
	Members []Article
}

// maxStoryMembers bounds the articles read per story: enough to pick a lead and count
// countries and languages, while a story of hundreds of articles costs no more to rank.
const maxStoryMembers = 40

// StoryStats aggregates the stories with original articles published since the cut-off:
// the limit most likely to rank — breadth discounted by the age of the latest article, so
// that neither yesterday's broad stories crowd out this hour's nor the reverse. Callers
// pass a limit a few times what they show, and rank those (package rank). The last-hour
// count is taken relative to now.
func (s *Store) StoryStats(ctx context.Context, since time.Time, limit int) ([]StoryStat, error) {
	return s.storyStats(ctx, since, time.Now(), limit)
}

// candidateAge is the age at which the candidate order halves a story's breadth: a
// hyperbolic stand-in, portable to both dialects' SQL, for the ranking's exponential decay.
// The age is taken as an absolute value, so an article dated in the future never makes
// the divisor zero.
const candidateAge = 6 * time.Hour

func (s *Store) storyStats(ctx context.Context, since, now time.Time, limit int) ([]StoryStat, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT a.story_id, COUNT(*), COUNT(DISTINCT a.publisher_id),
			MIN(a.published), MAX(a.published), SUM(CASE WHEN a.published >= ? THEN 1 ELSE 0 END)
		FROM articles a
		WHERE a.published >= ? AND a.duplicate_of = 0 AND a.story_id <> 0
		GROUP BY a.story_id
		ORDER BY COUNT(DISTINCT a.publisher_id) * 1.0 / (1 + ABS(? - MAX(a.published)) / ?) DESC, MAX(a.published) DESC, a.story_id DESC
		LIMIT ?`), ms(now.Add(-time.Hour)), ms(since), ms(now), float64(candidateAge.Milliseconds()), limit)
	if err != nil {
		return nil, fmt.Errorf("store: story stats: %w", err)
	}
	var out []StoryStat
	index := map[int64]int{}
	for rows.Next() {
		var st StoryStat
		var first, last int64
		if err := rows.Scan(&st.Story, &st.Articles, &st.Publishers, &first, &last, &st.LastHour); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: story stats: %w", err)
		}
		st.FirstPublished, st.LastPublished = fromMS(first), fromMS(last)
		index[st.Story] = len(out)
		out = append(out, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: story stats: %w", err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	if err := s.storyMembers(ctx, since, out, index); err != nil {
		return nil, err
	}
	for i := range out {
		summarise(&out[i])
	}
	return out, nil
}

// storyMembers reads the originals of the given stories since the cut-off, in chunks so
// that no statement carries more placeholders than either database allows.
func (s *Store) storyMembers(ctx context.Context, since time.Time, stats []StoryStat, index map[int64]int) error {
	const chunk = 200
	for start := 0; start < len(stats); start += chunk {
		part := stats[start:min(start+chunk, len(stats))]
		args := []any{ms(since)}
		for _, st := range part {
			args = append(args, st.Story)
		}
		arts, err := s.listArticles(ctx, `SELECT `+articleListCols+` FROM articles a JOIN publishers p ON p.id = a.publisher_id
			WHERE a.published >= ? AND a.duplicate_of = 0 AND a.story_id IN (?`+strings.Repeat(", ?", len(part)-1)+`)
			ORDER BY a.published DESC, a.id DESC`, args...)
		if err != nil {
			return fmt.Errorf("store: story stats: %w", err)
		}
		for _, a := range arts {
			st := &stats[index[a.StoryID]]
			if len(st.Members) < maxStoryMembers {
				st.Members = append(st.Members, a)
			}
		}
	}
	return nil
}

// summarise fills what is derived from the members: countries, languages, the majority
// section and the default lead.
func summarise(st *StoryStat) {
	countries, languages, sections := map[string]bool{}, map[string]bool{}, map[string]int{}
	lead := -1
	for i, a := range st.Members {
		if a.PublisherCountry != "" {
			countries[strings.ToLower(a.PublisherCountry)] = true
		}
		if a.Language != "" {
			languages[a.Language] = true
		}
		if a.Section != "" {
			sections[a.Section]++
		}
		if lead < 0 && a.ImageURL != "" {
			lead = i
		}
	}
	if lead < 0 && len(st.Members) > 0 {
		lead = 0
	}
	if lead >= 0 {
		st.Lead = st.Members[lead]
	}
	st.Countries, st.Languages = sortedKeys(countries), sortedKeys(languages)
	best := 0
	for sec, n := range sections {
		// Ties go to the lead's section, then to the alphabetically first, so the answer is
		// stable from one call to the next.
		if n > best || (n == best && (sec == st.Lead.Section || (st.Section != st.Lead.Section && sec < st.Section))) {
			st.Section, best = sec, n
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
