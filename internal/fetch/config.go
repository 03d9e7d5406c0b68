package fetch

import (
	"fmt"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Purpose says what a fetch is for; it picks the Accept header, whether robots.txt applies, and
// the metrics label.
type Purpose int

const (
	PurposeFeed  Purpose = iota // RSS, Atom or JSON Feed documents
	PurposePage                 // article pages; these obey robots.txt
	PurposeAsset                // favicons, logos and other small files

	purposeRobots // robots.txt itself; internal, counted separately in metrics
)

// String is the metrics label of p.
func (p Purpose) String() string {
	switch p {
	case PurposeFeed:
		return "feed"
	case PurposePage:
		return "page"
	case PurposeAsset:
		return "asset"
	case purposeRobots:
		return "robots"
	default:
		return "unknown"
	}
}

// ProductToken is the name newsdesk answers to in robots.txt User-agent lines.
const ProductToken = "newsdesk"

// Config holds the client's limits. The zero value of every field means "use the default".
type Config struct {
	UserAgent  string // default "newsdesk/<Version> (+<ContactURL>)"
	Version    string // used in the default User-Agent; default "dev"
	ContactURL string // where a site operator can learn who we are; goes in the User-Agent

	// Allow lists "host:port" entries exempt from the private-address guard: an IP literal
	// matches the dialed address, a name matches the host and port written in the URL. Tests and
	// the demo use it to reach their own loopback servers and nothing else.
	Allow []string
	// AllowPrivate turns the private-address guard off entirely (an operator's choice for a
	// private network); the scheme and URL checks still apply.
	AllowPrivate bool

	ConnectTimeout time.Duration // TCP connect and TLS handshake; default 10s
	HeaderTimeout  time.Duration // from request sent to response headers; default 15s
	RequestTimeout time.Duration // one whole exchange including the body; default 30s

	MaxBodyBytes int64 // cap on the decoded body; default 10 MiB
	MaxRedirects int   // default 5

	PerHostConcurrency int           // requests in flight to one host; default 2
	PerHostInterval    time.Duration // minimum time between request starts to one host; default 1s; negative means none
	RobotsTTL          time.Duration // how long a host's robots.txt is cached; default 1h

	// Metrics, when set, receives newsdesk_fetch_total{purpose,outcome} and
	// newsdesk_fetch_duration_seconds{purpose}. Nil means no metrics.
	Metrics prometheus.Registerer
}

const (
	defaultConnectTimeout = 10 * time.Second
	defaultHeaderTimeout  = 15 * time.Second
	defaultRequestTimeout = 30 * time.Second
	defaultMaxBodyBytes   = 10 << 20
	defaultMaxRedirects   = 5
	defaultPerHostConc    = 2
	defaultPerHostIntvl   = time.Second
	defaultRobotsTTL      = time.Hour
)

// withDefaults returns cfg with every unset field filled in.
func (cfg Config) withDefaults() Config {
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = ProductToken + "/" + cfg.Version
		if cfg.ContactURL != "" {
			cfg.UserAgent += " (+" + cfg.ContactURL + ")"
		}
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = defaultConnectTimeout
	}
	if cfg.HeaderTimeout <= 0 {
		cfg.HeaderTimeout = defaultHeaderTimeout
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = defaultRequestTimeout
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = defaultMaxBodyBytes
	}
	if cfg.MaxRedirects <= 0 {
		cfg.MaxRedirects = defaultMaxRedirects
	}
	if cfg.PerHostConcurrency <= 0 {
		cfg.PerHostConcurrency = defaultPerHostConc
	}
	switch {
	case cfg.PerHostInterval == 0:
		cfg.PerHostInterval = defaultPerHostIntvl
	case cfg.PerHostInterval < 0:
		cfg.PerHostInterval = 0
	}
	if cfg.RobotsTTL <= 0 {
		cfg.RobotsTTL = defaultRobotsTTL
	}
	return cfg
}

// ParseAllow splits a NEWSDESK_FETCH_ALLOW value ("127.0.0.1:8081, localhost:9000") into entries
// for Config.Allow. New validates them.
func ParseAllow(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
		out = append(out, f)
	}
	return out
}

func (cfg Config) validate() error {
	if strings.ContainsAny(cfg.UserAgent, "\r\n") {
		return fmt.Errorf("fetch: user agent contains a line break")
	}
	return nil
}
