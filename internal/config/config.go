// Package config holds newsdesk's typed settings. Each setting is one row of a table: its
// environment variable, flag, default, help and parser. Values come from defaults, then the
// environment (NEWSDESK_*; secrets also from NAME_FILE), then flags. The Config is passed in,
// never kept in a global.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"newsdesk/internal/edition"
	"newsdesk/internal/llm"
)

// Config is every setting newsdesk reads.
type Config struct {
	Listen      string
	DatabaseURL string
	DataDir     string
	BaseURL     string
	SiteName    string
	LogLevel    string

	// Editions are the front page's country/language editions, the first the default;
	// empty means one per country and language of the publishers (edition.Default).
	Editions []edition.Edition

	FetchAllow        []string
	FetchAllowPrivate bool
	FetchContactURL   string
	FetchTimeout      time.Duration
	FetchMaxBody      int64
	FetchHostInterval time.Duration

	// Role is what a serve process runs: RoleWeb, RoleWorker or RoleAll.
	Role          string
	Workers       int
	PollInterval  time.Duration
	MinRefresh    time.Duration
	MaxRefresh    time.Duration
	ExtractRules  string
	ShutdownGrace time.Duration
	// JobRescueAfter is how long a job may stay "running" before it is taken to belong
	// to a dead process and retried.
	JobRescueAfter time.Duration

	// The optional language model (package llm); LLMURL empty means off. LLM turns these
	// into an llm.Config.
	LLMURL              string
	LLMModel            string
	LLMAPIKey           string
	LLMTimeout          time.Duration
	LLMDailyBudget      int
	LLMDailyRequests    int
	LLMPerUserPerMinute int // -1 means unlimited
	LLMPerIPPerMinute   int // -1 means unlimited
	LLMCacheSize        int // 0 or -1 disables the cache
}

// Option is one row of the settings table.
type Option struct {
	Env     string // environment variable
	Flag    string // command-line flag, without dashes
	Default string
	Help    string
	Secret  bool // also read from Env+"_FILE"
	set     func(c *Config, v string) error
}

