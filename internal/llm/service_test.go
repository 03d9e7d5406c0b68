package llm

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/brief"
)

// goodSummary is a reply to a summary of cycleLanes that passes the check in full.
const goodSummary = "The council approved 12 million euros for new cycle lanes {{12 million}}. " +
	"The plan adds 40 kilometres of protected lanes by 2026 {{40 kilometres}}. " +
	"Work on the first lanes will start in March {{Work on}}."

func newTestService(t *testing.T, f *fakeLLM, clock *fakeClock, edit func(*Config)) *Service {
	t.Helper()
	cfg := Config{URL: f.srv.URL, Model: "m", Timeout: 3 * time.Second, FirstTokenTimeout: time.Second, Now: clock.Now}
	if edit != nil {
		edit(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// scriptedReply answers every request with reply, citations filled in from the prompt.
func scriptedReply(reply string, usage int) func(wireRequest) fakeReply {
	return func(req wireRequest) fakeReply {
		return fakeReply{text: cite(userPrompt(req), reply), usage: &Usage{TotalTokens: usage}}
	}
}

func summaryOf(doc brief.Doc) Request {
	return Request{Feature: FeatureSummary, Scope: ScopeArticle, ID: doc.ID, Docs: []brief.Doc{doc}, User: "u1", IP: "192.0.2.1"}
}

func texts(ss []Sentence) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Text)
	}
	return out
}

// offlineSummary is what a fallback summary of doc must show.
func offlineSummary(docs ...brief.Doc) []string {
	var out []string
	for _, c := range brief.StoryBrief(docs, summarySentences) {
		out = append(out, c.Text)
	}
	return out
}

