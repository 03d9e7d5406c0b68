package account

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"newsdesk/internal/store"
)

// Errors the web layer turns into form messages.
var (
	ErrInvalidLogin = errors.New("account: wrong email or password")
	ErrEmailTaken   = errors.New("account: an account with this email exists")
	ErrNameTaken    = errors.New("account: this display name is taken")
	ErrNoSession    = errors.New("account: not signed in")
	ErrBadToken     = errors.New("account: the link is not valid any more")
	ErrForbidden    = errors.New("account: not allowed")
	ErrLastAdmin    = errors.New("account: the last admin cannot stop being one")
)

// Store is what the Service needs of the database.
type Store interface {
	CreateUser(ctx context.Context, u store.User) (store.User, error)
	User(ctx context.Context, id int64) (store.User, error)
	UserByEmailKey(ctx context.Context, key string) (store.User, error)
	SetPasswordHash(ctx context.Context, userID int64, hash string) error
	SetUserVerified(ctx context.Context, userID int64, at time.Time) error
	SetUserRole(ctx context.Context, userID int64, role string, a store.Audit) error
	CountUsersWithRole(ctx context.Context, role string) (int, error)
	DeleteUser(ctx context.Context, userID int64, a store.Audit) error
	CreateSession(ctx context.Context, se store.Session) error
	Session(ctx context.Context, tokenHash string) (store.Session, error)
	TouchSession(ctx context.Context, tokenHash string, lastSeen, expires time.Time) error
	DeleteSession(ctx context.Context, tokenHash string) error
	DeleteUserSessions(ctx context.Context, userID int64, keepHash string) (int64, error)
	CreateEmailToken(ctx context.Context, t store.EmailToken) error
	EmailTokenUser(ctx context.Context, tokenHash, kind string, now time.Time) (int64, error)
	UseEmailToken(ctx context.Context, tokenHash, kind string, now time.Time) (int64, error)
}

// Config configures a Service. Zero durations take the defaults shown.
type Config struct {
	Store   Store
	Mailer  Mailer       // LogMailer when nil
	Logger  *slog.Logger // discarded when nil
	Now     func() time.Time
	BaseURL string // the site's public URL, for links in mail, e.g. https://news.example

	Params        Params        // DefaultParams when zero
	SessionIdle   time.Duration // 30 days: a session unused this long ends
	SessionMaxAge time.Duration // 90 days: no session lives longer, however used
	VerifyTTL     time.Duration // 48 hours
	ResetTTL      time.Duration // 1 hour
}

// Service signs people up and in.
type Service struct {
	cfg    Config
	log    *slog.Logger
	policy *passwordPolicy
	// dummy is a hash of a random password with the service's parameters: a login for an
	// unknown address verifies against it so that it costs as much as a real one and the
	// response time does not tell which addresses have accounts.
	dummy string
}

// New returns a Service.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil {
		return nil, errors.New("account: no store")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Mailer == nil {
		cfg.Mailer = LogMailer{Logger: cfg.Logger}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Params == (Params{}) {
		cfg.Params = DefaultParams
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.SessionIdle, 30*24*time.Hour)
	def(&cfg.SessionMaxAge, 90*24*time.Hour)
	def(&cfg.VerifyTTL, 48*time.Hour)
	def(&cfg.ResetTTL, time.Hour)
	cfg.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/")
	dummy, err := HashPassword(newToken(), cfg.Params)
	if err != nil {
		return nil, err
	}
	return &Service{cfg: cfg, log: cfg.Logger, policy: newPasswordPolicy(), dummy: dummy}, nil
}

// CheckPassword applies the password policy; the error is a *PolicyError.
func (s *Service) CheckPassword(password, email, name string) error {
	return s.policy.check(password, email, name)
}

// SignUp creates a reader account and mails a verification link. A failure to mail is
// logged, not returned: the account exists and the link can be asked for again.
func (s *Service) SignUp(ctx context.Context, email, name, password string) (store.User, error) {
	u, err := s.create(ctx, email, name, password, store.RoleReader, time.Time{})
	if err != nil {
		return store.User{}, err
	}
	if err := s.RequestVerify(ctx, u.ID); err != nil {
		s.log.Warn("verification mail failed", slog.Int64("user", u.ID), slog.Any("err", err))
	}
	return u, nil
}