// Options is the table of settings, in the order `--help` lists them.
func Options() []Option {
	return []Option{
		{Env: "NEWSDESK_LISTEN", Flag: "listen", Default: DefaultListen, Help: "address the web server listens on",
			set: func(c *Config, v string) error {
				if _, _, err := net.SplitHostPort(v); err != nil {
					return fmt.Errorf("want host:port: %w", err)
				}
				c.Listen = v
				return nil
			}},
		{Env: "NEWSDESK_DATA_DIR", Flag: "data-dir", Default: "./data", Help: "directory for the SQLite database and other state",
			set: func(c *Config, v string) error { c.DataDir = v; return nil }},
		{Env: "NEWSDESK_DATABASE_URL", Flag: "db", Default: "", Secret: true,
			Help: "database: a file path or sqlite:PATH (default DATA_DIR/newsdesk.db), or a PostgreSQL URL postgres://USER:PASSWORD@HOST/DB",
			set:  func(c *Config, v string) error { c.DatabaseURL = v; return nil }},
		{Env: "NEWSDESK_BASE_URL", Flag: "base-url", Default: "", Help: "public URL of the site, used in links and feeds (default http://LISTEN)",
			set: func(c *Config, v string) error { c.BaseURL = strings.TrimRight(v, "/"); return nil }},
		{Env: "NEWSDESK_SITE_NAME", Flag: "site-name", Default: "newsdesk", Help: "name shown in the header and titles",
			set: func(c *Config, v string) error { c.SiteName = v; return nil }},
		{Env: "NEWSDESK_EDITIONS", Flag: "editions", Default: "",
			Help: "front page editions, country/language=Name separated by commas, the first the default, e.g. us/en=United States,ie/en=Ireland,de/de=Deutschland (default: one per country and language of the publishers)",
			set:  func(c *Config, v string) (err error) { c.Editions, err = edition.Parse(v); return err }},
		{Env: "NEWSDESK_LOG_LEVEL", Flag: "log-level", Default: "info", Help: "debug, info, warn or error",
			set: func(c *Config, v string) error {
				switch strings.ToLower(v) {
				case "debug", "info", "warn", "error":
					c.LogLevel = strings.ToLower(v)
					return nil
				}
				return errors.New("want debug, info, warn or error")
			}},
		{Env: "NEWSDESK_FETCH_ALLOW", Flag: "fetch-allow", Default: "", Help: "comma-separated host:port entries exempt from the private-address guard",
			set: func(c *Config, v string) error {
				c.FetchAllow = nil
				for _, e := range strings.Split(v, ",") {
					if e = strings.TrimSpace(e); e == "" {
						continue
					}
					if _, _, err := net.SplitHostPort(e); err != nil {
						return fmt.Errorf("entry %q: want host:port", e)
					}
					c.FetchAllow = append(c.FetchAllow, e)
				}
				return nil
			}},
		{Env: "NEWSDESK_FETCH_ALLOW_PRIVATE", Flag: "fetch-allow-private", Default: "false", Help: "allow fetching from private and loopback addresses (unsafe on shared networks)",
			set: func(c *Config, v string) (err error) { c.FetchAllowPrivate, err = strconv.ParseBool(v); return err }},
		{Env: "NEWSDESK_FETCH_CONTACT_URL", Flag: "fetch-contact-url", Default: "https://github.com/newsdesk/newsdesk", Help: "contact URL sent in the User-Agent so publishers can reach the operator",
			set: func(c *Config, v string) error { c.FetchContactURL = v; return nil }},
		{Env: "NEWSDESK_FETCH_TIMEOUT", Flag: "fetch-timeout", Default: "30s", Help: "time limit for one whole request",
			set: durationIn(func(c *Config) *time.Duration { return &c.FetchTimeout }, time.Second, 10*time.Minute)},
		{Env: "NEWSDESK_FETCH_MAX_BODY", Flag: "fetch-max-body", Default: "10485760", Help: "largest decoded response body in bytes",
			set: func(c *Config, v string) error {
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil || n < 1024 {
					return errors.New("want a number of bytes ≥ 1024")
				}
				c.FetchMaxBody = n
				return nil
			}},
		{Env: "NEWSDESK_FETCH_HOST_INTERVAL", Flag: "fetch-host-interval", Default: "1s", Help: "minimum time between two requests to one host",
			set: durationIn(func(c *Config) *time.Duration { return &c.FetchHostInterval }, 0, time.Minute)},
		{Env: "NEWSDESK_ROLE", Flag: "role", Default: RoleAll, Help: "what serve runs: web (the site), worker (ingest, with /healthz and /metrics) or all",
			set: func(c *Config, v string) error {
				switch v = strings.ToLower(strings.TrimSpace(v)); v {
				case RoleWeb, RoleWorker, RoleAll:
					c.Role = v
					return nil
				}
				return errors.New("want web, worker or all")
			}},
		{Env: "NEWSDESK_WORKERS", Flag: "workers", Default: "8", Help: "ingest jobs worked at once",
			set: func(c *Config, v string) error {
				n, err := strconv.Atoi(v)
				if err != nil || n < 1 || n > 1000 {
					return errors.New("want a number from 1 to 1000")
				}
				c.Workers = n
				return nil
			}},
		{Env: "NEWSDESK_POLL_INTERVAL", Flag: "poll-interval", Default: "30s", Help: "how often the scheduler looks for feeds that are due",
			set: durationIn(func(c *Config) *time.Duration { return &c.PollInterval }, 100*time.Millisecond, time.Hour)},
		{Env: "NEWSDESK_MIN_REFRESH", Flag: "min-refresh", Default: "5m", Help: "shortest interval between two fetches of one feed",
			set: durationIn(func(c *Config) *time.Duration { return &c.MinRefresh }, time.Second, 24*time.Hour)},
		{Env: "NEWSDESK_MAX_REFRESH", Flag: "max-refresh", Default: "24h", Help: "longest interval between two fetches of one feed",
			set: durationIn(func(c *Config) *time.Duration { return &c.MaxRefresh }, time.Second, 7*24*time.Hour)},
		{Env: "NEWSDESK_EXTRACT_RULES", Flag: "extract-rules", Default: "", Help: "file of per-site extraction rules (see docs/extraction.md)",
			set: func(c *Config, v string) error { c.ExtractRules = v; return nil }},
		{Env: "NEWSDESK_SHUTDOWN_GRACE", Flag: "shutdown-grace", Default: "10s", Help: "time in-flight jobs get to finish on shutdown before they are re-queued",
			set: durationIn(func(c *Config) *time.Duration { return &c.ShutdownGrace }, 0, 10*time.Minute)},
		{Env: "NEWSDESK_JOB_RESCUE_AFTER", Flag: "job-rescue-after", Default: "5m", Help: "how long a job may run before it is taken for one left by a killed process and retried; below 2m it is also the job time limit",
			set: durationIn(func(c *Config) *time.Duration { return &c.JobRescueAfter }, time.Second, 24*time.Hour)},
		{Env: llm.EnvURL, Flag: "llm-url", Default: "", Help: "OpenAI-compatible chat completions endpoint for the generated AI features, e.g. http://localhost:11434 (empty: off)",
			set: func(c *Config, v string) error {
				if v = strings.TrimSpace(v); v != "" {
					u, err := url.Parse(v)
					if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
						return errors.New("want an http or https URL")
					}
				}
				c.LLMURL = v
				return nil
			}},
		{Env: llm.EnvModel, Flag: "llm-model", Default: "", Help: "model name the LLM endpoint serves; required with llm-url",
			set: func(c *Config, v string) error { c.LLMModel = strings.TrimSpace(v); return nil }},
		{Env: llm.EnvAPIKey, Flag: "llm-api-key", Default: "", Secret: true, Help: "API key sent to the LLM endpoint as a Bearer token (prefer the _FILE variable: flags show in process lists)",
			set: func(c *Config, v string) error { c.LLMAPIKey = strings.TrimSpace(v); return nil }},
		{Env: llm.EnvTimeout, Flag: "llm-timeout", Default: llm.DefaultTimeout.String(), Help: "time limit for one whole LLM answer",
			set: durationIn(func(c *Config) *time.Duration { return &c.LLMTimeout }, time.Second, 10*time.Minute)},
		{Env: llm.EnvDailyBudget, Flag: "llm-daily-budget", Default: "0", Help: "LLM tokens per UTC day (0: unlimited)",
			set: intIn(func(c *Config) *int { return &c.LLMDailyBudget }, 0, "")},
		{Env: llm.EnvDailyRequests, Flag: "llm-daily-requests", Default: "0", Help: "LLM calls per UTC day (0: unlimited)",
			set: intIn(func(c *Config) *int { return &c.LLMDailyRequests }, 0, "")},
		{Env: llm.EnvPerUserPerMinute, Flag: "llm-per-user-per-minute", Default: strconv.Itoa(llm.DefaultPerUserPerMinute), Help: "LLM calls per signed-in user and minute (-1: unlimited)",
			set: intIn(func(c *Config) *int { return &c.LLMPerUserPerMinute }, 1, "unlimited")},
		{Env: llm.EnvPerIPPerMinute, Flag: "llm-per-ip-per-minute", Default: strconv.Itoa(llm.DefaultPerIPPerMinute), Help: "LLM calls per client IP address and minute (-1: unlimited)",
			set: intIn(func(c *Config) *int { return &c.LLMPerIPPerMinute }, 1, "unlimited")},
		{Env: llm.EnvCacheSize, Flag: "llm-cache-size", Default: strconv.Itoa(llm.DefaultCacheSize), Help: "LLM answers kept in memory (0 or -1: no cache)",
			set: intIn(func(c *Config) *int { return &c.LLMCacheSize }, 0, "no cache")},
	}
}

