package comment

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/store"
)

// Each moderator action is undone by its opposite, and both land in the audit log with
// the actor and the reason.
func TestModerationReversibleAndAudited(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	ann, bob := f.trusted(t, "ann"), f.trusted(t, "bob")
	c := f.post(t, ann, PostInput{Target: f.art, Body: "spicy take"})
	visibleToReaders := func() bool {
		th, _ := f.svc.Thread(ctx, store.User{}, f.art, SortBest, 1)
		return len(th.Comments) == 1 && th.Comments[0].HTML != ""
	}
	canPost := func(u store.User, target store.Target) bool {
		_, err := f.svc.Post(ctx, f.refresh(t, u), PostInput{Target: target, Body: "still here"})
		f.clock.Add(time.Second)
		return err == nil
	}
	steps := []struct {
		name   string
		do     func() error
		check  func() bool
		action string
		reason string
	}{
		{"report", func() error { return f.svc.Report(ctx, bob, c.ID, "insulting") }, func() bool {
			q, _ := f.svc.Queue(ctx, f.mod, 10)
			return len(q) == 1 && q[0].Comment.ID == c.ID && q[0].Reports[0].Reason == "insulting"
		}, "", ""},
		{"hide", func() error { return f.svc.Hide(ctx, f.mod, c.ID, "insulting") }, func() bool { return !visibleToReaders() }, "comment.hide", "insulting"},
		{"restore", func() error { return f.svc.Restore(ctx, f.mod, c.ID, "on appeal") }, visibleToReaders, "comment.restore", "on appeal"},
		{"remove", func() error { return f.svc.Remove(ctx, f.mod, c.ID, "rule 2") }, func() bool { return !visibleToReaders() }, "comment.remove", "rule 2"},
		{"restore again", func() error { return f.svc.Restore(ctx, f.mod, c.ID, "mistake") }, visibleToReaders, "comment.restore", "mistake"},
		{"block a day", func() error { return f.svc.Block(ctx, f.mod, ann.ID, 24*time.Hour, "cool off") },
			func() bool { return !canPost(ann, f.art) }, "user.block", "for 24h0m0s: cool off"},
		{"unblock", func() error { return f.svc.Unblock(ctx, f.mod, ann.ID, "apologised") },
			func() bool { return canPost(ann, f.art) }, "user.unblock", "apologised"},
		{"block for good", func() error { return f.svc.Block(ctx, f.admin, ann.ID, 0, "spam") }, func() bool {
			u := f.refresh(t, ann)
			return u.BlockedUntil.Equal(store.BlockedForGood) && !canPost(ann, f.art)
		}, "user.block", "for good: spam"},
		{"unblock for good", func() error { return f.svc.Unblock(ctx, f.admin, ann.ID, "") },
			func() bool { return canPost(ann, f.art) }, "user.unblock", ""},
		{"lock", func() error { return f.svc.Lock(ctx, f.mod, f.art, "flame war") },
			func() bool {
				th, _ := f.svc.Thread(ctx, bob, f.art, SortBest, 1)
				return th.Locked && !canPost(bob, f.art)
			}, "thread.lock", "flame war"},
		{"unlock", func() error { return f.svc.Unlock(ctx, f.mod, f.art, "calm") },
			func() bool { return canPost(bob, f.art) }, "thread.unlock", "calm"},
		{"ban word", func() error { return f.svc.BanWord(ctx, f.mod, "grawlix") },
			func() bool { w, _ := f.svc.BannedWords(ctx, f.mod); return len(w) == 1 }, "word.add", "grawlix"},
		{"unban word", func() error { return f.svc.UnbanWord(ctx, f.mod, "grawlix") },
			func() bool { w, _ := f.svc.BannedWords(ctx, f.mod); return len(w) == 0 }, "word.remove", "grawlix"},
	}
	for _, st := range steps {
		before, _ := f.svc.AuditLog(ctx, f.mod, store.AuditFilter{})
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if !st.check() {
			t.Fatalf("%s: not in effect", st.name)
		}
		after, _ := f.svc.AuditLog(ctx, f.mod, store.AuditFilter{})
		// Approvals made by f.trusted come first; look only at what this step added.
		added := after[:len(after)-len(before)]
		if st.action == "" {
			if len(added) != 0 {
				t.Fatalf("%s: a reader's action was audited: %+v", st.name, added)
			}
			continue
		}
		if len(added) != 1 || added[0].Action != st.action || added[0].Detail != st.reason || added[0].ActorID == 0 {
			t.Fatalf("%s: audit %+v, want one %s line with %q", st.name, added, st.action, st.reason)
		}
	}
	if q, _ := f.svc.Queue(ctx, f.mod, 10); len(q) != 0 {
		t.Fatalf("the report is still open after a moderator acted: %+v", q)
	}
}