// CreateAdmin creates an admin account, verified, for `newsdesk users create-admin`.
func (s *Service) CreateAdmin(ctx context.Context, email, name, password string) (store.User, error) {
	return s.create(ctx, email, name, password, store.RoleAdmin, s.cfg.Now())
}

func (s *Service) create(ctx context.Context, rawEmail, rawName, password, role string, verified time.Time) (store.User, error) {
	email, emailKey, err := CleanEmail(rawEmail)
	if err != nil {
		return store.User{}, err
	}
	name, nameKey, err := CleanName(rawName)
	if err != nil {
		return store.User{}, err
	}
	if err := s.policy.check(password, email, name); err != nil {
		return store.User{}, err
	}
	hash, err := HashPassword(password, s.cfg.Params)
	if err != nil {
		return store.User{}, err
	}
	u, err := s.cfg.Store.CreateUser(ctx, store.User{Email: email, EmailKey: emailKey, DisplayName: name, NameKey: nameKey,
		PasswordHash: hash, Role: role, Created: s.cfg.Now(), VerifiedAt: verified})
	if errors.Is(err, store.ErrConflict) {
		if _, e := s.cfg.Store.UserByEmailKey(ctx, emailKey); e == nil {
			return store.User{}, ErrEmailTaken
		}
		return store.User{}, ErrNameTaken
	}
	if err != nil {
		return store.User{}, fmt.Errorf("account: sign up: %w", err)
	}
	return u, nil
}

// Login checks an email and password and starts a new session, returning its token for
// the cookie. The session the browser came with (oldToken, may be empty) is ended: every
// login gets a fresh token, so a token planted in the browser before login (session
// fixation) is worthless after it. Wrong email and wrong password look the same and take
// the same time. Deleted accounts cannot log in; blocked ones can (to read).
func (s *Service) Login(ctx context.Context, email, password, oldToken string) (string, store.User, error) {
	key := strings.ToLower(strings.TrimSpace(email))
	u, err := s.cfg.Store.UserByEmailKey(ctx, key)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return "", store.User{}, fmt.Errorf("account: login: %w", err)
	}
	hash := u.PasswordHash
	if err != nil || u.Deleted() {
		hash = s.dummy
	}
	ok, verr := VerifyPassword(password, hash)
	if err != nil || u.Deleted() || !ok {
		if verr != nil && hash != s.dummy {
			s.log.Error("stored password hash unreadable", slog.Int64("user", u.ID), slog.Any("err", verr))
		}
		return "", store.User{}, ErrInvalidLogin
	}
	if NeedsRehash(u.PasswordHash, s.cfg.Params) {
		if h, err := HashPassword(password, s.cfg.Params); err == nil {
			if err := s.cfg.Store.SetPasswordHash(ctx, u.ID, h); err != nil {
				s.log.Warn("password rehash failed", slog.Int64("user", u.ID), slog.Any("err", err))
			}
		}
	}
	if oldToken != "" {
		if err := s.cfg.Store.DeleteSession(ctx, hashToken(oldToken)); err != nil {
			return "", store.User{}, fmt.Errorf("account: login: %w", err)
		}
	}
	token, err := s.newSession(ctx, u.ID)
	if err != nil {
		return "", store.User{}, err
	}
	return token, u, nil
}

func (s *Service) newSession(ctx context.Context, userID int64) (string, error) {
	now := s.cfg.Now()
	token := newToken()
	err := s.cfg.Store.CreateSession(ctx, store.Session{TokenHash: hashToken(token), UserID: userID, Created: now,
		Expires: now.Add(s.cfg.SessionIdle), LastSeen: now})
	if err != nil {
		return "", fmt.Errorf("account: new session: %w", err)
	}
	return token, nil
}

// Logout ends the session with token; an unknown token is not an error.
func (s *Service) Logout(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	if err := s.cfg.Store.DeleteSession(ctx, hashToken(token)); err != nil {
		return fmt.Errorf("account: logout: %w", err)
	}
	return nil
}

// touchEvery limits how often a session's expiry is pushed forward: once a minute is
// plenty for a 30-day window and saves a write per page view.
const touchEvery = time.Minute

