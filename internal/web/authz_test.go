package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"newsdesk/internal/comment"
	"newsdesk/internal/store"
)

// TestAuthorizationMatrix sends every account, comment and admin route as each kind of
// visitor and checks the status: anonymous visitors are sent to sign in (303 to /login),
// readers and blocked readers get 403 on the console, moderators moderate, only admins
// change roles and sources, blocked readers may read but not write.
func TestAuthorizationMatrix(t *testing.T) {
	t.Parallel()
	as := newAuthSite(t)
	ctx := context.Background()
	author := as.user(t, "author", store.RoleReader, false)
	victim := as.user(t, "victim", store.RoleReader, false)
	// A visible comment to act on, one per role so that no action hides another's target.
	roles := []string{"anonymous", "reader", "moderator", "admin", "blocked"}
	target := map[string]int64{}
	for _, role := range roles {
		c, err := as.db.AddComment(ctx, store.Comment{Target: store.Target{Kind: store.TargetArticle, ID: 1}, Depth: 1,
			AuthorID: author.ID, Body: "comment for " + role, Created: testNow, State: store.CommentVisible})
		if err != nil {
			t.Fatal(err)
		}
		target[role] = c.ID
	}
	pub, err := as.db.EnsurePublisher(ctx, store.Publisher{Name: "Harbor Gazette", HomeURL: "https://harbor.example"})
	if err != nil {
		t.Fatal(err)
	}
	feed, err := as.db.CreateFeed(ctx, store.Feed{PublisherID: pub.ID, URL: "https://harbor.example/feed.xml"})
	if err != nil {
		t.Fatal(err)
	}
	browsers := map[string]*browser{"anonymous": as.browser(t)}
	for _, role := range roles[1:] {
		r, blocked := role, false
		if role == "blocked" {
			r, blocked = store.RoleReader, true
		}
		browsers[role] = as.signIn(t, as.user(t, map[string]string{"reader": "rita", "moderator": "mona", "admin": "ola", "blocked": "bob"}[role], r, blocked))
	}

	const (
		login = 1 // a redirect to /login
		back  = 2 // a redirect elsewhere: done
	)
	type want map[string]int // role → status, or login/back
	routes := []struct {
		method, path string
		form         url.Values
		want         want
	}{
		{"GET", "/account", nil, want{"anonymous": login, "reader": 200, "moderator": 200, "admin": 200, "blocked": 200}},
		{"GET", "/login", nil, want{"anonymous": 200, "reader": back, "moderator": back, "admin": back, "blocked": back}},
		{"GET", "/signup", nil, want{"anonymous": 200, "reader": 200, "moderator": 200, "admin": 200, "blocked": 200}},
		{"GET", "/article/1", nil, want{"anonymous": 200, "reader": 200, "moderator": 200, "admin": 200, "blocked": 200}},
		{"GET", "/admin", nil, want{"anonymous": login, "reader": 403, "moderator": 200, "admin": 200, "blocked": 403}},
		{"GET", "/admin/users", nil, want{"anonymous": login, "reader": 403, "moderator": 200, "admin": 200, "blocked": 403}},
		{"GET", "/admin/locks", nil, want{"anonymous": login, "reader": 403, "moderator": 200, "admin": 200, "blocked": 403}},
		{"GET", "/admin/words", nil, want{"anonymous": login, "reader": 403, "moderator": 200, "admin": 200, "blocked": 403}},
		{"GET", "/admin/audit", nil, want{"anonymous": login, "reader": 403, "moderator": 200, "admin": 200, "blocked": 403}},
		{"GET", "/admin/sources", nil, want{"anonymous": login, "reader": 403, "moderator": 200, "admin": 200, "blocked": 403}},
		{"POST", "/comments", url.Values{"kind": {"article"}, "target": {"1"}, "body": {"a plain comment"}, "back": {"/article/1"}},
			want{"anonymous": login, "reader": back, "moderator": back, "admin": back, "blocked": 403}},
		{"POST", "/comments/{c}/vote", url.Values{"value": {"1"}, "back": {"/article/1"}},
			want{"anonymous": login, "reader": back, "moderator": back, "admin": back, "blocked": 403}},
		{"POST", "/comments/{c}/report", url.Values{"reason": {"spam"}, "back": {"/article/1"}}, // reporting stays open to blocked readers
			want{"anonymous": login, "reader": back, "moderator": back, "admin": back, "blocked": back}},
		{"POST", "/comments/{c}/edit", url.Values{"body": {"not mine"}},
			want{"anonymous": login, "reader": 403, "moderator": 403, "admin": 403, "blocked": 403}},
		{"POST", "/comments/{c}/delete", nil,
			want{"anonymous": login, "reader": 403, "moderator": 403, "admin": 403, "blocked": 403}},
		{"POST", "/admin/comments/{c}/hide", url.Values{"reason": {"test"}},
			want{"anonymous": login, "reader": 403, "moderator": back, "admin": back, "blocked": 403}},
		{"POST", "/admin/comments/{c}/restore", nil,
			want{"anonymous": login, "reader": 403, "moderator": back, "admin": back, "blocked": 403}},
		{"POST", "/admin/users/{victim}/block", url.Values{"for": {"1d"}},
			want{"anonymous": login, "reader": 403, "moderator": back, "admin": back, "blocked": 403}},
		{"POST", "/admin/users/{victim}/unblock", nil,
			want{"anonymous": login, "reader": 403, "moderator": back, "admin": back, "blocked": 403}},
		{"POST", "/admin/users/{victim}/role", url.Values{"role": {"reader"}},
			want{"anonymous": login, "reader": 403, "moderator": 403, "admin": back, "blocked": 403}},
		{"POST", "/admin/locks", url.Values{"kind": {"story"}, "target": {"100"}, "op": {"unlock"}},
			want{"anonymous": login, "reader": 403, "moderator": back, "admin": back, "blocked": 403}},
		{"POST", "/admin/words", url.Values{"word": {"{role}"}},
			want{"anonymous": login, "reader": 403, "moderator": back, "admin": back, "blocked": 403}},
		{"POST", "/admin/sources/{feed}/resume", nil,
			want{"anonymous": login, "reader": 403, "moderator": 403, "admin": back, "blocked": 403}},
	}
	for _, rt := range routes {
		as.advance(11e9) // past the one-comment-per-10-seconds limit of the route before
		for _, role := range roles {
			expected, ok := rt.want[role]
			if !ok {
				t.Fatalf("%s %s: no expectation for %s", rt.method, rt.path, role)
			}
			path := strings.NewReplacer("{c}", strconv.FormatInt(target[role], 10),
				"{victim}", strconv.FormatInt(victim.ID, 10), "{feed}", strconv.FormatInt(feed.ID, 10)).Replace(rt.path)
			b := browsers[role]
			var r response
			if rt.method == "GET" {
				r = b.get(path)
			} else {
				form := url.Values{}
				for k, v := range rt.form {
					form.Set(k, strings.ReplaceAll(v[0], "{role}", "banned"+role))
				}
				r = b.post(path, form)
			}
			got := r.status
			if got == http.StatusSeeOther {
				got = back
				if strings.HasPrefix(r.header.Get("Location"), "/login") {
					got = login
				}
			}
			if got != expected {
				t.Errorf("%s %s as %s: %s, want %s", rt.method, path, role, describe(got, r), describe(expected, response{}))
			}
		}
	}
}