func TestServiceCache(t *testing.T) {
	t.Parallel()
	f := newFakeLLM(t, scriptedReply(goodSummary, 100))
	s := newTestService(t, f, newFakeClock(), nil)
	ctx := context.Background()

	first, err := s.Do(ctx, summaryOf(cycleLanes))
	if err != nil || first.Fallback || first.Cached || len(first.Sentences) != 3 || first.Model != "m" {
		t.Fatalf("first = %+v, err %v", first, err)
	}
	again, err := s.Do(ctx, summaryOf(cycleLanes))
	if err != nil || !again.Cached || !reflect.DeepEqual(again.Sentences, first.Sentences) {
		t.Fatalf("second = %+v, err %v; want the cached first", again, err)
	}
	// A cache hit streams too, without a call.
	var events []Event
	if err := s.Stream(ctx, summaryOf(cycleLanes), func(e Event) error { events = append(events, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(events) != 4 || events[3].Kind != EventDone || !events[3].Result.Cached {
		t.Errorf("cached stream events = %+v", events)
	}
	if n := f.requests.Load(); n != 1 {
		t.Fatalf("%d model calls for one article, want 1", n)
	}
	// Another language, feature or text is another entry.
	spanish := summaryOf(cycleLanes)
	spanish.Lang = "es"
	edited := cycleLanes
	edited.Text += "\nThe council will review the plan in 2027."
	explain := summaryOf(cycleLanes)
	explain.Feature = FeatureExplain
	for _, req := range []Request{spanish, summaryOf(edited), explain} {
		if _, err := s.Do(ctx, req); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.requests.Load(); n != 4 {
		t.Errorf("%d model calls, want 4", n)
	}
	if st := s.Stats(); st.CacheHits != 2 || st.Calls != 4 || st.CacheEntries == 0 {
		t.Errorf("stats = %+v", st)
	}
}

func TestCacheEvictsLeastRecent(t *testing.T) {
	t.Parallel()
	c := newResultCache(2)
	c.put("a", Result{Reason: "a"})
	c.put("b", Result{Reason: "b"})
	c.get("a")
	c.put("c", Result{Reason: "c"})
	if _, ok := c.get("b"); ok {
		t.Error("b survived; it was the least recently used")
	}
	for _, k := range []string{"a", "c"} {
		if r, ok := c.get(k); !ok || r.Reason != k {
			t.Errorf("%s missing", k)
		}
	}
	off := newResultCache(-1)
	off.put("a", Result{})
	if _, ok := off.get("a"); ok {
		t.Error("a disabled cache kept an entry")
	}
}

// TestServiceLimits checks the per-user and per-IP buckets and their refill, on a fake clock.
func TestServiceLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		perUser  int
		perIP    int
		requests []Request // all for distinct articles, so the cache does not answer
		limited  []bool
	}{
		{"per user", 2, 100,
			[]Request{{User: "ann", IP: "a"}, {User: "ann", IP: "b"}, {User: "ann", IP: "c"}, {User: "bob", IP: "a"}},
			[]bool{false, false, true, false}},
		{"per IP", 100, 2,
			[]Request{{User: "ann", IP: "a"}, {User: "bob", IP: "a"}, {User: "cy", IP: "a"}, {IP: "b"}},
			[]bool{false, false, true, false}},
		{"anonymous share their IP's bucket", -1, 1,
			[]Request{{IP: "a"}, {IP: "a"}},
			[]bool{false, true}},
		{"unlimited", -1, -1,
			[]Request{{IP: "a"}, {IP: "a"}, {IP: "a"}},
			[]bool{false, false, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeLLM(t, scriptedReply(goodSummary, 100))
			clock := newFakeClock()
			s := newTestService(t, f, clock, func(c *Config) {
				c.PerUserPerMinute, c.PerIPPerMinute, c.CacheSize = tc.perUser, tc.perIP, -1
			})
			calls := int64(0)
			for i, r := range tc.requests {
				req := summaryOf(cycleLanes)
				req.User, req.IP = r.User, r.IP
				res, err := s.Do(context.Background(), req)
				if err != nil {
					t.Fatal(err)
				}
				if !tc.limited[i] {
					calls++
				}
				if res.Fallback != tc.limited[i] || tc.limited[i] && (res.Cause != CauseRateLimited || res.Reason == "") {
					t.Errorf("request %d: fallback %v cause %q, want limited %v", i, res.Fallback, res.Cause, tc.limited[i])
				}
				if tc.limited[i] && !reflect.DeepEqual(texts(res.Sentences), offlineSummary(cycleLanes)) {
					t.Errorf("request %d: fallback sentences %q, want the offline summary", i, texts(res.Sentences))
				}
			}
			if n := f.requests.Load(); n != calls {
				t.Errorf("%d model calls, want %d", n, calls)
			}
		})
	}

	// A bucket refills at its rate: two a minute is one every 30 s.
	f := newFakeLLM(t, scriptedReply(goodSummary, 100))
	clock := newFakeClock()
	s := newTestService(t, f, clock, func(c *Config) { c.PerUserPerMinute, c.CacheSize = 2, -1 })
	do := func() Result {
		r, err := s.Do(context.Background(), summaryOf(cycleLanes))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	do()
	do()
	if !do().Fallback {
		t.Fatal("third call in a minute was not limited")
	}
	clock.Advance(29 * time.Second)
	if !do().Fallback {
		t.Fatal("limited call allowed before a token refilled")
	}
	clock.Advance(2 * time.Second)
	if r := do(); r.Fallback {
		t.Fatalf("call after refill limited: %+v", r)
	}
}

// TestServiceBudget checks the daily budget in calls and in tokens, its reservation of the
// estimated cost, and its reset at midnight UTC.
func TestServiceBudget(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		tokens     int
		requests   int
		usage      int
		allowed    int // calls before the budget refuses
		wantTokens int
	}{
		{"requests", 0, 2, 100, 2, 200},
		// Each call reserves ~1,090 tokens (a 350-character article and the reply) and
		// settles at 600: the second would reserve 600+1,090 > 1,500.
		{"tokens with reservation", 1500, 0, 600, 1, 600},
		{"tokens", 2000, 0, 300, 4, 1200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeLLM(t, scriptedReply(goodSummary, tc.usage))
			clock := newFakeClock()
			s := newTestService(t, f, clock, func(c *Config) {
				c.DailyBudget, c.DailyRequests, c.CacheSize, c.PerUserPerMinute, c.PerIPPerMinute = tc.tokens, tc.requests, -1, -1, -1
			})
			for i := range tc.allowed + 1 {
				r, err := s.Do(context.Background(), summaryOf(cycleLanes))
				if err != nil {
					t.Fatal(err)
				}
				if over := i == tc.allowed; r.Fallback != over || over && r.Cause != CauseBudget {
					t.Fatalf("call %d: fallback %v cause %q", i, r.Fallback, r.Cause)
				}
			}
			if st := s.Stats(); st.TokensToday != tc.wantTokens || st.CallsToday != tc.allowed {
				t.Errorf("today: %d tokens, %d calls; want %d, %d", st.TokensToday, st.CallsToday, tc.wantTokens, tc.allowed)
			}
			// Still refused at 23:59 UTC, allowed again after midnight UTC.
			now := clock.Now()
			clock.Advance(time.Date(now.Year(), now.Month(), now.Day(), 23, 59, 0, 0, time.UTC).Sub(now))
			if r, _ := s.Do(context.Background(), summaryOf(cycleLanes)); !r.Fallback {
				t.Fatal("budget reset before midnight")
			}
			clock.Advance(2 * time.Minute)
			if r, _ := s.Do(context.Background(), summaryOf(cycleLanes)); r.Fallback {
				t.Fatalf("budget not reset after midnight: %+v", r)
			}
			if n := f.requests.Load(); n != int64(tc.allowed+1) {
				t.Errorf("%d model calls, want %d", n, tc.allowed+1)
			}
		})
	}
}

// TestServiceFallback checks that every way the model can fail gives the offline result, a
// reason and a cause, and is not cached; and that failures meaning "down" stop calls for the
// cool-down.
func TestServiceFallback(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		reply fakeReply
		raw   func(wireRequest) fakeReply // instead of reply
		req   func() Request
		cause string
		down  bool
	}{
		{name: "server error", reply: fakeReply{status: 500, body: `{"error":{"message":"boom"}}`}, cause: CauseUnavailable, down: true},
		{name: "bad key", reply: fakeReply{status: 401, body: `{"error":{"message":"bad key"}}`}, cause: CauseUnavailable, down: true},
		{name: "rate limited upstream", reply: fakeReply{status: 429, body: `{"error":{"message":"slow down"}}`}, cause: CauseBusy, down: true},
		{name: "slow first token", reply: fakeReply{text: "late", wait: 10 * time.Second}, cause: CauseSlow, down: true},
		{name: "not JSON", reply: fakeReply{body: "<html>oops</html>", contentType: "text/html"}, cause: CauseMalformed},
		{name: "JSON without choices", reply: fakeReply{body: `{"object":"chat.completion"}`}, cause: CauseMalformed},
		{name: "truncated stream", reply: fakeReply{text: "The council approved", noDone: true}, cause: CauseMalformed},
		{name: "nothing supported", raw: scriptedReply("The stadium will host concerts {{12 million}}. Cyclists cheered.", 50), cause: CauseUnchecked},
		{name: "model declines a question", raw: scriptedReply(notAnswered, 20), cause: CauseDeclined,
			req: func() Request {
				return Request{Feature: FeatureAsk, Scope: ScopeArticle, ID: 7, Docs: []brief.Doc{cycleLanes}, Question: "How many kilometres of lanes does the plan add?"}
			}},
		{name: "translation falls back to the original", reply: fakeReply{status: 503, body: "{}"}, cause: CauseUnavailable, down: true,
			req: func() Request {
				return Request{Feature: FeatureTranslate, Scope: ScopeArticle, ID: 7, Docs: []brief.Doc{cycleLanes}, Lang: "de"}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			script := tc.raw
			if script == nil {
				script = func(wireRequest) fakeReply { return tc.reply }
			}
			f := newFakeLLM(t, script)
			clock := newFakeClock()
			s := newTestService(t, f, clock, nil)
			req := summaryOf(cycleLanes)
			if tc.req != nil {
				req = tc.req()
			}
			r, err := s.Do(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if !r.Fallback || r.Cause != tc.cause || r.Reason == "" || r.Model != "" {
				t.Fatalf("result = %+v, want fallback with cause %s", r, tc.cause)
			}
			want, _ := offlineSentences(req)
			if !reflect.DeepEqual(r.Sentences, want) {
				t.Errorf("sentences %q, want the offline %q", texts(r.Sentences), texts(want))
			}
			if req.Feature == FeatureTranslate && (len(r.Sentences) != 0 || !strings.Contains(r.Reason, "original language")) {
				t.Errorf("translation fallback = %+v", r)
			}
			// Not cached; and a model that is down is left alone until the cool-down ends.
			clock.Advance(time.Second)
			r2, _ := s.Do(context.Background(), req)
			wantCalls := int64(2)
			if tc.down {
				wantCalls = 1
				if r2.Cause != CauseUnavailable {
					t.Errorf("during cool-down cause %q, want %q", r2.Cause, CauseUnavailable)
				}
			}
			if n := f.requests.Load(); n != wantCalls {
				t.Errorf("%d model calls, want %d", n, wantCalls)
			}
			if tc.down {
				clock.Advance(downCooldown)
				s.Do(context.Background(), req)
				if n := f.requests.Load(); n != 2 {
					t.Errorf("after the cool-down %d model calls, want 2", n)
				}
			}
		})
	}
}

// TestServiceStream checks that checked sentences reach the caller while the model is still
// writing, that dropped ones never do, and that the final event carries the result.
func TestServiceStream(t *testing.T) {
	t.Parallel()
	firstSeen := make(chan struct{})
	reply := "The council approved 12 million euros for new cycle lanes [1]. " +
		"The lanes cost 70 million euros [1]. " +
		"The plan adds 40 kilometres of protected lanes by 2026 [2]. "
	f := newFakeLLM(t, func(req wireRequest) fakeReply {
		var chunks []string
		for _, p := range pieces(reply, 9) {
			chunks = append(chunks, chunkJSON(p, ""))
		}
		chunks = append(chunks, chunkJSON("", "stop"), "[DONE]")
		last := len(chunks) - 3
		return fakeReply{chunks: chunks, before: func(i int) {
			if i == last { // hold the end of the reply until the first sentence has arrived
				select {
				case <-firstSeen:
				case <-time.After(5 * time.Second):
				}
			}
		}}
	})
	s := newTestService(t, f, newFakeClock(), nil)
	var events []Event
	err := s.Stream(context.Background(), summaryOf(cycleLanes), func(e Event) error {
		if len(events) == 0 {
			close(firstSeen)
		}
		events = append(events, e)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range events[:len(events)-1] {
		if e.Kind != EventSentence {
			t.Fatalf("event %+v before the end", e)
		}
		got = append(got, e.Sentence.Text)
	}
	want := []string{"The council approved 12 million euros for new cycle lanes.", "The plan adds 40 kilometres of protected lanes by 2026."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("streamed %q, want %q", got, want)
	}
	done := events[len(events)-1]
	if done.Kind != EventDone || done.Result.Fallback || done.Result.Dropped != 1 || len(done.Result.Sentences) != 2 {
		t.Errorf("done = %+v", done)
	}
}

// TestServiceStreamFailures checks what a reader sees when the model fails before and after
// the first sentence.
func TestServiceStreamFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		reply    fakeReply
		partial  bool
		fallback bool
		first    string
	}{
		{name: "fails before any sentence", reply: fakeReply{status: 500, body: `{"error":"down"}`}, fallback: true},
		{name: "stops after one sentence", partial: true, first: "The council approved 12 million euros for new cycle lanes.",
			reply: fakeReply{text: "The council approved 12 million euros for new cycle lanes [1]. The plan adds 40", noDone: true}},
		{name: "stalls after one sentence", partial: true, first: "The council approved 12 million euros for new cycle lanes.",
			reply: fakeReply{chunks: []string{chunkJSON("The council approved 12 million euros for new cycle lanes [1]. The plan", ""), chunkJSON(" adds", "")}, gap: 10 * time.Second}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeLLM(t, func(wireRequest) fakeReply { return tc.reply })
			s := newTestService(t, f, newFakeClock(), nil)
			var events []Event
			if err := s.Stream(context.Background(), summaryOf(cycleLanes), func(e Event) error { events = append(events, e); return nil }); err != nil {
				t.Fatal(err)
			}
			done := events[len(events)-1].Result
			if done.Partial != tc.partial || done.Fallback != tc.fallback || done.Reason == "" {
				t.Fatalf("done = %+v", done)
			}
			if tc.fallback && !reflect.DeepEqual(texts(done.Sentences), offlineSummary(cycleLanes)) {
				t.Errorf("fallback sentences %q", texts(done.Sentences))
			}
			if tc.partial && (len(events) != 2 || events[0].Sentence.Text != tc.first) {
				t.Errorf("events = %+v", events)
			}
			if len(events)-1 != len(done.Sentences) {
				t.Errorf("%d sentence events for %d sentences", len(events)-1, len(done.Sentences))
			}
			// Neither is cached: the next request asks the model again (unless it is cooling down).
			s.Do(context.Background(), summaryOf(cycleLanes))
			if tc.partial && f.requests.Load() != 2 {
				t.Errorf("partial result was cached")
			}
		})
	}
}

