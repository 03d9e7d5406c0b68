package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"testing"
)

func TestAcceptsGzip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header string
		want   bool
	}{
		{"gzip", true},
		{"gzip, deflate, br", true},
		{"br;q=1.0, GZIP;q=0.5", true},
		{"*", true},
		{"gzip;q=0", false},
		{"gzip;q=0.0, *", false},
		{"*;q=0, gzip", true},
		{"*;q=0", false},
		{"identity", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := acceptsGzip(tt.header); got != tt.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

func TestETagMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header string
		want   bool
	}{
		{`"abc"`, true},
		{`W/"abc"`, true},
		{`"x", "abc"`, true},
		{`*`, true},
		{`"abcd"`, false},
		{``, false},
		{`abc`, false},
	}
	for _, tt := range tests {
		if got := etagMatch(tt.header, `"abc"`); got != tt.want {
			t.Errorf("etagMatch(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

// A cached page is sent gzipped to clients that accept it, with its own ETag, and decodes
// to the same bytes that other clients get.
func TestPageGzip(t *testing.T) {
	t.Parallel()
	ts := newTestSite(t)
	plain := ts.get(t, "/", "Accept-Encoding", "identity")
	zipped := ts.get(t, "/", "Accept-Encoding", "gzip") // set by hand: the client leaves the body encoded
	if plain.header.Get("Content-Encoding") != "" || zipped.header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q and %q, want none and gzip",
			plain.header.Get("Content-Encoding"), zipped.header.Get("Content-Encoding"))
	}
	for _, r := range []response{plain, zipped} {
		if r.header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("Vary %q", r.header.Get("Vary"))
		}
	}
	if plain.header.Get("ETag") == zipped.header.Get("ETag") {
		t.Error("both encodings share one strong ETag")
	}
	if len(zipped.body) >= len(plain.body)/2 {
		t.Errorf("gzipped %d bytes of %d: compression did not pay", len(zipped.body), len(plain.body))
	}
	zr, err := gzip.NewReader(bytes.NewReader([]byte(zipped.body)))
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if string(decoded) != plain.body {
		t.Error("the gzipped page does not decode to the plain one")
	}
	r := ts.get(t, "/", "Accept-Encoding", "gzip", "If-None-Match", zipped.header.Get("ETag"))
	if r.status != http.StatusNotModified {
		t.Errorf("revalidating the gzipped page: %d, want 304", r.status)
	}
}
