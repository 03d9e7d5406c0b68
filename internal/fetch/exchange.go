package fetch

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// acceptHeaders says what each purpose hopes to get back.
var acceptHeaders = map[Purpose]string{
	PurposeFeed:   "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5",
	PurposePage:   "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
	PurposeAsset:  "image/*, */*;q=0.5",
	purposeRobots: "text/plain, */*;q=0.5",
}

// drainLimit is how much of an unwanted body (a redirect's, an error page) we read so the
// connection can be reused; anything longer is cheaper to drop with the connection.
const drainLimit = 64 << 10

// exchange performs one HTTP request to u. It returns either a final response, or the next URL
// when the server redirects. The host's turn is held from the request until the body is read.
func (c *Client) exchange(ctx context.Context, u *url.URL, req Request, limit int64, truncate bool) (*Response, *url.URL, error) {
	release, err := c.hosts.acquire(ctx, strings.ToLower(u.Hostname()))
	if err != nil {
		return nil, nil, c.classify(ctx, nil, u, err)
	}
	defer release()

	hopCtx, cancel := context.WithTimeout(ctx, c.cfg.RequestTimeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(hopCtx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, &Error{Kind: KindBadURL, URL: u.String(), Err: err, msg: fmt.Sprintf("%q is not a valid address", u)}
	}
	hr.Header.Set("User-Agent", c.cfg.UserAgent)
	hr.Header.Set("Accept", cmp.Or(acceptHeaders[req.Purpose], "*/*"))
	hr.Header.Set("Accept-Encoding", acceptEncoding)
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}

	res, err := c.http.Do(hr)
	if err != nil {
		return nil, nil, c.classify(ctx, hopCtx, u, err)
	}
	defer res.Body.Close()

	switch code := res.StatusCode; {
	case code == http.StatusNotModified:
		return &Response{
			URL:          u.String(),
			StatusCode:   code,
			Header:       res.Header,
			NotModified:  true,
			ETag:         firstNonEmpty(res.Header.Get("ETag"), req.ETag),
			LastModified: firstNonEmpty(res.Header.Get("Last-Modified"), req.LastModified),
			MaxAge:       maxAge(res.Header, c.now()),
		}, nil, nil
	case isRedirect(code) && res.Header.Get("Location") != "":
		_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, drainLimit))
		next, err := u.Parse(res.Header.Get("Location"))
		if err == nil {
			next, err = parseURL(next.String())
		}
		if err != nil {
			return nil, nil, &Error{Kind: KindBadURL, URL: res.Header.Get("Location"), Err: err, msg: fmt.Sprintf(
				"the server redirected to %q, which cannot be fetched", res.Header.Get("Location"))}
		}
		return nil, next, nil
	case code < 200 || code > 299:
		_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, drainLimit))
		return nil, nil, c.statusError(u, res)
	}

	body, err := c.readBody(ctx, hopCtx, u, req.Purpose, res, limit, truncate)
	if err != nil {
		return nil, nil, err
	}
	return &Response{
		URL:          u.String(),
		StatusCode:   res.StatusCode,
		Header:       res.Header,
		Body:         body,
		ContentType:  contentType(res.Header.Get("Content-Type"), body),
		ETag:         res.Header.Get("ETag"),
		LastModified: res.Header.Get("Last-Modified"),
		MaxAge:       maxAge(res.Header, c.now()),
	}, nil, nil
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// statusError describes a non-2xx answer. 429, and 503 with a Retry-After, mean "slow down"
// rather than "broken", and the delay the server asked for travels with the error.
func (c *Client) statusError(u *url.URL, res *http.Response) *Error {
	e := &Error{Kind: KindHTTPStatus, URL: u.String(), StatusCode: res.StatusCode}
	switch res.StatusCode {
	case http.StatusGone:
		e.Kind = KindGone
	case http.StatusTooManyRequests:
		e.Kind = KindRateLimited
		e.RetryAfter = retryAfter(res.Header, c.now())
	case http.StatusServiceUnavailable:
		if ra := retryAfter(res.Header, c.now()); ra > 0 {
			e.Kind, e.RetryAfter = KindRateLimited, ra
		}
	}
	return e
}

// readBody decodes and reads the body under the cap. With truncate, an oversized body is cut at
// the cap instead of failing (robots.txt wants the first part).
func (c *Client) readBody(ctx, hopCtx context.Context, u *url.URL, p Purpose, res *http.Response, limit int64, truncate bool) ([]byte, error) {
	raw := &rawReader{r: res.Body, limit: rawLimit(limit)}
	ce := res.Header.Get("Content-Encoding")
	dec, err := decoder(raw, ce)
	if err == nil {
		var hint int64
		if ce == "" || strings.EqualFold(ce, "identity") {
			hint = res.ContentLength
		}
		var body []byte
		body, err = readCapped(dec, limit, hint)
		if err == nil || (truncate && errors.Is(err, errBodyTooLarge)) {
			return body, nil
		}
	}
	switch {
	case errors.Is(err, errBodyTooLarge) || errors.Is(raw.err, errBodyTooLarge):
		return nil, &Error{Kind: KindTooLarge, URL: u.String(), Err: err, msg: fmt.Sprintf(
			"the %s is larger than %s once decompressed", thing(p), formatBytes(limit))}
	case raw.err != nil:
		return nil, c.classify(ctx, hopCtx, u, raw.err)
	case errors.Is(err, errUnsupportedEncoding):
		return nil, &Error{Kind: KindDecode, URL: u.String(), Err: err, msg: fmt.Sprintf(
			"the server compressed the %s in a format newsdesk did not ask for (%s)", thing(p), ce)}
	default:
		return nil, &Error{Kind: KindDecode, URL: u.String(), Err: err, msg: fmt.Sprintf(
			"the %s arrived damaged: its %s compression could not be undone", thing(p), ce)}
	}
}

// thing names what a purpose fetches, for messages.
func thing(p Purpose) string {
	switch p {
	case PurposeFeed:
		return "feed"
	case PurposePage:
		return "page"
	case purposeRobots:
		return "robots.txt"
	default:
		return "file"
	}
}

// contentType is the Content-Type header as sent, charset included (parsers downstream read it),
// or a sniffed type when the server sent none.
func contentType(header string, body []byte) string {
	if strings.TrimSpace(header) == "" {
		return http.DetectContentType(body)
	}
	return header
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
