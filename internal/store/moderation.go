package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Audit is one line of the audit log: who did what to which target, and why. Every
// method below that changes what others may see or do takes one and writes it in the same
// transaction as the change, so there is no action without its line.
type Audit struct {
	ID         int64
	ActorID    int64
	Action     string // e.g. comment.hide, user.block, lock.add
	TargetKind string // comment, user, article, story, word
	TargetID   int64
	Detail     string // the reason given, and what changed
	Created    time.Time
}

// moderate runs fn and writes a's line in one transaction. fn reporting no rows changed
// is ErrNotFound and writes nothing.
func (s *Store) moderate(ctx context.Context, a Audit, fn func(tx *sql.Tx) (int64, error)) error {
	if a.ActorID == 0 || a.Action == "" {
		return fmt.Errorf("store: %s: an audit line needs an actor and an action", a.Action)
	}
	if a.Created.IsZero() {
		a.Created = time.Now()
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		n, err := fn(tx)
		if err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO audit_log (actor_id, action, target_kind, target_id, detail, created)
			VALUES (?, ?, ?, ?, ?, ?)`), a.ActorID, a.Action, a.TargetKind, a.TargetID, a.Detail, ms(a.Created))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: %s %s %d: %w", a.Action, a.TargetKind, a.TargetID, err)
	}
	s.changed()
	return nil
}

func affected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// SetCommentState moves a comment to a state (approve a held one, hide, remove, restore)
// and resolves its open reports: a moderator has looked at it.
func (s *Store) SetCommentState(ctx context.Context, id int64, state string, a Audit) error {
	switch state {
	case CommentVisible, CommentHeld, CommentHidden, CommentRemoved:
	default:
		return fmt.Errorf("store: comment state %q", state)
	}
	a.TargetKind, a.TargetID = "comment", id
	if a.Created.IsZero() {
		a.Created = time.Now()
	}
	return s.moderate(ctx, a, func(tx *sql.Tx) (int64, error) {
		n, err := affected(tx.ExecContext(ctx, s.q(`UPDATE comments SET state = ? WHERE id = ?`), state, id))
		if err != nil || n == 0 {
			return n, err
		}
		_, err = tx.ExecContext(ctx, s.q(`UPDATE comment_reports SET resolved_by = ?, resolved_at = ? WHERE comment_id = ? AND resolved_at = 0`),
			a.ActorID, ms(a.Created), id)
		return n, err
	})
}

// SetUserBlock blocks an account until a time (BlockedForGood for ever) or, with a zero
// until, unblocks it.
func (s *Store) SetUserBlock(ctx context.Context, userID int64, until time.Time, reason string, a Audit) error {
	a.TargetKind, a.TargetID = "user", userID
	return s.moderate(ctx, a, func(tx *sql.Tx) (int64, error) {
		return affected(tx.ExecContext(ctx, s.q(`UPDATE users SET blocked_until = ?, block_reason = ? WHERE id = ?`), ms(until), reason, userID))
	})
}

// SetUserRole changes an account's role.
func (s *Store) SetUserRole(ctx context.Context, userID int64, role string, a Audit) error {
	switch role {
	case RoleReader, RoleModerator, RoleAdmin:
	default:
		return fmt.Errorf("store: role %q", role)
	}
	a.TargetKind, a.TargetID = "user", userID
	return s.moderate(ctx, a, func(tx *sql.Tx) (int64, error) {
		return affected(tx.ExecContext(ctx, s.q(`UPDATE users SET role = ? WHERE id = ?`), role, userID))
	})
}

// DeleteUser marks an account deleted at a.Created and ends its sessions and mailed links.
// Its comments stay, shown as by "deleted user"; RestoreUser undoes it.
func (s *Store) DeleteUser(ctx context.Context, userID int64, a Audit) error {
	a.TargetKind, a.TargetID = "user", userID
	if a.Created.IsZero() {
		a.Created = time.Now()
	}
	return s.moderate(ctx, a, func(tx *sql.Tx) (int64, error) {
		n, err := affected(tx.ExecContext(ctx, s.q(`UPDATE users SET deleted_at = ? WHERE id = ? AND deleted_at = 0`), ms(a.Created), userID))
		if err != nil || n == 0 {
			return n, err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE user_id = ?`), userID); err != nil {
			return 0, err
		}
		_, err = tx.ExecContext(ctx, s.q(`DELETE FROM email_tokens WHERE user_id = ?`), userID)
		return n, err
	})
}

