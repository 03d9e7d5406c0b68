package fetch

import (
	"fmt"
	"net/netip"
)

// blockedRange is a block of addresses newsdesk never dials unless allowed, with the words the
// error message uses for it.
type blockedRange struct {
	prefix netip.Prefix
	what   string
}

// blockedRanges lists every non-public range a server-side fetcher could be tricked into reaching.
// IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4) are unpacked and checked as IPv4 by
// addrBlocked rather than listed here.
var blockedRanges = func() []blockedRange {
	table := []struct{ cidr, what string }{
		{"0.0.0.0/8", "an unspecified address"},
		{"10.0.0.0/8", "a private address"},
		{"100.64.0.0/10", "a carrier-grade NAT address"},
		{"127.0.0.0/8", "a loopback address"},
		{"169.254.169.254/32", "the cloud metadata address"},
		{"169.254.0.0/16", "a link-local address"},
		{"172.16.0.0/12", "a private address"},
		{"192.0.0.0/24", "a reserved address"},
		{"192.0.2.0/24", "a documentation address"},
		{"192.168.0.0/16", "a private address"},
		{"198.18.0.0/15", "a benchmarking address"},
		{"198.51.100.0/24", "a documentation address"},
		{"203.0.113.0/24", "a documentation address"},
		{"224.0.0.0/4", "a multicast address"},
		{"255.255.255.255/32", "the broadcast address"},
		{"240.0.0.0/4", "a reserved address"},
		{"::/128", "an unspecified address"},
		{"::1/128", "a loopback address"},
		{"::/96", "an IPv4-compatible address"},
		{"100::/64", "a discard-only address"},
		{"2001:db8::/32", "a documentation address"},
		{"fc00::/7", "a private address"},
		{"fe80::/10", "a link-local address"},
		{"fec0::/10", "a site-local address"},
		{"ff00::/8", "a multicast address"},
	}
	out := make([]blockedRange, len(table))
	for i, r := range table {
		out[i] = blockedRange{netip.MustParsePrefix(r.cidr), r.what}
	}
	return out
}()

var (
	nat64Prefix = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour   = netip.MustParsePrefix("2002::/16")
)

// addrBlocked says whether a must not be dialed and, if so, how to describe it.
func addrBlocked(a netip.Addr) (what string, blocked bool) {
	a = a.Unmap().WithZone("")
	if a.Is6() {
		// Addresses that carry an IPv4 address inside are judged by that address, so
		// 64:ff9b::10.0.0.1 is as private as 10.0.0.1.
		b := a.As16()
		switch {
		case nat64Prefix.Contains(a):
			a = netip.AddrFrom4([4]byte(b[12:16]))
		case sixToFour.Contains(a):
			a = netip.AddrFrom4([4]byte(b[2:6]))
		}
	}
	for _, r := range blockedRanges {
		if r.prefix.Contains(a) {
			return r.what, true
		}
	}
	return "", false
}

// blockedAddrError is the cause inside a KindBlocked *Error.
type blockedAddrError struct {
	addr netip.Addr
	what string
}

func (e *blockedAddrError) Error() string {
	return fmt.Sprintf("refused: %s is %s (set NEWSDESK_FETCH_ALLOW to allow it)", e.addr, e.what)
}
