package feed

import (
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestBillionLaughsIsBounded proves that entity definitions in a DOCTYPE are never expanded:
// the nine-level "lol" bomb (10^9 copies if expanded) and an external entity pointing at a
// local file come back as their literal references, quickly and in little memory.
func TestBillionLaughsIsBounded(t *testing.T) {
	data, err := os.ReadFile("testdata/billion-laughs.xml")
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	f, err := Parse(data, Options{Now: fixedNow})
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("parse allocated %d bytes; entities were expanded", alloc)
	}
	// A generous bound: expansion would take minutes and gigabytes, a plain parse microseconds.
	if elapsed > 5*time.Second {
		t.Errorf("parse took %v", elapsed)
	}
	if len(f.Title) > 100 || len(f.Items) != 1 || len(f.Items[0].Summary) > 100 {
		t.Errorf("entities were expanded: title %d bytes, summary %d bytes", len(f.Title), len(f.Items[0].Summary))
	}
	if got := f.Items[0].Title; !strings.Contains(got, "&xxe;") || strings.Contains(got, "root:") {
		t.Errorf("external entity was resolved: %q", got)
	}
}

// TestParseNeverPanics feeds inputs known to crash parsers, and random cuts of every fixture.
func TestParseNeverPanics(t *testing.T) {
	t.Parallel()
	inputs := []string{
		`{"version":"https://jsonfeed.org/version/1.1","items":[null]}`,
		`{"version":"https://jsonfeed.org/version/1.1","items":[{"authors":[null]}]}`,
		`{"version":"https://jsonfeed.org/version/1.1","author":null,"items":[{"attachments":[null]}]}`,
		`{"items":{}}`,
		`{"version":1}`,
		`<rss><channel><item><enclosure/><media:content xmlns:media="http://search.yahoo.com/mrss/"/></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link/><content/></entry></feed>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item/></rdf:RDF>`,
	}
	fixtures := []string{"rss20.xml", "atom10.xml", "jsonfeed11.json", "rss10.rdf.xml"}
	for _, name := range fixtures {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for cut := 1; cut < len(data); cut += 37 {
			inputs = append(inputs, string(data[:cut]))
		}
	}
	for _, in := range inputs {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("Parse panicked on %q: %v", in, r)
				}
			}()
			_, _ = Parse([]byte(in), Options{Now: fixedNow})
		}()
	}
}
