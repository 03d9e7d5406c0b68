package fetch

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// acceptEncoding is sent on every request. We decode ourselves (the transport's transparent gzip
// would hide the size of what we inflate) so the cap applies to the decoded bytes.
const acceptEncoding = "gzip, deflate, br"

// errBodyTooLarge is raised inside the body pipeline when a cap is crossed.
var errBodyTooLarge = errors.New("body too large")

// errUnsupportedEncoding is returned for a Content-Encoding we did not offer.
var errUnsupportedEncoding = errors.New("unsupported content encoding")

// rawReader counts and caps the bytes read off the wire and remembers the wire's own error, so a
// failure in the middle of decompression can be told apart from a broken connection. The cap
// catches streams that inflate to nothing (endless empty gzip blocks) and so never trip the
// decoded cap.
type rawReader struct {
	r     io.Reader
	n     int64
	limit int64
	err   error // last non-EOF error from r
}

func (rr *rawReader) Read(p []byte) (int, error) {
	if rr.n >= rr.limit {
		rr.err = errBodyTooLarge
		return 0, errBodyTooLarge
	}
	if int64(len(p)) > rr.limit-rr.n {
		p = p[:rr.limit-rr.n+1]
	}
	n, err := rr.r.Read(p)
	rr.n += int64(n)
	if err != nil && err != io.EOF {
		rr.err = err
	}
	return n, err
}

// rawLimit is how many wire bytes we read for a decoded cap of limit: compressed data is never
// much larger than what it decodes to (stored blocks add a few bytes per 64 KiB), so a small
// margin over the cap is enough.
func rawLimit(limit int64) int64 { return limit + limit/16 + 64<<10 }

// decoder wraps r to undo the Content-Encoding header value ce, which may list several codings
// (applied in order, so undone in reverse).
func decoder(r io.Reader, ce string) (io.Reader, error) {
	codings := strings.Split(ce, ",")
	for i := len(codings) - 1; i >= 0; i-- {
		var err error
		switch c := strings.ToLower(strings.TrimSpace(codings[i])); c {
		case "", "identity":
		case "gzip", "x-gzip":
			r, err = gzipReader(r)
		case "deflate":
			r, err = deflateReader(r)
		case "br":
			r = brotli.NewReader(r)
		default:
			return nil, fmt.Errorf("%w %q", errUnsupportedEncoding, c)
		}
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// gzipReader decodes gzip, tolerating the servers that label a plain body as gzip: when the
// magic bytes are missing the body is passed through untouched.
func gzipReader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	magic, err := br.Peek(2)
	if err != nil && err != io.EOF {
		return nil, err
	}
	if len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		return br, nil
	}
	return gzip.NewReader(br)
}

// deflateReader handles both meanings of "deflate" seen in the wild: the zlib format the RFC
// specifies and the raw deflate stream some servers send instead.
func deflateReader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	h, err := br.Peek(2)
	if err != nil && err != io.EOF {
		return nil, err
	}
	if len(h) == 2 && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// readCapped reads r to the end into a buffer that never grows past limit+1 bytes. hint (a
// Content-Length, or 0) sizes the first allocation. On overflow it returns the first limit bytes
// and errBodyTooLarge.
func readCapped(r io.Reader, limit, hint int64) ([]byte, error) {
	size := int64(32 << 10)
	if hint > 0 {
		size = hint + 1 // +1 so reading the EOF does not force a grow
	}
	size = min(size, limit+1)
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > limit {
				return buf[:limit], errBodyTooLarge
			}
			next := make([]byte, len(buf), min(2*int64(cap(buf)), limit+1))
			copy(next, buf)
			buf = next
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return buf[:limit], errBodyTooLarge
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}
