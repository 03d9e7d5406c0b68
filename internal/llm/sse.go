package llm

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// sseSentence is the JSON of a "sentence" event.
type sseSentence struct {
	Text  string    `json:"text"`
	Cites []sseCite `json:"cites"`
	Time  string    `json:"time,omitempty"` // RFC 3339, timeline sentences only
}

type sseCite struct {
	DocID    int64  `json:"doc_id"`
	Sentence int    `json:"sentence"` // index into brief.SplitSentences of the article's text
	Text     string `json:"text"`
}

// sseDone is the JSON of the final "done" event.
type sseDone struct {
	Feature   Feature `json:"feature"`
	Sentences int     `json:"sentences"`
	Answered  bool    `json:"answered"`
	Fallback  bool    `json:"fallback"`
	Partial   bool    `json:"partial"`
	Reason    string  `json:"reason,omitempty"`
	Cause     string  `json:"cause,omitempty"`
	Dropped   int     `json:"dropped"`
	Truncated bool    `json:"truncated"`
	Cached    bool    `json:"cached"`
	Lang      string  `json:"lang,omitempty"`
	Model     string  `json:"model,omitempty"`
}

// WriteSSE answers req on w as a server-sent event stream, so a handler only has to build the
// Request and call it. A request that is wrong in itself returns its error before anything is
// written (answer 400 then). Otherwise it writes
//
//	event: sentence
//	data: {"text":"…","cites":[{"doc_id":7,"sentence":2,"text":"…"}]}
//
// for each sentence and a final `event: done` whose data has fallback, reason, partial,
// answered, cached and counts, flushing after each event. Browsers read it with EventSource
// or fetch; the page should show Reason when fallback or partial is true. It sets
// "X-Accel-Buffering: no" so nginx passes events on at once, and extends the connection's
// write deadline past the model timeout so a server-wide WriteTimeout does not cut the stream.
func (s *Service) WriteSSE(ctx context.Context, w http.ResponseWriter, req Request) error {
	if _, err := req.validate(); err != nil {
		return err
	}
	rc := http.NewResponseController(w)
	// Wall time, not s.now: the injected clock is for limits and budgets, deadlines are the
	// network's. Writers that cannot set deadlines have none to extend.
	_ = rc.SetWriteDeadline(time.Now().Add(s.timeout + 15*time.Second))
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	// A comment first, so the browser sees the response start while the model thinks.
	if _, err := fmt.Fprint(w, ": newsdesk\n\n"); err != nil {
		return fmt.Errorf("llm: sse: %w", err)
	}
	_ = rc.Flush()
	return s.Stream(ctx, req, func(ev Event) error {
		var data any
		switch ev.Kind {
		case EventSentence:
			data = sentenceJSON(ev.Sentence)
		default:
			r := ev.Result
			data = sseDone{
				Feature: r.Feature, Sentences: len(r.Sentences), Answered: r.Answered, Fallback: r.Fallback,
				Partial: r.Partial, Reason: r.Reason, Cause: r.Cause, Dropped: r.Dropped,
				Truncated: r.Truncated, Cached: r.Cached, Lang: r.Lang, Model: r.Model,
			}
		}
		b, err := json.Marshal(data)
		if err != nil {
			return fmt.Errorf("llm: sse: %w", err)
		}
		if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.Kind, b); err != nil {
			return fmt.Errorf("llm: sse: %w", err)
		}
		_ = rc.Flush()
		return nil
	})
}

func sentenceJSON(st Sentence) sseSentence {
	out := sseSentence{Text: st.Text, Cites: make([]sseCite, 0, len(st.Cites))}
	for _, c := range st.Cites {
		out.Cites = append(out.Cites, sseCite{DocID: c.DocID, Sentence: c.Sentence, Text: c.Text})
	}
	if !st.Time.IsZero() {
		out.Time = st.Time.UTC().Format(time.RFC3339)
	}
	return out
}
