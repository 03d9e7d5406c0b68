package fetch

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestTimeouts(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/silent": // never sends headers
			<-r.Context().Done()
		case "/drip": // headers at once, then one byte at a time, forever
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusOK)
			tick := time.NewTicker(10 * time.Millisecond)
			defer tick.Stop()
			for {
				if _, err := w.Write([]byte("x")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-tick.C:
				case <-r.Context().Done():
					return
				}
			}
		}
	})
	c := testClient(t, srv, func(cfg *Config) {
		cfg.HeaderTimeout = 150 * time.Millisecond
		cfg.RequestTimeout = 400 * time.Millisecond
	})
	tests := []struct {
		path string
		msg  string
	}{
		{"/silent", "127.0.0.1 did not answer within 150ms"},
		{"/drip", "127.0.0.1 did not send the whole response within 400ms"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			_, err := c.Fetch(context.Background(), Request{URL: srv.URL + tt.path, Purpose: PurposeFeed})
			fe := asError(t, err, KindTimeout)
			if fe.Error() != tt.msg {
				t.Errorf("message %q, want %q", fe.Error(), tt.msg)
			}
			if !errors.Is(err, ErrTimeout) {
				t.Error("errors.Is(err, ErrTimeout) is false")
			}
			if elapsed := time.Since(start); elapsed > 5*time.Second {
				t.Errorf("took %s", elapsed)
			}
		})
	}
}

func TestCallerCancellation(t *testing.T) {
	t.Parallel()
	arrived := make(chan struct{})
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		<-r.Context().Done()
	})
	c := testClient(t, srv, nil)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-arrived
		cancel()
	}()
	_, err := c.Fetch(ctx, Request{URL: srv.URL, Purpose: PurposeFeed})
	asError(t, err, KindCanceled)
	if !errors.Is(err, context.Canceled) || !errors.Is(err, ErrCanceled) {
		t.Errorf("error %v does not match context.Canceled and ErrCanceled", err)
	}
	if !strings.Contains(err.Error(), "canceled") {
		t.Errorf("message %q", err)
	}
}
