package comment

import (
	"cmp"
	"context"
	"fmt"
	"html/template"
	"math"
	"slices"
	"time"

	"newsdesk/internal/account"
	"newsdesk/internal/store"
)

// Sort orders of a thread.
const (
	SortBest   = "best"
	SortNewest = "newest"
)

// DeletedUser is shown in place of the name of an author who deleted their account.
const DeletedUser = "deleted user"

// View is one comment as a viewer sees it.
type View struct {
	ID       int64
	ParentID int64
	Depth    int
	Author   string // DeletedUser when the account is gone
	AuthorID int64
	HTML     template.HTML // rendered and sanitised; empty for a placeholder
	// Placeholder is set instead of HTML for a comment kept only because others replied
	// to it: "deleted" (by its author) or "removed" (by a moderator).
	Placeholder string
	Created     time.Time
	Edited      bool
	State       string // readers only ever see visible ones; moderators and authors more
	Ups, Downs  int
	MyVote      int
	Mine        bool
	CanEdit     bool // the viewer wrote it and the edit window is open
	CanReply    bool // below the depth limit and the thread is open
	Replies     []*View
}

// Thread is one page of a thread.
type Thread struct {
	Comments []*View // top-level comments of this page, replies nested
	Page     int     // 1-based
	Pages    int
	Total    int  // comments a reader sees on the whole thread, for "12 comments"
	Locked   bool // no new comments
	Empty    bool // nothing to show: the page says "No comments yet — be the first."
}

// Thread returns page (1-based) of the comments on t as viewer (the zero User for
// anonymous) sees them, sorted by SortBest or SortNewest. Replies are nested under their
// parents and sorted the same way; pages count top-level comments.
func (s *Service) Thread(ctx context.Context, viewer store.User, t store.Target, sort string, page int) (Thread, error) {
	all, err := s.st.ThreadComments(ctx, t, 0)
	if err != nil {
		return Thread{}, fmt.Errorf("comment: thread: %w", err)
	}
	votes := map[int64]int{}
	if viewer.ID != 0 {
		if votes, err = s.st.ThreadVotes(ctx, t, viewer.ID); err != nil {
			return Thread{}, fmt.Errorf("comment: thread: %w", err)
		}
	}
	locked := s.checkOpen(ctx, t) == ErrLocked
	mod := account.CanModerate(viewer)
	now := s.now()

	// Build every node, then decide which to show from the leaves up: a comment readers
	// may not see is kept as a placeholder only when a reply below it is shown.
	nodes := make(map[int64]*View, len(all))
	var order []*View
	for _, c := range all {
		v := &View{ID: c.ID, ParentID: c.ParentID, Depth: c.Depth, Author: c.AuthorName, AuthorID: c.AuthorID,
			Created: c.Created, Edited: !c.EditedAt.IsZero(), State: c.State, Ups: c.Ups, Downs: c.Downs,
			MyVote: votes[c.ID], Mine: viewer.ID != 0 && c.AuthorID == viewer.ID}
		if c.AuthorDeleted {
			v.Author = DeletedUser
		}
		switch {
		case !c.DeletedAt.IsZero():
			v.Placeholder = "deleted"
		case c.State == store.CommentVisible || mod || (v.Mine && c.State == store.CommentHeld):
			v.HTML = template.HTML(s.r.Render(c.Body))
		default:
			v.Placeholder = "removed"
		}
		if v.Placeholder != "" {
			v.Author, v.AuthorID = "", 0
		}
		v.CanEdit = v.Mine && v.Placeholder == "" && now.Sub(c.Created) <= EditWindow && !viewer.Blocked(now)
		v.CanReply = !locked && c.Depth < MaxDepth && c.State == store.CommentVisible && c.DeletedAt.IsZero()
		nodes[c.ID] = v
		order = append(order, v)
	}
	var roots []*View
	for _, v := range order {
		if p, ok := nodes[v.ParentID]; ok && v.ParentID != 0 {
			p.Replies = append(p.Replies, v)
		} else {
			roots = append(roots, v)
		}
	}
	total := 0
	var prune func(vs []*View) []*View
	prune = func(vs []*View) []*View {
		out := vs[:0]
		for _, v := range vs {
			v.Replies = prune(v.Replies)
			if v.Placeholder != "" && len(v.Replies) == 0 {
				continue
			}
			if v.State == store.CommentVisible && v.Placeholder == "" {
				total++
			}
			out = append(out, v)
		}
		sortViews(out, sort)
		return out
	}
	roots = prune(roots)

	pages := max(1, (len(roots)+s.page-1)/s.page)
	page = min(max(page, 1), pages)
	from := (page - 1) * s.page
	return Thread{Comments: roots[from:min(from+s.page, len(roots))], Page: page, Pages: pages, Total: total,
		Locked: locked, Empty: len(roots) == 0}, nil
}

func sortViews(vs []*View, sort string) {
	slices.SortStableFunc(vs, func(a, b *View) int {
		if sort != SortNewest {
			if c := cmp.Compare(wilson(b.Ups, b.Downs), wilson(a.Ups, a.Downs)); c != 0 {
				return c
			}
			// Wilson's lower bound is 0 both for no votes and for only down votes.
			if c := cmp.Compare(b.Ups-b.Downs, a.Ups-a.Downs); c != 0 {
				return c
			}
		}
		return b.Created.Compare(a.Created)
	})
}

// wilson is the lower bound of the 95% Wilson score interval of the share of up votes:
// a comment with 10 up and 1 down ranks above one with 1 up and 0 down, because we are
// surer it is liked. No votes scores 0.
func wilson(ups, downs int) float64 {
	n := float64(ups + downs)
	if n == 0 {
		return 0
	}
	const z = 1.96
	p := float64(ups) / n
	return (p + z*z/(2*n) - z*math.Sqrt((p*(1-p)+z*z/(4*n))/n)) / (1 + z*z/n)
}
