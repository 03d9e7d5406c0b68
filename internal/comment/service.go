// Package comment is discussion under articles and stories: posting with the rules that
// keep it civil, votes, threads sorted best or newest, reports and the moderator's tools.
// Every moderator action goes to the audit log in the same transaction as the change.
package comment

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"newsdesk/internal/account"
	"newsdesk/internal/store"
)

// Rules of posting.
const (
	MaxDepth      = 5                // a reply to a depth-5 comment is refused
	MaxLen        = 10_000           // characters of Markdown
	EditWindow    = 10 * time.Minute // an author may edit this long after posting
	HeldForReview = 3                // a new account's first comments wait for a moderator
	MaxReasonLen  = 500
)

// Errors the web layer turns into messages.
var (
	ErrNotFound        = errors.New("comment: not found")
	ErrForbidden       = account.ErrForbidden
	ErrLocked          = errors.New("comment: comments are closed here")
	ErrBlocked         = errors.New("comment: your account may not comment at the moment")
	ErrTooDeep         = errors.New("comment: replies go at most 5 levels deep")
	ErrEmpty           = errors.New("comment: the comment is empty")
	ErrTooLong         = errors.New("comment: the comment is too long")
	ErrLinksNotAllowed = errors.New("comment: new accounts cannot post links yet")
	ErrEditWindow      = errors.New("comment: comments can be edited for 10 minutes only")
	ErrAlreadyReported = errors.New("comment: you reported this comment already")
	ErrReason          = errors.New("comment: give a reason of at most 500 characters")
	// ErrSpam is a filled honeypot field. The web layer answers as if the comment were
	// accepted, so a bot learns nothing.
	ErrSpam = errors.New("comment: honeypot filled")
)

// Store is what the Service needs of the database.
type Store interface {
	AddComment(ctx context.Context, c store.Comment) (store.Comment, error)
	Comment(ctx context.Context, id int64) (store.Comment, error)
	ThreadComments(ctx context.Context, t store.Target, limit int) ([]store.Comment, error)
	ThreadVotes(ctx context.Context, t store.Target, userID int64) (map[int64]int, error)
	CountComments(ctx context.Context, kind string, ids []int64) (map[int64]int, error)
	CountUserComments(ctx context.Context, userID int64, state string) (int, error)
	EditComment(ctx context.Context, id int64, body, state string, at time.Time) error
	DeleteComment(ctx context.Context, id int64, at time.Time) error
	Vote(ctx context.Context, commentID, userID int64) (int, error)
	SetVote(ctx context.Context, commentID, userID int64, value int, at time.Time) (int, int, error)
	AddReport(ctx context.Context, r store.Report) (store.Report, error)
	ModerationQueue(ctx context.Context, limit int) ([]store.QueueItem, error)
	DismissReports(ctx context.Context, commentID int64, a store.Audit) error
	SetCommentState(ctx context.Context, id int64, state string, a store.Audit) error
	User(ctx context.Context, id int64) (store.User, error)
	SetUserBlock(ctx context.Context, userID int64, until time.Time, reason string, a store.Audit) error
	ThreadLock(ctx context.Context, t store.Target) (store.Lock, error)
	LockThread(ctx context.Context, t store.Target, reason string, a store.Audit) error
	UnlockThread(ctx context.Context, t store.Target, a store.Audit) error
	BannedWords(ctx context.Context) ([]string, error)
	AddBannedWord(ctx context.Context, word string, a store.Audit) error
	RemoveBannedWord(ctx context.Context, word string, a store.Audit) error
	AuditLog(ctx context.Context, f store.AuditFilter) ([]store.Audit, error)
}

// Config configures a Service.
type Config struct {
	Store    Store
	Renderer *Renderer // NewRenderer() when nil
	Logger   *slog.Logger
	Now      func() time.Time
	PageSize int // top-level comments per page; 30 when zero
}

// Service applies the comment rules.
type Service struct {
	st   Store
	r    *Renderer
	log  *slog.Logger
	now  func() time.Time
	page int
}

// New returns a Service.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil {
		return nil, errors.New("comment: no store")
	}
	s := &Service{st: cfg.Store, r: cfg.Renderer, log: cfg.Logger, now: cfg.Now, page: cfg.PageSize}
	if s.r == nil {
		s.r = NewRenderer()
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.page <= 0 {
		s.page = 30
	}
	return s, nil
}

// Renderer is the service's Markdown renderer.
func (s *Service) Renderer() *Renderer { return s.r }

// PostInput is a comment form.
type PostInput struct {
	Target   store.Target
	ParentID int64 // 0 for a top-level comment
	Body     string
	Honeypot string // a field hidden from people; bots fill it
}

