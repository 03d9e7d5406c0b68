package llm

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestEndpoint(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"http://localhost:11434", "http://localhost:11434/v1/chat/completions"},
		{"http://localhost:11434/", "http://localhost:11434/v1/chat/completions"},
		{"https://api.openai.com/v1", "https://api.openai.com/v1/chat/completions"},
		{"https://api.openai.com/v1/", "https://api.openai.com/v1/chat/completions"},
		{"http://gpu:8000/v1/chat/completions", "http://gpu:8000/v1/chat/completions"},
		{"http://proxy/llm", "http://proxy/llm/v1/chat/completions"},
		{"ftp://x", ""},
		{"localhost:11434", ""},
		{"", ""},
	} {
		got, err := endpoint(tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("endpoint(%q) = %q, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("endpoint(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func testClient(t *testing.T, f *fakeLLM, first time.Duration) *Client {
	t.Helper()
	c, err := NewClient(Config{URL: f.srv.URL, Model: "m1", APIKey: "sekret", Timeout: 3 * time.Second,
		FirstTokenTimeout: first, MaxReplyBytes: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var hello = ChatRequest{Messages: []Message{{Role: "user", Content: "hi"}}, MaxTokens: 50}

// TestClientReplies covers the replies a client must read, plain and streamed.
func TestClientReplies(t *testing.T) {
	t.Parallel()
	usage := &Usage{PromptTokens: 10, CompletionTokens: 5, TotalTokens: 15}
	long := strings.Repeat("word ", 30000) // 150 kB, over the 64 kB bound
	var bigChunks []string                 // the same in 100 chunks: small ones would be slow to build under -race
	for range 100 {
		bigChunks = append(bigChunks, chunkJSON(strings.Repeat("word ", 300), ""))
	}
	tests := []struct {
		name      string
		reply     fakeReply
		stream    bool
		want      string
		wantUsage int
		wantErr   error
		wantMsg   string // in the error text
	}{
		{name: "plain", reply: fakeReply{text: "Hello there.", usage: usage}, want: "Hello there.", wantUsage: 15},
		{name: "streamed", stream: true, reply: fakeReply{text: "Hello there, streamed in pieces.", usage: usage}, want: "Hello there, streamed in pieces.", wantUsage: 15},
		{name: "streamed without usage", stream: true, reply: fakeReply{text: "No usage here."}, want: "No usage here."},
		{name: "stream answered as JSON", stream: true, reply: fakeReply{text: "One body.", asJSON: true}, want: "One body."},
		{name: "finish reason without DONE", stream: true, reply: fakeReply{chunks: []string{chunkJSON("Ends ", ""), chunkJSON("well.", "stop")}}, want: "Ends well."},
		{name: "comments and event lines", stream: true, reply: fakeReply{chunks: []string{chunkJSON("A", "") + "\n: keep-alive\nevent: message", chunkJSON("B", "stop"), "[DONE]"}}, want: "AB"},

		{name: "401 JSON error", reply: fakeReply{status: 401, body: `{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}`}, wantErr: ErrStatus, wantMsg: "401: Incorrect API key provided"},
		{name: "429 streamed", stream: true, reply: fakeReply{status: 429, body: `{"error":{"message":"Rate limit reached"}}`}, wantErr: ErrStatus, wantMsg: "429: Rate limit reached"},
		{name: "500 ollama style", reply: fakeReply{status: 500, body: `{"error":"model 'x' not found"}`}, wantErr: ErrStatus, wantMsg: "500: model 'x' not found"},
		{name: "502 HTML", reply: fakeReply{status: 502, contentType: "text/html", body: "<html>Bad Gateway</html>"}, wantErr: ErrStatus, wantMsg: "502: <html>Bad Gateway</html>"},

		{name: "not JSON", reply: fakeReply{body: "I am not JSON"}, wantErr: ErrMalformed},
		{name: "JSON without choices", reply: fakeReply{body: `{"id":"x","object":"chat.completion"}`}, wantErr: ErrMalformed},
		{name: "empty choices", reply: fakeReply{body: `{"choices":[]}`}, wantErr: ErrMalformed},
		{name: "empty text", reply: fakeReply{text: "   "}, wantErr: ErrNoContent},
		{name: "error in 200 body", reply: fakeReply{body: `{"error":{"message":"context length exceeded"}}`}, wantErr: ErrStatus, wantMsg: "context length exceeded"},
		{name: "too large", reply: fakeReply{text: long}, wantErr: ErrTooLarge},
		{name: "streamed too large", stream: true, reply: fakeReply{chunks: bigChunks}, wantErr: ErrTooLarge},
		{name: "truncated stream", stream: true, reply: fakeReply{text: "The stream stops in the mid", noDone: true}, wantErr: ErrTruncated},
		{name: "garbage chunk", stream: true, reply: fakeReply{chunks: []string{chunkJSON("ok", ""), "{not json", "[DONE]"}}, wantErr: ErrMalformed},
		{name: "chunk without choices", stream: true, reply: fakeReply{chunks: []string{`{"hello":"world"}`, "[DONE]"}}, wantErr: ErrMalformed},
		{name: "error chunk", stream: true, reply: fakeReply{chunks: []string{chunkJSON("Hi", ""), `{"error":{"message":"overloaded"}}`}}, wantErr: ErrStatus, wantMsg: "overloaded"},
		{name: "empty stream", stream: true, reply: fakeReply{chunks: []string{"[DONE]"}}, wantErr: ErrNoContent},
		{name: "plain text stream", stream: true, reply: fakeReply{contentType: "text/plain", body: "hello"}, wantErr: ErrMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeLLM(t, func(wireRequest) fakeReply { return tc.reply })
			c := testClient(t, f, time.Second)
			var r Reply
			var err error
			var deltas []string
			if tc.stream {
				r, err = c.Stream(context.Background(), hello, func(d string) error { deltas = append(deltas, d); return nil })
			} else {
				r, err = c.Complete(context.Background(), hello)
			}
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				if !strings.Contains(err.Error(), tc.wantMsg) {
					t.Errorf("err = %q, want it to contain %q", err, tc.wantMsg)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if r.Text != tc.want {
				t.Errorf("text = %q, want %q", r.Text, tc.want)
			}
			if tc.stream && strings.Join(deltas, "") != tc.want {
				t.Errorf("deltas joined = %q, want %q", strings.Join(deltas, ""), tc.want)
			}
			if r.Usage.TotalTokens != tc.wantUsage {
				t.Errorf("usage = %d, want %d", r.Usage.TotalTokens, tc.wantUsage)
			}
			req, auth, path := f.lastRequest()
			if auth != "Bearer sekret" || path != "/v1/chat/completions" || req.Model != "m1" || req.Stream != tc.stream || req.MaxTokens != 50 {
				t.Errorf("server saw auth %q path %q model %q stream %v max_tokens %d", auth, path, req.Model, req.Stream, req.MaxTokens)
			}
			if tc.stream && (req.StreamOptions == nil || !req.StreamOptions.IncludeUsage) {
				t.Error("stream request does not ask for usage")
			}
		})
	}
}

// TestClientTimeouts checks that a model that does not start, or stops mid-way, is given up
// on after the first-token timeout rather than the whole-call one.
func TestClientTimeouts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		reply  fakeReply
		stream bool
	}{
		{name: "no first token", stream: true, reply: fakeReply{text: "late", wait: 10 * time.Second}},
		{name: "stalls between tokens", stream: true, reply: fakeReply{text: "starts then stalls for long", gap: 10 * time.Second}},
		{name: "plain reply after the whole timeout", reply: fakeReply{text: "late", wait: 10 * time.Second}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeLLM(t, func(wireRequest) fakeReply { return tc.reply })
			c, err := NewClient(Config{URL: f.srv.URL, Model: "m", Timeout: 400 * time.Millisecond, FirstTokenTimeout: 150 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			if tc.stream {
				_, err = c.Stream(context.Background(), hello, func(string) error { return nil })
			} else {
				_, err = c.Complete(context.Background(), hello)
			}
			if !errors.Is(err, ErrSlow) {
				t.Fatalf("err = %v, want ErrSlow", err)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("gave up after %s", d)
			}
		})
	}
}

// TestClientCallerCancel checks that the caller's own cancellation is not reported as a slow
// model.
func TestClientCallerCancel(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	// The server cancels the caller once the request has arrived, then keeps it waiting.
	f := newFakeLLM(t, func(wireRequest) fakeReply { cancel(); return fakeReply{text: "late", wait: 10 * time.Second} })
	c := testClient(t, f, 5*time.Second)
	_, err := c.Stream(ctx, hello, func(string) error { return nil })
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrSlow) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestClientConnectionRefused checks the error for a model that is not running.
func TestClientConnectionRefused(t *testing.T) {
	t.Parallel()
	f := newFakeLLM(t, func(wireRequest) fakeReply { return fakeReply{} })
	url := f.srv.URL
	f.srv.Close()
	c, err := NewClient(Config{URL: url, Model: "m", Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Complete(context.Background(), hello)
	if err == nil || errors.Is(err, ErrSlow) || errors.Is(err, ErrStatus) {
		t.Fatalf("err = %v, want a connection error", err)
	}
	if causeOf(err) != CauseUnavailable {
		t.Errorf("cause = %s, want %s", causeOf(err), CauseUnavailable)
	}
}
