package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
)

// classify turns whatever the transport, dialer or body reader returned into an *Error whose
// message says what happened in words. hopCtx is the per-exchange context carrying
// RequestTimeout (nil when there is none); ctx is the caller's.
func (c *Client) classify(ctx, hopCtx context.Context, u *url.URL, err error) *Error {
	var fe *Error
	if errors.As(err, &fe) {
		return fe
	}
	raw, host := u.String(), u.Hostname()
	mk := func(k Kind, format string, args ...any) *Error {
		return &Error{Kind: k, URL: raw, Err: err, msg: fmt.Sprintf(format, args...)}
	}
	if ctx.Err() != nil {
		return &Error{Kind: KindCanceled, URL: raw, Err: ctx.Err()}
	}
	var blocked *blockedAddrError
	if errors.As(err, &blocked) {
		return &Error{Kind: KindBlocked, URL: raw, Err: blocked, msg: blocked.Error()}
	}
	if hopCtx != nil && errors.Is(hopCtx.Err(), context.DeadlineExceeded) {
		return mk(KindTimeout, "%s did not send the whole response within %s", host, c.cfg.RequestTimeout)
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		switch {
		case dnsErr.IsNotFound:
			return mk(KindNetwork, "the name %s does not exist (DNS lookup found nothing)", host)
		case dnsErr.IsTimeout:
			return mk(KindTimeout, "looking up the name %s took too long", host)
		default:
			return mk(KindNetwork, "could not look up the name %s: %s", host, dnsErr.Err)
		}
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		switch {
		case opErr.Timeout():
			return mk(KindTimeout, "could not connect to %s within %s", host, c.cfg.ConnectTimeout)
		case errors.Is(err, syscall.ECONNREFUSED):
			return mk(KindNetwork, "%s refused the connection", host)
		case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
			return mk(KindNetwork, "%s cannot be reached from this machine's network", host)
		default:
			return mk(KindNetwork, "could not connect to %s: %s", host, opErr.Err)
		}
	}
	if strings.Contains(err.Error(), "TLS handshake timeout") {
		return mk(KindTimeout, "the secure connection to %s was not set up within %s", host, c.cfg.ConnectTimeout)
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return mk(KindTimeout, "%s did not answer within %s", host, c.cfg.HeaderTimeout)
	}
	var certErr *tls.CertificateVerificationError
	if errors.As(err, &certErr) {
		return mk(KindNetwork, "the secure connection to %s failed: its certificate is not valid (%s)", host, certErr.Err)
	}
	var recErr tls.RecordHeaderError
	if errors.As(err, &recErr) {
		return mk(KindNetwork, "%s does not speak HTTPS on this port", host)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET) {
		return mk(KindNetwork, "the connection to %s broke off before the response was complete", host)
	}
	return mk(KindNetwork, "could not fetch from %s: %s", host, unwrapURLError(err))
}

// unwrapURLError drops net/http's "Get \"url\": " prefix, which repeats what the user knows.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
