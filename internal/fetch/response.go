package fetch

import (
	"net/http"
	"time"
)

// Response is a successful fetch (2xx, or 304 with NotModified).
type Response struct {
	URL         string // final URL after redirects
	StatusCode  int
	Header      http.Header
	Body        []byte // Content-Encoding undone; charset untouched (see UTF8)
	ContentType string // the Content-Type header with its parameters ("text/html; charset=iso-8859-1"); sniffed when absent
	NotModified bool   // 304: Body is empty and there is nothing to parse

	ETag, LastModified string        // validators to send next time
	MaxAge             time.Duration // freshness from Cache-Control max-age or Expires; 0 if none
}
