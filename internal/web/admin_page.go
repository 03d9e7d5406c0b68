package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"newsdesk/internal/account"
	"newsdesk/internal/store"
)

// The admin console, for moderators and admins: the moderation queue, users, thread
// locks, banned words, the audit log and the sources. Anonymous visitors are sent to sign
// in; readers get 403. Every page is rendered for its viewer and never cached; every
// change is a POST form back to the page (see admin_actions.go).

// adminView is every admin page; Section says which part is filled.
type adminView struct {
	Section string
	CSRF    string
	IsAdmin bool
	Error   string
	Queue   []queueItemView
	Users   []userView
	Query   string
	Words   []string
	Audit   []auditView
	Older   string
	Sources []adminSourceView
	Roles   []string
}

type queueItemView struct {
	ID      int64
	Author  string
	Target  string
	URL     string
	State   string
	HTML    template.HTML // rendered and sanitised by the comment service
	Time    timeView
	Reports []string
}

type userView struct {
	ID       int64
	Name     string
	Email    string
	Role     string
	Created  timeView
	Verified bool
	Blocked  string // "until …", "for good", or empty
	Deleted  bool
}

type auditView struct {
	Actor  string
	Action string
	Target string
	Detail string
	Time   timeView
}

type adminSourceView struct {
	sourceView
	ID       int64
	Disabled bool
}

// adminSections are the console's tabs, in order.
var adminSections = []linkView{{"/admin", "Queue"}, {"/admin/users", "Users"}, {"/admin/locks", "Locks"},
	{"/admin/words", "Banned words"}, {"/admin/audit", "Audit log"}, {"/admin/sources", "Sources"}}

func (s *Server) showAdmin(w http.ResponseWriter, r *http.Request, status int, v adminView) {
	viewer := viewerFrom(r.Context())
	v.CSRF = s.sessionFormToken(viewer)
	v.IsAdmin = account.HasRole(viewer.User, store.RoleAdmin)
	body, err := s.render(r.Context(), "admin", layoutView{Site: s.site, Title: "Admin", NoIndex: true,
		Content: adminPage{Tabs: adminSections, V: v}})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	writeHTML(w, status, body)
}

type adminPage struct {
	Tabs []linkView
	V    adminView
}

