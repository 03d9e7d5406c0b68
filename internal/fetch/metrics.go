package fetch

import (
	"errors"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics counts fetches; a nil *metrics records nothing, so callers need no checks.
type metrics struct {
	total    *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	if reg == nil {
		return nil, nil
	}
	m := &metrics{
		total: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsdesk_fetch_total",
			Help: "Outbound fetches by purpose and outcome (ok, not_modified, or the error kind).",
		}, []string{"purpose", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsdesk_fetch_duration_seconds",
			Help:    "Time from the start of a fetch to its end, redirects and waiting for the host included.",
			Buckets: []float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60},
		}, []string{"purpose"}),
	}
	var err error
	if m.total, err = register(reg, m.total); err != nil {
		return nil, err
	}
	if m.duration, err = register(reg, m.duration); err != nil {
		return nil, err
	}
	return m, nil
}

// register adds c to reg, or reuses the identical collector a previous Client registered there
// (tests and the demo build several clients on one registry).
func register[C prometheus.Collector](reg prometheus.Registerer, c C) (C, error) {
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if errors.As(err, &are) {
			if existing, ok := are.ExistingCollector.(C); ok {
				return existing, nil
			}
		}
		return c, fmt.Errorf("fetch: register metrics: %w", err)
	}
	return c, nil
}

func (m *metrics) observe(p Purpose, outcome string, elapsed time.Duration) {
	if m == nil {
		return
	}
	m.total.WithLabelValues(p.String(), outcome).Inc()
	m.duration.WithLabelValues(p.String()).Observe(elapsed.Seconds())
}
