# Developer shortcuts. CI runs .ci/run.
GO ?= go
FUZZTIME ?= 60s

.PHONY: run demo test race lint fuzz bench

run:
	$(GO) run ./cmd/newsdesk serve

demo:
	$(GO) run ./cmd/newsdesk demo

test:
	$(GO) test ./...

race:
	$(GO) test -race ./...

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	$(GO) vet ./...

# Each fuzz target for FUZZTIME; crashers land in testdata/fuzz and become seeds.
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  dir=$$($(GO) list -f '{{.Dir}}' $$pkg); \
	  for fn in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$dir/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do \
	    echo "== $$pkg $$fn"; $(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s $$pkg || exit 1; \
	  done; \
	done

# Benchmarks that need ../shared/corpora skip their corpus part when it is absent.
bench:
	$(GO) run ./cmd/newsdesk bench ingest
	$(GO) run ./cmd/newsdesk bench extract --corpus ../shared/corpora/extraction-aeb
	$(GO) run ./cmd/newsdesk bench cluster --corpus ../shared/corpora/clustering/uci-news-2014-03.jsonl.gz
	$(GO) run ./cmd/newsdesk bench summarize --corpus ../shared/corpora/summaries/cnndm-dev.jsonl
