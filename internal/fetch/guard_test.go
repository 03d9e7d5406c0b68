package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
)

func TestAddrBlocked(t *testing.T) {
	t.Parallel()
	tests := []struct {
		addr    string
		blocked bool
		what    string
	}{
		{"127.0.0.1", true, "a loopback address"},
		{"127.255.0.9", true, "a loopback address"},
		{"10.0.0.5", true, "a private address"},
		{"172.16.3.4", true, "a private address"},
		{"172.32.0.1", false, ""},
		{"192.168.1.1", true, "a private address"},
		{"169.254.169.254", true, "the cloud metadata address"},
		{"169.254.10.10", true, "a link-local address"},
		{"100.64.0.1", true, "a carrier-grade NAT address"},
		{"100.128.0.1", false, ""},
		{"0.0.0.0", true, "an unspecified address"},
		{"0.1.2.3", true, "an unspecified address"},
		{"224.0.0.1", true, "a multicast address"},
		{"255.255.255.255", true, "the broadcast address"},
		{"240.0.0.1", true, "a reserved address"},
		{"8.8.8.8", false, ""},
		{"93.184.216.34", false, ""},
		{"::1", true, "a loopback address"},
		{"::", true, "an unspecified address"},
		{"::ffff:127.0.0.1", true, "a loopback address"},
		{"::ffff:169.254.169.254", true, "the cloud metadata address"},
		{"::127.0.0.1", true, "an IPv4-compatible address"},
		{"fc00::1", true, "a private address"},
		{"fd12:3456::1", true, "a private address"},
		{"fe80::1", true, "a link-local address"},
		{"fe80::1%eth0", true, "a link-local address"},
		{"ff02::1", true, "a multicast address"},
		{"64:ff9b::a00:1", true, "a private address"}, // NAT64 of 10.0.0.1
		{"64:ff9b::808:808", false, ""},               // NAT64 of 8.8.8.8
		{"2002:7f00:1::", true, "a loopback address"}, // 6to4 of 127.0.0.1
		{"2606:4700:4700::1111", false, ""},
	}
	for _, tt := range tests {
		what, blocked := addrBlocked(netip.MustParseAddr(tt.addr))
		if blocked != tt.blocked || what != tt.what {
			t.Errorf("addrBlocked(%s) = %q, %v; want %q, %v", tt.addr, what, blocked, tt.what, tt.blocked)
		}
	}
}

func TestNewRejectsBadAllowEntries(t *testing.T) {
	t.Parallel()
	for _, entry := range []string{"localhost", "127.0.0.1", ":80", "host:0", "host:http", "host:70000"} {
		if _, err := New(Config{Allow: []string{entry}}, nil); err == nil {
			t.Errorf("New accepted allow entry %q", entry)
		}
	}
}

func TestParseAllow(t *testing.T) {
	t.Parallel()
	got := ParseAllow(" 127.0.0.1:8081,localhost:9000  [::1]:7000,")
	want := []string{"127.0.0.1:8081", "localhost:9000", "[::1]:7000"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("ParseAllow = %q, want %q", got, want)
	}
}

// TestFetchRefusesPrivateAddresses checks the guard at connect time. Nothing listens on most of
// these addresses: the refusal must come before any connection is attempted.
func TestFetchRefusesPrivateAddresses(t *testing.T) {
	t.Parallel()
	var hits atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "secret")
	})
	port := srv.Listener.Addr().(interface{ AddrPort() netip.AddrPort }).AddrPort().Port()
	c := testClient(t, nil, nil) // allows nothing

	tests := []struct {
		name, url, want string
	}{
		{"loopback", srv.URL, "refused: 127.0.0.1 is a loopback address (set NEWSDESK_FETCH_ALLOW to allow it)"},
		{"private", "http://10.0.0.5/", "refused: 10.0.0.5 is a private address"},
		{"metadata", "http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is the cloud metadata address"},
		{"ipv6 loopback", fmt.Sprintf("http://[::1]:%d/", port), "refused: ::1 is a loopback address"},
		{"ipv4-mapped", fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port), "refused: 127.0.0.1 is a loopback address"},
		{"name resolving to loopback", fmt.Sprintf("http://localhost:%d/", port), "is a loopback address"},
		{"decimal ip", fmt.Sprintf("http://2130706433:%d/", port), "refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, p := range []Purpose{PurposeFeed, PurposePage} {
				_, err := c.Fetch(context.Background(), Request{URL: tt.url, Purpose: p})
				if tt.name == "decimal ip" && err != nil && strings.Contains(err.Error(), "does not exist") {
					continue // the resolver refused the name outright: also safe
				}
				fe := asError(t, err, KindBlocked)
				if !strings.Contains(fe.Error(), tt.want) {
					t.Errorf("%s: message %q does not contain %q", p, fe.Error(), tt.want)
				}
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the test server was reached %d times", n)
	}
}

