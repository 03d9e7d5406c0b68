package web

import (
	"errors"
	"net/http"
	"strconv"

	"newsdesk/internal/account"
	"newsdesk/internal/comment"
	"newsdesk/internal/ratelimit"
	"newsdesk/internal/store"
)

// The comment forms. Each is a POST that checks the session and form token, applies a
// rate limit, calls the comment service and redirects back to the page it came from
// (post/redirect/get). The service decides what is allowed; this layer only maps its
// refusals to statuses and messages.

// commentBack is where a comment form returns to: the page it was on (a path of this
// site only), at the comment.
func commentBack(r *http.Request, id int64) string {
	back := safeNext(r.PostFormValue("back"))
	if id != 0 {
		return back + "#c" + strconv.FormatInt(id, 10)
	}
	return back + "#comments"
}

// withDone adds ?done=what (or &done=) to a back path before its fragment.
func withDone(back, what string) string {
	path, frag := back, ""
	for i := range len(back) {
		if back[i] == '#' {
			path, frag = back[:i], back[i:]
			break
		}
	}
	sep := "?"
	for i := range len(path) {
		if path[i] == '?' {
			sep = "&"
		}
	}
	return path + sep + "done=" + what + frag
}

// commentError answers a refused comment action.
func (s *Server) commentError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusBadRequest, ""
	switch {
	case errors.Is(err, account.ErrForbidden), errors.Is(err, comment.ErrBlocked), errors.Is(err, comment.ErrLocked):
		status = http.StatusForbidden
	case errors.Is(err, comment.ErrNotFound), errors.Is(err, store.ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, comment.ErrAlreadyReported):
		status = http.StatusConflict
	case errors.Is(err, comment.ErrTooDeep), errors.Is(err, comment.ErrEmpty), errors.Is(err, comment.ErrTooLong),
		errors.Is(err, comment.ErrLinksNotAllowed), errors.Is(err, comment.ErrEditWindow), errors.Is(err, comment.ErrReason):
	default:
		s.serverError(w, r, err)
		return
	}
	msg = commentMessage(err)
	s.errorPage(w, status, errorView{Heading: "Not done", Message: msg})
}

func commentMessage(err error) string {
	switch {
	case errors.Is(err, comment.ErrBlocked):
		return "Your account may not comment or vote at the moment."
	case errors.Is(err, comment.ErrLocked):
		return "Comments are closed here."
	case errors.Is(err, account.ErrForbidden):
		return "Your account may not do this."
	case errors.Is(err, comment.ErrNotFound), errors.Is(err, store.ErrNotFound):
		return "That comment or page does not exist any more."
	case errors.Is(err, comment.ErrAlreadyReported):
		return "You reported this comment already."
	case errors.Is(err, comment.ErrTooDeep):
		return "Replies go at most 5 levels deep. Reply further up the thread."
	case errors.Is(err, comment.ErrEmpty):
		return "The comment is empty."
	case errors.Is(err, comment.ErrTooLong):
		return "The comment is too long: 10 000 characters at most."
	case errors.Is(err, comment.ErrLinksNotAllowed):
		return "New accounts cannot post links yet. Post without the link."
	case errors.Is(err, comment.ErrEditWindow):
		return "Comments can be edited for 10 minutes after posting."
	case errors.Is(err, comment.ErrReason):
		return "Give a reason of at most 500 characters."
	}
	return "That did not work."
}

// commentPost adds a comment or a reply.
func (s *Server) commentPost(w http.ResponseWriter, r *http.Request) {
	v, ok := s.signedInPost(w, r)
	if !ok {
		return
	}
	if !s.allow(w, limitCheck{s.limits.commentUser, strconv.FormatInt(v.User.ID, 10)}, limitCheck{s.limits.commentIP, clientIP(r)}) {
		return
	}
	id, err := strconv.ParseInt(r.PostFormValue("target"), 10, 64)
	kind := r.PostFormValue("kind")
	if err != nil || id <= 0 || (kind != store.TargetArticle && kind != store.TargetStory) {
		s.errorPage(w, http.StatusBadRequest, errorView{Heading: "Not done", Message: "This form is incomplete."})
		return
	}
	t := store.Target{Kind: kind, ID: id}
	if err := s.targetExists(r, t); err != nil {
		s.commentError(w, r, err)
		return
	}
	parent, _ := strconv.ParseInt(r.PostFormValue("parent"), 10, 64)
	c, err := s.comments.Post(r.Context(), v.User, comment.PostInput{Target: t, ParentID: parent,
		Body: r.PostFormValue("body"), Honeypot: r.PostFormValue(honeypotField)})
	if errors.Is(err, comment.ErrSpam) {
		seeOther(w, r, commentBack(r, 0)) // as if it worked: the bot learns nothing
		return
	}
	if err != nil {
		s.commentError(w, r, err)
		return
	}
	s.commentGen.Add(1)
	back := commentBack(r, c.ID)
	if c.State == store.CommentHeld {
		back = withDone(commentBack(r, 0), "held")
	}
	seeOther(w, r, back)
}

// targetExists checks that a comment goes under an article or story that exists.
func (s *Server) targetExists(r *http.Request, t store.Target) error {
	if t.Kind == store.TargetArticle {
		_, err := s.store.Article(r.Context(), t.ID)
		return err
	}
	_, err := s.store.StoryArticles(r.Context(), t.ID, 1)
	return err
}

func (s *Server) commentEdit(w http.ResponseWriter, r *http.Request) {
	s.commentAction(w, r, s.limits.commentUser, func(v viewer, id int64) (string, error) {
		_, err := s.comments.Edit(r.Context(), v.User, id, r.PostFormValue("body"))
		return "", err
	})
}

func (s *Server) commentDelete(w http.ResponseWriter, r *http.Request) {
	s.commentAction(w, r, nil, func(v viewer, id int64) (string, error) {
		return "", s.comments.Delete(r.Context(), v.User, id)
	})
}

func (s *Server) commentVote(w http.ResponseWriter, r *http.Request) {
	s.commentAction(w, r, s.limits.voteUser, func(v viewer, id int64) (string, error) {
		value, err := strconv.Atoi(r.PostFormValue("value"))
		if err != nil || (value != 1 && value != -1) {
			return "", comment.ErrNotFound
		}
		_, _, _, err = s.comments.Vote(r.Context(), v.User, id, value)
		return "", err
	})
}

func (s *Server) commentReport(w http.ResponseWriter, r *http.Request) {
	s.commentAction(w, r, s.limits.voteUser, func(v viewer, id int64) (string, error) {
		return "reported", s.comments.Report(r.Context(), v.User, id, r.PostFormValue("reason"))
	})
}

// commentAction runs one action on the comment named in the path, limited per account
// by l when not nil, and redirects back with ?done= when fn names what was done.
func (s *Server) commentAction(w http.ResponseWriter, r *http.Request, l *ratelimit.Limiter, fn func(v viewer, id int64) (string, error)) {
	v, ok := s.signedInPost(w, r)
	if !ok {
		return
	}
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	if l != nil && !s.allow(w, limitCheck{l, strconv.FormatInt(v.User.ID, 10)}) {
		return
	}
	done, err := fn(v, id)
	if err != nil {
		s.commentError(w, r, err)
		return
	}
	s.commentGen.Add(1)
	if done != "" {
		seeOther(w, r, withDone(commentBack(r, 0), done))
		return
	}
	seeOther(w, r, commentBack(r, id))
}
