package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Client calls an OpenAI-compatible chat completions endpoint. It is safe for concurrent use.
//
// It uses a plain net/http client, not internal/fetch and its SSRF guard, on purpose: the guard
// stops URLs that come from feeds and readers from reaching private addresses, but this URL is
// set by the operator, and the usual deployment is a model on localhost or the LAN (Ollama,
// llama.cpp server). No URL a reader or a feed supplies ever reaches this client.
type Client struct {
	url        string // .../v1/chat/completions
	model      string
	apiKey     string
	http       *http.Client
	timeout    time.Duration
	firstToken time.Duration
	maxBytes   int64
}

// NewClient returns a client for cfg.URL and cfg.Model.
func NewClient(cfg Config) (*Client, error) {
	cfg = cfg.withDefaults()
	u, err := endpoint(cfg.URL)
	if err != nil {
		return nil, err
	}
	if cfg.Model == "" {
		return nil, fmt.Errorf("%w: no model", ErrBadRequest)
	}
	hc := cfg.HTTPClient
	if hc == nil {
		dialer := &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: 30 * time.Second}
		hc = &http.Client{Transport: &http.Transport{
			Proxy:               http.ProxyFromEnvironment,
			DialContext:         dialer.DialContext,
			TLSHandshakeTimeout: cfg.ConnectTimeout,
			MaxIdleConnsPerHost: 4,
			IdleConnTimeout:     90 * time.Second,
			ForceAttemptHTTP2:   true,
		}}
	}
	return &Client{
		url: u, model: cfg.Model, apiKey: cfg.APIKey, http: hc,
		timeout: cfg.Timeout, firstToken: cfg.FirstTokenTimeout, maxBytes: cfg.MaxReplyBytes,
	}, nil
}

// Model returns the model name the client asks for.
func (c *Client) Model() string { return c.model }

// endpoint turns a base URL into the chat completions URL. Operators copy base URLs from
// documentation that may or may not include /v1 (Ollama's "http://localhost:11434",
// OpenAI's "https://api.openai.com/v1"), or the full endpoint; all three work.
func endpoint(base string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil {
		return "", fmt.Errorf("llm: base URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("llm: base URL %q: want http(s)://host[:port][/path]", base)
	}
	p := strings.TrimRight(u.Path, "/")
	switch {
	case strings.HasSuffix(p, "/chat/completions"):
	case strings.HasSuffix(p, "/v1"):
		p += "/chat/completions"
	default:
		p += "/v1/chat/completions"
	}
	u.Path, u.RawPath = p, ""
	return u.String(), nil
}

// Message is one chat message.
type Message struct {
	Role    string `json:"role"` // "system", "user" or "assistant"
	Content string `json:"content"`
}

// ChatRequest is what a feature asks of the model.
type ChatRequest struct {
	Messages    []Message
	MaxTokens   int
	Temperature float64
}

// Usage is the token count a server reports for one call.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

// Reply is a finished completion.
type Reply struct {
	Text         string
	Usage        Usage // zero when the server reports none
	FinishReason string
}

// StatusError is a non-2xx answer. It matches ErrStatus with errors.Is.
type StatusError struct {
	Code    int
	Message string // the server's error message when its body was JSON, else a short excerpt
}

func (e *StatusError) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("llm: server answered %d %s", e.Code, http.StatusText(e.Code))
	}
	return fmt.Sprintf("llm: server answered %d: %s", e.Code, e.Message)
}

func (e *StatusError) Unwrap() error { return ErrStatus }

type wireRequest struct {
	Model         string         `json:"model"`
	Messages      []Message      `json:"messages"`
	Stream        bool           `json:"stream"`
	StreamOptions *streamOptions `json:"stream_options,omitempty"`
	MaxTokens     int            `json:"max_tokens,omitempty"`
	Temperature   float64        `json:"temperature"`
}

// streamOptions asks for usage in the last chunk of a stream (OpenAI, vLLM, recent Ollama);
// servers that do not know the field ignore it and the budget falls back to an estimate.
type streamOptions struct {
	IncludeUsage bool `json:"include_usage"`
}

