package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestModerationIsReversibleAndAudited(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		mod, ann, bob := mustUser(t, s, "mod"), mustUser(t, s, "ann"), mustUser(t, s, "bob")
		art := Target{TargetArticle, 1}
		c, err := s.AddComment(ctx, Comment{Target: art, AuthorID: ann.ID, Body: "hi"})
		if err != nil {
			t.Fatal(err)
		}
		held, _ := s.AddComment(ctx, Comment{Target: art, AuthorID: ann.ID, Body: "new here", State: CommentHeld})
		audit := func(action, detail string) Audit { return Audit{ActorID: mod.ID, Action: action, Detail: detail} }

		if _, err := s.AddReport(ctx, Report{CommentID: c.ID, ReporterID: bob.ID, Reason: "rude"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddReport(ctx, Report{CommentID: c.ID, ReporterID: bob.ID, Reason: "again"}); !errors.Is(err, ErrConflict) {
			t.Fatalf("second report by the same reader: %v", err)
		}
		q, err := s.ModerationQueue(ctx, 10)
		if err != nil || len(q) != 2 || q[0].Comment.ID != c.ID || len(q[0].Reports) != 1 || q[0].Reports[0].Reason != "rude" || q[1].Comment.ID != held.ID {
			t.Fatalf("queue %+v, %v", q, err)
		}

		steps := []struct {
			name   string
			do     func() error
			check  func() bool
			action string
		}{
			{"hide", func() error { return s.SetCommentState(ctx, c.ID, CommentHidden, audit("comment.hide", "rude")) },
				func() bool { got, _ := s.Comment(ctx, c.ID); return got.State == CommentHidden }, "comment.hide"},
			{"restore", func() error { return s.SetCommentState(ctx, c.ID, CommentVisible, audit("comment.restore", "")) },
				func() bool { got, _ := s.Comment(ctx, c.ID); return got.State == CommentVisible }, "comment.restore"},
			{"approve", func() error { return s.SetCommentState(ctx, held.ID, CommentVisible, audit("comment.approve", "")) },
				func() bool { got, _ := s.Comment(ctx, held.ID); return got.State == CommentVisible }, "comment.approve"},
			{"block", func() error {
				return s.SetUserBlock(ctx, ann.ID, BlockedForGood, "spam", audit("user.block", "for good"))
			}, func() bool {
				u, _ := s.User(ctx, ann.ID)
				return u.Blocked(time.Now().AddDate(100, 0, 0)) && u.BlockReason == "spam"
			}, "user.block"},
			{"unblock", func() error { return s.SetUserBlock(ctx, ann.ID, time.Time{}, "", audit("user.unblock", "")) },
				func() bool { u, _ := s.User(ctx, ann.ID); return !u.Blocked(time.Now()) }, "user.unblock"},
			{"lock", func() error { return s.LockThread(ctx, art, "flame war", audit("thread.lock", "flame war")) },
				func() bool {
					l, err := s.ThreadLock(ctx, art)
					return err == nil && l.Reason == "flame war" && l.LockedBy == mod.ID
				}, "thread.lock"},
			{"unlock", func() error { return s.UnlockThread(ctx, art, audit("thread.unlock", "")) },
				func() bool { _, err := s.ThreadLock(ctx, art); return errors.Is(err, ErrNotFound) }, "thread.unlock"},
			{"role", func() error { return s.SetUserRole(ctx, bob.ID, RoleModerator, audit("user.role", "moderator")) },
				func() bool { u, _ := s.User(ctx, bob.ID); return u.Role == RoleModerator }, "user.role"},
			{"ban word", func() error { return s.AddBannedWord(ctx, " Spam ", audit("word.add", "")) },
				func() bool { w, _ := s.BannedWords(ctx); return len(w) == 1 && w[0] == "spam" }, "word.add"},
			{"unban word", func() error { return s.RemoveBannedWord(ctx, "spam", audit("word.remove", "")) },
				func() bool { w, _ := s.BannedWords(ctx); return len(w) == 0 }, "word.remove"},
			{"delete user", func() error { return s.DeleteUser(ctx, ann.ID, Audit{ActorID: ann.ID, Action: "user.delete"}) },
				func() bool {
					got, _ := s.Comment(ctx, c.ID)
					return got.AuthorDeleted && got.AuthorName == "" && got.Body == "hi"
				}, "user.delete"},
			{"restore user", func() error { return s.RestoreUser(ctx, ann.ID, audit("user.restore", "")) },
				func() bool { got, _ := s.Comment(ctx, c.ID); return !got.AuthorDeleted && got.AuthorName == "ann" }, "user.restore"},
		}
		for _, st := range steps {
			if err := st.do(); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			if !st.check() {
				t.Fatalf("%s: not applied", st.name)
			}
			last, err := s.AuditLog(ctx, AuditFilter{Limit: 1})
			if err != nil || len(last) != 1 || last[0].Action != st.action || last[0].Created.IsZero() {
				t.Fatalf("%s: audit %+v, %v", st.name, last, err)
			}
		}
		if q, _ := s.ModerationQueue(ctx, 10); len(q) != 0 {
			t.Fatalf("queue after moderation %+v", q)
		}

		// Failures write no audit line.
		before, _ := s.AuditLog(ctx, AuditFilter{})
		failures := []struct {
			name string
			err  error
			want error
		}{
			{"hide missing", s.SetCommentState(ctx, 9999, CommentHidden, audit("comment.hide", "")), ErrNotFound},
			{"unlock open", s.UnlockThread(ctx, art, audit("thread.unlock", "")), ErrNotFound},
			{"restore live user", s.RestoreUser(ctx, ann.ID, audit("user.restore", "")), ErrNotFound},
			{"unban absent word", s.RemoveBannedWord(ctx, "nothing", audit("word.remove", "")), ErrNotFound},
		}
		for _, f := range failures {
			if !errors.Is(f.err, f.want) {
				t.Errorf("%s: %v, want %v", f.name, f.err, f.want)
			}
		}
		if err := s.LockThread(ctx, art, "", audit("thread.lock", "")); err != nil {
			t.Fatal(err)
		}
		if err := s.LockThread(ctx, art, "", audit("thread.lock", "")); !errors.Is(err, ErrConflict) {
			t.Errorf("double lock: %v", err)
		}
		after, _ := s.AuditLog(ctx, AuditFilter{})
		if len(after) != len(before)+1 {
			t.Errorf("audit lines %d → %d, want one more (the lock)", len(before), len(after))
		}
		if err := s.SetCommentState(ctx, c.ID, CommentHidden, Audit{Action: "comment.hide"}); err == nil {
			t.Error("an action without an actor was accepted")
		}

		// Filters and paging.
		byTarget, err := s.AuditLog(ctx, AuditFilter{TargetKind: "user", TargetID: ann.ID})
		if err != nil || len(byTarget) != 4 {
			t.Fatalf("ann's audit lines %+v, %v", byTarget, err)
		}
		page2, _ := s.AuditLog(ctx, AuditFilter{TargetKind: "user", TargetID: ann.ID, Before: byTarget[1].ID})
		if len(page2) != 2 || page2[0].ID != byTarget[2].ID {
			t.Fatalf("page 2 %+v", page2)
		}
		if mine, _ := s.AuditLog(ctx, AuditFilter{ActorID: ann.ID}); len(mine) != 1 || mine[0].Action != "user.delete" {
			t.Fatalf("ann's own actions %+v", mine)
		}

		// Dismissing reports.
		if _, err := s.AddReport(ctx, Report{CommentID: held.ID, ReporterID: bob.ID, Reason: "spam"}); err != nil {
			t.Fatal(err)
		}
		if err := s.DismissReports(ctx, held.ID, audit("report.dismiss", "")); err != nil {
			t.Fatal(err)
		}
		if q, _ := s.ModerationQueue(ctx, 10); len(q) != 0 {
			t.Fatalf("queue after dismiss %+v", q)
		}
	})
}

func TestDeleteUserEndsSessions(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ann := mustUser(t, s, "ann")
		now := time.Now()
		if err := s.CreateSession(ctx, Session{TokenHash: "s", UserID: ann.ID, Created: now, Expires: now.Add(time.Hour), LastSeen: now}); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateEmailToken(ctx, EmailToken{TokenHash: "t", UserID: ann.ID, Kind: TokenReset, Created: now, Expires: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteUser(ctx, ann.ID, Audit{ActorID: ann.ID, Action: "user.delete"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Session(ctx, "s"); !errors.Is(err, ErrNotFound) {
			t.Errorf("session survived deletion: %v", err)
		}
		if _, err := s.UseEmailToken(ctx, "t", TokenReset, now); !errors.Is(err, ErrNotFound) {
			t.Errorf("reset link survived deletion: %v", err)
		}
		if u, _ := s.User(ctx, ann.ID); !u.Deleted() {
			t.Errorf("not marked deleted: %+v", u)
		}
		if n, _ := s.CountUsersWithRole(ctx, RoleReader); n != 0 {
			t.Errorf("deleted account counted: %d", n)
		}
	})
}
