package brief

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"newsdesk/internal/brief/rouge"
)

var tune = flag.Bool("tune", false, "grid-search the key-point parameters on the summaries corpus")

type summaryCase struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Summary string `json:"summary"`
}

// loadSummaries reads the shared corpus, or skips the test when it is not on this machine.
func loadSummaries(t testing.TB) []summaryCase {
	t.Helper()
	dir := os.Getenv("NEWSDESK_CORPORA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpora")
	}
	f, err := os.Open(filepath.Join(dir, "summaries", "cnndm-dev.jsonl"))
	if err != nil {
		t.Skipf("summaries corpus not available: %v", err)
	}
	defer f.Close()
	var cases []summaryCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var c summaryCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("corpus line: %v", err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// meanR1 returns the mean ROUGE-1 and ROUGE-2 F of summarise over cases, in percent.
func meanRouge(cases []summaryCase, summarise func(text string) []string) (r1, r2 float64) {
	for _, c := range cases {
		s := rouge.Compare(summarise(c.Text), SplitSentences(c.Summary))
		r1 += s.R1.F
		r2 += s.R2.F
	}
	n := float64(len(cases))
	return 100 * r1 / n, 100 * r2 / n
}

func halves(cases []summaryCase) (even, odd []summaryCase) {
	for i, c := range cases {
		if i%2 == 0 {
			even = append(even, c)
		} else {
			odd = append(odd, c)
		}
	}
	return even, odd
}

// minGainR1 is the target. The committed parameters measured +1.67 on the whole set
// (+1.27 on the tuning half, +2.08 on the held-out half), so ordinary edits keep clear of it.
const minGainR1 = 1.0

func TestKeyPointsBeatLead3(t *testing.T) {
	t.Parallel()
	cases := loadSummaries(t)
	lead1, lead2 := meanRouge(cases, func(text string) []string { return Lead(text, 3) })
	kp1, kp2 := meanRouge(cases, func(text string) []string { return KeyPoints("", text, 3) })
	t.Logf("Lead-3 R1 %.2f R2 %.2f; key points R1 %.2f R2 %.2f", lead1, lead2, kp1, kp2)
	if kp1 < lead1+minGainR1 {
		t.Errorf("key points ROUGE-1 %.2f, want ≥ Lead-3 %.2f + %.1f", kp1, lead1, minGainR1)
	}
}

func TestTuneKeyPoints(t *testing.T) {
	if !*tune {
		t.Skip("run with -tune")
	}
	even, odd := halves(loadSummaries(t))
	l1e, _ := meanRouge(even, func(text string) []string { return Lead(text, 3) })
	l1o, _ := meanRouge(odd, func(text string) []string { return Lead(text, 3) })
	t.Logf("Lead-3 R1 even %.2f odd %.2f", l1e, l1o)
	for _, decay := range []float64{1.5, 2, 3} {
		for _, cent := range []float64{0.5, 1, 2} {
			for _, over := range []float64{0, 1.15, 1.3, 1.5} {
				for _, budget := range []int{21, 23, 25, 28} {
					p := defaultKPParams()
					p.decay, p.centrality, p.overshoot, p.budget = decay, cent, over, budget
					fn := func(text string) []string { return keyPoints("", text, 3, nil, p) }
					e, _ := meanRouge(even, fn)
					o, _ := meanRouge(odd, fn)
					t.Logf("%+v gain over Lead-3: even %+.2f odd %+.2f", p, e-l1e, o-l1o)
				}
			}
		}
	}
}
