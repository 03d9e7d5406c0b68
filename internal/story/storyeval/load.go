// Package storyeval measures story grouping: it reads labelled JSONL corpora, scores a
// clustering with BCubed and pairwise precision/recall, and implements the peer methods
// the benchmark compares against.
package storyeval

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Record is one line of a clustering corpus. Story is the gold label: only scoring reads it.
type Record struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Story     string `json:"story"`
}

// ErrBadDate is returned for a published value that is neither a date nor RFC 3339.
var ErrBadDate = errors.New("published is neither YYYY-MM-DD nor RFC 3339")

// ParseTime reads the corpus's published field.
func ParseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q: %w", s, ErrBadDate)
}

// Open opens a JSONL file, gunzipping it when its name ends in .gz.
func Open(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open corpus: %w", err)
	}
	if !strings.HasSuffix(path, ".gz") {
		return f, nil
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open corpus: %w", err)
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, f}, nil
}

// Load reads every record of a JSONL corpus.
func Load(path string) ([]Record, error) {
	rc, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var out []Record
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("corpus line %d: %w", line, err)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	return out, nil
}

// SplitDays cuts a corpus by publication day into the records of its first n calendar days
// (counted from the earliest) and the rest, for tuning on one part and reporting the other.
func SplitDays(recs []Record, n int) (first, rest []Record) {
	var lo time.Time
	times := make([]time.Time, len(recs))
	for i, r := range recs {
		t, err := ParseTime(r.Published)
		if err != nil {
			continue
		}
		times[i] = t
		if !t.IsZero() && (lo.IsZero() || t.Before(lo)) {
			lo = t
		}
	}
	cut := lo.Truncate(24*time.Hour).AddDate(0, 0, n)
	for i, r := range recs {
		if times[i].Before(cut) {
			first = append(first, r)
		} else {
			rest = append(rest, r)
		}
	}
	return first, rest
}
