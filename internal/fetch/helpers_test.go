package fetch

import (
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// serve starts a loopback test server closed at the end of the test.
func serve(t testing.TB, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// testClient builds a client allowed to reach srv (and only srv), without the per-host interval
// so tests run at full speed. mod adjusts the config further.
func testClient(t *testing.T, srv *httptest.Server, mod func(*Config)) *Client {
	t.Helper()
	cfg := Config{PerHostInterval: -1, MaxBodyBytes: 1 << 20}
	if srv != nil {
		cfg.Allow = []string{srv.Listener.Addr().String()}
	}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// asError asserts err is a *Error of kind want and returns it.
func asError(t *testing.T, err error, want Kind) *Error {
	t.Helper()
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *fetch.Error", err, err)
	}
	if fe.Kind != want {
		t.Fatalf("kind = %s, want %s (error: %v)", fe.Kind, want, err)
	}
	return fe
}

// waitFor polls cond until it holds; it fails the test after 10 s. It waits on a condition, not
// a guess of how long something takes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}
