package fetch

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

func TestMetrics(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/gone":
			w.WriteHeader(http.StatusGone)
		case "/robots.txt":
			w.WriteHeader(http.StatusNotFound)
		default:
			w.Write([]byte("ok"))
		}
	})
	reg := prometheus.NewRegistry()
	c := testClient(t, srv, func(cfg *Config) { cfg.Metrics = reg })
	// A second client on the same registry shares the collectors instead of failing.
	c2 := testClient(t, srv, func(cfg *Config) { cfg.Metrics = reg })
	ctx := context.Background()
	c.Fetch(ctx, Request{URL: srv.URL + "/feed", Purpose: PurposeFeed})
	c2.Fetch(ctx, Request{URL: srv.URL + "/feed", Purpose: PurposeFeed})
	c.Fetch(ctx, Request{URL: srv.URL + "/gone", Purpose: PurposeFeed})
	c.Fetch(ctx, Request{URL: srv.URL + "/article", Purpose: PurposePage})
	c.Fetch(ctx, Request{URL: "http://10.0.0.1/", Purpose: PurposeAsset})

	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]float64{}
	histograms := 0
	for _, f := range families {
		for _, m := range f.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			switch f.GetName() {
			case "newsdesk_fetch_total":
				counts[labels["purpose"]+"/"+labels["outcome"]] = m.GetCounter().GetValue()
			case "newsdesk_fetch_duration_seconds":
				histograms++
			}
		}
	}
	want := map[string]float64{
		"asset/blocked":      1,
		"feed/gone":          1,
		"robots/http_status": 1,
		"feed/ok":            2,
		"page/ok":            1,
	}
	if fmt.Sprint(counts) != fmt.Sprint(want) {
		t.Errorf("newsdesk_fetch_total = %v, want %v", counts, want)
	}
	if histograms != 4 {
		t.Errorf("duration histogram has %d series, want 4 (feed, page, robots, asset)", histograms)
	}
}

func TestNoMetricsWithoutRegisterer(t *testing.T) {
	t.Parallel()
	c := testClient(t, nil, nil)
	if c.metrics != nil {
		t.Fatal("metrics set up without a registerer")
	}
	c.Fetch(context.Background(), Request{URL: "http://10.0.0.1/"}) // must not panic
}