func TestServiceRequests(t *testing.T) {
	t.Parallel()
	f := newFakeLLM(t, scriptedReply(goodSummary, 10))
	s := newTestService(t, f, newFakeClock(), nil)
	ctx := context.Background()
	two := []brief.Doc{cycleLanes, warehouseFire[0]}
	for _, tc := range []struct {
		name string
		req  Request
		want error
	}{
		{"unknown feature", Request{Feature: "poem", Scope: ScopeArticle, Docs: two[:1]}, ErrBadRequest},
		{"unknown scope", Request{Feature: FeatureSummary, Scope: "site", Docs: two[:1]}, ErrBadRequest},
		{"article with two docs", Request{Feature: FeatureSummary, Scope: ScopeArticle, Docs: two}, ErrBadRequest},
		{"story without docs", Request{Feature: FeatureTimeline, Scope: ScopeStory}, ErrBadRequest},
		{"translate a story", Request{Feature: FeatureTranslate, Scope: ScopeStory, Docs: two, Lang: "de"}, ErrBadRequest},
		{"translate without language", Request{Feature: FeatureTranslate, Scope: ScopeArticle, Docs: two[:1]}, ErrLanguage},
		{"unknown language", Request{Feature: FeatureSummary, Scope: ScopeArticle, Docs: two[:1], Lang: "xx"}, ErrLanguage},
		{"long question", Request{Feature: FeatureAsk, Scope: ScopeArticle, Docs: two[:1], Question: strings.Repeat("why ", 100)}, ErrBadRequest},
	} {
		if _, err := s.Do(ctx, tc.req); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
	if n := f.requests.Load(); n != 0 {
		t.Errorf("%d model calls for bad requests", n)
	}

	// A question the articles do not answer: no call, no fallback, not answered.
	r, err := s.Do(ctx, Request{Feature: FeatureAsk, Scope: ScopeStory, ID: 1, Docs: warehouseFire, Question: "Who won the football match?", IP: "x"})
	if err != nil || r.Answered || r.Fallback || len(r.Sentences) != 0 || f.requests.Load() != 0 {
		t.Errorf("unanswerable question: %+v, err %v, %d calls", r, err, f.requests.Load())
	}

	// A reader who leaves cancels the call and gets the context's error, not a fallback.
	slow := newFakeLLM(t, func(wireRequest) fakeReply { return fakeReply{text: "late", wait: 10 * time.Second} })
	s2 := newTestService(t, slow, newFakeClock(), func(c *Config) { c.FirstTokenTimeout = 5 * time.Second })
	cctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	if _, err := s2.Do(cctx, summaryOf(cycleLanes)); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancelled: err = %v", err)
	}
}

