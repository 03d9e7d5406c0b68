package comment

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"newsdesk/internal/store"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

type fixture struct {
	svc        *Service
	st         *store.Store
	clock      *clock
	mod, admin store.User
	art        store.Target
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "c.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	f := &fixture{st: st, clock: &clock{t: time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC)}, art: store.Target{Kind: store.TargetArticle, ID: 1}}
	f.svc, err = New(Config{Store: st, Now: f.clock.Now, PageSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	f.mod = f.user(t, "mod", store.RoleModerator)
	f.admin = f.user(t, "boss", store.RoleAdmin)
	return f
}

func (f *fixture) user(t *testing.T, name, role string) store.User {
	t.Helper()
	u, err := f.st.CreateUser(context.Background(), store.User{Email: name + "@example.org", EmailKey: name + "@example.org",
		DisplayName: name, NameKey: name, PasswordHash: "x", Role: role})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// trusted returns a reader past the new-account rules: three approved comments.
func (f *fixture) trusted(t *testing.T, name string) store.User {
	t.Helper()
	u := f.user(t, name, store.RoleReader)
	for range HeldForReview {
		c := f.post(t, u, PostInput{Target: store.Target{Kind: store.TargetStory, ID: 99}, Body: "hello"})
		if err := f.svc.Approve(context.Background(), f.mod, c.ID, ""); err != nil {
			t.Fatal(err)
		}
	}
	return f.refresh(t, u)
}

func (f *fixture) refresh(t *testing.T, u store.User) store.User {
	t.Helper()
	u, err := f.st.User(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func (f *fixture) post(t *testing.T, u store.User, in PostInput) store.Comment {
	t.Helper()
	c, err := f.svc.Post(context.Background(), u, in)
	if err != nil {
		t.Fatalf("post %q: %v", in.Body, err)
	}
	f.clock.Add(time.Second)
	return c
}

func TestPostRules(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	newbie := f.user(t, "newbie", store.RoleReader)
	ann := f.trusted(t, "ann")
	blocked := f.user(t, "blocked", store.RoleReader)
	blocked.BlockedUntil = f.clock.Now().Add(time.Hour)
	deleted := f.user(t, "gone", store.RoleReader)
	deleted.DeletedAt = f.clock.Now()
	if err := f.svc.BanWord(ctx, f.mod, "Frobnicate"); err != nil {
		t.Fatal(err)
	}
	other := store.Target{Kind: store.TargetArticle, ID: 2}
	chain := []store.Comment{f.post(t, ann, PostInput{Target: f.art, Body: "level 1"})}
	for d := 2; d <= MaxDepth; d++ {
		chain = append(chain, f.post(t, ann, PostInput{Target: f.art, ParentID: chain[len(chain)-1].ID, Body: "deeper"}))
	}
	if chain[MaxDepth-1].Depth != MaxDepth {
		t.Fatalf("depth %d", chain[MaxDepth-1].Depth)
	}
	locked := store.Target{Kind: store.TargetStory, ID: 5}
	if err := f.svc.Lock(ctx, f.mod, locked, "heated"); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name      string
		author    store.User
		in        PostInput
		err       error
		wantState string
	}{
		{"trusted reader", ann, PostInput{Target: f.art, Body: "*fine*"}, nil, store.CommentVisible},
		{"trusted reader with a link", ann, PostInput{Target: f.art, Body: "see https://example.org"}, nil, store.CommentVisible},
		{"new account held", newbie, PostInput{Target: f.art, Body: "first words"}, nil, store.CommentHeld},
		{"new account link", newbie, PostInput{Target: f.art, Body: "[spam](https://spam.example)"}, ErrLinksNotAllowed, ""},
		{"new account bare domain", newbie, PostInput{Target: f.art, Body: "visit www.spam.example"}, ErrLinksNotAllowed, ""},
		{"moderator not held", f.mod, PostInput{Target: f.art, Body: "house rules"}, nil, store.CommentVisible},
		{"banned word held", ann, PostInput{Target: f.art, Body: "you FROBNICATE!"}, nil, store.CommentHeld},
		{"banned word full-width", ann, PostInput{Target: f.art, Body: "ｆｒｏｂｎｉｃａｔｅ"}, nil, store.CommentHeld},
		{"banned word inside another word is fine", ann, PostInput{Target: f.art, Body: "frobnicated"}, nil, store.CommentVisible},
		{"honeypot", ann, PostInput{Target: f.art, Body: "buy now", Honeypot: "http://x"}, ErrSpam, ""},
		{"anonymous", store.User{}, PostInput{Target: f.art, Body: "hi"}, ErrForbidden, ""},
		{"deleted account", deleted, PostInput{Target: f.art, Body: "hi"}, ErrForbidden, ""},
		{"blocked", blocked, PostInput{Target: f.art, Body: "hi"}, ErrBlocked, ""},
		{"empty", ann, PostInput{Target: f.art, Body: " \n\t "}, ErrEmpty, ""},
		{"too long", ann, PostInput{Target: f.art, Body: strings.Repeat("é", MaxLen+1)}, ErrTooLong, ""},
		{"locked", ann, PostInput{Target: locked, Body: "hi"}, ErrLocked, ""},
		{"reply at depth 5", ann, PostInput{Target: f.art, ParentID: chain[MaxDepth-1].ID, Body: "too deep"}, ErrTooDeep, ""},
		{"reply at depth 4", ann, PostInput{Target: f.art, ParentID: chain[MaxDepth-2].ID, Body: "ok"}, nil, store.CommentVisible},
		{"parent on another article", ann, PostInput{Target: other, ParentID: chain[0].ID, Body: "x"}, ErrNotFound, ""},
		{"missing parent", ann, PostInput{Target: f.art, ParentID: 9999, Body: "x"}, ErrNotFound, ""},
	}
	for _, tt := range tests {
		c, err := f.svc.Post(ctx, tt.author, tt.in)
		if !errors.Is(err, tt.err) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.err)
			continue
		}
		if err == nil && c.State != tt.wantState {
			t.Errorf("%s: state %s, want %s", tt.name, c.State, tt.wantState)
		}
	}
	// Held for the first three only: after three approvals the fourth goes up at once.
	for i := range HeldForReview {
		c := f.post(t, newbie, PostInput{Target: other, Body: "more"})
		if c.State != store.CommentHeld {
			t.Fatalf("comment %d of a new account: %s", i+1, c.State)
		}
		if err := f.svc.Approve(ctx, f.mod, c.ID, "fine"); err != nil {
			t.Fatal(err)
		}
	}
	if c := f.post(t, newbie, PostInput{Target: other, Body: "now with https://example.org"}); c.State != store.CommentVisible {
		t.Fatalf("after %d approvals: %s", HeldForReview, c.State)
	}
}

func TestEditAndDelete(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	ann, bob := f.trusted(t, "ann"), f.trusted(t, "bob")
	c := f.post(t, ann, PostInput{Target: f.art, Body: "frist"})
	f.clock.Add(5 * time.Minute)
	got, err := f.svc.Edit(ctx, ann, c.ID, "first")
	if err != nil || got.Body != "first" || got.EditedAt.IsZero() || got.State != store.CommentVisible {
		t.Fatalf("edit %+v, %v", got, err)
	}
	if _, err := f.svc.Edit(ctx, bob, c.ID, "mine now"); !errors.Is(err, ErrForbidden) {
		t.Fatalf("editing another's comment: %v", err)
	}
	if _, err := f.svc.Edit(ctx, ann, c.ID, ""); !errors.Is(err, ErrEmpty) {
		t.Fatalf("empty edit: %v", err)
	}
	f.clock.Add(5*time.Minute + time.Second)
	if _, err := f.svc.Edit(ctx, ann, c.ID, "late"); !errors.Is(err, ErrEditWindow) {
		t.Fatalf("edit after 10 minutes: %v", err)
	}

	reply := f.post(t, bob, PostInput{Target: f.art, ParentID: c.ID, Body: "agreed"})
	lonely := f.post(t, ann, PostInput{Target: f.art, Body: "nobody answers"})
	if err := f.svc.Delete(ctx, bob, c.ID); !errors.Is(err, ErrForbidden) {
		t.Fatalf("deleting another's comment: %v", err)
	}
	for _, id := range []int64{c.ID, lonely.ID} {
		if err := f.svc.Delete(ctx, ann, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.svc.Delete(ctx, ann, c.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting twice: %v", err)
	}
	th, err := f.svc.Thread(ctx, store.User{}, f.art, SortNewest, 1)
	if err != nil {
		t.Fatal(err)
	}
	// The deleted comment with a reply stays as a placeholder; the lonely one is gone.
	if len(th.Comments) != 1 || th.Comments[0].Placeholder != "deleted" || th.Comments[0].HTML != "" ||
		th.Comments[0].Author != "" || len(th.Comments[0].Replies) != 1 || th.Comments[0].Replies[0].ID != reply.ID || th.Total != 1 {
		t.Fatalf("thread after delete %+v", th)
	}
}

func TestVotes(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	ann, bob := f.trusted(t, "ann"), f.trusted(t, "bob")
	c := f.post(t, ann, PostInput{Target: f.art, Body: "vote on me"})
	steps := []struct {
		voter            store.User
		value            int
		mine, ups, downs int
		err              error
	}{
		{bob, 1, 1, 1, 0, nil},
		{bob, 1, 0, 0, 0, nil}, // the same vote again takes it back
		{bob, -1, -1, 0, 1, nil},
		{bob, 1, 1, 1, 0, nil}, // changed
		{f.mod, 1, 1, 2, 0, nil},
		{ann, 1, 0, 0, 0, ErrForbidden}, // not on your own
		{store.User{}, 1, 0, 0, 0, ErrForbidden},
	}
	for i, st := range steps {
		mine, ups, downs, err := f.svc.Vote(ctx, st.voter, c.ID, st.value)
		if !errors.Is(err, st.err) || (err == nil && (mine != st.mine || ups != st.ups || downs != st.downs)) {
			t.Fatalf("step %d: %d %d/%d, %v; want %d %d/%d, %v", i, mine, ups, downs, err, st.mine, st.ups, st.downs, st.err)
		}
	}
	if _, _, _, err := f.svc.Vote(ctx, bob, c.ID, 2); err == nil {
		t.Fatal("a vote of 2 was taken")
	}
	th, _ := f.svc.Thread(ctx, bob, f.art, SortBest, 1)
	if th.Comments[0].MyVote != 1 || th.Comments[0].Ups != 2 {
		t.Fatalf("bob's view %+v", th.Comments[0])
	}
}

func TestThreadOrderPagesAndVisibility(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	ann, bob, carl := f.trusted(t, "ann"), f.trusted(t, "bob"), f.trusted(t, "carl")
	empty, err := f.svc.Thread(ctx, store.User{}, f.art, SortBest, 1)
	if err != nil || !empty.Empty || empty.Total != 0 || empty.Pages != 1 {
		t.Fatalf("empty thread %+v, %v", empty, err)
	}
	old := f.post(t, ann, PostInput{Target: f.art, Body: "old and loved"})
	mid := f.post(t, ann, PostInput{Target: f.art, Body: "middling"})
	newest := f.post(t, ann, PostInput{Target: f.art, Body: "newest"})
	for _, v := range []store.User{bob, carl, f.mod} {
		if _, _, _, err := f.svc.Vote(ctx, v, old.ID, 1); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, _, err := f.svc.Vote(ctx, bob, mid.ID, 1); err != nil {
		t.Fatal(err)
	}
	newbie := f.user(t, "newbie", store.RoleReader)
	held := f.post(t, newbie, PostInput{Target: f.art, ParentID: old.ID, Body: "waiting"})

	ids := func(vs []*View) (out []int64) {
		for _, v := range vs {
			out = append(out, v.ID)
		}
		return out
	}
	best1, _ := f.svc.Thread(ctx, store.User{}, f.art, SortBest, 1)
	best2, _ := f.svc.Thread(ctx, store.User{}, f.art, SortBest, 2)
	if got := append(ids(best1.Comments), ids(best2.Comments)...); len(got) != 3 || got[0] != old.ID || got[1] != mid.ID || got[2] != newest.ID {
		t.Fatalf("best order %v", got)
	}
	if best1.Pages != 2 || best2.Page != 2 || best1.Total != 3 {
		t.Fatalf("pages %+v", best1)
	}
	byNew, _ := f.svc.Thread(ctx, store.User{}, f.art, SortNewest, 1)
	if got := ids(byNew.Comments); got[0] != newest.ID || got[1] != mid.ID {
		t.Fatalf("newest order %v", got)
	}
	if beyond, _ := f.svc.Thread(ctx, store.User{}, f.art, SortBest, 99); beyond.Page != 2 {
		t.Fatalf("page past the end: %d", beyond.Page)
	}
	// The held reply: hidden from readers, shown to its author and to moderators.
	replies := func(viewer store.User) int {
		th, _ := f.svc.Thread(ctx, viewer, f.art, SortBest, 1)
		return len(th.Comments[0].Replies)
	}
	if replies(store.User{}) != 0 || replies(bob) != 0 || replies(newbie) != 1 || replies(f.mod) != 1 {
		t.Fatalf("held reply visible to anonymous/bob/newbie/mod: %d %d %d %d", replies(store.User{}), replies(bob), replies(newbie), replies(f.mod))
	}
	mine, _ := f.svc.Thread(ctx, newbie, f.art, SortBest, 1)
	if r := mine.Comments[0].Replies[0]; r.ID != held.ID || r.State != store.CommentHeld || !r.Mine || !r.CanEdit {
		t.Fatalf("author's view of the held reply %+v", r)
	}
	if !best1.Comments[0].CanReply || best1.Comments[0].HTML != "<p>old and loved</p>" {
		t.Fatalf("view %+v", best1.Comments[0])
	}
	counts, err := f.svc.Count(ctx, store.TargetArticle, []int64{f.art.ID})
	if err != nil || counts[f.art.ID] != 3 {
		t.Fatalf("count %v, %v", counts, err)
	}
}

func TestWilsonRanksConfidence(t *testing.T) {
	t.Parallel()
	tests := []struct {
		better, worse [2]int
	}{
		{[2]int{10, 1}, [2]int{1, 0}},
		{[2]int{1, 0}, [2]int{0, 0}},
		{[2]int{100, 10}, [2]int{10, 1}},
		{[2]int{5, 5}, [2]int{1, 4}},
	}
	for _, tt := range tests {
		if b, w := wilson(tt.better[0], tt.better[1]), wilson(tt.worse[0], tt.worse[1]); b <= w {
			t.Errorf("wilson%v = %.3f not above wilson%v = %.3f", tt.better, b, tt.worse, w)
		}
	}
}

func TestSortViews(t *testing.T) {
	t.Parallel()
	at := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	vs := []*View{
		{ID: 1, Ups: 0, Downs: 3, Created: at.Add(4 * time.Hour)},
		{ID: 2, Ups: 0, Downs: 0, Created: at.Add(3 * time.Hour)},
		{ID: 3, Ups: 1, Downs: 0, Created: at},
		{ID: 4, Ups: 10, Downs: 1, Created: at.Add(time.Hour)},
		{ID: 5, Ups: 0, Downs: 0, Created: at.Add(5 * time.Hour)},
	}
	for _, tt := range []struct {
		sort string
		want []int64
	}{
		{SortBest, []int64{4, 3, 5, 2, 1}},
		{SortNewest, []int64{5, 1, 2, 4, 3}},
	} {
		sortViews(vs, tt.sort)
		for i, v := range vs {
			if v.ID != tt.want[i] {
				t.Errorf("%s: position %d is %d, want order %v", tt.sort, i, v.ID, tt.want)
				break
			}
		}
	}
}
