package story

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Follow folds a story another engine merged away into its survivor, whichever of the two
// this engine holds as the larger, and later articles of the event join the survivor.
func TestFollowAppliesAnotherEnginesMerge(t *testing.T) {
	t.Parallel()
	harbour := "The harbour authority of Port Aldridge approved dredging of the northern channel after years of debate over silt and vessels. "
	for _, tc := range []struct {
		name             string
		fromSize, toSize int
	}{
		{"survivor larger", 1, 3},
		{"survivor smaller", 3, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := NewEngine(DefaultConfig())
			at := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
			id := int64(0)
			restore := func(story int64, n int) {
				for range n {
					id++
					e.Restore(Item{ID: id, Title: fmt.Sprintf("Port Aldridge dredging %d", id), Language: "en",
						Text: strings.Repeat(harbour, 3), Publisher: fmt.Sprintf("P%d", id), Published: at.Add(time.Duration(id) * time.Minute)}, story, 0)
				}
			}
			restore(10, tc.fromSize)
			restore(20, tc.toSize)
			if e.Stories() != 2 {
				t.Fatalf("%d stories restored, want 2", e.Stories())
			}
			e.Follow(10, 20)
			if got := e.Resolve(10); got != 20 {
				t.Errorf("story 10 resolves to %d, want 20", got)
			}
			if got := e.Resolve(20); got != 20 {
				t.Errorf("story 20 resolves to %d, want itself", got)
			}
			if e.Stories() != 1 {
				t.Errorf("%d stories after the merge, want 1", e.Stories())
			}
			e.Reserve(20)
			a := e.Add(Item{ID: 100, Title: "Port Aldridge dredging of the harbour channel begins", Language: "en", Publisher: "Q",
				Text: strings.Repeat(harbour, 2) + "Work starts in spring.", Published: at.Add(time.Hour)})
			if a.Story != 20 {
				t.Errorf("follow-up in story %d, want 20", a.Story)
			}
		})
	}
}