// TestServiceFeatures runs every feature through the Service with a scripted model, the way
// the web layer will.
func TestServiceFeatures(t *testing.T) {
	t.Parallel()
	replies := map[Feature]string{
		FeatureSummary:   "Police arrested two men over the harbour warehouse fire {{Police arrested}}.",
		FeatureExplain:   "Two men were arrested after the warehouse fire {{Police arrested}}.",
		FeatureTimeline:  "On 1 March, a fire broke out at the old harbour warehouse {{fire broke out}}.",
		FeatureAsk:       "Police arrested two men over the harbour warehouse fire {{Police arrested}}.",
		FeatureTranslate: "Die Polizei nahm am Mittwoch zwei Männer wegen des Brandes fest {{Police arrested}}.",
	}
	f := newFakeLLM(t, func(req wireRequest) fakeReply {
		p := userPrompt(req)
		for feat, marker := range map[Feature]string{FeatureSummary: "Summarise", FeatureExplain: "Explain", FeatureTimeline: "developed", FeatureAsk: "Question:", FeatureTranslate: "Translate"} {
			if strings.Contains(p, marker) {
				return fakeReply{text: cite(p, replies[feat])}
			}
		}
		return fakeReply{status: 400, body: `{"error":"unexpected prompt"}`}
	})
	s := newTestService(t, f, newFakeClock(), nil)
	for _, req := range []Request{
		{Feature: FeatureSummary, Scope: ScopeStory, ID: 1, Docs: warehouseFire},
		{Feature: FeatureExplain, Scope: ScopeStory, ID: 1, Docs: warehouseFire},
		{Feature: FeatureTimeline, Scope: ScopeStory, ID: 1, Docs: warehouseFire},
		{Feature: FeatureAsk, Scope: ScopeStory, ID: 1, Docs: warehouseFire, Question: "Who was arrested over the fire?"},
		{Feature: FeatureTranslate, Scope: ScopeArticle, ID: 3, Docs: warehouseFire[:1], Lang: "DE"},
	} {
		r, err := s.Do(context.Background(), req)
		if err != nil {
			t.Fatalf("%s: %v", req.Feature, err)
		}
		if r.Fallback || !r.Answered || len(r.Sentences) != 1 || len(r.Sentences[0].Cites) != 1 {
			t.Errorf("%s: %+v", req.Feature, r)
			continue
		}
		if c := r.Sentences[0].Cites[0]; c.DocID != 3 && c.DocID != 1 {
			t.Errorf("%s: cites %+v", req.Feature, c)
		}
		if req.Feature == FeatureTimeline && !r.Sentences[0].Time.Equal(warehouseFire[1].Published) {
			t.Errorf("timeline time %v", r.Sentences[0].Time)
		}
		if req.Feature == FeatureTranslate && r.Lang != "de" {
			t.Errorf("translate lang %q", r.Lang)
		}
	}
}
