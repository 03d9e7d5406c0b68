package fetch

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Request is one fetch. ETag and LastModified are the validators saved from the previous
// response; when set, the server may answer 304 and the Response says NotModified.
type Request struct {
	URL          string
	Purpose      Purpose
	ETag         string
	LastModified string
}

// Client is safe for concurrent use; make one per process and share it, because the per-host
// limits and the robots.txt cache only work when every fetch goes through the same Client.
type Client struct {
	cfg      Config
	logger   *slog.Logger
	dialer   *guardedDialer
	resolver *net.Resolver
	http     *http.Client
	hosts    *hostLimiter
	robots   *robotsCache
	metrics  *metrics
	now      func() time.Time
}

// New builds a Client from cfg (zero fields take their defaults). It fails on a malformed
// Allow entry or when the metrics cannot be registered.
func New(cfg Config, logger *slog.Logger) (*Client, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	allow, err := newAllowList(cfg.Allow)
	if err != nil {
		return nil, err
	}
	m, err := newMetrics(cfg.Metrics)
	if err != nil {
		return nil, err
	}
	d := newGuardedDialer(allow, cfg.AllowPrivate, cfg.ConnectTimeout)
	tr := &http.Transport{
		// No proxy: a proxy would dial on our behalf and the address guard would only ever see
		// the proxy's address.
		Proxy:                  nil,
		DialContext:            d.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    cfg.ConnectTimeout,
		ResponseHeaderTimeout:  cfg.HeaderTimeout,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           100,
		MaxIdleConnsPerHost:    cfg.PerHostConcurrency,
		IdleConnTimeout:        90 * time.Second,
		DisableCompression:     true,
		MaxResponseHeaderBytes: 1 << 20,
	}
	c := &Client{
		cfg:      cfg,
		logger:   logger,
		dialer:   d,
		resolver: net.DefaultResolver,
		http: &http.Client{
			Transport: tr,
			// Redirects are followed by follow, one hop at a time, so that every hop passes the
			// host limiter, robots.txt and the loop check.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		metrics: m,
		now:     time.Now,
	}
	c.hosts = newHostLimiter(cfg.PerHostConcurrency, cfg.PerHostInterval, c.now)
	c.robots = newRobotsCache(c, cfg.RobotsTTL)
	return c, nil
}

// CloseIdleConnections releases pooled connections; call it on shutdown.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

// UserAgent is the User-Agent header the client sends.
func (c *Client) UserAgent() string { return c.cfg.UserAgent }

// Fetch performs req, following redirects. A 304 is a success with NotModified set. Every
// failure is an *Error (use errors.As, errors.Is with the Err* sentinels, or KindOf).
func (c *Client) Fetch(ctx context.Context, req Request) (*Response, error) {
	return c.observe(ctx, req.Purpose, req.URL, func() (*Response, error) {
		u, err := parseURL(req.URL)
		if err != nil {
			return nil, err
		}
		return c.follow(ctx, u, req, c.cfg.MaxBodyBytes, false)
	})
}

// observe runs one fetch, recording metrics and a debug log line.
func (c *Client) observe(ctx context.Context, p Purpose, rawURL string, run func() (*Response, error)) (*Response, error) {
	start := time.Now()
	resp, err := run()
	elapsed := time.Since(start)
	outcome := "ok"
	switch {
	case err != nil:
		if k, ok := KindOf(err); ok {
			outcome = k.String()
		} else {
			outcome = "error"
		}
	case resp.NotModified:
		outcome = "not_modified"
	}
	c.metrics.observe(p, outcome, elapsed)
	if err != nil {
		c.logger.DebugContext(ctx, "fetch failed", slog.String("url", rawURL), slog.String("purpose", p.String()),
			slog.String("outcome", outcome), slog.Duration("elapsed", elapsed), slog.Any("error", err))
		return nil, err
	}
	c.logger.DebugContext(ctx, "fetched", slog.String("url", rawURL), slog.String("final_url", resp.URL),
		slog.String("purpose", p.String()), slog.Int("status", resp.StatusCode), slog.Int("bytes", len(resp.Body)),
		slog.Duration("elapsed", elapsed))
	return resp, nil
}

// follow fetches u and the redirects it leads to, up to MaxRedirects. Page fetches consult
// robots.txt before each hop, since a redirect can lead to another host with other rules.
func (c *Client) follow(ctx context.Context, u *url.URL, req Request, limit int64, truncate bool) (*Response, error) {
	visited := []string{u.String()}
	for {
		if req.Purpose == PurposePage {
			if err := c.robots.check(ctx, u); err != nil {
				return nil, err
			}
		}
		resp, next, err := c.exchange(ctx, u, req, limit, truncate)
		if err != nil {
			return nil, err
		}
		if next == nil {
			return resp, nil
		}
		if slices.Contains(visited, next.String()) {
			return nil, &Error{Kind: KindTooManyRedirects, URL: next.String(), msg: fmt.Sprintf(
				"the address redirects in a loop (%s)", strings.Join(append(visited, next.String()), " → "))}
		}
		if len(visited) > c.cfg.MaxRedirects {
			return nil, &Error{Kind: KindTooManyRedirects, URL: next.String(), msg: fmt.Sprintf(
				"the address redirected more than %d times (next to %s)", c.cfg.MaxRedirects, next)}
		}
		visited = append(visited, next.String())
		u = next
	}
}
