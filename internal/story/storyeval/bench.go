package storyeval

import (
	"fmt"
	"runtime"
	"time"

	"newsdesk/internal/story"
)

// Stream is a corpus ready to replay: records, their parsed times and gold labels.
type Stream struct {
	Records []Record
	Times   []time.Time
	Gold    []string
}

// NewStream parses the records' times. repeat > 1 cycles the corpus that many times, each
// cycle shifted past the previous one's last day, with gold labels kept apart per cycle:
// it lets the benchmark run a long stream and show memory staying flat.
func NewStream(recs []Record, repeat int) (*Stream, error) {
	repeat = max(repeat, 1)
	base := make([]time.Time, len(recs))
	var lo, hi time.Time
	for i, r := range recs {
		t, err := ParseTime(r.Published)
		if err != nil {
			return nil, fmt.Errorf("record %s: %w", r.ID, err)
		}
		base[i] = t
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	span := hi.Sub(lo) + 24*time.Hour
	s := &Stream{}
	for c := range repeat {
		shift := time.Duration(c) * span
		for i, r := range recs {
			if c > 0 {
				r.ID = fmt.Sprintf("%s#%d", r.ID, c)
			}
			s.Records = append(s.Records, r)
			s.Times = append(s.Times, base[i].Add(shift))
			s.Gold = append(s.Gold, fmt.Sprintf("%d/%s", c, r.Story))
		}
	}
	return s, nil
}

// Result is one method's run over a stream.
type Result struct {
	Method  string
	Note    string // e.g. the threshold a peer ran with
	Scores  Scores
	Items   int
	Elapsed time.Duration
	PeakRSS int64 // bytes, 0 when the platform does not tell
}

// ItemsPerSecond is the method's throughput.
func (r Result) ItemsPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Items) / r.Elapsed.Seconds()
}

// Sample is the engine's memory at one point of the stream.
type Sample struct {
	Items   int
	HeapMB  float64
	RSSMB   float64
	Stories int
}

// RunEngine replays the stream through a story engine. every > 0 calls sample every that
// many items (after a garbage collection, which is not counted in the elapsed time).
func RunEngine(s *Stream, cfg story.Config, every int, sample func(Sample)) Result {
	ResetPeakRSS()
	items := make([]story.Item, len(s.Records))
	for i, r := range s.Records {
		items[i] = story.Item{ID: int64(i + 1), Title: r.Title, Text: r.Text, Publisher: r.Publisher, URL: r.URL, Published: s.Times[i]}
	}
	e := story.NewEngine(cfg)
	pred := make([]int64, len(items))
	redirect := make(map[int64]int64)
	var paused time.Duration
	start := time.Now()
	for i, it := range items {
		a := e.Add(it)
		pred[i] = a.Story
		for _, m := range a.Merged {
			redirect[m] = a.Story
		}
		if a.Split != nil {
			for _, id := range a.Split.Items {
				pred[id-1] = a.Split.To
			}
		}
		if every > 0 && sample != nil && (i+1)%every == 0 {
			p := time.Now()
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			sample(Sample{Items: i + 1, HeapMB: float64(ms.HeapAlloc) / (1 << 20), RSSMB: float64(CurrentRSS()) / (1 << 20), Stories: e.Stories()})
			paused += time.Since(p)
		}
	}
	elapsed := time.Since(start) - paused
	for i := range pred {
		pred[i] = follow(redirect, pred[i])
	}
	return Result{Method: "newsdesk", Scores: Score(s.Gold, pred), Items: len(items), Elapsed: elapsed, PeakRSS: PeakRSS()}
}

// RunPeer runs a peer method at each threshold and returns the run with the best BCubed F1
// (the peers are given their best case).
func RunPeer(name string, s *Stream, thresholds []float64, peer func([]Record, []time.Time, float64) []int) Result {
	var best Result
	for _, th := range thresholds {
		ResetPeakRSS()
		start := time.Now()
		pred := peer(s.Records, s.Times, th)
		r := Result{Method: name, Note: fmt.Sprintf("threshold %.2f", th), Scores: Score(s.Gold, pred),
			Items: len(s.Records), Elapsed: time.Since(start), PeakRSS: PeakRSS()}
		if best.Method == "" || r.Scores.BCubedF1 > best.Scores.BCubedF1 {
			best = r
		}
	}
	return best
}
