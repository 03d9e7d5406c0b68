package fetch

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

func TestRedirects(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; {
		case p == "/a":
			http.Redirect(w, r, "/b", http.StatusFound)
		case p == "/b":
			http.Redirect(w, r, "/a", http.StatusMovedPermanently)
		case strings.HasPrefix(p, "/hop/"):
			n, _ := strconv.Atoi(strings.TrimPrefix(p, "/hop/"))
			if n == 0 {
				fmt.Fprint(w, "arrived")
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusTemporaryRedirect)
		case p == "/to-ftp":
			http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
		case p == "/no-location":
			w.WriteHeader(http.StatusFound)
		}
	})
	c := testClient(t, srv, nil) // MaxRedirects defaults to 5
	tests := []struct {
		path    string
		wantURL string // final URL when it succeeds
		kind    Kind
		msg     string
	}{
		{path: "/hop/5", wantURL: srv.URL + "/hop/0"},
		{path: "/hop/6", kind: KindTooManyRedirects, msg: "the address redirected more than 5 times (next to " + srv.URL + "/hop/0)"},
		{path: "/a", kind: KindTooManyRedirects, msg: "the address redirects in a loop (" + srv.URL + "/a → " + srv.URL + "/b → " + srv.URL + "/a)"},
		{path: "/to-ftp", kind: KindBadURL, msg: `the server redirected to "ftp://example.com/x", which cannot be fetched`},
		{path: "/no-location", kind: KindHTTPStatus, msg: "the server answered 302 Found"},
	}
	for _, tt := range tests {
		resp, err := c.Fetch(context.Background(), Request{URL: srv.URL + tt.path, Purpose: PurposeFeed})
		if tt.wantURL != "" {
			if err != nil {
				t.Fatalf("%s: %v", tt.path, err)
			}
			if resp.URL != tt.wantURL || string(resp.Body) != "arrived" {
				t.Errorf("%s: URL %q body %q", tt.path, resp.URL, resp.Body)
			}
			continue
		}
		fe := asError(t, err, tt.kind)
		if fe.Error() != tt.msg {
			t.Errorf("%s: message %q, want %q", tt.path, fe.Error(), tt.msg)
		}
	}
}
