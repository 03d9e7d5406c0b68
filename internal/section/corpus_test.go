package section

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestHeadlineCorpus measures the rules and the classifier on the shared headline corpus
// (skipped when it is absent). It has no section labels, so the URL rules label what they
// can; the classifier trains on the first half of the days and is graded on the rule-labelled
// headlines of the second half with their URLs hidden: agreement with the rules, from the
// headline alone.
func TestHeadlineCorpus(t *testing.T) {
	t.Parallel()
	_, file, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(file), "../../../shared/corpora/clustering/uci-news-2014-03.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ Title, URL, Published string }
	var rows []row
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	const cut = "2014-03-20"
	c := NewClassifier(Config{})
	var labelled, graded, agree int
	perSection := map[Section]int{}
	for _, r := range rows {
		if r.Published >= cut {
			continue
		}
		if d, ok := Rules(Input{URL: r.URL}); ok {
			labelled++
			perSection[d.Section]++
			c.Learn(r.Title, "", d.Section)
		}
	}
	majority := 0
	for _, n := range perSection {
		majority = max(majority, n)
	}
	for _, r := range rows {
		if r.Published < cut {
			continue
		}
		d, ok := Rules(Input{URL: r.URL})
		if !ok {
			continue
		}
		graded++
		if c.Predict(r.Title, "").Section == d.Section {
			agree++
		}
	}
	t.Logf("headlines: %d; URL rules placed %d of the first half (%v)", len(rows), labelled, perSection)
	t.Logf("headlines: classifier agrees with the URL rules on %d/%d = %.3f held-out headlines (majority share in training %.3f); vocabulary %d terms",
		agree, graded, float64(agree)/float64(graded), float64(majority)/float64(labelled), c.Terms())
	if graded == 0 || float64(agree)/float64(graded) <= float64(majority)/float64(labelled) {
		t.Errorf("classifier no better than the commonest section")
	}
}
