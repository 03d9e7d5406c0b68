package web

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"newsdesk/internal/llm"
)

func withLLM(l LLM) func(*Config) { return func(c *Config) { c.LLM = l } }

// Without a model nothing of the generated features shows and their routes are 404s.
func TestAIOff(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	for _, path := range []string{"/article/1/ai/summary", "/story/100/ai/timeline", "/story/101/ai/summary"} {
		if r := ts.get(t, path); r.status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404 with the LLM off", path, r.status)
		}
	}
	for _, path := range []string{"/article/1", "/story/100"} {
		body := ts.get(t, path).body
		if strings.Contains(body, "ai-tools") || strings.Contains(body, "/static/ai.") || strings.Contains(body, "Summarize") {
			t.Errorf("%s shows the generated features with the LLM off", path)
		}
	}
}

// With a model the article page offers Summarize, Explain simply and Translate with a
// language list, the story brief Summarize, Explain simply and Timeline; both hidden until
// ai.js runs.
func TestAIButtons(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t, withLLM(&fakeAI{}))
	tests := []struct {
		path    string
		want    []string
		notWant []string
	}{
		{"/article/1", []string{
			`<div id="ai-tools" class="ai-tools" data-url="/article/1/ai/" data-scope="article" hidden>`,
			`data-feature="summary">Summarize</button>`, `data-feature="explain">Explain simply</button>`,
			`data-feature="translate">Translate</button>`, `<option value="en">English</option>`, `<option value="es">Spanish</option>`,
			`data-article-id="1" data-url="/article/1/council-approves-the-new-harbour-bridge" data-publisher="Harbor Gazette"`,
			`<script src="/static/ai.`,
		}, []string{`data-feature="timeline"`}},
		{"/story/100", []string{
			`<div id="ai-tools" class="ai-tools" data-url="/story/100/ai/" data-scope="story" hidden>`,
			`data-feature="summary">Summarize</button>`, `data-feature="explain">Explain simply</button>`,
			`data-feature="timeline">Timeline</button>`,
			`data-article-id="7" data-publisher="Northwind Times"`,
			`<script src="/static/ai.`,
		}, []string{`data-feature="translate"`, `<select`}},
	}
	for _, tt := range tests {
		body := ts.get(t, tt.path).body
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %s", tt.path, w)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(body, w) {
				t.Errorf("%s has %s", tt.path, w)
			}
		}
	}
	// The longer language list the script can offer a reader holds every other language llm
	// accepts and nothing it refuses.
	body := ts.get(t, "/article/1").body
	m := regexp.MustCompile(`data-more="([a-z ]*)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no data-more list")
	}
	codes := strings.Fields(m[1])
	if len(codes) < 10 {
		t.Errorf("data-more lists %d languages", len(codes))
	}
	for _, c := range codes {
		if _, ok := llm.Language(c); !ok || c == "en" {
			t.Errorf("data-more lists %q", c)
		}
	}
}

func TestAIStream(t *testing.T) {
	t.Parallel()
	fake := &fakeAI{}
	ts := newTestSite(t, withLLM(fake))
	tests := []struct {
		path  string
		check func(llm.Request) error
	}{
		{"/article/1/ai/translate?lang=fr", func(r llm.Request) error {
			if r.Feature != llm.FeatureTranslate || r.Scope != llm.ScopeArticle || r.ID != 1 || r.Lang != "fr" ||
				len(r.Docs) != 1 || r.Docs[0].ID != 1 || !strings.Contains(r.Docs[0].Text, "48 million pounds") {
				return fmt.Errorf("request %+v", r)
			}
			return nil
		}},
		// A story is read over its originals: article 8 is a copy of article 1.
		{"/story/100/ai/timeline", func(r llm.Request) error {
			ids := map[int64]bool{}
			for _, d := range r.Docs {
				ids[d.ID] = true
			}
			if r.Feature != llm.FeatureTimeline || r.Scope != llm.ScopeStory || r.ID != 100 || len(r.Docs) != 3 || ids[8] || !ids[1] || !ids[7] || !ids[9] {
				return fmt.Errorf("request %+v", r)
			}
			return nil
		}},
		{"/story/100/ai/ask?q=++What+will+the+bridge+cost%3F+", func(r llm.Request) error {
			if r.Feature != llm.FeatureAsk || r.Question != "What will the bridge cost?" {
				return fmt.Errorf("feature %q question %q", r.Feature, r.Question)
			}
			return nil
		}},
	}
	for _, tt := range tests {
		before := len(fake.requests())
		// A proxy header from the client is not believed: the limit counts the connection.
		r := ts.get(t, tt.path, "X-Forwarded-For", "203.0.113.9")
		if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/event-stream") {
			t.Fatalf("%s: %d %s", tt.path, r.status, r.header.Get("Content-Type"))
		}
		if got := r.header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q", tt.path, got)
		}
		if csp := r.header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, cspBeforeNonce) || !strings.HasSuffix(csp, cspAfterNonce) {
			t.Errorf("%s: CSP %q", tt.path, csp)
		}
		events := parseSSE(t, r.body)
		if len(events) < 2 || events[0].name != "sentence" || events[len(events)-1].name != "done" {
			t.Errorf("%s: events %+v", tt.path, events)
		}
		reqs := fake.requests()
		if len(reqs) != before+1 {
			t.Fatalf("%s: %d model requests, want 1", tt.path, len(reqs)-before)
		}
		req := reqs[len(reqs)-1]
		if req.IP != "127.0.0.1" {
			t.Errorf("%s: client IP %q, want the connection's 127.0.0.1", tt.path, req.IP)
		}
		if err := tt.check(req); err != nil {
			t.Errorf("%s: %v", tt.path, err)
		}
	}

	// HEAD answers without asking the model.
	before := len(fake.requests())
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodHead, ts.url+"/article/1/ai/summary", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || len(fake.requests()) != before {
		t.Errorf("HEAD: status %d, %d model requests", resp.StatusCode, len(fake.requests())-before)
	}

	// Never through the page cache: the same URL twice reaches the service twice, while the
	// article page next to it is served from the cache.
	before = len(fake.requests())
	ts.get(t, "/article/1/ai/summary")
	ts.get(t, "/article/1/ai/summary")
	if n := len(fake.requests()) - before; n != 2 {
		t.Errorf("two identical requests reached the service %d times", n)
	}
}

func TestAIStreamErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		err      error
		path     string
		status   int
		location string
	}{
		{"unknown article", nil, "/article/999/ai/summary", http.StatusNotFound, ""},
		{"unknown story", nil, "/story/999/ai/summary", http.StatusNotFound, ""},
		{"malformed id", nil, "/article/abc/ai/summary", http.StatusNotFound, ""},
		{"zero id", nil, "/story/0/ai/summary", http.StatusNotFound, ""},
		{"merged story", nil, "/story/101/ai/explain?lang=de", http.StatusMovedPermanently, "/story/100/ai/explain?lang=de"},
		{"bad request", fmt.Errorf("%w: feature %q", llm.ErrBadRequest, "poem"), "/article/1/ai/poem", http.StatusBadRequest, ""},
		{"bad language", fmt.Errorf("%w: %q", llm.ErrLanguage, "xx"), "/article/1/ai/translate?lang=xx", http.StatusBadRequest, ""},
		{"service broken", errors.New("boom"), "/article/1/ai/summary", http.StatusInternalServerError, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ts := newTestSite(t, withLLM(&fakeAI{err: tt.err}))
			r := ts.get(t, tt.path)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d: %.200s", r.status, tt.status, r.body)
			}
			if got := r.header.Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
			if r.status >= 400 && r.header.Get("Cache-Control") != "no-store" {
				t.Errorf("error cached: Cache-Control %q", r.header.Get("Cache-Control"))
			}
		})
	}
}

func TestClientIP(t *testing.T) {
	t.Parallel()
	tests := []struct{ remote, want string }{
		{"192.0.2.7:51234", "192.0.2.7"},
		{"[2001:db8::1]:443", "2001:db8::1"},
		{"@", "@"}, // a unix socket peer has no port; it is kept as it is
	}
	for _, tt := range tests {
		r, _ := http.NewRequest(http.MethodGet, "/", nil)
		r.RemoteAddr = tt.remote
		r.Header.Set("X-Forwarded-For", "203.0.113.9")
		if got := clientIP(r); got != tt.want {
			t.Errorf("clientIP(%q) = %q, want %q", tt.remote, got, tt.want)
		}
	}
}

// A question page whose question the built-in Ask answered offers the model's prose answer,
// grounded on the same articles; the stream carries the question.
func TestAIAskInProse(t *testing.T) {
	t.Parallel()
	fake := &fakeAI{}
	ts := newTestSite(t, withLLM(fake))
	body := ts.get(t, "/article/1/ask?q=How+much+will+the+bridge+cost").body
	for _, w := range []string{
		`<div id="ai-tools" class="ai-tools" data-url="/article/1/ai/" data-scope="article" hidden>`,
		`data-feature="ask" data-query="How much will the bridge cost">Answer in prose</button>`,
		`data-article-id="1" data-url="/article/1/council-approves-the-new-harbour-bridge"`,
	} {
		if !strings.Contains(body, w) {
			t.Errorf("question page lacks %s", w)
		}
	}
	if strings.Contains(body, `data-feature="summary"`) {
		t.Error("question page offers the other features")
	}
	if off := newTestSite(t).get(t, "/article/1/ask?q=How+much+will+the+bridge+cost").body; strings.Contains(off, "Answer in prose") {
		t.Error("prose answer offered with the LLM off")
	}
	if r := ts.get(t, "/article/1/ai/ask?q=How+much+will+the+bridge+cost"); r.status != http.StatusOK {
		t.Fatalf("ask stream: status %d", r.status)
	}
	reqs := fake.requests()
	if len(reqs) == 0 {
		t.Fatal("the stream did not reach the model")
	}
	req := reqs[len(reqs)-1]
	if req.Feature != llm.FeatureAsk || req.Question != "How much will the bridge cost" || req.ID != 1 {
		t.Errorf("stream request %+v", req)
	}
}
