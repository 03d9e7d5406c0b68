package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func mustUser(t *testing.T, s *Store, name string) User {
	t.Helper()
	u, err := s.CreateUser(context.Background(), User{Email: name + "@example.org", EmailKey: name + "@example.org",
		DisplayName: name, NameKey: name, PasswordHash: "hash-" + name})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestUsers(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ann := mustUser(t, s, "ann")
		if ann.Role != RoleReader || ann.ID == 0 {
			t.Fatalf("created %+v", ann)
		}
		tests := []struct {
			desc            string
			emailKey, dname string
			want            error
		}{
			{"same email", "ann@example.org", "other", ErrConflict},
			{"same name", "other@example.org", "ann", ErrConflict},
			{"both new", "bob@example.org", "bob", nil},
		}
		for _, tt := range tests {
			_, err := s.CreateUser(ctx, User{Email: tt.emailKey, EmailKey: tt.emailKey, DisplayName: tt.dname, NameKey: tt.dname, PasswordHash: "h"})
			if !errors.Is(err, tt.want) && !(tt.want == nil && err == nil) {
				t.Errorf("%s: %v, want %v", tt.desc, err, tt.want)
			}
		}
		got, err := s.UserByEmailKey(ctx, "ann@example.org")
		if err != nil || got.ID != ann.ID || got.PasswordHash != "hash-ann" {
			t.Fatalf("by email %+v, %v", got, err)
		}
		if got, err := s.UserByNameKey(ctx, "ann"); err != nil || got.ID != ann.ID {
			t.Fatalf("by name %+v, %v", got, err)
		}
		if _, err := s.User(ctx, 9999); !errors.Is(err, ErrNotFound) {
			t.Fatalf("missing user: %v", err)
		}
		if err := s.SetPasswordHash(ctx, ann.ID, "new"); err != nil {
			t.Fatal(err)
		}
		now := time.UnixMilli(1_700_000_000_000).UTC()
		if err := s.SetUserVerified(ctx, ann.ID, now); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.User(ctx, ann.ID); got.PasswordHash != "new" || !got.VerifiedAt.Equal(now) {
			t.Fatalf("after updates %+v", got)
		}
		if err := s.SetPasswordHash(ctx, 9999, "x"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("password of missing user: %v", err)
		}
		list, err := s.Users(ctx, "an", 10, 0)
		if err != nil || len(list) != 1 || list[0].ID != ann.ID {
			t.Fatalf("users matching 'an': %+v, %v", list, err)
		}
		if list, _ := s.Users(ctx, "", 10, 0); len(list) != 2 {
			t.Fatalf("all users %+v", list)
		}
		if list, _ := s.Users(ctx, "%", 10, 0); len(list) != 0 {
			t.Fatalf("a wildcard matched literally nothing, got %+v", list)
		}
		if n, err := s.CountUsersWithRole(ctx, RoleReader); err != nil || n != 2 {
			t.Fatalf("readers %d, %v", n, err)
		}
	})
}

func TestSessions(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ann := mustUser(t, s, "ann")
		now := time.UnixMilli(1_700_000_000_000).UTC()
		for _, h := range []string{"a", "b", "c"} {
			if err := s.CreateSession(ctx, Session{TokenHash: h, UserID: ann.ID, Created: now, Expires: now.Add(time.Hour), LastSeen: now}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.CreateSession(ctx, Session{TokenHash: "a", UserID: ann.ID}); !errors.Is(err, ErrConflict) {
			t.Fatalf("duplicate session: %v", err)
		}
		later := now.Add(30 * time.Minute)
		if err := s.TouchSession(ctx, "a", later, later.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		se, err := s.Session(ctx, "a")
		if err != nil || se.UserID != ann.ID || !se.LastSeen.Equal(later) || !se.Expires.Equal(later.Add(time.Hour)) || !se.Created.Equal(now) {
			t.Fatalf("session %+v, %v", se, err)
		}
		if n, err := s.DeleteUserSessions(ctx, ann.ID, "a"); err != nil || n != 2 {
			t.Fatalf("deleted %d, %v; want the 2 others", n, err)
		}
		if _, err := s.Session(ctx, "b"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("other session kept: %v", err)
		}
		if n, err := s.DeleteExpiredSessions(ctx, later.Add(2*time.Hour)); err != nil || n != 1 {
			t.Fatalf("expired %d, %v", n, err)
		}
		if err := s.DeleteSession(ctx, "a"); err != nil {
			t.Fatal(err)
		}
	})
}

func TestEmailTokensAreSingleUse(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ann := mustUser(t, s, "ann")
		now := time.UnixMilli(1_700_000_000_000).UTC()
		mk := func(hash, kind string) {
			if err := s.CreateEmailToken(ctx, EmailToken{TokenHash: hash, UserID: ann.ID, Kind: kind, Created: now, Expires: now.Add(time.Hour)}); err != nil {
				t.Fatal(err)
			}
		}
		mk("old", TokenReset)
		mk("new", TokenReset) // replaces "old"
		mk("v", TokenVerify)
		tests := []struct {
			name, hash, kind string
			at               time.Time
			ok               bool
		}{
			{"superseded", "old", TokenReset, now, false},
			{"wrong kind", "new", TokenVerify, now, false},
			{"expired", "new", TokenReset, now.Add(time.Hour), false},
			{"good", "new", TokenReset, now.Add(time.Minute), true},
			{"used twice", "new", TokenReset, now.Add(time.Minute), false},
			{"unknown", "nope", TokenReset, now, false},
			{"verify", "v", TokenVerify, now, true},
		}
		for _, tt := range tests {
			peek, perr := s.EmailTokenUser(ctx, tt.hash, tt.kind, tt.at)
			if tt.ok != (perr == nil) || (tt.ok && peek != ann.ID) {
				t.Errorf("%s: peek %d, %v", tt.name, peek, perr)
			}
			id, err := s.UseEmailToken(ctx, tt.hash, tt.kind, tt.at)
			if tt.ok && (err != nil || id != ann.ID) {
				t.Errorf("%s: %d, %v", tt.name, id, err)
			}
			if !tt.ok && !errors.Is(err, ErrNotFound) {
				t.Errorf("%s: %d, %v; want ErrNotFound", tt.name, id, err)
			}
		}
	})
}