// Post adds a comment by author. It may come back held for review: a new account's first
// comments, and any comment with a banned word, wait for a moderator.
func (s *Service) Post(ctx context.Context, author store.User, in PostInput) (store.Comment, error) {
	if in.Honeypot != "" {
		return store.Comment{}, ErrSpam
	}
	if err := account.Require(author, store.RoleReader); err != nil {
		return store.Comment{}, err
	}
	now := s.now()
	if author.Blocked(now) {
		return store.Comment{}, ErrBlocked
	}
	body, err := cleanBody(in.Body)
	if err != nil {
		return store.Comment{}, err
	}
	if err := s.checkOpen(ctx, in.Target); err != nil {
		return store.Comment{}, err
	}
	depth := 1
	if in.ParentID != 0 {
		parent, err := s.st.Comment(ctx, in.ParentID)
		if errors.Is(err, store.ErrNotFound) || (err == nil && (parent.Target != in.Target || parent.State != store.CommentVisible)) {
			return store.Comment{}, ErrNotFound
		}
		if err != nil {
			return store.Comment{}, fmt.Errorf("comment: post: %w", err)
		}
		if parent.Depth >= MaxDepth {
			return store.Comment{}, ErrTooDeep
		}
		depth = parent.Depth + 1
	}
	state, err := s.stateFor(ctx, author, body)
	if err != nil {
		return store.Comment{}, err
	}
	c, err := s.st.AddComment(ctx, store.Comment{Target: in.Target, ParentID: in.ParentID, Depth: depth, AuthorID: author.ID,
		Body: body, Created: now, State: state})
	if err != nil {
		return store.Comment{}, fmt.Errorf("comment: post: %w", err)
	}
	return c, nil
}

func cleanBody(raw string) (string, error) {
	body := strings.TrimSpace(strings.ToValidUTF8(raw, "\uFFFD"))
	if body == "" {
		return "", ErrEmpty
	}
	if utf8.RuneCountInString(body) > MaxLen {
		return "", ErrTooLong
	}
	return body, nil
}

func (s *Service) checkOpen(ctx context.Context, t store.Target) error {
	_, err := s.st.ThreadLock(ctx, t)
	if err == nil {
		return ErrLocked
	}
	if !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("comment: lock: %w", err)
	}
	return nil
}

// stateFor decides whether a comment by author goes up at once or waits for review.
func (s *Service) stateFor(ctx context.Context, author store.User, body string) (string, error) {
	state := store.CommentVisible
	if !account.CanModerate(author) {
		approved, err := s.st.CountUserComments(ctx, author.ID, store.CommentVisible)
		if err != nil {
			return "", fmt.Errorf("comment: %w", err)
		}
		if approved < HeldForReview {
			if HasLink(body) {
				return "", ErrLinksNotAllowed
			}
			state = store.CommentHeld
		}
	}
	words, err := s.st.BannedWords(ctx)
	if err != nil {
		return "", fmt.Errorf("comment: %w", err)
	}
	if containsBanned(body, words) {
		state = store.CommentHeld
	}
	return state, nil
}

// containsBanned looks for each banned word as a whole word in the body, after NFKC and
// lower-casing so that full-width or capitalised spellings do not slip through.
func containsBanned(body string, words []string) bool {
	if len(words) == 0 {
		return false
	}
	text := " " + strings.Join(strings.FieldsFunc(strings.ToLower(norm.NFKC.String(body)), notWordRune), " ") + " "
	for _, w := range words {
		w = strings.Join(strings.FieldsFunc(strings.ToLower(norm.NFKC.String(w)), notWordRune), " ")
		if w != "" && strings.Contains(text, " "+w+" ") {
			return true
		}
	}
	return false
}

// Edit replaces the body of editor's own comment within EditWindow of posting. The same
// rules as posting apply to the new text; a held comment stays held.
func (s *Service) Edit(ctx context.Context, editor store.User, id int64, rawBody string) (store.Comment, error) {
	c, err := s.own(ctx, editor, id)
	if err != nil {
		return store.Comment{}, err
	}
	now := s.now()
	if editor.Blocked(now) {
		return store.Comment{}, ErrBlocked
	}
	if now.Sub(c.Created) > EditWindow {
		return store.Comment{}, ErrEditWindow
	}
	if c.State == store.CommentHidden || c.State == store.CommentRemoved {
		return store.Comment{}, ErrForbidden
	}
	body, err := cleanBody(rawBody)
	if err != nil {
		return store.Comment{}, err
	}
	if err := s.checkOpen(ctx, c.Target); err != nil {
		return store.Comment{}, err
	}
	// A visible comment stays visible and a held one held, unless the new text brings a
	// banned word; the new-account link rule applies to the new text as to a new comment.
	if HasLink(body) && !s.trusted(ctx, editor) {
		return store.Comment{}, ErrLinksNotAllowed
	}
	state := c.State
	if words, err := s.st.BannedWords(ctx); err != nil {
		return store.Comment{}, fmt.Errorf("comment: edit: %w", err)
	} else if containsBanned(body, words) {
		state = store.CommentHeld
	}
	if err := s.st.EditComment(ctx, id, body, state, now); err != nil {
		return store.Comment{}, fmt.Errorf("comment: edit: %w", err)
	}
	return s.st.Comment(ctx, id)
}

