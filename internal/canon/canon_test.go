package canon

import (
	"errors"
	"testing"
)

func TestURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"HTTPS://News.Example.COM:443/a/b?utm_source=x&id=3#top", "https://news.example.com/a/b?id=3"},
		{"http://example.com", "http://example.com/"},
		{"http://example.com:8080/x?b=2&a=1&fbclid=zz", "http://example.com:8080/x?a=1&b=2"},
		{"https://user:pw@example.com/x?", "https://example.com/x"},
		{"https://example.com./story", "https://example.com/story"},
		{"http://[::1]:80/x", "http://[::1]/x"},
		{"https://example.com/search?q=a+b&flag", "https://example.com/search?flag&q=a+b"},
	}
	for _, tt := range tests {
		got, err := URL(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("URL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		// Canonical is a fixed point.
		if again, _ := URL(got); again != got {
			t.Errorf("URL(URL(%q)) = %q, want %q", tt.in, again, got)
		}
	}
	for _, bad := range []string{"ftp://example.com/x", "/relative", "javascript:alert(1)", "http://", "%zz"} {
		if _, err := URL(bad); err == nil {
			t.Errorf("URL(%q) accepted", bad)
		} else if bad == "ftp://example.com/x" && !errors.Is(err, ErrNotHTTP) {
			t.Errorf("URL(%q) = %v, want ErrNotHTTP", bad, err)
		}
	}
}

func FuzzURL(f *testing.F) {
	for _, s := range []string{"https://a.example/x?utm_a=1&b=2#f", "http://[::1]:80/", "HTTP://X.Y:443/?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := URL(s)
		if err != nil {
			return
		}
		again, err := URL(got)
		if err != nil || again != got {
			t.Fatalf("not a fixed point: %q -> %q -> %q (%v)", s, got, again, err)
		}
	})
}
