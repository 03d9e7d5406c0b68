package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"newsdesk/internal/account"
	"newsdesk/internal/comment"
	"newsdesk/internal/store"
)

// commentsView is the #comments section of an article or story page. Every comment's
// HTML comes from the comment service's renderer and sanitiser; raw input never reaches
// a template.
type commentsView struct {
	Page     string // the page the section is on, without query: forms come back here
	Back     string // the page with this sort and page number
	Kind     string // store.TargetArticle or store.TargetStory
	ID       int64
	Total    int
	Empty    bool
	Locked   bool
	Sorts    []sortLink
	Comments []commentItem
	Prev     string
	Next     string
	PageNum  int
	Pages    int
	// The viewer's part; all empty on anonymous (cacheable) pages.
	SignInURL string
	SignedIn  bool
	CanPost   bool
	Blocked   bool
	Moderator bool
	CSRF      string
	Notice    string
}

type sortLink struct {
	Name    string
	URL     string
	Current bool
}

// commentItem is one comment with what the template cannot compute itself.
type commentItem struct {
	*comment.View
	Time    timeView
	Replies []commentItem
}

// threadParams are the sort and page a reader asked for, checked: anything unknown falls
// back to the default, so odd query strings cannot fill the page cache with copies.
type threadParams struct {
	sort string
	page int
}

func readThreadParams(q url.Values) threadParams {
	p := threadParams{sort: comment.SortBest, page: 1}
	if q.Get("sort") == comment.SortNewest {
		p.sort = comment.SortNewest
	}
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 1 && n <= 10_000 {
		p.page = n
	}
	return p
}

// cacheSuffix distinguishes a cached page's thread variants; empty for the default one.
func (p threadParams) cacheSuffix() string {
	if p.sort == comment.SortBest && p.page == 1 {
		return ""
	}
	return "|" + p.sort + "|" + strconv.Itoa(p.page)
}

func (p threadParams) query() string {
	v := url.Values{}
	if p.sort != comment.SortBest {
		v.Set("sort", p.sort)
	}
	if p.page > 1 {
		v.Set("page", strconv.Itoa(p.page))
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}

// commentsSection builds the thread of t for the viewer in ctx. It returns nil when
// comments are off. notice is a signed-in viewer's message from the last post.
func (s *Server) commentsSection(ctx context.Context, now time.Time, t store.Target, page string, p threadParams, notice string) (*commentsView, error) {
	if s.comments == nil {
		return nil, nil
	}
	v := viewerFrom(ctx)
	th, err := s.comments.Thread(ctx, v.User, t, p.sort, p.page)
	if err != nil {
		return nil, fmt.Errorf("comments: %w", err)
	}
	cv := &commentsView{Page: page, Back: page + p.query(), Kind: t.Kind, ID: t.ID, Total: th.Total, Empty: th.Empty,
		Locked: th.Locked, PageNum: th.Page, Pages: th.Pages,
		SignInURL: "/login?" + url.Values{"next": {page}}.Encode()}
	for _, name := range []string{comment.SortBest, comment.SortNewest} {
		q := threadParams{sort: name, page: 1}
		cv.Sorts = append(cv.Sorts, sortLink{Name: name, URL: page + q.query() + "#comments", Current: name == p.sort})
	}
	if th.Page > 1 {
		cv.Prev = page + threadParams{sort: p.sort, page: th.Page - 1}.query() + "#comments"
	}
	if th.Page < th.Pages {
		cv.Next = page + threadParams{sort: p.sort, page: th.Page + 1}.query() + "#comments"
	}
	cv.Comments = commentItems(now, th.Comments)
	if v.signedIn() {
		cv.SignedIn = true
		cv.Blocked = v.User.Blocked(now)
		cv.CanPost = !cv.Blocked && !th.Locked
		cv.Moderator = account.CanModerate(v.User)
		cv.CSRF = s.sessionFormToken(v)
		cv.Notice = notice
	}
	return cv, nil
}

func commentItems(now time.Time, vs []*comment.View) []commentItem {
	out := make([]commentItem, len(vs))
	for i, c := range vs {
		out[i] = commentItem{View: c, Time: newTimeView(now, c.Created), Replies: commentItems(now, c.Replies)}
	}
	return out
}

// postNotice is what a signed-in reader is told on the page after a comment action.
func postNotice(r *http.Request) string {
	switch r.URL.Query().Get("done") {
	case "held":
		return "Thank you. Your comment waits for a moderator before others see it."
	case "reported":
		return "Thank you for the report. A moderator will look at the comment."
	}
	return ""
}

// commentCounts fills the comment counts of article cards; a failure costs the counts,
// not the page.
func (s *Server) commentCounts(ctx context.Context, cards []cardView, articles []store.Article) {
	if s.comments == nil || len(articles) == 0 {
		return
	}
	ids := make([]int64, len(articles))
	for i, a := range articles {
		ids[i] = a.ID
	}
	n, err := s.comments.Count(ctx, store.TargetArticle, ids)
	if err != nil {
		s.log.WarnContext(ctx, "web: comment counts", "error", err)
		return
	}
	for i, a := range articles {
		if i < len(cards) {
			cards[i].Comments = n[a.ID]
		}
	}
}
