package fetch

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"syscall"
	"time"
)

// guardedDialer dials TCP for the transport. The check sits in net.Dialer's Control hook, which
// runs once per connection attempt with the resolved address, so no DNS answer (including one
// that changes between lookups) can steer a connection to a private address.
type guardedDialer struct {
	allow        allowList
	allowPrivate bool
	guarded      net.Dialer // Control checks the address
	open         net.Dialer // for host:port entries allowed by name
}

func newGuardedDialer(allow allowList, allowPrivate bool, connectTimeout time.Duration) *guardedDialer {
	d := &guardedDialer{allow: allow, allowPrivate: allowPrivate}
	d.open = net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}
	d.guarded = d.open
	d.guarded.Control = d.control
	return d
}

// DialContext is the transport's dial function. addr is the URL's host:port, before DNS.
func (d *guardedDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	if d.allowPrivate || d.allow.hasName(addr) {
		return d.open.DialContext(ctx, network, addr)
	}
	return d.guarded.DialContext(ctx, network, addr)
}

func (d *guardedDialer) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("fetch: dialing unparsable address %q: %w", address, err)
	}
	return d.checkAddr(ap)
}

// checkAddr returns a *blockedAddrError when ap is private and not allowed.
func (d *guardedDialer) checkAddr(ap netip.AddrPort) error {
	if d.allowPrivate || d.allow.hasAddr(ap) {
		return nil
	}
	if what, blocked := addrBlocked(ap.Addr()); blocked {
		return &blockedAddrError{addr: ap.Addr().Unmap().WithZone(""), what: what}
	}
	return nil
}