type wireReply struct {
	Choices *[]struct {
		Message struct {
			Content string `json:"content"`
		} `json:"message"`
		Delta struct {
			Content string `json:"content"`
		} `json:"delta"`
		FinishReason string `json:"finish_reason"`
	} `json:"choices"`
	Usage *Usage          `json:"usage"`
	Error json.RawMessage `json:"error"`
}

// Complete asks for a whole reply at once. Only the whole-call timeout applies: a server
// answering without streaming sends nothing until it has finished.
func (c *Client) Complete(ctx context.Context, req ChatRequest) (Reply, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, c.timeout, ErrSlow)
	defer cancel()
	resp, err := c.post(ctx, req, false)
	if err != nil {
		return Reply{}, c.ctxErr(ctx, err)
	}
	defer resp.Body.Close()
	body, err := readBounded(resp.Body, c.maxBytes)
	if err != nil {
		return Reply{}, c.ctxErr(ctx, err)
	}
	return parseWhole(body)
}

func parseWhole(body []byte) (Reply, error) {
	var w wireReply
	if err := json.Unmarshal(body, &w); err != nil {
		return Reply{}, fmt.Errorf("%w: %v: %q", ErrMalformed, err, excerpt(body))
	}
	if len(w.Error) > 0 && string(w.Error) != "null" {
		return Reply{}, &StatusError{Code: http.StatusOK, Message: errorMessage(w.Error)}
	}
	if w.Choices == nil || len(*w.Choices) == 0 {
		return Reply{}, fmt.Errorf("%w: no choices: %q", ErrMalformed, excerpt(body))
	}
	ch := (*w.Choices)[0]
	r := Reply{Text: ch.Message.Content, FinishReason: ch.FinishReason}
	if w.Usage != nil {
		r.Usage = *w.Usage
	}
	if strings.TrimSpace(r.Text) == "" {
		return r, ErrNoContent
	}
	return r, nil
}

// post sends the request and returns a 2xx response; any other status becomes a StatusError.
func (c *Client) post(ctx context.Context, req ChatRequest, stream bool) (*http.Response, error) {
	wr := wireRequest{Model: c.model, Messages: req.Messages, Stream: stream, MaxTokens: req.MaxTokens, Temperature: req.Temperature}
	if stream {
		wr.StreamOptions = &streamOptions{IncludeUsage: true}
	}
	body, err := json.Marshal(wr)
	if err != nil {
		return nil, fmt.Errorf("llm: encode request: %w", err)
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("llm: %w", err)
	}
	hr.Header.Set("Content-Type", "application/json")
	if stream {
		hr.Header.Set("Accept", "text/event-stream")
	} else {
		hr.Header.Set("Accept", "application/json")
	}
	if c.apiKey != "" {
		hr.Header.Set("Authorization", "Bearer "+c.apiKey)
	}
	resp, err := c.http.Do(hr)
	if err != nil {
		return nil, fmt.Errorf("llm: %w", err)
	}
	if resp.StatusCode/100 != 2 {
		defer resp.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		return nil, &StatusError{Code: resp.StatusCode, Message: statusMessage(b)}
	}
	return resp, nil
}

// statusMessage pulls the message out of an error body: OpenAI and llama.cpp send
// {"error":{"message":…}}, Ollama's native API {"error":"…"}; anything else is quoted short.
func statusMessage(b []byte) string {
	var w struct {
		Error   json.RawMessage `json:"error"`
		Message string          `json:"message"`
	}
	if json.Unmarshal(b, &w) == nil {
		if m := errorMessage(w.Error); m != "" {
			return m
		}
		if w.Message != "" {
			return w.Message
		}
	}
	return excerpt(b)
}

func errorMessage(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var o struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(raw, &o) == nil {
		return o.Message
	}
	return ""
}

// excerpt quotes the start of a body for an error message.
func excerpt(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

func readBounded(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("llm: read reply: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, limit)
	}
	return b, nil
}

// ctxErr reports a timeout of ours as ErrSlow; a caller's own cancellation stays as it is.
func (c *Client) ctxErr(ctx context.Context, err error) error {
	if cause := context.Cause(ctx); cause != nil && errors.Is(cause, ErrSlow) {
		return fmt.Errorf("%w: %v", cause, err)
	}
	return err
}
