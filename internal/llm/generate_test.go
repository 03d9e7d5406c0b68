package llm

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/brief"
)

// warehouseFire is a three-article story over five days, for the story features.
var warehouseFire = []brief.Doc{
	{ID: 3, Publisher: "Harbour Times", Title: "Two men charged over warehouse fire",
		Published: time.Date(2025, 3, 5, 18, 0, 0, 0, time.UTC),
		Text: "Police arrested two men on Wednesday over the harbour warehouse fire.\n" +
			"Both were charged with arson and will appear in court on Friday.\n" +
			"The owner plans to rebuild the warehouse."},
	{ID: 1, Publisher: "Harbour Times", Title: "Fire destroys harbour warehouse",
		Published: time.Date(2025, 3, 1, 23, 0, 0, 0, time.UTC),
		Text: "A fire broke out at the old harbour warehouse on Saturday night.\n" +
			"Firefighters brought the blaze under control after six hours.\n" +
			"No one was injured in the blaze, the fire service said."},
	{ID: 2, Publisher: "Daily Ledger", Title: "Warehouse fire was arson, police say",
		Published: time.Date(2025, 3, 2, 12, 0, 0, 0, time.UTC),
		Text: "Police said on Sunday the harbour warehouse fire was started deliberately.\n" +
			"Two men were seen leaving the building shortly before the fire.\n" +
			"Detectives have appealed for witnesses to come forward."},
}

