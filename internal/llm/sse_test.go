package llm

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// sseEvent is one parsed server-sent event.
type sseEvent struct {
	name string
	data string
}

func readSSE(t *testing.T, body string) []sseEvent {
	t.Helper()
	var out []sseEvent
	var cur sseEvent
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur.name != "" || cur.data != "" {
				out = append(out, cur)
			}
			cur = sseEvent{}
		case strings.HasPrefix(line, "event: "):
			cur.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			cur.data += strings.TrimPrefix(line, "data: ")
		case strings.HasPrefix(line, ":"):
		default:
			t.Fatalf("unexpected SSE line %q", line)
		}
	}
	return out
}

func TestWriteSSE(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		reply     fakeReply
		script    func(wireRequest) fakeReply
		sentences int
		fallback  bool
	}{
		{name: "model answers", script: scriptedReply(goodSummary+" The stadium opens {{Work on}}.", 50), sentences: 3},
		{name: "model down", reply: fakeReply{status: 500, body: "{}"}, sentences: len(offlineSummary(cycleLanes)), fallback: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			script := tc.script
			if script == nil {
				script = func(wireRequest) fakeReply { return tc.reply }
			}
			s := newTestService(t, newFakeLLM(t, script), newFakeClock(), nil)
			// Through a real server, as the web layer will mount it.
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if err := s.WriteSSE(r.Context(), w, summaryOf(cycleLanes)); err != nil {
					t.Errorf("WriteSSE: %v", err)
				}
			}))
			defer srv.Close()
			resp, err := http.Get(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
				t.Errorf("content type %q", ct)
			}
			if resp.Header.Get("X-Accel-Buffering") != "no" || resp.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("headers %v", resp.Header)
			}
			var body strings.Builder
			sc := bufio.NewScanner(resp.Body)
			for sc.Scan() {
				body.WriteString(sc.Text() + "\n")
			}
			events := readSSE(t, body.String())
			if len(events) != tc.sentences+1 {
				t.Fatalf("%d events, want %d:\n%s", len(events), tc.sentences+1, body.String())
			}
			for _, e := range events[:tc.sentences] {
				var st sseSentence
				if e.name != EventSentence || json.Unmarshal([]byte(e.data), &st) != nil || st.Text == "" || len(st.Cites) == 0 || st.Cites[0].DocID != cycleLanes.ID {
					t.Errorf("sentence event %+v", e)
				}
			}
			var done sseDone
			last := events[len(events)-1]
			if last.name != EventDone || json.Unmarshal([]byte(last.data), &done) != nil {
				t.Fatalf("last event %+v", last)
			}
			if done.Fallback != tc.fallback || done.Sentences != tc.sentences || (done.Reason != "") != tc.fallback {
				t.Errorf("done = %+v", done)
			}
			if !tc.fallback && done.Dropped != 1 {
				t.Errorf("done.dropped = %d, want 1", done.Dropped)
			}
		})
	}
}

// TestWriteSSEBadRequest checks that a bad request writes nothing, so the handler can answer
// 400.
func TestWriteSSEBadRequest(t *testing.T) {
	t.Parallel()
	s := newTestService(t, newFakeLLM(t, scriptedReply(goodSummary, 1)), newFakeClock(), nil)
	rec := httptest.NewRecorder()
	err := s.WriteSSE(context.Background(), rec, Request{Feature: FeatureTranslate, Scope: ScopeArticle, Docs: summaryOf(cycleLanes).Docs})
	if !errors.Is(err, ErrLanguage) {
		t.Fatalf("err = %v", err)
	}
	if rec.Body.Len() != 0 || rec.Header().Get("Content-Type") != "" {
		t.Errorf("wrote %q with headers %v", rec.Body.String(), rec.Header())
	}
}
