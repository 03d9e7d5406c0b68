package ingest

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"newsdesk/internal/section"
	"newsdesk/internal/store"
)

// Section placement: rules first, then a text classifier that learns online from what the
// rules place. On start it is trained on the newest rule-placed articles; every
// reclassifyEvery the newest articles no rule placed are placed again by the classifier as
// it stands, so an article stored before the classifier knew enough gets a section, and
// early guesses improve as the classifier learns.
const (
	restoreSamples   = 5000
	reclassifyEvery  = 10 * time.Minute
	reclassifyBatch  = 500
	minModelSections = 2
)

type sectioner struct {
	c    *section.Classifier
	mu   sync.Mutex
	last time.Time // last reclassification round
}

func newSectioner() *sectioner {
	return &sectioner{c: section.NewClassifier(section.Config{MinSections: minModelSections})}
}

// restore trains the classifier on the newest articles the rules placed.
func (s *sectioner) restore(ctx context.Context, st *store.Store, log *slog.Logger) error {
	samples, err := st.SectionSamples(ctx, restoreSamples)
	if err != nil {
		return err
	}
	// Oldest first, as they were learned when they arrived.
	for i := len(samples) - 1; i >= 0; i-- {
		x := samples[i]
		if sec, ok := section.Parse(x.Section); ok {
			s.c.Learn(x.Title, x.Text, sec)
		}
	}
	if len(samples) > 0 {
		log.Info("section classifier trained", slog.Int("articles", len(samples)), slog.Int("terms", s.c.Terms()))
	}
	return nil
}

// place sets an article's section before it is stored.
func (s *sectioner) place(a *store.Article) {
	d := s.c.Place(section.Input{URL: a.URL, Title: a.Title, Text: a.Text, Categories: a.Categories})
	a.Section, a.SectionBy = string(d.Section), d.By
}

// reclassify places the newest articles no rule placed again, at most once per
// reclassifyEvery. Failures are logged: sections are a nicety the next round retries.
func (s *sectioner) reclassify(ctx context.Context, st *store.Store, now time.Time, log *slog.Logger) {
	s.mu.Lock()
	if now.Sub(s.last) < reclassifyEvery {
		s.mu.Unlock()
		return
	}
	s.last = now
	s.mu.Unlock()
	backlog, err := st.SectionBacklog(ctx, reclassifyBatch)
	if err != nil {
		log.Warn("section backlog", slog.Any("err", err))
		return
	}
	moved := 0
	for _, x := range backlog {
		d := s.c.Predict(x.Title, x.Text)
		if d.Section == "" || string(d.Section) == x.Section {
			continue
		}
		if err := st.SetArticleSection(ctx, x.ID, string(d.Section), section.ByModel); err != nil {
			log.Warn("section backlog", slog.Any("err", err))
			return
		}
		moved++
	}
	if moved > 0 {
		log.Info("articles placed again by the section classifier", slog.Int("moved", moved), slog.Int("looked_at", len(backlog)))
	}
}