// scripted returns a fake model that answers every request with reply, its {{…}} placeholders
// replaced by the numbers the prompt gave the quoted sentences, and remembers the prompt.
func scripted(t *testing.T, reply string) (*fakeLLM, *Generator, *string) {
	t.Helper()
	var prompt string
	f := newFakeLLM(t, func(req wireRequest) fakeReply {
		prompt = userPrompt(req)
		return fakeReply{text: cite(prompt, reply), usage: &Usage{TotalTokens: 321}}
	})
	c, err := NewClient(Config{URL: f.srv.URL + "/v1", Model: "m", Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return f, NewGenerator(c, 0), &prompt
}

// TestGeneratorFeatures runs each feature against a scripted model whose reply mixes supported
// sentences with unsupported ones (wrong citation, invented number, no citation, citation out
// of range): the supported ones are kept, in order, and every unsupported one is dropped.
func TestGeneratorFeatures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		call       func(ctx context.Context, g *Generator, opt Options) (Output, error)
		lang       string
		reply      string
		kept       []string
		dropped    []string // reasons, in order
		prompt     []string // the prompt must contain these
		wantTimes  bool
		notAnswers bool
	}{
		{
			name: "summary of an article",
			call: func(ctx context.Context, g *Generator, o Options) (Output, error) {
				return g.Summary(ctx, []brief.Doc{cycleLanes}, o)
			},
			reply: "Here is a summary of the article:\n" +
				"- The council approved 12 million euros for new cycle lanes {{12 million}}.\n" +
				"- The lanes will cost 50 million euros {{12 million}}.\n" +
				"- The plan adds 40 kilometres of protected lanes by 2026 {{40 kilometres}}.\n" +
				"- Work on the first lanes will start in March {{40 kilometres}}.\n" +
				"- Mayor Anna Berg said the lanes would make streets safer for children {{Anna Berg}}.\n" +
				"- Cyclists welcomed the decision.\n" +
				"- Opposition councillors want the money for buses [9].",
			kept: []string{
				"The council approved 12 million euros for new cycle lanes.",
				"The plan adds 40 kilometres of protected lanes by 2026.",
				"Mayor Anna Berg said the lanes would make streets safer for children.",
			},
			dropped: []string{"no citation", "number 50", "content words", "no citation", "not a source"},
			prompt:  []string{"[1] The city council approved", "[5] Work on the first lanes", "at most 4 short sentences", "language of the sources"},
		},
		{
			name: "summary of a story in Spanish",
			lang: "es",
			call: func(ctx context.Context, g *Generator, o Options) (Output, error) {
				return g.Summary(ctx, warehouseFire, o)
			},
			reply: "La policía detuvo a dos hombres por el incendio del almacén {{Police arrested}}. " +
				"El incendio duró 16 horas {{six hours}}. " +
				"Los bomberos controlaron el fuego tras seis horas {{six hours}}.",
			kept:    []string{"La policía detuvo a dos hombres por el incendio del almacén.", "Los bomberos controlaron el fuego tras seis horas."},
			dropped: []string{"number 16"},
			prompt:  []string{"Article: \"Two men charged over warehouse fire\" (5 March 2025, Harbour Times)", "Write in Spanish."},
		},
		{
			name: "explain simply",
			call: func(ctx context.Context, g *Generator, o Options) (Output, error) {
				return g.ExplainSimply(ctx, []brief.Doc{cycleLanes}, o)
			},
			reply: "The city will spend 12 million euros on new bike lanes {{12 million}}. " +
				"Riding a bike is good for your health {{12 million}}. " +
				"The mayor thinks the lanes will keep children safer on the streets {{Anna Berg}}.",
			kept:    []string{"The city will spend 12 million euros on new bike lanes.", "The mayor thinks the lanes will keep children safer on the streets."},
			dropped: []string{"content words"},
			prompt:  []string{"twelve"},
		},
		{
			name: "translate",
			lang: "de",
			call: func(ctx context.Context, g *Generator, o Options) (Output, error) {
				return g.Translate(ctx, cycleLanes, o)
			},
			reply: "Der Stadtrat hat am Dienstag ein Budget von 12 Millionen Euro für neue Radwege genehmigt {{12 million}}.\n" +
				"Der Plan kostet 99 Millionen Euro {{40 kilometres}}.\n" +
				"Bürgermeisterin Anna Berg sagte, die Radwege würden die Straßen für Kinder sicherer machen {{Anna Berg}}.\n" +
				"Die Opposition wollte das Geld für Busse {{Opposition}}.\n" +
				"Die Arbeiten an den ersten Radwegen beginnen im März {{Work on}}.",
			kept: []string{
				"Der Stadtrat hat am Dienstag ein Budget von 12 Millionen Euro für neue Radwege genehmigt.",
				"Bürgermeisterin Anna Berg sagte, die Radwege würden die Straßen für Kinder sicherer machen.",
				"Die Opposition wollte das Geld für Busse.",
				"Die Arbeiten an den ersten Radwegen beginnen im März.",
			},
			dropped: []string{"number 99"},
			prompt:  []string{"into German", "[3] Mayor Anna Berg"},
		},
		{
			name: "ask",
			call: func(ctx context.Context, g *Generator, o Options) (Output, error) {
				return g.Ask(ctx, "How many kilometres of lanes does the plan add?", []brief.Doc{cycleLanes}, o)
			},
			reply: "The plan adds 40 kilometres of protected lanes by 2026 {{40 kilometres}}. " +
				"They will cost 80 million euros {{40 kilometres}}.",
			kept:    []string{"The plan adds 40 kilometres of protected lanes by 2026."},
			dropped: []string{"number 80"},
			prompt:  []string{"Question: \"How many kilometres of lanes does the plan add?\"", "40 kilometres", notAnswered},
		},
		{
			name: "ask, model declines",
			call: func(ctx context.Context, g *Generator, o Options) (Output, error) {
				return g.Ask(ctx, "How many kilometres of lanes does the plan add?", []brief.Doc{cycleLanes}, o)
			},
			reply:      notAnswered,
			notAnswers: true,
		},
		{
			name: "timeline",
			call: func(ctx context.Context, g *Generator, o Options) (Output, error) {
				return g.Timeline(ctx, warehouseFire, o)
			},
			reply: "On 1 March, a fire broke out at the old harbour warehouse {{fire broke out}}. " +
				"On 2 March, police said the fire was started deliberately {{started deliberately}}. " +
				"On 5 March, police arrested two men over the fire {{Police arrested}}. " +
				"On 9 March, the warehouse reopened {{owner plans}}.",
			kept: []string{
				"On 1 March, a fire broke out at the old harbour warehouse.",
				"On 2 March, police said the fire was started deliberately.",
				"On 5 March, police arrested two men over the fire.",
			},
			dropped:   []string{"number 9"},
			prompt:    []string{"(1 March 2025, Harbour Times) A fire broke out", "(2 March 2025, Daily Ledger)", "oldest first"},
			wantTimes: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, g, prompt := scripted(t, tc.reply)
			out, err := tc.call(context.Background(), g, Options{Lang: tc.lang})
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if f.requests.Load() != 1 {
				t.Fatalf("%d requests, want 1", f.requests.Load())
			}
			if out.Answered == tc.notAnswers {
				t.Fatalf("answered = %v", out.Answered)
			}
			var kept []string
			for _, s := range out.Sentences {
				kept = append(kept, s.Text)
				if len(s.Cites) == 0 {
					t.Errorf("kept sentence %q has no citations", s.Text)
				}
			}
			if strings.Join(kept, "\n") != strings.Join(tc.kept, "\n") {
				t.Errorf("kept\n%s\nwant\n%s", strings.Join(kept, "\n"), strings.Join(tc.kept, "\n"))
			}
			if !tc.notAnswers && len(out.Dropped) != len(tc.dropped) {
				t.Fatalf("dropped %+v, want reasons %q", out.Dropped, tc.dropped)
			}
			for i, d := range out.Dropped {
				if i < len(tc.dropped) && !strings.Contains(d.Reason, tc.dropped[i]) {
					t.Errorf("drop %d (%q) reason %q, want %q", i, d.Text, d.Reason, tc.dropped[i])
				}
			}
			for _, p := range tc.prompt {
				if !strings.Contains(*prompt, p) {
					t.Errorf("prompt lacks %q:\n%s", p, *prompt)
				}
			}
			if out.Usage.TotalTokens != 321 {
				t.Errorf("usage %d, want the server's 321", out.Usage.TotalTokens)
			}
			if tc.wantTimes {
				for i, want := range []int{1, 2, 5} {
					if d := out.Sentences[i].Time.Day(); d != want {
						t.Errorf("sentence %d time %v, want day %d", i, out.Sentences[i].Time, want)
					}
				}
			}
		})
	}
}

