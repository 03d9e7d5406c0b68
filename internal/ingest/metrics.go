package ingest

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	articles *prometheus.CounterVec
	jobs     *prometheus.HistogramVec
	visible  prometheus.Histogram
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsdesk_articles_ingested_total",
			Help: "Articles stored, by source of the body (page or feed).",
		}, []string{"source"}),
		jobs: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsdesk_job_duration_seconds",
			Help:    "Time to work one ingest job, by kind and outcome.",
			Buckets: prometheus.ExponentialBuckets(0.001, 3, 12),
		}, []string{"kind", "outcome"}),
		visible: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "newsdesk_publication_to_visible_seconds",
			Help:    "Time from an article's publication to its being visible on the site.",
			Buckets: prometheus.ExponentialBuckets(0.1, 3, 12),
		}),
	}
	if reg != nil {
		reg.MustRegister(m.articles, m.jobs, m.visible)
	}
	return m
}

func (m *metrics) job(kind string, start time.Time, err error) {
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	m.jobs.WithLabelValues(kind, outcome).Observe(time.Since(start).Seconds())
}