func describe(code int, r response) string {
	switch code {
	case 1:
		return "redirect to /login"
	case 2:
		return "redirect back " + r.header.Get("Location")
	}
	return fmt.Sprint(code)
}

// TestCommentFlow posts, replies, votes, edits, reports and deletes through the forms and
// checks what the page shows at each step, for the author and for anonymous readers.
func TestCommentFlow(t *testing.T) {
	t.Parallel()
	as := newAuthSite(t)
	ctx := context.Background()
	if r := as.get(t, "/article/1"); !strings.Contains(r.body, "No comments yet — be the first.") || !strings.Contains(r.body, "to comment") {
		t.Fatal("empty thread: no invitation to comment")
	}
	mod := as.user(t, "modder", store.RoleModerator, false)
	mb := as.signIn(t, mod)
	r := mb.post("/comments", url.Values{"kind": {"article"}, "target": {"1"}, "body": {"**Bold** <script>alert(1)</script> claim"}, "back": {"/article/1/slug"}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/article/1/slug#c") {
		t.Fatalf("post: %d %q", r.status, r.header.Get("Location"))
	}
	anon := as.get(t, "/article/1")
	if !strings.Contains(anon.body, "<strong>Bold</strong>") || strings.Contains(anon.body, "<script>alert") {
		t.Fatalf("anonymous page does not show the rendered comment safely")
	}
	if !strings.Contains(as.get(t, "/").body, "1 comment") {
		t.Error("front page card lacks the comment count")
	}
	items, _ := as.db.ThreadComments(ctx, store.Target{Kind: store.TargetArticle, ID: 1}, 0)
	if len(items) != 1 {
		t.Fatalf("%d comments stored", len(items))
	}
	id := strconv.FormatInt(items[0].ID, 10)
	// A new reader's comment is held; the page says so.
	reader := as.signIn(t, as.user(t, "newbie", store.RoleReader, false))
	r = reader.post("/comments", url.Values{"kind": {"article"}, "target": {"1"}, "parent": {id}, "body": {"a reply"}, "back": {"/article/1"}})
	if loc := r.header.Get("Location"); !strings.Contains(loc, "done=held") {
		t.Fatalf("held reply: %d %q", r.status, loc)
	}
	if !strings.Contains(reader.get("/article/1?done=held").body, "waits for a moderator") {
		t.Error("held notice missing")
	}
	if r := reader.post("/comments/"+id+"/vote", url.Values{"value": {"1"}, "back": {"/article/1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("vote: %d", r.status)
	}
	if !strings.Contains(reader.get("/article/1").body, `aria-pressed="true"`) {
		t.Error("the reader's vote is not shown as theirs")
	}
	as.advance(11e9) // edits count against the comment rate
	if r := mb.post("/comments/"+id+"/edit", url.Values{"body": {"edited text"}, "back": {"/article/1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("edit: %d", r.status)
	}
	if !strings.Contains(as.get(t, "/article/1").body, "edited text") {
		t.Error("the anonymous (cached) page does not show the edit")
	}
	if r := reader.post("/comments/"+id+"/report", url.Values{"reason": {"rude"}, "back": {"/article/1"}}); !strings.Contains(r.header.Get("Location"), "done=reported") {
		t.Fatalf("report: %d %q", r.status, r.header.Get("Location"))
	}
	if q := mb.get("/admin"); !strings.Contains(q.body, "Reported by newbie: rude") || !strings.Contains(q.body, "a reply") {
		t.Error("queue lacks the report or the held reply")
	}
	if r := mb.post("/comments/"+id+"/delete", url.Values{"back": {"/article/1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("delete: %d", r.status)
	}
	if strings.Contains(as.get(t, "/article/1").body, "edited text") {
		t.Error("deleted comment still shown")
	}
	// Depth: replies stop at 5.
	parent := int64(0)
	for depth := 1; depth <= comment.MaxDepth+1; depth++ {
		as.advance(11e9) // the comment rate limit is one per 10 s
		form := url.Values{"kind": {"story"}, "target": {"100"}, "body": {fmt.Sprint("level ", depth)}, "back": {"/story/100"}}
		if parent != 0 {
			form.Set("parent", strconv.FormatInt(parent, 10))
		}
		r := mb.post("/comments", form)
		if depth > comment.MaxDepth {
			if r.status != http.StatusBadRequest {
				t.Fatalf("reply at depth %d: %d", depth, r.status)
			}
			break
		}
		loc := r.header.Get("Location")
		parent, _ = strconv.ParseInt(loc[strings.Index(loc, "#c")+2:], 10, 64)
	}
	if !strings.Contains(as.get(t, "/story/100").body, "level 5") {
		t.Error("story page lacks the thread")
	}
}