// adminGet wraps an admin page handler with the moderator check.
func (s *Server) adminGet(build func(ctx context.Context, mod store.User, r *http.Request) (adminView, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, ok := s.moderatorOnly(w, r)
		if !ok {
			return
		}
		av, err := build(r.Context(), v.User, r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		s.showAdmin(w, r, http.StatusOK, av)
	}
}

// names looks up display names for ids, once each.
type names struct {
	s     *Server
	ctx   context.Context
	cache map[int64]string
}

func (n *names) of(id int64) string {
	if id == 0 {
		return "system"
	}
	if name, ok := n.cache[id]; ok {
		return name
	}
	name := "#" + strconv.FormatInt(id, 10)
	if n.s.admin != nil {
		if u, err := n.s.admin.User(n.ctx, id); err == nil {
			name = u.DisplayName
			if u.Deleted() {
				name = "deleted user " + name
			}
		}
	}
	n.cache[id] = name
	return name
}

func (s *Server) names(ctx context.Context) *names {
	return &names{s: s, ctx: ctx, cache: map[int64]string{}}
}

func targetURL(t store.Target) string {
	if t.Kind == store.TargetStory {
		return storyPath(t.ID) + "#comments"
	}
	return articlePath(t.ID, "") + "#comments"
}

func (s *Server) adminQueue(ctx context.Context, mod store.User, r *http.Request) (adminView, error) {
	items, err := s.comments.Queue(ctx, mod, 200)
	if err != nil {
		return adminView{}, fmt.Errorf("admin queue: %w", err)
	}
	now, n := s.now(), s.names(ctx)
	v := adminView{Section: "queue"}
	for _, it := range items {
		c := it.Comment
		q := queueItemView{ID: c.ID, Author: n.of(c.AuthorID), Target: c.Target.String(), URL: targetURL(c.Target),
			State: c.State, HTML: template.HTML(s.comments.Renderer().Render(c.Body)), Time: newTimeView(now, c.Created)} //nolint:gosec // the renderer's output is sanitised
		for _, rep := range it.Reports {
			q.Reports = append(q.Reports, n.of(rep.ReporterID)+": "+rep.Reason)
		}
		v.Queue = append(v.Queue, q)
	}
	return v, nil
}

func (s *Server) adminUsers(ctx context.Context, mod store.User, r *http.Request) (adminView, error) {
	v := adminView{Section: "users", Query: r.URL.Query().Get("q"), Roles: []string{store.RoleReader, store.RoleModerator, store.RoleAdmin}}
	if s.admin == nil {
		return v, nil
	}
	users, err := s.admin.Users(ctx, v.Query, 200, 0)
	if err != nil {
		return adminView{}, fmt.Errorf("admin users: %w", err)
	}
	now := s.now()
	for _, u := range users {
		uv := userView{ID: u.ID, Name: u.DisplayName, Email: u.Email, Role: u.Role, Created: newTimeView(now, u.Created),
			Verified: !u.VerifiedAt.IsZero(), Deleted: u.Deleted()}
		switch {
		case u.BlockedUntil.Equal(store.BlockedForGood):
			uv.Blocked = "for good"
		case u.Blocked(now):
			uv.Blocked = "until " + u.BlockedUntil.Format("2 Jan 2006 15:04 MST")
		}
		v.Users = append(v.Users, uv)
	}
	return v, nil
}

func (s *Server) adminLocks(ctx context.Context, mod store.User, r *http.Request) (adminView, error) {
	return adminView{Section: "locks"}, nil
}

func (s *Server) adminWords(ctx context.Context, mod store.User, r *http.Request) (adminView, error) {
	words, err := s.comments.BannedWords(ctx, mod)
	if err != nil {
		return adminView{}, fmt.Errorf("admin words: %w", err)
	}
	return adminView{Section: "words", Words: words}, nil
}

const auditPage = 100

func (s *Server) adminAudit(ctx context.Context, mod store.User, r *http.Request) (adminView, error) {
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	lines, err := s.comments.AuditLog(ctx, mod, store.AuditFilter{Before: max(before, 0), Limit: auditPage})
	if err != nil {
		return adminView{}, fmt.Errorf("admin audit: %w", err)
	}
	now, n := s.now(), s.names(ctx)
	v := adminView{Section: "audit"}
	for _, a := range lines {
		v.Audit = append(v.Audit, auditView{Actor: n.of(a.ActorID), Action: a.Action,
			Target: a.TargetKind + " " + strconv.FormatInt(a.TargetID, 10), Detail: a.Detail, Time: newTimeView(now, a.Created)})
	}
	if len(lines) == auditPage {
		v.Older = "/admin/audit?before=" + strconv.FormatInt(lines[len(lines)-1].ID, 10)
	}
	return v, nil
}

func (s *Server) adminSources(ctx context.Context, mod store.User, r *http.Request) (adminView, error) {
	feeds, err := s.store.FeedStatuses(ctx)
	if err != nil {
		return adminView{}, fmt.Errorf("admin sources: %w", err)
	}
	now := s.now()
	v := adminView{Section: "sources"}
	for _, f := range feeds {
		v.Sources = append(v.Sources, adminSourceView{sourceView: newSourceView(now, f), ID: f.ID, Disabled: f.Disabled})
	}
	return v, nil
}

// blockDurations are the block lengths the users page offers; 0 is for good.
var blockDurations = map[string]time.Duration{
	"1d": 24 * time.Hour, "7d": 7 * 24 * time.Hour, "30d": 30 * 24 * time.Hour, "forever": 0,
}
