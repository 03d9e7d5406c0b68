package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func gzipBytes(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return b.Bytes()
}

func brotliBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, 5)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return b.Bytes()
}

func zlibBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func flateBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.DefaultCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// encodedServer serves body with the given Content-Encoding at every path.
func encodedServer(t *testing.T, encoding string, body []byte) string {
	t.Helper()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Accept-Encoding"); got != acceptEncoding {
			t.Errorf("Accept-Encoding = %q", got)
		}
		if encoding != "" {
			w.Header().Set("Content-Encoding", encoding)
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body)
	})
	return srv.URL
}

func TestBodyDecodingAndCaps(t *testing.T) {
	t.Parallel()
	const limit = 1 << 20
	text := []byte(strings.Repeat("<item>news</item>\n", 1000))
	bomb := make([]byte, 4*limit) // zeros: a few KiB compressed, four times the cap inflated
	var emptyMembers []byte       // endless empty gzip members: wire bytes that inflate to nothing
	for one := gzipBytes(t, nil); len(emptyMembers) < int(rawLimit(limit))+len(one); {
		emptyMembers = append(emptyMembers, one...)
	}
	tests := []struct {
		name     string
		encoding string
		body     []byte
		want     []byte // nil when an error is expected
		kind     Kind
		msg      string
	}{
		{"plain", "", text, text, 0, ""},
		{"gzip", "gzip", gzipBytes(t, text), text, 0, ""},
		{"x-gzip", "x-gzip", gzipBytes(t, text), text, 0, ""},
		{"brotli", "br", brotliBytes(t, text), text, 0, ""},
		{"deflate as zlib", "deflate", zlibBytes(t, text), text, 0, ""},
		{"deflate as raw stream", "deflate", flateBytes(t, text), text, 0, ""},
		{"gzip label on a plain body", "gzip", text, text, 0, ""},
		{"stacked codings", "gzip, br", brotliBytes(t, gzipBytes(t, text)), text, 0, ""},
		{"empty", "", nil, []byte{}, 0, ""},
		{"empty gzip", "gzip", nil, []byte{}, 0, ""},
		{"exactly at the cap", "", bytes.Repeat([]byte("a"), limit), bytes.Repeat([]byte("a"), limit), 0, ""},
		{"plain one byte over", "", bytes.Repeat([]byte("a"), limit+1), nil, KindTooLarge, "the feed is larger than 1 MiB once decompressed"},
		{"gzip bomb", "gzip", gzipBytes(t, bomb), nil, KindTooLarge, "the feed is larger than 1 MiB once decompressed"},
		{"brotli bomb", "br", brotliBytes(t, bomb), nil, KindTooLarge, "the feed is larger than 1 MiB once decompressed"},
		{"deflate bomb", "deflate", zlibBytes(t, bomb), nil, KindTooLarge, "larger than 1 MiB"},
		{"endless empty gzip members", "gzip", emptyMembers, nil, KindTooLarge, "larger than 1 MiB"},
		{"corrupt gzip", "gzip", append([]byte{0x1f, 0x8b}, bytes.Repeat([]byte{0xff}, 64)...), nil, KindDecode, "the feed arrived damaged: its gzip compression could not be undone"},
		{"unsupported coding", "zstd", text, nil, KindDecode, "in a format newsdesk did not ask for (zstd)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			url := encodedServer(t, tt.encoding, tt.body)
			c := testClient(t, nil, func(cfg *Config) { cfg.AllowPrivate = true; cfg.MaxBodyBytes = limit })
			resp, err := c.Fetch(context.Background(), Request{URL: url, Purpose: PurposeFeed})
			if tt.want != nil {
				if err != nil {
					t.Fatalf("Fetch: %v", err)
				}
				if !bytes.Equal(resp.Body, tt.want) {
					t.Fatalf("body = %d bytes %.40q, want %d bytes", len(resp.Body), resp.Body, len(tt.want))
				}
				return
			}
			fe := asError(t, err, tt.kind)
			if !strings.Contains(fe.Error(), tt.msg) {
				t.Errorf("message %q does not contain %q", fe.Error(), tt.msg)
			}
		})
	}
}

// TestReadCappedNeverAllocatesPastTheCap checks the promise behind the bomb tests: the buffer a
// body is read into never grows beyond limit+1 bytes, whatever the source would deliver.
func TestReadCappedNeverAllocatesPastTheCap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		limit, hint int64
		src         int64
		wantErr     bool
	}{
		{"small, no hint", 1000, 0, 10, false},
		{"at limit, no hint", 100_000, 0, 100_000, false},
		{"over limit, no hint", 100_000, 0, 10 << 20, true},
		{"lying hint", 100_000, 5 << 30, 10 << 20, true},
		{"exact hint", 100_000, 50_000, 50_000, false},
	}
	for _, tt := range tests {
		got, err := readCapped(io.LimitReader(zeroReader{}, tt.src), tt.limit, tt.hint)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: err = %v, wantErr %v", tt.name, err, tt.wantErr)
		}
		if int64(cap(got)) > tt.limit+1 {
			t.Errorf("%s: buffer capacity %d exceeds limit+1 = %d", tt.name, cap(got), tt.limit+1)
		}
		if want := min(tt.src, tt.limit); int64(len(got)) != want {
			t.Errorf("%s: len = %d, want %d", tt.name, len(got), want)
		}
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestContentType(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header string
		body   string
		want   string
	}{
		{"application/rss+xml; charset=ISO-8859-1", "<rss/>", "application/rss+xml; charset=ISO-8859-1"},
		{"", "<!DOCTYPE html><html><p>x</p>", "text/html; charset=utf-8"},
		{"", "<?xml version=\"1.0\"?><rss/>", "text/xml; charset=utf-8"},
	}
	for _, tt := range tests {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			if tt.header == "" {
				w.Header()["Content-Type"] = nil // stops net/http from sniffing for us
			} else {
				w.Header().Set("Content-Type", tt.header)
			}
			io.WriteString(w, tt.body)
		})
		c := testClient(t, srv, nil)
		resp, err := c.Fetch(context.Background(), Request{URL: srv.URL, Purpose: PurposeFeed})
		if err != nil {
			t.Fatal(err)
		}
		if resp.ContentType != tt.want {
			t.Errorf("header %q: ContentType = %q, want %q", tt.header, resp.ContentType, tt.want)
		}
	}
}
