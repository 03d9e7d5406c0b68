package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
)

// parseURL checks that raw is something Fetch may request: absolute http or https, a host, and
// no user name or password (which would be sent to whoever serves the URL, and can disguise the
// real host: "https://bank.example@evil.test/").
func parseURL(raw string) (*url.URL, error) {
	bad := func(msg string, err error) error {
		return &Error{Kind: KindBadURL, URL: raw, Err: err, msg: msg}
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, bad(fmt.Sprintf("%q is not a valid address", raw), err)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		u.Scheme = strings.ToLower(u.Scheme)
	case "":
		return nil, bad(fmt.Sprintf("%q is not a full address; it needs to start with http:// or https://", raw), nil)
	default:
		return nil, bad(fmt.Sprintf("only http and https addresses can be fetched, not %s:", u.Scheme), nil)
	}
	if u.User != nil {
		return nil, bad("the address contains a user name or password, which newsdesk does not send", nil)
	}
	if u.Hostname() == "" {
		return nil, bad(fmt.Sprintf("%q has no host name", raw), nil)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.ParseUint(p, 10, 16); err != nil || n == 0 {
			return nil, bad(fmt.Sprintf("%q has an invalid port", raw), err)
		}
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// hostPort is u's host and port as the transport dials it (default port filled in).
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// CheckURL validates rawURL before it is saved (say, by "sources add"), so a user hears at once
// that an address is malformed, unresolvable or private instead of finding a failing feed later.
// It resolves the host name; any private address among the answers refuses the URL. Fetch repeats
// the address check at connect time, so passing CheckURL grants nothing by itself.
func (c *Client) CheckURL(ctx context.Context, rawURL string) error {
	u, err := parseURL(rawURL)
	if err != nil {
		return err
	}
	hp := hostPort(u)
	if c.cfg.AllowPrivate || c.dialer.allow.hasName(hp) {
		return nil
	}
	_, p, _ := net.SplitHostPort(hp)
	port, _ := strconv.ParseUint(p, 10, 16) // parseURL validated it
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(u.Hostname()); err == nil {
		addrs = []netip.Addr{a}
	} else {
		addrs, err = c.resolver.LookupNetIP(ctx, "ip", u.Hostname())
		if err != nil {
			return c.classify(ctx, nil, u, err)
		}
	}
	if len(addrs) == 0 {
		return &Error{Kind: KindNetwork, URL: u.String(), Err: errors.New("no addresses"),
			msg: fmt.Sprintf("the name %s has no addresses", u.Hostname())}
	}
	for _, a := range addrs {
		if err := c.dialer.checkAddr(netip.AddrPortFrom(a, uint16(port))); err != nil {
			return &Error{Kind: KindBlocked, URL: u.String(), Err: err}
		}
	}
	return nil
}