func TestModerationNeedsModerators(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	ann, bob := f.trusted(t, "ann"), f.trusted(t, "bob")
	c := f.post(t, ann, PostInput{Target: f.art, Body: "hi"})
	for _, who := range []store.User{{}, bob} {
		calls := map[string]error{
			"queue":   func() error { _, err := f.svc.Queue(ctx, who, 10); return err }(),
			"hide":    f.svc.Hide(ctx, who, c.ID, ""),
			"remove":  f.svc.Remove(ctx, who, c.ID, ""),
			"restore": f.svc.Restore(ctx, who, c.ID, ""),
			"approve": f.svc.Approve(ctx, who, c.ID, ""),
			"dismiss": f.svc.Dismiss(ctx, who, c.ID, ""),
			"block":   f.svc.Block(ctx, who, ann.ID, 0, ""),
			"unblock": f.svc.Unblock(ctx, who, ann.ID, ""),
			"lock":    f.svc.Lock(ctx, who, f.art, ""),
			"unlock":  f.svc.Unlock(ctx, who, f.art, ""),
			"ban":     f.svc.BanWord(ctx, who, "x"),
			"unban":   f.svc.UnbanWord(ctx, who, "x"),
			"audit":   func() error { _, err := f.svc.AuditLog(ctx, who, store.AuditFilter{}); return err }(),
		}
		for name, err := range calls {
			if !errors.Is(err, ErrForbidden) {
				t.Errorf("%s by %q: %v, want ErrForbidden", name, who.DisplayName, err)
			}
		}
	}
	// Moderators cannot block each other or admins, or themselves; admins can block moderators.
	mod2 := f.user(t, "mod2", store.RoleModerator)
	blocks := []struct {
		actor, target store.User
		err           error
	}{
		{f.mod, mod2, ErrForbidden},
		{f.mod, f.admin, ErrForbidden},
		{f.mod, f.mod, ErrForbidden},
		{f.admin, f.admin, ErrForbidden},
		{f.admin, mod2, nil},
		{f.mod, store.User{ID: 9999}, ErrNotFound},
	}
	for _, b := range blocks {
		if err := f.svc.Block(ctx, b.actor, b.target.ID, time.Hour, ""); !errors.Is(err, b.err) {
			t.Errorf("%s blocks %s: %v, want %v", b.actor.DisplayName, b.target.DisplayName, err, b.err)
		}
	}
	// Reports: a reason is needed, once per reader.
	if err := f.svc.Report(ctx, bob, c.ID, " "); !errors.Is(err, ErrReason) {
		t.Errorf("report without reason: %v", err)
	}
	if err := f.svc.Report(ctx, bob, c.ID, strings.Repeat("x", MaxReasonLen+1)); !errors.Is(err, ErrReason) {
		t.Errorf("report with a long reason: %v", err)
	}
	if err := f.svc.Report(ctx, bob, c.ID, "spam"); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Report(ctx, bob, c.ID, "spam"); !errors.Is(err, ErrAlreadyReported) {
		t.Errorf("second report: %v", err)
	}
	if err := f.svc.Report(ctx, store.User{}, c.ID, "spam"); !errors.Is(err, ErrForbidden) {
		t.Errorf("anonymous report: %v", err)
	}
}

// Deleting an account keeps its comments, shown as by "deleted user"; restoring it brings
// the name back.
func TestDeletedAuthor(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	ann := f.trusted(t, "ann")
	f.post(t, ann, PostInput{Target: f.art, Body: "my two cents"})
	if err := f.st.DeleteUser(ctx, ann.ID, store.Audit{ActorID: ann.ID, Action: "user.delete"}); err != nil {
		t.Fatal(err)
	}
	th, _ := f.svc.Thread(ctx, store.User{}, f.art, SortBest, 1)
	if len(th.Comments) != 1 || th.Comments[0].Author != DeletedUser || th.Comments[0].HTML != "<p>my two cents</p>" {
		t.Fatalf("after deletion %+v", th.Comments)
	}
	if err := f.st.RestoreUser(ctx, ann.ID, store.Audit{ActorID: f.admin.ID, Action: "user.restore"}); err != nil {
		t.Fatal(err)
	}
	th, _ = f.svc.Thread(ctx, store.User{}, f.art, SortBest, 1)
	if th.Comments[0].Author != "ann" {
		t.Fatalf("after restore %+v", th.Comments[0])
	}
}
