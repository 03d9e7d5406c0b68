package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"
)

func TestStatusErrors(t *testing.T) {
	t.Parallel()
	retryDate := time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if ra := r.URL.Query().Get("ra"); ra != "" {
			w.Header().Set("Retry-After", ra)
		}
		code, _ := strconv.Atoi(r.URL.Query().Get("code"))
		w.WriteHeader(code)
		w.Write([]byte("an error page nobody reads"))
	})
	c := testClient(t, srv, nil)
	tests := []struct {
		code       int
		retryAfter string
		kind       Kind
		sentinel   error
		retry      time.Duration // exact, or a lower bound when approx
		approx     bool
		msg        string
	}{
		{404, "", KindHTTPStatus, ErrHTTPStatus, 0, false, "the server answered 404 Not Found"},
		{410, "", KindGone, ErrGone, 0, false, "the server answered 410 Gone; the address no longer exists"},
		{429, "120", KindRateLimited, ErrRateLimited, 2 * time.Minute, false,
			"the server answered 429 Too Many Requests and asked us to wait 2m0s before trying again"},
		{429, "", KindRateLimited, ErrRateLimited, 0, false, "the server answered 429 Too Many Requests"},
		{429, retryDate, KindRateLimited, ErrRateLimited, 80 * time.Second, true, ""},
		{429, "soon", KindRateLimited, ErrRateLimited, 0, false, "the server answered 429 Too Many Requests"},
		{500, "", KindHTTPStatus, ErrHTTPStatus, 0, false, "the server answered 500 Internal Server Error"},
		{503, "", KindHTTPStatus, ErrHTTPStatus, 0, false, "the server answered 503 Service Unavailable"},
		{503, "30", KindRateLimited, ErrRateLimited, 30 * time.Second, false,
			"the server answered 503 Service Unavailable and asked us to wait 30s before trying again"},
		{599, "", KindHTTPStatus, ErrHTTPStatus, 0, false, "the server answered 599"},
	}
	for _, tt := range tests {
		q := url.Values{"code": {strconv.Itoa(tt.code)}, "ra": {tt.retryAfter}}
		_, err := c.Fetch(context.Background(), Request{URL: srv.URL + "/?" + q.Encode(), Purpose: PurposeFeed})
		name := fmt.Sprintf("%d %q", tt.code, tt.retryAfter)
		fe := asError(t, err, tt.kind)
		if !errors.Is(err, tt.sentinel) {
			t.Errorf("%s: errors.Is(err, %v) is false", name, tt.sentinel)
		}
		if fe.StatusCode != tt.code {
			t.Errorf("%s: StatusCode = %d", name, fe.StatusCode)
		}
		if tt.approx {
			if fe.RetryAfter < tt.retry || fe.RetryAfter > 90*time.Second {
				t.Errorf("%s: RetryAfter = %s, want about 90s", name, fe.RetryAfter)
			}
		} else if fe.RetryAfter != tt.retry {
			t.Errorf("%s: RetryAfter = %s, want %s", name, fe.RetryAfter, tt.retry)
		}
		if tt.msg != "" && fe.Error() != tt.msg {
			t.Errorf("%s: message %q, want %q", name, fe.Error(), tt.msg)
		}
	}
}

func TestConditionalGet(t *testing.T) {
	t.Parallel()
	const etag = `"v1"`
	const lastMod = "Mon, 02 Jan 2006 15:04:05 GMT"
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "max-age=600")
		if r.URL.Path == "/etag" {
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		} else {
			w.Header().Set("Last-Modified", lastMod)
			if r.Header.Get("If-Modified-Since") == lastMod {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		}
		w.Write([]byte("<rss/>"))
	})
	c := testClient(t, srv, nil)
	ctx := context.Background()
	for _, path := range []string{"/etag", "/lastmod"} {
		first, err := c.Fetch(ctx, Request{URL: srv.URL + path, Purpose: PurposeFeed})
		if err != nil {
			t.Fatal(err)
		}
		if first.NotModified || string(first.Body) != "<rss/>" || first.MaxAge != 10*time.Minute {
			t.Fatalf("%s first fetch: %+v", path, first)
		}
		second, err := c.Fetch(ctx, Request{URL: srv.URL + path, Purpose: PurposeFeed, ETag: first.ETag, LastModified: first.LastModified})
		if err != nil {
			t.Fatal(err)
		}
		if !second.NotModified || len(second.Body) != 0 || second.StatusCode != http.StatusNotModified {
			t.Fatalf("%s second fetch: %+v", path, second)
		}
		if second.ETag != first.ETag || second.LastModified != first.LastModified {
			t.Errorf("%s validators lost: %q %q, want %q %q", path, second.ETag, second.LastModified, first.ETag, first.LastModified)
		}
	}
}