// intIn parses a whole number of at least lo. When minusOne names a meaning ("unlimited"),
// -1 is accepted too and stands for it.
func intIn(field func(*Config) *int, lo int, minusOne string) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || (n < lo && (minusOne == "" || n != -1)) {
			if minusOne != "" {
				return fmt.Errorf("want a whole number ≥ %d, or -1 for %s", lo, minusOne)
			}
			return fmt.Errorf("want a whole number ≥ %d", lo)
		}
		*field(c) = n
		return nil
	}
}

func durationIn(field func(*Config) *time.Duration, lo, hi time.Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Errorf("want a duration such as 30s or 5m: %w", err)
		}
		if d < lo || d > hi {
			return fmt.Errorf("want a duration from %s to %s", lo, hi)
		}
		*field(c) = d
		return nil
	}
}

// Register adds every setting as a flag on fs; flag defaults show the environment's value
// when it is set. Call Load after fs.Parse.
func Register(fs *flag.FlagSet) *Flags {
	f := &Flags{fs: fs, values: map[string]*string{}}
	for _, o := range Options() {
		help := fmt.Sprintf("%s (env %s", o.Help, o.Env)
		if o.Secret {
			help += ", or " + o.Env + "_FILE"
		}
		help += ")"
		f.values[o.Flag] = fs.String(o.Flag, o.Default, help)
	}
	return f
}

