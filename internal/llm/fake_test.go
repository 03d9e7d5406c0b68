package llm

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeReply scripts one answer of the fake server.
type fakeReply struct {
	status      int    // default 200
	body        string // raw body; when set it is sent as is (errors, garbage)
	contentType string // default by kind
	text        string // the model's text: one JSON body, or streamed in small pieces
	chunks      []string
	usage       *Usage
	noDone      bool          // end the stream without data: [DONE] (and without a finish reason)
	wait        time.Duration // before the first byte of the body (headers are sent first when streaming)
	gap         time.Duration // between streamed chunks
	asJSON      bool          // answer a streamed request with one JSON body
	before      func(i int)   // called before streamed chunk i is written
}

// fakeLLM is an in-process OpenAI-compatible chat completions server.
type fakeLLM struct {
	srv      *httptest.Server
	requests atomic.Int64
	script   func(req wireRequest) fakeReply

	mu   sync.Mutex
	last wireRequest
	auth string
	path string
}

func newFakeLLM(t *testing.T, script func(req wireRequest) fakeReply) *fakeLLM {
	t.Helper()
	f := &fakeLLM{script: script}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeLLM) lastRequest() (wireRequest, string, string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last, f.auth, f.path
}

func (f *fakeLLM) serve(w http.ResponseWriter, r *http.Request) {
	f.requests.Add(1)
	var req wireRequest
	b, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(b, &req); err != nil {
		http.Error(w, `{"error":{"message":"bad json"}}`, http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.last, f.auth, f.path = req, r.Header.Get("Authorization"), r.URL.Path
	f.mu.Unlock()
	rep := f.script(req)
	status := rep.status
	if status == 0 {
		status = http.StatusOK
	}
	pause := func(d time.Duration) bool {
		if d <= 0 {
			return true
		}
		select {
		case <-r.Context().Done():
			return false
		case <-time.After(d):
			return true
		}
	}
	if rep.body != "" {
		if !pause(rep.wait) {
			return
		}
		w.Header().Set("Content-Type", cmpStr(rep.contentType, "application/json"))
		w.WriteHeader(status)
		io.WriteString(w, rep.body)
		return
	}
	if !req.Stream || rep.asJSON {
		if !pause(rep.wait) {
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(wholeReply(rep.text, rep.usage))
		return
	}
	w.Header().Set("Content-Type", cmpStr(rep.contentType, "text/event-stream"))
	w.WriteHeader(status)
	flush := func() { http.NewResponseController(w).Flush() }
	flush()
	if !pause(rep.wait) {
		return
	}
	chunks := rep.chunks
	if chunks == nil {
		for _, piece := range pieces(rep.text, 7) {
			chunks = append(chunks, chunkJSON(piece, ""))
		}
		if !rep.noDone {
			chunks = append(chunks, chunkJSON("", "stop"))
			if rep.usage != nil {
				u, _ := json.Marshal(map[string]any{"choices": []any{}, "usage": rep.usage})
				chunks = append(chunks, string(u))
			}
			chunks = append(chunks, "[DONE]")
		}
	}
	for i, c := range chunks {
		if i > 0 && !pause(rep.gap) {
			return
		}
		if rep.before != nil {
			rep.before(i)
		}
		fmt.Fprintf(w, "data: %s\n\n", c)
		flush()
	}
}

func wholeReply(text string, u *Usage) map[string]any {
	m := map[string]any{
		"id": "x", "object": "chat.completion",
		"choices": []any{map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": text}, "finish_reason": "stop"}},
	}
	if u != nil {
		m["usage"] = u
	}
	return m
}

func chunkJSON(content, finish string) string {
	ch := map[string]any{"index": 0, "delta": map[string]any{"content": content}}
	if finish != "" {
		ch["finish_reason"] = finish
	} else {
		ch["finish_reason"] = nil
	}
	b, _ := json.Marshal(map[string]any{"object": "chat.completion.chunk", "choices": []any{ch}})
	return string(b)
}

// pieces cuts s into pieces of n bytes (on rune boundaries), as a model streams tokens.
func pieces(s string, n int) []string {
	var out []string
	for len(s) > 0 {
		k := min(n, len(s))
		for k < len(s) && !utf8RuneStart(s[k]) {
			k++
		}
		out = append(out, s[:k])
		s = s[k:]
	}
	return out
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

func cmpStr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// userPrompt returns the user message of a request.
func userPrompt(req wireRequest) string {
	for _, m := range req.Messages {
		if m.Role == "user" {
			return m.Content
		}
	}
	return ""
}

var numberedLine = regexp.MustCompile(`(?m)^\[(\d+)\] (.*)$`)

// num returns the number the prompt gives the source line containing sub, or 99 (out of
// range) when no line does, so scripted replies cite whatever numbering the prompt used.
func num(prompt, sub string) string {
	for _, m := range numberedLine.FindAllStringSubmatch(prompt, -1) {
		if strings.Contains(m[2], sub) {
			return m[1]
		}
	}
	return "99"
}

// cite fills {{sub}} placeholders of a scripted reply with "[n]" for the source line that
// contains sub.
func cite(prompt, reply string) string {
	return regexp.MustCompile(`\{\{([^}]*)\}\}`).ReplaceAllStringFunc(reply, func(m string) string {
		return "[" + num(prompt, m[2:len(m)-2]) + "]"
	})
}

// fakeClock is a settable clock for limits and the budget.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2025, 5, 6, 10, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
