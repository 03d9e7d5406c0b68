package storyeval

import (
	"newsdesk/internal/story"
)

// Items converts records to engine items; the item id is the record's position.
func Items(recs []Record) ([]story.Item, error) {
	out := make([]story.Item, len(recs))
	for i, r := range recs {
		t, err := ParseTime(r.Published)
		if err != nil {
			return nil, err
		}
		out[i] = story.Item{ID: int64(i + 1), Title: r.Title, Text: r.Text, Publisher: r.Publisher, URL: r.URL, Published: t}
	}
	return out, nil
}

// Cluster runs the engine over items in order and returns each item's final story.
func Cluster(items []story.Item, cfg story.Config) []int64 {
	e := story.NewEngine(cfg)
	pred := make([]int64, len(items))
	idx := make(map[int64]int, len(items))
	redirect := make(map[int64]int64) // merged story → survivor, kept for the whole run
	for i, it := range items {
		a := e.Add(it)
		pred[i] = a.Story
		for _, m := range a.Merged {
			redirect[m] = a.Story
		}
		idx[it.ID] = i
		if a.Split != nil {
			for _, id := range a.Split.Items {
				if j, ok := idx[id]; ok {
					pred[j] = a.Split.To
				}
			}
		}
	}
	for i := range pred {
		pred[i] = follow(redirect, pred[i])
	}
	return pred
}

func follow(redirect map[int64]int64, id int64) int64 {
	for {
		next, ok := redirect[id]
		if !ok || next == id {
			return id
		}
		id = next
	}
}