// Flags is the set of setting flags registered on a FlagSet.
type Flags struct {
	fs       *flag.FlagSet
	values   map[string]*string
	defaults map[string]string // per-command defaults, by flag name
}

// SetDefaults replaces the defaults of some settings, by flag name, for one command (the
// demo uses its own database and faster polling). Environment and flags still win.
func (f *Flags) SetDefaults(defaults map[string]string) {
	f.defaults = defaults
	for name, v := range defaults {
		if fl := f.fs.Lookup(name); fl != nil {
			fl.DefValue = v
			_ = fl.Value.Set(v)
		}
	}
}

// Load builds the Config: defaults, then environment, then flags given on the command line.
func (f *Flags) Load(getenv func(string) string) (*Config, error) {
	set := map[string]bool{}
	f.fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	c := &Config{}
	var errs []error
	for _, o := range Options() {
		v, src := o.Default, "default"
		if d, ok := f.defaults[o.Flag]; ok {
			v = d
		}
		if ev := getenv(o.Env); ev != "" {
			v, src = ev, o.Env
		}
		if o.Secret {
			if path := getenv(o.Env + "_FILE"); path != "" {
				b, err := os.ReadFile(path)
				if err != nil {
					errs = append(errs, fmt.Errorf("%s_FILE: %w", o.Env, err))
					continue
				}
				v, src = strings.TrimSpace(string(b)), o.Env+"_FILE"
			}
		}
		if set[o.Flag] {
			v, src = *f.values[o.Flag], "--"+o.Flag
		}
		if err := o.set(c, v); err != nil {
			shown := strconv.Quote(v)
			if o.Secret {
				shown = "(secret)" // an error message must not carry a password or key into logs
			}
			errs = append(errs, fmt.Errorf("%s=%s: %w", src, shown, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("invalid configuration:\n%w", err)
	}
	if c.MinRefresh > c.MaxRefresh {
		return nil, fmt.Errorf("invalid configuration: min-refresh %s is longer than max-refresh %s", c.MinRefresh, c.MaxRefresh)
	}
	if c.LLMURL != "" && c.LLMModel == "" {
		return nil, fmt.Errorf("invalid configuration: %s is set but %s is empty", llm.EnvURL, llm.EnvModel)
	}
	if c.DatabaseURL == "" {
		c.DatabaseURL = filepath.Join(c.DataDir, "newsdesk.db")
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://" + c.Listen
	}
	return c, nil
}

// Roles of a serve process. Several processes on one PostgreSQL database may each take any
// role; see docs/scaling.md.
const (
	RoleWeb    = "web"    // the site only: no ingest jobs are worked (jobs may still be enqueued)
	RoleWorker = "worker" // the ingest pipeline only, with /healthz and /metrics
	RoleAll    = "all"    // both
)

// DefaultListen is where the web server listens unless told otherwise.
const DefaultListen = "127.0.0.1:8080"
