package llm

import (
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

// Defaults, chosen for a small local model on a modest machine answering a reader who waits.
const (
	DefaultTimeout           = 45 * time.Second // whole call
	DefaultFirstTokenTimeout = 15 * time.Second // until the first streamed token, and between tokens
	DefaultConnectTimeout    = 5 * time.Second
	DefaultPerUserPerMinute  = 6
	DefaultPerIPPerMinute    = 10
	DefaultCacheSize         = 1000
	// DefaultMaxReplyBytes bounds what is read from the server: a long translation is ~40 kB
	// of text; a server that sends megabytes is broken.
	DefaultMaxReplyBytes = 1 << 20
	// DefaultMaxSourceChars bounds the numbered source text of a prompt (~3,000 tokens), so a
	// prompt fits the 4k-token context small local models are served with by default.
	DefaultMaxSourceChars = 12000
	// downCooldown is how long the Service stops calling a model that failed to answer, so a
	// dead endpoint costs each reader nothing instead of a timeout.
	downCooldown = 30 * time.Second
)

// Config configures the Client and the Service. URL empty means the LLM features are off.
type Config struct {
	URL    string // base URL, e.g. http://localhost:11434 or https://api.openai.com/v1
	Model  string
	APIKey string // sent as a Bearer token when set

	Timeout           time.Duration // whole call; 0 means DefaultTimeout
	FirstTokenTimeout time.Duration // first token and any silence between tokens; 0 means the default, capped at Timeout
	ConnectTimeout    time.Duration // TCP and TLS connect; 0 means DefaultConnectTimeout

	DailyBudget      int // tokens per UTC day (from the replies' usage, estimated when absent); 0 means unlimited
	DailyRequests    int // model calls per UTC day; 0 means unlimited
	PerUserPerMinute int // model calls per signed-in user; 0 means the default, negative means unlimited
	PerIPPerMinute   int // model calls per client IP; 0 means the default, negative means unlimited
	CacheSize        int // cached results; 0 means the default, negative disables the cache

	MaxReplyBytes  int64 // 0 means DefaultMaxReplyBytes
	MaxSourceChars int   // 0 means DefaultMaxSourceChars

	// Not from the environment.
	Logger     *slog.Logger     // nil discards logs
	Now        func() time.Time // nil means time.Now; limits and the daily budget read it
	HTTPClient *http.Client     // nil builds one from the timeouts above
}

func (c Config) withDefaults() Config {
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.FirstTokenTimeout <= 0 {
		c.FirstTokenTimeout = DefaultFirstTokenTimeout
	}
	c.FirstTokenTimeout = min(c.FirstTokenTimeout, c.Timeout)
	if c.ConnectTimeout <= 0 {
		c.ConnectTimeout = DefaultConnectTimeout
	}
	if c.PerUserPerMinute == 0 {
		c.PerUserPerMinute = DefaultPerUserPerMinute
	}
	if c.PerIPPerMinute == 0 {
		c.PerIPPerMinute = DefaultPerIPPerMinute
	}
	if c.CacheSize == 0 {
		c.CacheSize = DefaultCacheSize
	}
	if c.MaxReplyBytes <= 0 {
		c.MaxReplyBytes = DefaultMaxReplyBytes
	}
	if c.MaxSourceChars <= 0 {
		c.MaxSourceChars = DefaultMaxSourceChars
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// Environment variables read by ConfigFromEnv.
const (
	EnvURL              = "NEWSDESK_LLM_URL"
	EnvModel            = "NEWSDESK_LLM_MODEL"
	EnvAPIKey           = "NEWSDESK_LLM_API_KEY"
	EnvAPIKeyFile       = "NEWSDESK_LLM_API_KEY_FILE"
	EnvTimeout          = "NEWSDESK_LLM_TIMEOUT"
	EnvDailyBudget      = "NEWSDESK_LLM_DAILY_BUDGET"
	EnvDailyRequests    = "NEWSDESK_LLM_DAILY_REQUESTS"
	EnvPerUserPerMinute = "NEWSDESK_LLM_PER_USER_PER_MINUTE"
	EnvPerIPPerMinute   = "NEWSDESK_LLM_PER_IP_PER_MINUTE"
	EnvCacheSize        = "NEWSDESK_LLM_CACHE_SIZE"
)

// ConfigFromEnv reads the NEWSDESK_LLM_* variables through getenv. ok is false, with no error,
// when NEWSDESK_LLM_URL is empty: the LLM features are off. The API key file, when named, wins
// over the variable and is trimmed of surrounding white space (files end in a newline).
func ConfigFromEnv(getenv func(string) string) (c Config, ok bool, err error) {
	c.URL = strings.TrimSpace(getenv(EnvURL))
	if c.URL == "" {
		return Config{}, false, nil
	}
	if _, err := endpoint(c.URL); err != nil {
		return Config{}, false, fmt.Errorf("%s: %w", EnvURL, err)
	}
	c.Model = strings.TrimSpace(getenv(EnvModel))
	if c.Model == "" {
		return Config{}, false, fmt.Errorf("llm: %s is set but %s is empty", EnvURL, EnvModel)
	}
	c.APIKey = strings.TrimSpace(getenv(EnvAPIKey))
	if f := strings.TrimSpace(getenv(EnvAPIKeyFile)); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			return Config{}, false, fmt.Errorf("llm: %s: %w", EnvAPIKeyFile, err)
		}
		c.APIKey = strings.TrimSpace(string(b))
	}
	if v := strings.TrimSpace(getenv(EnvTimeout)); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return Config{}, false, fmt.Errorf("llm: %s=%q: want a positive duration such as 30s", EnvTimeout, v)
		}
		c.Timeout = d
	}
	ints := []struct {
		env      string
		dst      *int
		negative bool // whether a negative value (unlimited, disabled) is allowed
	}{
		{EnvDailyBudget, &c.DailyBudget, false},
		{EnvDailyRequests, &c.DailyRequests, false},
		{EnvPerUserPerMinute, &c.PerUserPerMinute, true},
		{EnvPerIPPerMinute, &c.PerIPPerMinute, true},
		{EnvCacheSize, &c.CacheSize, true},
	}
	for _, i := range ints {
		v := strings.TrimSpace(getenv(i.env))
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || (n < 0 && !i.negative) {
			return Config{}, false, fmt.Errorf("llm: %s=%q: want a whole number", i.env, v)
		}
		*i.dst = n
	}
	return c, true, nil
}