// RestoreUser undoes DeleteUser.
func (s *Store) RestoreUser(ctx context.Context, userID int64, a Audit) error {
	a.TargetKind, a.TargetID = "user", userID
	return s.moderate(ctx, a, func(tx *sql.Tx) (int64, error) {
		return affected(tx.ExecContext(ctx, s.q(`UPDATE users SET deleted_at = 0 WHERE id = ? AND deleted_at <> 0`), userID))
	})
}

// Lock is a thread closed to new comments.
type Lock struct {
	Target   Target
	LockedBy int64
	Reason   string
	Created  time.Time
}

// LockThread closes a target to new comments; locking a locked target is ErrConflict.
func (s *Store) LockThread(ctx context.Context, t Target, reason string, a Audit) error {
	if !t.valid() {
		return fmt.Errorf("store: lock: bad target %v", t)
	}
	a.TargetKind, a.TargetID = t.Kind, t.ID
	if a.Created.IsZero() {
		a.Created = time.Now()
	}
	err := s.moderate(ctx, a, func(tx *sql.Tx) (int64, error) {
		return affected(tx.ExecContext(ctx, s.q(`INSERT INTO comment_locks (kind, target_id, locked_by, reason, created) VALUES (?, ?, ?, ?, ?)`),
			t.Kind, t.ID, a.ActorID, reason, ms(a.Created)))
	})
	if s.d.isUnique(err) {
		return fmt.Errorf("store: lock %v: %w", t, ErrConflict)
	}
	return err
}

// UnlockThread reopens a target; unlocking one that is not locked is ErrNotFound.
func (s *Store) UnlockThread(ctx context.Context, t Target, a Audit) error {
	a.TargetKind, a.TargetID = t.Kind, t.ID
	return s.moderate(ctx, a, func(tx *sql.Tx) (int64, error) {
		return affected(tx.ExecContext(ctx, s.q(`DELETE FROM comment_locks WHERE kind = ? AND target_id = ?`), t.Kind, t.ID))
	})
}

// ThreadLock returns the lock on a target, or ErrNotFound when it is open.
func (s *Store) ThreadLock(ctx context.Context, t Target) (Lock, error) {
	l := Lock{Target: t}
	var created int64
	err := s.r.QueryRowContext(ctx, s.q(`SELECT locked_by, reason, created FROM comment_locks WHERE kind = ? AND target_id = ?`), t.Kind, t.ID).
		Scan(&l.LockedBy, &l.Reason, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Lock{}, fmt.Errorf("store: lock %v: %w", t, ErrNotFound)
	}
	if err != nil {
		return Lock{}, fmt.Errorf("store: lock %v: %w", t, err)
	}
	l.Created = fromMS(created)
	return l, nil
}

