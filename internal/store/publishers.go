package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const publisherCols = `id, name, home_url, logo_url, country, language, created`

func scanPublisher(row interface{ Scan(...any) error }) (Publisher, error) {
	var p Publisher
	var created int64
	err := row.Scan(&p.ID, &p.Name, &p.HomeURL, &p.LogoURL, &p.Country, &p.Language, &created)
	p.Created = fromMS(created)
	return p, err
}

// EnsurePublisher returns the publisher with p.HomeURL, creating it from p when there is none.
// Empty fields of an existing publisher are filled from p.
func (s *Store) EnsurePublisher(ctx context.Context, p Publisher) (Publisher, error) {
	if p.HomeURL == "" {
		return Publisher{}, errors.New("store: publisher needs a home URL")
	}
	var out Publisher
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO publishers (name, home_url, logo_url, country, language, created)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (home_url) DO UPDATE SET
				name = CASE WHEN publishers.name = '' THEN excluded.name ELSE publishers.name END,
				logo_url = CASE WHEN publishers.logo_url = '' THEN excluded.logo_url ELSE publishers.logo_url END,
				country = CASE WHEN publishers.country = '' THEN excluded.country ELSE publishers.country END,
				language = CASE WHEN publishers.language = '' THEN excluded.language ELSE publishers.language END`),
			p.Name, p.HomeURL, p.LogoURL, p.Country, p.Language, ms(time.Now()))
		if err != nil {
			return err
		}
		out, err = scanPublisher(tx.QueryRowContext(ctx, s.q(`SELECT `+publisherCols+` FROM publishers WHERE home_url = ?`), p.HomeURL))
		return err
	})
	if err != nil {
		return Publisher{}, fmt.Errorf("store: ensure publisher %s: %w", p.HomeURL, err)
	}
	s.changed()
	return out, nil
}

// Publisher returns one publisher or ErrNotFound.
func (s *Store) Publisher(ctx context.Context, id int64) (Publisher, error) {
	p, err := scanPublisher(s.r.QueryRowContext(ctx, s.q(`SELECT `+publisherCols+` FROM publishers WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Publisher{}, fmt.Errorf("store: publisher %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Publisher{}, fmt.Errorf("store: publisher %d: %w", id, err)
	}
	return p, nil
}

// Publishers lists every publisher by name.
func (s *Store) Publishers(ctx context.Context) ([]Publisher, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+publisherCols+` FROM publishers ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("store: publishers: %w", err)
	}
	defer rows.Close()
	var out []Publisher
	for rows.Next() {
		p, err := scanPublisher(rows)
		if err != nil {
			return nil, fmt.Errorf("store: publishers: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
