package fetch

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// BenchmarkFetchGzipPage measures the client's own overhead on loopback: a 100 KiB HTML page,
// gzip-encoded, fetched as a feed (no robots.txt) with the interval off.
func BenchmarkFetchGzipPage(b *testing.B) {
	page := []byte(strings.Repeat("<p>Lorem ipsum dolor sit amet, consectetur adipiscing.</p>\n", 100<<10/60))
	gz := gzipBytes(b, page)
	srv := serve(b, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(gz)
	})
	c, err := New(Config{Allow: []string{srv.Listener.Addr().String()}, PerHostInterval: -1, PerHostConcurrency: 8}, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := c.Fetch(context.Background(), Request{URL: srv.URL, Purpose: PurposeFeed})
			if err != nil || len(resp.Body) != len(page) {
				b.Errorf("fetch: %v", err)
				return
			}
		}
	})
}

// BenchmarkUTF8Windows1252 measures charset detection and conversion of a 100 KiB page declared
// by <meta>.
func BenchmarkUTF8Windows1252(b *testing.B) {
	body := []byte(`<html><head><meta charset="windows-1252"></head><body>` +
		strings.Repeat("<p>\x93Caf\xe9\x94 \x96 na\xefve r\xe9sum\xe9 \x80 5</p>\n", 100<<10/40))
	r := &Response{Header: http.Header{"Content-Type": {"text/html"}}, Body: body}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.UTF8(); err != nil {
			b.Fatal(err)
		}
	}
}
