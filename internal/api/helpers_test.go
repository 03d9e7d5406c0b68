package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

const testBase = "https://news.example"

var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

func newTestHandler(t *testing.T, st Store, mod ...func(*Config)) *Handler {
	t.Helper()
	cfg := Config{Store: st, BaseURL: testBase + "/", SiteName: "Newsdesk", Now: func() time.Time { return testNow }}
	for _, m := range mod {
		m(&cfg)
	}
	h, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// do runs one request through h; headers alternate names and values.
func do(h http.Handler, method, target string, headers ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// getJSON fetches target, expects 200 and decodes the body into v.
func getJSON(t *testing.T, h http.Handler, target string, v any) *httptest.ResponseRecorder {
	t.Helper()
	w := do(h, http.MethodGet, target)
	if w.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", target, w.Code, w.Body)
	}
	if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	return w
}
