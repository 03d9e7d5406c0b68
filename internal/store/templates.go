package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SiteTemplate is what the extractor learned about one site's page template.
type SiteTemplate struct {
	Site    string
	State   []byte
	Pages   int
	Updated time.Time
}

// SiteTemplate returns the learned state of a site, or ErrNotFound.
func (s *Store) SiteTemplate(ctx context.Context, site string) (SiteTemplate, error) {
	t := SiteTemplate{Site: site}
	var upd int64
	err := s.r.QueryRowContext(ctx, s.q(`SELECT state, pages, updated FROM site_templates WHERE site = ?`), site).Scan(&t.State, &t.Pages, &upd)
	if errors.Is(err, sql.ErrNoRows) {
		return SiteTemplate{}, fmt.Errorf("store: site template %s: %w", site, ErrNotFound)
	}
	if err != nil {
		return SiteTemplate{}, fmt.Errorf("store: site template %s: %w", site, err)
	}
	t.Updated = fromMS(upd)
	return t, nil
}

// SaveSiteTemplate stores the learned state of a site, replacing what was there.
func (s *Store) SaveSiteTemplate(ctx context.Context, site string, state []byte, pages int) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO site_templates (site, state, pages, updated) VALUES (?, ?, ?, ?)
			ON CONFLICT (site) DO UPDATE SET state = excluded.state, pages = excluded.pages, updated = excluded.updated`),
			site, state, pages, ms(time.Now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save site template %s: %w", site, err)
	}
	return nil
}

// SiteTemplates lists every learned site template, for the sources page.
func (s *Store) SiteTemplates(ctx context.Context) ([]SiteTemplate, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT site, state, pages, updated FROM site_templates ORDER BY site`)
	if err != nil {
		return nil, fmt.Errorf("store: site templates: %w", err)
	}
	defer rows.Close()
	var out []SiteTemplate
	for rows.Next() {
		var t SiteTemplate
		var upd int64
		if err := rows.Scan(&t.Site, &t.State, &t.Pages, &upd); err != nil {
			return nil, fmt.Errorf("store: site templates: %w", err)
		}
		t.Updated = fromMS(upd)
		out = append(out, t)
	}
	return out, rows.Err()
}
