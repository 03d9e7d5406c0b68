package comment

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"newsdesk/internal/account"
	"newsdesk/internal/store"
)

// Queue lists held and reported comments for a moderator.
func (s *Service) Queue(ctx context.Context, mod store.User, limit int) ([]store.QueueItem, error) {
	if err := account.Require(mod, store.RoleModerator); err != nil {
		return nil, err
	}
	return s.st.ModerationQueue(ctx, limit)
}

// Comment states a moderator can move a comment to, by action name.
var stateActions = map[string]string{
	"approve": store.CommentVisible,
	"restore": store.CommentVisible,
	"hide":    store.CommentHidden,
	"remove":  store.CommentRemoved,
}

func (s *Service) audit(mod store.User, action, reason string) store.Audit {
	return store.Audit{ActorID: mod.ID, Action: action, Detail: strings.TrimSpace(reason), Created: s.now()}
}

func (s *Service) setState(ctx context.Context, mod store.User, id int64, action, reason string) error {
	if err := account.Require(mod, store.RoleModerator); err != nil {
		return err
	}
	err := s.st.SetCommentState(ctx, id, stateActions[action], s.audit(mod, "comment."+action, reason))
	if errors.Is(err, store.ErrNotFound) {
		return ErrNotFound
	}
	return err
}

// Approve shows a held comment.
func (s *Service) Approve(ctx context.Context, mod store.User, id int64, reason string) error {
	return s.setState(ctx, mod, id, "approve", reason)
}

// Hide takes a comment out of view; readers see "removed" where it had replies.
func (s *Service) Hide(ctx context.Context, mod store.User, id int64, reason string) error {
	return s.setState(ctx, mod, id, "hide", reason)
}

// Remove takes a comment down for breaking the rules. Like Hide it keeps the row, so
// Restore can undo it; the two differ in what they say in the audit log and the queue.
func (s *Service) Remove(ctx context.Context, mod store.User, id int64, reason string) error {
	return s.setState(ctx, mod, id, "remove", reason)
}

// Restore shows a hidden or removed comment again.
func (s *Service) Restore(ctx context.Context, mod store.User, id int64, reason string) error {
	return s.setState(ctx, mod, id, "restore", reason)
}

// Dismiss closes a comment's reports and leaves the comment as it is.
func (s *Service) Dismiss(ctx context.Context, mod store.User, id int64, reason string) error {
	if err := account.Require(mod, store.RoleModerator); err != nil {
		return err
	}
	return s.st.DismissReports(ctx, id, s.audit(mod, "report.dismiss", reason))
}

// Block stops a user from commenting and voting for d, or for good when d is 0. A
// moderator may block readers; an admin may block moderators too; nobody blocks an admin.
func (s *Service) Block(ctx context.Context, mod store.User, userID int64, d time.Duration, reason string) error {
	if err := account.Require(mod, store.RoleModerator); err != nil {
		return err
	}
	target, err := s.st.User(ctx, userID)
	if errors.Is(err, store.ErrNotFound) {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("comment: block: %w", err)
	}
	if target.ID == mod.ID || account.HasRole(target, store.RoleAdmin) ||
		(account.HasRole(target, store.RoleModerator) && !account.HasRole(mod, store.RoleAdmin)) {
		return ErrForbidden
	}
	until, what := store.BlockedForGood, "for good"
	if d > 0 {
		until, what = s.now().Add(d), "for "+d.String()
	}
	a := s.audit(mod, "user.block", what+detail(reason))
	return s.st.SetUserBlock(ctx, userID, until, strings.TrimSpace(reason), a)
}

// Unblock lifts a block.
func (s *Service) Unblock(ctx context.Context, mod store.User, userID int64, reason string) error {
	if err := account.Require(mod, store.RoleModerator); err != nil {
		return err
	}
	err := s.st.SetUserBlock(ctx, userID, time.Time{}, "", s.audit(mod, "user.unblock", reason))
	if errors.Is(err, store.ErrNotFound) {
		return ErrNotFound
	}
	return err
}

// Lock closes a thread to new comments, replies and edits; what is there stays.
func (s *Service) Lock(ctx context.Context, mod store.User, t store.Target, reason string) error {
	if err := account.Require(mod, store.RoleModerator); err != nil {
		return err
	}
	err := s.st.LockThread(ctx, t, strings.TrimSpace(reason), s.audit(mod, "thread.lock", reason))
	if errors.Is(err, store.ErrConflict) {
		return nil // already locked: the moderator's wish holds
	}
	return err
}

// Unlock reopens a thread.
func (s *Service) Unlock(ctx context.Context, mod store.User, t store.Target, reason string) error {
	if err := account.Require(mod, store.RoleModerator); err != nil {
		return err
	}
	err := s.st.UnlockThread(ctx, t, s.audit(mod, "thread.unlock", reason))
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	return err
}

// BanWord adds a word that sends comments to the queue.
func (s *Service) BanWord(ctx context.Context, mod store.User, word string) error {
	if err := account.Require(mod, store.RoleModerator); err != nil {
		return err
	}
	err := s.st.AddBannedWord(ctx, word, s.audit(mod, "word.add", ""))
	if errors.Is(err, store.ErrConflict) {
		return nil
	}
	return err
}

// UnbanWord removes a banned word.
func (s *Service) UnbanWord(ctx context.Context, mod store.User, word string) error {
	if err := account.Require(mod, store.RoleModerator); err != nil {
		return err
	}
	err := s.st.RemoveBannedWord(ctx, word, s.audit(mod, "word.remove", ""))
	if errors.Is(err, store.ErrNotFound) {
		return ErrNotFound
	}
	return err
}

// BannedWords lists the banned words for a moderator.
func (s *Service) BannedWords(ctx context.Context, mod store.User) ([]string, error) {
	if err := account.Require(mod, store.RoleModerator); err != nil {
		return nil, err
	}
	return s.st.BannedWords(ctx)
}

// AuditLog lists audit lines for a moderator.
func (s *Service) AuditLog(ctx context.Context, mod store.User, f store.AuditFilter) ([]store.Audit, error) {
	if err := account.Require(mod, store.RoleModerator); err != nil {
		return nil, err
	}
	return s.st.AuditLog(ctx, f)
}

func detail(reason string) string {
	if reason = strings.TrimSpace(reason); reason == "" {
		return ""
	}
	return ": " + reason
}