// BannedWords lists the banned words, sorted.
func (s *Store) BannedWords(ctx context.Context) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT word FROM banned_words ORDER BY word`)
	if err != nil {
		return nil, fmt.Errorf("store: banned words: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, fmt.Errorf("store: banned words: %w", err)
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// AddBannedWord adds a word (stored lower case); a word already there is ErrConflict.
func (s *Store) AddBannedWord(ctx context.Context, word string, a Audit) error {
	word = strings.ToLower(strings.TrimSpace(word))
	if word == "" {
		return errors.New("store: banned word: empty")
	}
	a.TargetKind, a.Detail = "word", word+detailSep(a.Detail)
	if a.Created.IsZero() {
		a.Created = time.Now()
	}
	err := s.moderate(ctx, a, func(tx *sql.Tx) (int64, error) {
		return affected(tx.ExecContext(ctx, s.q(`INSERT INTO banned_words (word, added_by, created) VALUES (?, ?, ?)`), word, a.ActorID, ms(a.Created)))
	})
	if s.d.isUnique(err) {
		return fmt.Errorf("store: banned word %q: %w", word, ErrConflict)
	}
	return err
}

// RemoveBannedWord removes a word; one not on the list is ErrNotFound.
func (s *Store) RemoveBannedWord(ctx context.Context, word string, a Audit) error {
	word = strings.ToLower(strings.TrimSpace(word))
	a.TargetKind, a.Detail = "word", word+detailSep(a.Detail)
	return s.moderate(ctx, a, func(tx *sql.Tx) (int64, error) {
		return affected(tx.ExecContext(ctx, s.q(`DELETE FROM banned_words WHERE word = ?`), word))
	})
}

func detailSep(d string) string {
	if d == "" {
		return ""
	}
	return ": " + d
}

// Report is a reader's flag on a comment.
type Report struct {
	ID         int64
	CommentID  int64
	ReporterID int64
	Reason     string
	Created    time.Time
	ResolvedBy int64
	ResolvedAt time.Time
}

// AddReport records a report; a second report of the same comment by the same reader is
// ErrConflict.
func (s *Store) AddReport(ctx context.Context, r Report) (Report, error) {
	if r.Created.IsZero() {
		r.Created = time.Now()
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q(`INSERT INTO comment_reports (comment_id, reporter_id, reason, created) VALUES (?, ?, ?, ?) RETURNING id`),
			r.CommentID, r.ReporterID, r.Reason, ms(r.Created)).Scan(&r.ID)
	})
	if s.d.isUnique(err) {
		return Report{}, fmt.Errorf("store: report comment %d: %w", r.CommentID, ErrConflict)
	}
	if err != nil {
		return Report{}, fmt.Errorf("store: report comment %d: %w", r.CommentID, err)
	}
	return r, nil
}

// QueueItem is a comment waiting for a moderator: held, or reported and not yet looked at.
type QueueItem struct {
	Comment Comment
	Reports []Report // the open reports, oldest first
}

// ModerationQueue lists held or reported comments, oldest first.
func (s *Store) ModerationQueue(ctx context.Context, limit int) ([]QueueItem, error) {
	if limit <= 0 {
		limit = 100
	}
	list, err := s.comments(ctx, "moderation queue", `WHERE c.state = ?
		OR c.id IN (SELECT comment_id FROM comment_reports WHERE resolved_at = 0)
		ORDER BY c.created, c.id LIMIT ?`, CommentHeld, limit)
	if err != nil {
		return nil, err
	}
	items := make([]QueueItem, len(list))
	byID := make(map[int64]int, len(list))
	for i, c := range list {
		items[i].Comment = c
		byID[c.ID] = i
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, comment_id, reporter_id, reason, created FROM comment_reports
		WHERE resolved_at = 0 ORDER BY created, id`)
	if err != nil {
		return nil, fmt.Errorf("store: moderation queue: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r Report
		var created int64
		if err := rows.Scan(&r.ID, &r.CommentID, &r.ReporterID, &r.Reason, &created); err != nil {
			return nil, fmt.Errorf("store: moderation queue: %w", err)
		}
		r.Created = fromMS(created)
		if i, ok := byID[r.CommentID]; ok {
			items[i].Reports = append(items[i].Reports, r)
		}
	}
	return items, rows.Err()
}

// DismissReports resolves a comment's open reports without changing the comment.
func (s *Store) DismissReports(ctx context.Context, commentID int64, a Audit) error {
	a.TargetKind, a.TargetID = "comment", commentID
	if a.Created.IsZero() {
		a.Created = time.Now()
	}
	return s.moderate(ctx, a, func(tx *sql.Tx) (int64, error) {
		return affected(tx.ExecContext(ctx, s.q(`UPDATE comment_reports SET resolved_by = ?, resolved_at = ? WHERE comment_id = ? AND resolved_at = 0`),
			a.ActorID, ms(a.Created), commentID))
	})
}

// AuditFilter narrows the audit log; zero fields match everything.
type AuditFilter struct {
	ActorID    int64
	TargetKind string
	TargetID   int64
	Before     int64 // only lines with a smaller id: the next page
	Limit      int
}

// AuditLog lists audit lines, newest first.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]Audit, error) {
	if f.Limit <= 0 {
		f.Limit = 100
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT id, actor_id, action, target_kind, target_id, detail, created FROM audit_log
		WHERE (? = 0 OR actor_id = ?) AND (? = '' OR target_kind = ?) AND (? = 0 OR target_id = ?) AND (? = 0 OR id < ?)
		ORDER BY id DESC LIMIT ?`),
		f.ActorID, f.ActorID, f.TargetKind, f.TargetKind, f.TargetID, f.TargetID, f.Before, f.Before, f.Limit)
	if err != nil {
		return nil, fmt.Errorf("store: audit log: %w", err)
	}
	defer rows.Close()
	var out []Audit
	for rows.Next() {
		var a Audit
		var created int64
		if err := rows.Scan(&a.ID, &a.ActorID, &a.Action, &a.TargetKind, &a.TargetID, &a.Detail, &created); err != nil {
			return nil, fmt.Errorf("store: audit log: %w", err)
		}
		a.Created = fromMS(created)
		out = append(out, a)
	}
	return out, rows.Err()
}