// Session returns the signed-in user of a session token, sliding its expiry forward. An
// unknown, expired or too old session, or one of a deleted account, is ErrNoSession.
func (s *Service) Session(ctx context.Context, token string) (store.User, error) {
	if token == "" {
		return store.User{}, ErrNoSession
	}
	h := hashToken(token)
	se, err := s.cfg.Store.Session(ctx, h)
	if errors.Is(err, store.ErrNotFound) {
		return store.User{}, ErrNoSession
	}
	if err != nil {
		return store.User{}, fmt.Errorf("account: session: %w", err)
	}
	now := s.cfg.Now()
	if !now.Before(se.Expires) || !now.Before(se.Created.Add(s.cfg.SessionMaxAge)) {
		_ = s.cfg.Store.DeleteSession(ctx, h)
		return store.User{}, ErrNoSession
	}
	u, err := s.cfg.Store.User(ctx, se.UserID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && u.Deleted()) {
		return store.User{}, ErrNoSession
	}
	if err != nil {
		return store.User{}, fmt.Errorf("account: session: %w", err)
	}
	if now.Sub(se.LastSeen) >= touchEvery {
		if err := s.cfg.Store.TouchSession(ctx, h, now, now.Add(s.cfg.SessionIdle)); err != nil && !errors.Is(err, store.ErrNotFound) {
			s.log.Warn("session touch failed", slog.Any("err", err))
		}
	}
	return u, nil
}

// ChangePassword replaces the password of the user signed in with token after checking
// the current one, and ends every other session of the account: whoever else knew the
// old password is signed out.
func (s *Service) ChangePassword(ctx context.Context, token, current, next string) error {
	u, err := s.Session(ctx, token)
	if err != nil {
		return err
	}
	if ok, err := VerifyPassword(current, u.PasswordHash); err != nil || !ok {
		return ErrInvalidLogin
	}
	if err := s.setPassword(ctx, u, next); err != nil {
		return err
	}
	if _, err := s.cfg.Store.DeleteUserSessions(ctx, u.ID, hashToken(token)); err != nil {
		return fmt.Errorf("account: change password: %w", err)
	}
	return nil
}

func (s *Service) setPassword(ctx context.Context, u store.User, password string) error {
	if err := s.policy.check(password, u.Email, u.DisplayName); err != nil {
		return err
	}
	hash, err := HashPassword(password, s.cfg.Params)
	if err != nil {
		return err
	}
	if err := s.cfg.Store.SetPasswordHash(ctx, u.ID, hash); err != nil {
		return fmt.Errorf("account: set password: %w", err)
	}
	return nil
}

// DeleteAccount deletes the account signed in with token once its password is confirmed.
// Its comments stay, shown as by "deleted user"; every session ends.
func (s *Service) DeleteAccount(ctx context.Context, token, password string) error {
	u, err := s.Session(ctx, token)
	if err != nil {
		return err
	}
	if ok, err := VerifyPassword(password, u.PasswordHash); err != nil || !ok {
		return ErrInvalidLogin
	}
	err = s.cfg.Store.DeleteUser(ctx, u.ID, store.Audit{ActorID: u.ID, Action: "user.delete", Detail: "by the account holder", Created: s.cfg.Now()})
	if err != nil {
		return fmt.Errorf("account: delete account: %w", err)
	}
	return nil
}

// RequestVerify mails a link that verifies the account's address. Nothing is sent for an
// address already verified.
func (s *Service) RequestVerify(ctx context.Context, userID int64) error {
	u, err := s.cfg.Store.User(ctx, userID)
	if err != nil {
		return fmt.Errorf("account: request verify: %w", err)
	}
	if !u.VerifiedAt.IsZero() || u.Deleted() {
		return nil
	}
	link, err := s.mailToken(ctx, u.ID, store.TokenVerify, s.cfg.VerifyTTL, "/verify")
	if err != nil {
		return err
	}
	return s.cfg.Mailer.Send(ctx, Message{To: u.Email, Subject: "Confirm your email address",
		Body: "Hello " + u.DisplayName + ",\n\nOpen this link to confirm your address:\n\n" + link +
			"\n\nIt works once, for " + s.cfg.VerifyTTL.String() + ". If you did not sign up, ignore this mail.\n"})
}

// Verify spends a verification link's token and marks the address verified.
func (s *Service) Verify(ctx context.Context, token string) (store.User, error) {
	id, err := s.cfg.Store.UseEmailToken(ctx, hashToken(token), store.TokenVerify, s.cfg.Now())
	if errors.Is(err, store.ErrNotFound) {
		return store.User{}, ErrBadToken
	}
	if err != nil {
		return store.User{}, fmt.Errorf("account: verify: %w", err)
	}
	if err := s.cfg.Store.SetUserVerified(ctx, id, s.cfg.Now()); err != nil {
		return store.User{}, fmt.Errorf("account: verify: %w", err)
	}
	return s.cfg.Store.User(ctx, id)
}

