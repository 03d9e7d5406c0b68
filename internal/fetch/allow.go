package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"strings"
)

// allowList holds the Config.Allow entries, split by how they are matched: IP literals against
// the address actually dialed, names against the host:port written in the URL.
type allowList struct {
	addrs map[netip.AddrPort]bool
	names map[string]bool // "host:port", lower case
}

func newAllowList(entries []string) (allowList, error) {
	al := allowList{addrs: map[netip.AddrPort]bool{}, names: map[string]bool{}}
	for _, e := range entries {
		host, port, err := net.SplitHostPort(strings.TrimSpace(e))
		if err != nil {
			return al, fmt.Errorf("fetch: allow entry %q is not host:port: %w", e, err)
		}
		p, err := strconv.ParseUint(port, 10, 16)
		if err != nil || p == 0 {
			return al, fmt.Errorf("fetch: allow entry %q has a bad port", e)
		}
		if host == "" {
			return al, fmt.Errorf("fetch: allow entry %q has no host", e)
		}
		if a, err := netip.ParseAddr(host); err == nil {
			al.addrs[netip.AddrPortFrom(a.Unmap().WithZone(""), uint16(p))] = true
			continue
		}
		al.names[strings.ToLower(host)+":"+port] = true
	}
	return al, nil
}

// hasName reports whether hostport ("example.test:8080") is allowed by name.
func (al allowList) hasName(hostport string) bool {
	return len(al.names) > 0 && al.names[strings.ToLower(hostport)]
}

// hasAddr reports whether the dialed address is allowed.
func (al allowList) hasAddr(ap netip.AddrPort) bool {
	return len(al.addrs) > 0 && al.addrs[netip.AddrPortFrom(ap.Addr().Unmap().WithZone(""), ap.Port())]
}
