package web

import (
	"context"

	"newsdesk/internal/store"
)

// AdminStore is what the admin console reads and changes beyond the account and comment
// services: the list of accounts and the sources. *store.Store satisfies it.
type AdminStore interface {
	// Users lists accounts whose email or display name contains query.
	Users(ctx context.Context, query string, limit, offset int) ([]store.User, error)
	// User returns one account; store.ErrNotFound when the id is unknown.
	User(ctx context.Context, id int64) (store.User, error)
	// SetFeedDisabled pauses (true) or resumes a source.
	SetFeedDisabled(ctx context.Context, id int64, disabled bool) error
}
