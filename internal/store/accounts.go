package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Roles, from least to most trusted.
const (
	RoleReader    = "reader"
	RoleModerator = "moderator"
	RoleAdmin     = "admin"
)

// BlockedForGood is the blocked_until of a user blocked without an end: far enough ahead
// that no clock reaches it, small enough to fit every dialect's BIGINT as milliseconds.
var BlockedForGood = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// User is an account. EmailKey and NameKey are the normalised forms the account package
// computes; they carry the uniqueness, so "Ann" and "ann" cannot both sign up.
type User struct {
	ID           int64
	Email        string
	EmailKey     string
	DisplayName  string
	NameKey      string
	PasswordHash string
	Role         string
	Created      time.Time
	VerifiedAt   time.Time // zero until the email address is verified
	BlockedUntil time.Time // zero when not blocked; BlockedForGood for ever
	BlockReason  string
	DeletedAt    time.Time // zero unless the account was deleted
}

// Blocked reports whether the user may not post at now.
func (u User) Blocked(now time.Time) bool {
	return !u.BlockedUntil.IsZero() && now.Before(u.BlockedUntil)
}

// Deleted reports whether the account was deleted.
func (u User) Deleted() bool { return !u.DeletedAt.IsZero() }

const userCols = `id, email, email_key, display_name, name_key, password_hash, role, created,
	verified_at, blocked_until, block_reason, deleted_at`

func scanUser(row interface{ Scan(...any) error }) (User, error) {
	var u User
	var created, verified, blocked, deleted int64
	err := row.Scan(&u.ID, &u.Email, &u.EmailKey, &u.DisplayName, &u.NameKey, &u.PasswordHash, &u.Role, &created,
		&verified, &blocked, &u.BlockReason, &deleted)
	u.Created, u.VerifiedAt, u.BlockedUntil, u.DeletedAt = fromMS(created), fromMS(verified), fromMS(blocked), fromMS(deleted)
	return u, err
}

// CreateUser adds an account. An email or display name whose key is taken is ErrConflict.
func (s *Store) CreateUser(ctx context.Context, u User) (User, error) {
	if u.EmailKey == "" || u.NameKey == "" || u.PasswordHash == "" {
		return User{}, errors.New("store: create user: email key, name key and password hash are required")
	}
	if u.Role == "" {
		u.Role = RoleReader
	}
	if u.Created.IsZero() {
		u.Created = time.Now()
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q(`INSERT INTO users (email, email_key, display_name, name_key, password_hash, role, created, verified_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			u.Email, u.EmailKey, u.DisplayName, u.NameKey, u.PasswordHash, u.Role, ms(u.Created), ms(u.VerifiedAt)).Scan(&u.ID)
	})
	if s.d.isUnique(err) {
		return User{}, fmt.Errorf("store: create user: %w", ErrConflict)
	}
	if err != nil {
		return User{}, fmt.Errorf("store: create user: %w", err)
	}
	u.Created = fromMS(ms(u.Created))
	u.VerifiedAt = fromMS(ms(u.VerifiedAt))
	return u, nil
}

func (s *Store) userWhere(ctx context.Context, what, where string, arg any) (User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, s.q(`SELECT `+userCols+` FROM users WHERE `+where), arg))
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("store: user %s: %w", what, ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("store: user %s: %w", what, err)
	}
	return u, nil
}

// User returns one account, deleted or not, or ErrNotFound.
func (s *Store) User(ctx context.Context, id int64) (User, error) {
	return s.userWhere(ctx, fmt.Sprint(id), `id = ?`, id)
}

// UserByEmailKey returns the account with that normalised email, or ErrNotFound.
func (s *Store) UserByEmailKey(ctx context.Context, key string) (User, error) {
	return s.userWhere(ctx, "by email", `email_key = ?`, key)
}

// UserByNameKey returns the account with that normalised display name, or ErrNotFound.
func (s *Store) UserByNameKey(ctx context.Context, key string) (User, error) {
	return s.userWhere(ctx, "by name", `name_key = ?`, key)
}

// Users lists accounts by id, newest first, for the admin console. query, when not
// empty, keeps accounts whose name or email key contains it.
func (s *Store) Users(ctx context.Context, query string, limit, offset int) ([]User, error) {
	if limit <= 0 {
		limit = 50
	}
	like := "%" + escapeLike(query) + "%"
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT `+userCols+` FROM users
		WHERE ? = '' OR name_key LIKE ? ESCAPE '\' OR email_key LIKE ? ESCAPE '\'
		ORDER BY id DESC LIMIT ? OFFSET ?`), query, like, like, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("store: users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("store: users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CountUsersWithRole counts live accounts with a role; create-admin uses it to tell a
// fresh install.
func (s *Store) CountUsersWithRole(ctx context.Context, role string) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM users WHERE role = ? AND deleted_at = 0`), role).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count users: %w", err)
	}
	return n, nil
}

// execOne runs a one-row update and reports ErrNotFound when no row matched.
func (s *Store) execOne(ctx context.Context, what, query string, args ...any) error {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(query), args...)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("store: %s: %w", what, ErrNotFound)
	}
	return nil
}

// SetPasswordHash replaces an account's password hash.
func (s *Store) SetPasswordHash(ctx context.Context, userID int64, hash string) error {
	return s.execOne(ctx, "set password", `UPDATE users SET password_hash = ? WHERE id = ?`, hash, userID)
}

// SetUserVerified records when the account's email address was verified.
func (s *Store) SetUserVerified(ctx context.Context, userID int64, at time.Time) error {
	return s.execOne(ctx, "set verified", `UPDATE users SET verified_at = ? WHERE id = ?`, ms(at), userID)
}

// escapeLike quotes LIKE's wildcards so a search matches them literally.
func escapeLike(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '%' || c == '_' || c == '\\' {
			out = append(out, '\\')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// Session is a signed-in browser. TokenHash is the SHA-256 of the cookie's token, hex
// encoded; the token itself is never stored.
type Session struct {
	TokenHash string
	UserID    int64
	Created   time.Time
	Expires   time.Time
	LastSeen  time.Time
}

// CreateSession stores a session.
func (s *Store) CreateSession(ctx context.Context, se Session) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO sessions (token_hash, user_id, created, expires, last_seen) VALUES (?, ?, ?, ?, ?)`),
			se.TokenHash, se.UserID, ms(se.Created), ms(se.Expires), ms(se.LastSeen))
		return err
	})
	if s.d.isUnique(err) {
		return fmt.Errorf("store: create session: %w", ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	return nil
}

// Session returns the session with that token hash, expired or not, or ErrNotFound.
func (s *Store) Session(ctx context.Context, tokenHash string) (Session, error) {
	var se Session
	var created, expires, seen int64
	err := s.r.QueryRowContext(ctx, s.q(`SELECT token_hash, user_id, created, expires, last_seen FROM sessions WHERE token_hash = ?`), tokenHash).
		Scan(&se.TokenHash, &se.UserID, &created, &expires, &seen)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, fmt.Errorf("store: session: %w", ErrNotFound)
	}
	if err != nil {
		return Session{}, fmt.Errorf("store: session: %w", err)
	}
	se.Created, se.Expires, se.LastSeen = fromMS(created), fromMS(expires), fromMS(seen)
	return se, nil
}