func TestFetchRefusesRedirectToPrivateAddress(t *testing.T) {
	t.Parallel()
	inner := serve(t, func(w http.ResponseWriter, r *http.Request) {
		t.Error("the disallowed server was reached")
	})
	outer := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-inner":
			http.Redirect(w, r, inner.URL+"/secret", http.StatusFound)
		case "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusMovedPermanently)
		case "/to-localhost":
			http.Redirect(w, r, strings.Replace(inner.URL, "127.0.0.1", "localhost", 1), http.StatusTemporaryRedirect)
		}
	})
	c := testClient(t, outer, nil)
	for _, path := range []string{"/to-inner", "/to-metadata", "/to-localhost"} {
		_, err := c.Fetch(context.Background(), Request{URL: outer.URL + path, Purpose: PurposeFeed})
		fe := asError(t, err, KindBlocked)
		if !strings.HasPrefix(fe.Error(), "refused: ") {
			t.Errorf("%s: message %q", path, fe.Error())
		}
	}
}

func TestAllowList(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
	port := srv.Listener.Addr().(interface{ AddrPort() netip.AddrPort }).AddrPort().Port()
	other := serve(t, func(w http.ResponseWriter, r *http.Request) { t.Error("other server reached") })
	tests := []struct {
		name   string
		cfg    Config
		url    string
		wantOK bool
	}{
		{"ip:port entry", Config{Allow: []string{srv.Listener.Addr().String()}}, srv.URL, true},
		{"ip:port entry, other port", Config{Allow: []string{srv.Listener.Addr().String()}}, other.URL, false},
		{"name:port entry", Config{Allow: []string{fmt.Sprintf("LocalHost:%d", port)}}, fmt.Sprintf("http://localhost:%d/", port), true},
		{"name entry does not open the ip", Config{Allow: []string{fmt.Sprintf("localhost:%d", port)}}, srv.URL, false},
		{"allow private", Config{AllowPrivate: true}, srv.URL, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.PerHostInterval = -1
			c, err := New(tt.cfg, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := c.Fetch(context.Background(), Request{URL: tt.url, Purpose: PurposeFeed})
			if tt.wantOK {
				if err != nil || string(resp.Body) != "ok" {
					t.Fatalf("Fetch = %v, %v; want ok", resp, err)
				}
				return
			}
			asError(t, err, KindBlocked)
		})
	}
}

func TestCheckURL(t *testing.T) {
	t.Parallel()
	c := testClient(t, nil, func(cfg *Config) { cfg.Allow = []string{"127.0.0.1:9999", "localhost:9998"} })
	tests := []struct {
		url  string
		kind Kind // -1: no error
		want string
	}{
		{"http://93.184.216.34/feed.xml", -1, ""},
		{"https://[2606:4700:4700::1111]/", -1, ""},
		{"http://127.0.0.1:9999/", -1, ""},
		{"http://localhost:9998/", -1, ""},
		{"http://127.0.0.1/", KindBlocked, "refused: 127.0.0.1 is a loopback address"},
		{"http://10.1.2.3:8080/x", KindBlocked, "refused: 10.1.2.3 is a private address"},
		{"http://[::ffff:10.0.0.1]/", KindBlocked, "refused: 10.0.0.1 is a private address"},
		{"http://localhost:8080/", KindBlocked, "is a loopback address"},
		{"ftp://example.com/feed", KindBadURL, "only http and https addresses can be fetched, not ftp:"},
		{"javascript:alert(1)", KindBadURL, "only http and https"},
		{"example.com/feed", KindBadURL, "needs to start with http:// or https://"},
		{"http://user:pw@example.com/", KindBadURL, "user name or password"},
		{"http:///path", KindBadURL, "has no host name"},
		{"http://example.com:99999/", KindBadURL, "invalid port"},
		{"http://exa mple.com/", KindBadURL, "is not a valid address"},
	}
	for _, tt := range tests {
		err := c.CheckURL(context.Background(), tt.url)
		if tt.kind < 0 {
			if err != nil {
				t.Errorf("CheckURL(%q) = %v, want nil", tt.url, err)
			}
			continue
		}
		fe := asError(t, err, tt.kind)
		if !strings.Contains(fe.Error(), tt.want) {
			t.Errorf("CheckURL(%q) = %q, want it to contain %q", tt.url, fe.Error(), tt.want)
		}
	}
}
