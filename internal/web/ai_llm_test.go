package web

import (
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

// bridgeModel answers every prompt about the harbour bridge with one sentence its sources
// support and one they do not (the mayor never resigned), each citing a real source line.
func bridgeModel(sources map[string]int) string {
	return "The city council voted to build a lifting bridge across the harbour of Port Aldridge " + cite(sources, "lifting bridge") + ".\n" +
		"The mayor resigned in protest against the bridge " + cite(sources, "31 to 12") + ".\n"
}

// The real llm.Service behind the real routes, against a fake OpenAI-compatible server: the
// supported sentence arrives with its citation, the unsupported one is dropped.
func TestAIWithRealService(t *testing.T) {
	t.Parallel()
	var missing atomic.Bool // a scripted citation found no source line: the drop would prove nothing
	model := newFakeOpenAI(t, func(sources map[string]int) string {
		reply := bridgeModel(sources)
		missing.Store(missing.Load() || strings.Contains(reply, "[99]"))
		return reply
	})
	ts := newTestSite(t, withLLM(newRealLLM(t, model)))

	tests := []struct {
		path    string
		citeDoc float64 // the article the supported sentence must cite
	}{
		{"/article/1/ai/summary", 1},
		{"/story/100/ai/summary", -1}, // any article of the story that says so
	}
	for _, tt := range tests {
		r := ts.get(t, tt.path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: status %d: %s", tt.path, r.status, r.body)
		}
		if strings.Contains(r.body, "resigned") {
			t.Errorf("%s: the unsupported sentence reached the reader:\n%s", tt.path, r.body)
		}
		events := parseSSE(t, r.body)
		var sentences []sseEvent
		var done *sseEvent
		for i, ev := range events {
			switch ev.name {
			case "sentence":
				sentences = append(sentences, ev)
			case "done":
				done = &events[i]
			}
		}
		if len(sentences) != 1 || done == nil {
			t.Fatalf("%s: events %+v", tt.path, events)
		}
		st := sentences[0].data
		if !strings.Contains(st["text"].(string), "lifting bridge") {
			t.Errorf("%s: sentence %q", tt.path, st["text"])
		}
		cites, _ := st["cites"].([]any)
		if len(cites) != 1 {
			t.Fatalf("%s: cites %v", tt.path, st["cites"])
		}
		c := cites[0].(map[string]any)
		if (tt.citeDoc > 0 && c["doc_id"] != tt.citeDoc) || !strings.Contains(c["text"].(string), "lifting bridge") {
			t.Errorf("%s: citation %v", tt.path, c)
		}
		if done.data["fallback"] != false || done.data["dropped"] != 1.0 || done.data["model"] != "fake-model" {
			t.Errorf("%s: done %v", tt.path, done.data)
		}
	}

	if missing.Load() {
		t.Error("the prompt lacked a source line the scripted reply cites")
	}
	if model.count() != len(tests) {
		t.Errorf("%d model calls, want %d", model.count(), len(tests))
	}

	// Requests the service refuses are 400s before any stream starts.
	for _, path := range []string{"/article/1/ai/poem", "/article/1/ai/translate", "/article/1/ai/translate?lang=xx",
		"/story/100/ai/translate?lang=fr", "/article/1/ai/ask"} {
		if r := ts.get(t, path); r.status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", path, r.status)
		}
	}
}

// A model that is down gives the offline result with the service's note.
func TestAIModelDown(t *testing.T) {
	t.Parallel()
	model := newFakeOpenAI(t, bridgeModel)
	model.srv.Close()
	ts := newTestSite(t, withLLM(newRealLLM(t, model)))
	r := ts.get(t, "/article/1/ai/summary")
	if r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	events := parseSSE(t, r.body)
	if len(events) < 2 || events[0].name != "sentence" {
		t.Fatalf("no offline sentences: %+v", events)
	}
	done := events[len(events)-1]
	if done.name != "done" || done.data["fallback"] != true || !strings.Contains(done.data["reason"].(string), "not available") {
		t.Errorf("done %+v", done)
	}
}