// TestGeneratorUnsupported checks that a reply none of whose sentences survive is an error the
// Service turns into a fallback, not an empty answer.
func TestGeneratorUnsupported(t *testing.T) {
	t.Parallel()
	_, g, _ := scripted(t, "The stadium will host concerts {{12 million}}. Nobody knows why.")
	out, err := g.Summary(context.Background(), []brief.Doc{cycleLanes}, Options{})
	if !errors.Is(err, ErrUnsupported) {
		t.Fatalf("err = %v, want ErrUnsupported", err)
	}
	if len(out.Dropped) != 2 || len(out.Sentences) != 0 {
		t.Errorf("out = %+v", out)
	}
}

// TestGeneratorAskDeclinedOffline checks that a question the articles do not answer costs no
// model call.
func TestGeneratorAskDeclinedOffline(t *testing.T) {
	t.Parallel()
	f, g, _ := scripted(t, "anything [1].")
	out, err := g.Ask(context.Background(), "What did the president of France say about tennis?", []brief.Doc{cycleLanes}, Options{})
	if err != nil || out.Answered || len(out.Sentences) != 0 {
		t.Fatalf("out = %+v, err = %v; want not answered", out, err)
	}
	if n := f.requests.Load(); n != 0 {
		t.Errorf("%d model calls, want none", n)
	}
}

func TestGeneratorBadRequests(t *testing.T) {
	t.Parallel()
	_, g, _ := scripted(t, "x")
	ctx := context.Background()
	for name, err := range map[string]error{
		"translate without language": func() error { _, err := g.Translate(ctx, cycleLanes, Options{}); return err }(),
		"translate to Klingon":       func() error { _, err := g.Translate(ctx, cycleLanes, Options{Lang: "tlh"}); return err }(),
		"summary in Klingon":         func() error { _, err := g.Summary(ctx, []brief.Doc{cycleLanes}, Options{Lang: "tlh"}); return err }(),
		"summary of nothing":         func() error { _, err := g.Summary(ctx, nil, Options{}); return err }(),
		"empty question":             func() error { _, err := g.Ask(ctx, " ", []brief.Doc{cycleLanes}, Options{}); return err }(),
		"empty article":              func() error { _, err := g.ExplainSimply(ctx, []brief.Doc{{ID: 1}}, Options{}); return err }(),
	} {
		if !errors.Is(err, ErrBadRequest) && !errors.Is(err, ErrLanguage) {
			t.Errorf("%s: err = %v, want ErrBadRequest or ErrLanguage", name, err)
		}
	}
}

// TestSourcesBounded checks that long inputs are cut to the prompt bound and say so, and that
// a story's sources take from every article before the bound.
func TestSourcesBounded(t *testing.T) {
	t.Parallel()
	long := brief.Doc{ID: 9, Text: strings.Repeat("The committee met again today to discuss the long report. ", 400)}
	s := articleSources([]brief.Doc{long}, 2000)
	if !s.truncated || sourceChars(s) > 2000 || len(s.list) == 0 {
		t.Errorf("article: truncated %v, %d chars in %d sentences", s.truncated, sourceChars(s), len(s.list))
	}
	story := storySources(append([]brief.Doc{long}, warehouseFire...), 1000)
	seen := map[int64]bool{}
	for _, x := range story.list {
		seen[x.cite.DocID] = true
	}
	if len(seen) != 4 || !story.truncated || sourceChars(story) > 1000 {
		t.Errorf("story: articles %v, truncated %v, %d chars", seen, story.truncated, sourceChars(story))
	}
	tl := timelineSources(warehouseFire, 150)
	if !tl.truncated || len(tl.list) == 0 || tl.list[0].cite.DocID != 1 {
		t.Errorf("timeline: %+v", tl)
	}
}