// RequestReset mails a password-reset link to the account with that address. An unknown
// address is not an error, so the form cannot be used to learn who has an account; the
// web layer must answer both cases with the same page.
func (s *Service) RequestReset(ctx context.Context, email string) error {
	u, err := s.cfg.Store.UserByEmailKey(ctx, strings.ToLower(strings.TrimSpace(email)))
	if errors.Is(err, store.ErrNotFound) || (err == nil && u.Deleted()) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("account: request reset: %w", err)
	}
	link, err := s.mailToken(ctx, u.ID, store.TokenReset, s.cfg.ResetTTL, "/reset")
	if err != nil {
		return err
	}
	return s.cfg.Mailer.Send(ctx, Message{To: u.Email, Subject: "Reset your password",
		Body: "Hello " + u.DisplayName + ",\n\nOpen this link to choose a new password:\n\n" + link +
			"\n\nIt works once, for " + s.cfg.ResetTTL.String() + ". If you did not ask for it, ignore this mail; your password stays as it is.\n"})
}

// Reset sets a new password with a reset link's token and ends every session of the
// account. The password is checked before the token is spent, so a refused password
// leaves the link usable. Following the link also proves the address, so it is verified.
func (s *Service) Reset(ctx context.Context, token, password string) error {
	h, now := hashToken(token), s.cfg.Now()
	id, err := s.cfg.Store.EmailTokenUser(ctx, h, store.TokenReset, now)
	if errors.Is(err, store.ErrNotFound) {
		return ErrBadToken
	}
	if err != nil {
		return fmt.Errorf("account: reset: %w", err)
	}
	u, err := s.cfg.Store.User(ctx, id)
	if err != nil {
		return fmt.Errorf("account: reset: %w", err)
	}
	if err := s.policy.check(password, u.Email, u.DisplayName); err != nil {
		return err
	}
	if _, err := s.cfg.Store.UseEmailToken(ctx, h, store.TokenReset, now); errors.Is(err, store.ErrNotFound) {
		return ErrBadToken // spent by a concurrent request
	} else if err != nil {
		return fmt.Errorf("account: reset: %w", err)
	}
	if err := s.setPassword(ctx, u, password); err != nil {
		return err
	}
	if _, err := s.cfg.Store.DeleteUserSessions(ctx, u.ID, ""); err != nil {
		return fmt.Errorf("account: reset: %w", err)
	}
	if u.VerifiedAt.IsZero() {
		_ = s.cfg.Store.SetUserVerified(ctx, u.ID, now)
	}
	return nil
}

func (s *Service) mailToken(ctx context.Context, userID int64, kind string, ttl time.Duration, path string) (string, error) {
	token, now := newToken(), s.cfg.Now()
	err := s.cfg.Store.CreateEmailToken(ctx, store.EmailToken{TokenHash: hashToken(token), UserID: userID, Kind: kind,
		Created: now, Expires: now.Add(ttl)})
	if err != nil {
		return "", fmt.Errorf("account: %s token: %w", kind, err)
	}
	return s.cfg.BaseURL + path + "?token=" + url.QueryEscape(token), nil
}

// SetRole changes an account's role; only admins may, and the last admin cannot demote
// themselves or be demoted.
func (s *Service) SetRole(ctx context.Context, actor store.User, userID int64, role, reason string) error {
	if err := Require(actor, store.RoleAdmin); err != nil {
		return err
	}
	if rank(role) == 0 {
		return fmt.Errorf("account: unknown role %q", role)
	}
	target, err := s.cfg.Store.User(ctx, userID)
	if err != nil {
		return fmt.Errorf("account: set role: %w", err)
	}
	if target.Role == store.RoleAdmin && role != store.RoleAdmin {
		n, err := s.cfg.Store.CountUsersWithRole(ctx, store.RoleAdmin)
		if err != nil {
			return fmt.Errorf("account: set role: %w", err)
		}
		if n <= 1 {
			return ErrLastAdmin
		}
	}
	return s.cfg.Store.SetUserRole(ctx, userID, role, store.Audit{ActorID: actor.ID, Action: "user.role",
		Detail: target.Role + " → " + role + detail(reason), Created: s.cfg.Now()})
}

func detail(reason string) string {
	if reason == "" {
		return ""
	}
	return ": " + reason
}
