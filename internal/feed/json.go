package feed

import (
	"bytes"
	"encoding/json"
	"io"
	"time"
)

// MarshalJSON writes the feed with its TTL as a Go duration string ("1h0m0s"), which a person
// reading `newsdesk feed parse` output can understand, unlike nanoseconds.
func (f Feed) MarshalJSON() ([]byte, error) {
	type plain Feed // no methods, so no recursion
	var ttl string
	if f.TTL > 0 {
		ttl = f.TTL.Round(time.Second).String()
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // content is HTML; \u003c everywhere would make it unreadable
	err := enc.Encode(struct {
		plain
		TTL string `json:"ttl,omitempty"`
	}{plain(f), ttl})
	return bytes.TrimRight(buf.Bytes(), "\n"), err
}

// WriteJSON writes the feed as indented JSON without HTML escaping, the form used by
// `newsdesk feed parse` and by the golden files.
func WriteJSON(w io.Writer, f *Feed) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}