// trusted reports whether an account is past the new-account rules.
func (s *Service) trusted(ctx context.Context, u store.User) bool {
	if account.CanModerate(u) {
		return true
	}
	n, err := s.st.CountUserComments(ctx, u.ID, store.CommentVisible)
	return err == nil && n >= HeldForReview
}

// Delete removes editor's own comment. It stays in the database (a moderator can still see
// it); readers see "deleted" in its place when others replied to it.
func (s *Service) Delete(ctx context.Context, editor store.User, id int64) error {
	if _, err := s.own(ctx, editor, id); err != nil {
		return err
	}
	if err := s.st.DeleteComment(ctx, id, s.now()); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return ErrNotFound
		}
		return fmt.Errorf("comment: delete: %w", err)
	}
	return nil
}

// own returns comment id if u wrote it and has not deleted it.
func (s *Service) own(ctx context.Context, u store.User, id int64) (store.Comment, error) {
	if err := account.Require(u, store.RoleReader); err != nil {
		return store.Comment{}, err
	}
	c, err := s.st.Comment(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && !c.DeletedAt.IsZero()) {
		return store.Comment{}, ErrNotFound
	}
	if err != nil {
		return store.Comment{}, fmt.Errorf("comment: %w", err)
	}
	if c.AuthorID != u.ID {
		return store.Comment{}, ErrForbidden
	}
	return c, nil
}

// Vote records voter's vote (+1 or -1) on a comment; voting the same way again takes the
// vote back. It returns the voter's vote now and the comment's counts.
func (s *Service) Vote(ctx context.Context, voter store.User, id int64, value int) (mine, ups, downs int, err error) {
	if value != 1 && value != -1 {
		return 0, 0, 0, fmt.Errorf("comment: vote must be +1 or -1, not %d", value)
	}
	if err := account.Require(voter, store.RoleReader); err != nil {
		return 0, 0, 0, err
	}
	now := s.now()
	if voter.Blocked(now) {
		return 0, 0, 0, ErrBlocked
	}
	c, err := s.st.Comment(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && (c.State != store.CommentVisible || !c.DeletedAt.IsZero())) {
		return 0, 0, 0, ErrNotFound
	}
	if err != nil {
		return 0, 0, 0, fmt.Errorf("comment: vote: %w", err)
	}
	if c.AuthorID == voter.ID {
		return 0, 0, 0, ErrForbidden
	}
	old, err := s.st.Vote(ctx, id, voter.ID)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("comment: vote: %w", err)
	}
	mine = value
	if old == value {
		mine = 0
	}
	ups, downs, err = s.st.SetVote(ctx, id, voter.ID, mine, now)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("comment: vote: %w", err)
	}
	return mine, ups, downs, nil
}

// Count returns the number of visible comments on each of ids, for cards.
func (s *Service) Count(ctx context.Context, kind string, ids []int64) (map[int64]int, error) {
	return s.st.CountComments(ctx, kind, ids)
}

// Report flags a comment for moderators with a reason.
func (s *Service) Report(ctx context.Context, reporter store.User, id int64, reason string) error {
	if err := account.Require(reporter, store.RoleReader); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" || utf8.RuneCountInString(reason) > MaxReasonLen {
		return ErrReason
	}
	c, err := s.st.Comment(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && c.State != store.CommentVisible) {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("comment: report: %w", err)
	}
	_, err = s.st.AddReport(ctx, store.Report{CommentID: id, ReporterID: reporter.ID, Reason: reason, Created: s.now()})
	if errors.Is(err, store.ErrConflict) {
		return ErrAlreadyReported
	}
	if err != nil {
		return fmt.Errorf("comment: report: %w", err)
	}
	return nil
}

func notWordRune(r rune) bool {
	return !(r == '\'' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80 && !isSpaceOrPunct(r))
}

func isSpaceOrPunct(r rune) bool {
	return strings.ContainsRune("\u00a0\u2000\u2001\u2002\u2003\u2009\u200b\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00ab\u00bb", r)
}