// TouchSession slides a session's expiry.
func (s *Store) TouchSession(ctx context.Context, tokenHash string, lastSeen, expires time.Time) error {
	return s.execOne(ctx, "touch session", `UPDATE sessions SET last_seen = ?, expires = ? WHERE token_hash = ?`,
		ms(lastSeen), ms(expires), tokenHash)
}

// DeleteSession ends one session; ending a session that does not exist is not an error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE token_hash = ?`), tokenHash)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions ends every session of a user except the one with keepHash (empty to
// end all) and reports how many it ended.
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64, keepHash string) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?`), userID, keepHash)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: delete user sessions: %w", err)
	}
	return n, nil
}

// DeleteExpiredSessions removes sessions and email tokens past their expiry.
func (s *Store) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE expires <= ?`), ms(now))
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		_, err = tx.ExecContext(ctx, s.q(`DELETE FROM email_tokens WHERE expires <= ?`), ms(now))
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: delete expired sessions: %w", err)
	}
	return n, nil
}

// Email token kinds.
const (
	TokenVerify = "verify"
	TokenReset  = "reset"
)

// EmailToken is a single-use link mailed to a user; like sessions, only its hash is kept.
type EmailToken struct {
	TokenHash string
	UserID    int64
	Kind      string
	Created   time.Time
	Expires   time.Time
}

// CreateEmailToken stores a token. Earlier unused tokens of the same kind for the same
// user stop working: only the newest mail's link is good.
func (s *Store) CreateEmailToken(ctx context.Context, t EmailToken) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM email_tokens WHERE user_id = ? AND kind = ? AND used_at = 0`), t.UserID, t.Kind); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO email_tokens (token_hash, user_id, kind, created, expires) VALUES (?, ?, ?, ?, ?)`),
			t.TokenHash, t.UserID, t.Kind, ms(t.Created), ms(t.Expires))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: create email token: %w", err)
	}
	return nil
}

// UseEmailToken marks a token used and returns its user. A token that does not exist, is
// of another kind, has expired at now or was used before is ErrNotFound; the check and the
// mark are one statement, so two concurrent uses cannot both succeed.
func (s *Store) UseEmailToken(ctx context.Context, tokenHash, kind string, now time.Time) (int64, error) {
	var userID int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q(`UPDATE email_tokens SET used_at = ?
			WHERE token_hash = ? AND kind = ? AND used_at = 0 AND expires > ? RETURNING user_id`),
			ms(now), tokenHash, kind, ms(now)).Scan(&userID)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("store: use email token: %w", ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("store: use email token: %w", err)
	}
	return userID, nil
}

// EmailTokenUser returns the user of a token that UseEmailToken would accept at now,
// without using it, so a reset form can check the new password before spending the link.
func (s *Store) EmailTokenUser(ctx context.Context, tokenHash, kind string, now time.Time) (int64, error) {
	var userID int64
	err := s.r.QueryRowContext(ctx, s.q(`SELECT user_id FROM email_tokens WHERE token_hash = ? AND kind = ? AND used_at = 0 AND expires > ?`),
		tokenHash, kind, ms(now)).Scan(&userID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("store: email token: %w", ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("store: email token: %w", err)
	}
	return userID, nil
}
