package llm

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
)

// maxSSELine bounds one line of the event stream; a chunk is a few hundred bytes.
const maxSSELine = 256 << 10

// Stream asks for a streamed reply (`stream: true`) and calls onDelta with each piece of text
// as it arrives. The first piece must come within the first-token timeout and no later piece
// may be further apart than that; the whole call is bounded by the call timeout. A stream that
// ends without `data: [DONE]` or a finish reason is ErrTruncated, since the text may stop in
// mid-sentence. A server that ignores `stream` and answers with one JSON body is accepted.
// An error returned by onDelta stops the stream and is returned.
func (c *Client) Stream(ctx context.Context, req ChatRequest, onDelta func(string) error) (Reply, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, c.timeout, ErrSlow)
	defer cancel()
	ctx, stall := context.WithCancelCause(ctx)
	defer stall(nil)
	silence := fmt.Errorf("%w: nothing for %s", ErrSlow, c.firstToken)
	timer := time.AfterFunc(c.firstToken, func() { stall(silence) })
	defer timer.Stop()

	resp, err := c.post(ctx, req, true)
	if err != nil {
		return Reply{}, c.ctxErr(ctx, err)
	}
	defer resp.Body.Close()
	body := &countingReader{r: resp.Body, limit: c.maxBytes}

	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt == "application/json" {
		b, err := io.ReadAll(body)
		if err != nil {
			return Reply{}, c.ctxErr(ctx, fmt.Errorf("llm: read reply: %w", err))
		}
		r, err := parseWhole(b)
		if err != nil {
			return r, err
		}
		return r, onDelta(r.Text)
	}

	var (
		r      Reply
		text   strings.Builder
		done   bool
		event  bytes.Buffer
		events int
	)
	// handle processes one event's data; it returns true at [DONE].
	handle := func(data []byte) (bool, error) {
		data = bytes.TrimSpace(data)
		if len(data) == 0 {
			return false, nil
		}
		events++
		if string(data) == "[DONE]" {
			return true, nil
		}
		var w wireReply
		if err := json.Unmarshal(data, &w); err != nil {
			return false, fmt.Errorf("%w: chunk: %v: %q", ErrMalformed, err, excerpt(data))
		}
		if len(w.Error) > 0 && string(w.Error) != "null" {
			return false, &StatusError{Code: http.StatusOK, Message: "in stream: " + errorMessage(w.Error)}
		}
		if w.Usage != nil {
			r.Usage = *w.Usage
		}
		if w.Choices == nil {
			if w.Usage != nil {
				return false, nil
			}
			return false, fmt.Errorf("%w: chunk without choices: %q", ErrMalformed, excerpt(data))
		}
		if len(*w.Choices) == 0 {
			return false, nil // the usage chunk at the end has no choices
		}
		ch := (*w.Choices)[0] // only one choice is asked for
		if ch.FinishReason != "" {
			r.FinishReason = ch.FinishReason
		}
		if d := ch.Delta.Content; d != "" {
			timer.Reset(c.firstToken)
			text.WriteString(d)
			if err := onDelta(d); err != nil {
				return false, err
			}
		}
		return false, nil
	}

	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 0, 4096), maxSSELine)
	for !done && sc.Scan() {
		line := sc.Bytes()
		switch {
		case len(line) == 0: // end of an event
			if done, err = handle(event.Bytes()); err != nil {
				return r, c.ctxErr(ctx, err)
			}
			event.Reset()
		case line[0] == ':': // comment, used as keep-alive
		case bytes.HasPrefix(line, []byte("data:")):
			if event.Len() > 0 {
				event.WriteByte('\n')
			}
			event.Write(bytes.TrimPrefix(line[5:], []byte(" ")))
		default: // event:, id:, retry: and unknown fields carry nothing we need
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w: event line over %d bytes", ErrTooLarge, maxSSELine)
		}
		return r, c.ctxErr(ctx, fmt.Errorf("llm: read stream: %w", err))
	}
	if !done && event.Len() > 0 { // last event without its blank line
		if done, err = handle(event.Bytes()); err != nil {
			return r, c.ctxErr(ctx, err)
		}
	}
	r.Text = text.String()
	if events == 0 {
		return r, fmt.Errorf("%w: no events in %d bytes of stream", ErrMalformed, body.n)
	}
	if !done && r.FinishReason == "" {
		return r, fmt.Errorf("%w after %d bytes", ErrTruncated, body.n)
	}
	if strings.TrimSpace(r.Text) == "" {
		return r, ErrNoContent
	}
	return r, nil
}

// countingReader fails with ErrTooLarge once more than limit bytes have been read.
type countingReader struct {
	r     io.Reader
	n     int64
	limit int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.limit {
		return n, fmt.Errorf("%w: over %d bytes", ErrTooLarge, c.limit)
	}
	return n, err
}
