package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"newsdesk/internal/llm"
)

// fakeAI is the web package's view of the model service: it records each request and answers
// with one sentence per article, or with err before writing anything.
type fakeAI struct {
	mu   sync.Mutex
	reqs []llm.Request
	err  error
}

func (f *fakeAI) WriteSSE(ctx context.Context, w http.ResponseWriter, req llm.Request) error {
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	err := f.err
	f.mu.Unlock()
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	for _, d := range req.Docs {
		b, _ := json.Marshal(map[string]any{"text": "About " + d.Title + ".", "cites": []map[string]any{{"doc_id": d.ID, "sentence": 0, "text": d.Title}}})
		fmt.Fprintf(w, "event: sentence\ndata: %s\n\n", b)
	}
	fmt.Fprintf(w, "event: done\ndata: {\"feature\":%q,\"sentences\":%d,\"answered\":true}\n\n", req.Feature, len(req.Docs))
	return nil
}

func (f *fakeAI) requests() []llm.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]llm.Request(nil), f.reqs...)
}

// fakeOpenAI is an OpenAI-compatible chat completions server on loopback. reply gets the
// prompt's numbered source lines and returns the model's text; the text is streamed in small
// pieces when the request asks for a stream, as models do.
type fakeOpenAI struct {
	srv   *httptest.Server
	mu    sync.Mutex
	calls int
}

var sourceLine = regexp.MustCompile(`(?m)^\[(\d+)\] (?:\([^)]*\) )?(.*)$`)

func newFakeOpenAI(t *testing.T, reply func(sources map[string]int) string) *fakeOpenAI {
	t.Helper()
	f := &fakeOpenAI{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Model    string `json:"model"`
			Stream   bool   `json:"stream"`
			Messages []struct {
				Role    string `json:"role"`
				Content string `json:"content"`
			} `json:"messages"`
		}
		if r.URL.Path != "/v1/chat/completions" || json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req) != nil {
			http.Error(w, `{"error":{"message":"bad request"}}`, http.StatusBadRequest)
			return
		}
		f.mu.Lock()
		f.calls++
		f.mu.Unlock()
		sources := map[string]int{}
		for _, m := range req.Messages {
			if m.Role != "user" {
				continue
			}
			for _, l := range sourceLine.FindAllStringSubmatch(m.Content, -1) {
				var n int
				fmt.Sscan(l[1], &n)
				sources[l[2]] = n
			}
		}
		text := reply(sources)
		if !req.Stream {
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(map[string]any{"choices": []any{map[string]any{
				"message": map[string]any{"role": "assistant", "content": text}, "finish_reason": "stop"}}})
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		rc := http.NewResponseController(w)
		chunk := func(delta map[string]any, finish any) {
			b, _ := json.Marshal(map[string]any{"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}}})
			fmt.Fprintf(w, "data: %s\n\n", b)
			rc.Flush()
		}
		for len(text) > 0 {
			n := min(9, len(text))
			for n < len(text) && text[n]&0xC0 == 0x80 {
				n++ // whole runes only
			}
			chunk(map[string]any{"content": text[:n]}, nil)
			text = text[n:]
		}
		chunk(map[string]any{}, "stop")
		fmt.Fprint(w, "data: [DONE]\n\n")
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeOpenAI) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// cite returns "[n]" for the source line containing sub, or "[99]" (no such source).
func cite(sources map[string]int, sub string) string {
	for line, n := range sources {
		if strings.Contains(line, sub) {
			return fmt.Sprintf("[%d]", n)
		}
	}
	return "[99]"
}

// newRealLLM is the real model service against fake.
func newRealLLM(t *testing.T, fake *fakeOpenAI) *llm.Service {
	t.Helper()
	svc, err := llm.New(llm.Config{URL: fake.srv.URL + "/v1", Model: "fake-model"})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// sseEvent is one server-sent event.
type sseEvent struct {
	name string
	data map[string]any
}

// parseSSE reads an event stream body.
func parseSSE(t *testing.T, body string) []sseEvent {
	t.Helper()
	var out []sseEvent
	for _, block := range strings.Split(body, "\n\n") {
		var ev sseEvent
		for _, line := range strings.Split(block, "\n") {
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev.data); err != nil {
					t.Fatalf("event data %q: %v", line, err)
				}
			}
		}
		if ev.name != "" {
			out = append(out, ev)
		}
	}
	return out
}
