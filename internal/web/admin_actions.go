package web

import (
	"errors"
	"net/http"
	"strconv"

	"newsdesk/internal/account"
	"newsdesk/internal/comment"
	"newsdesk/internal/store"
)

// adminPost wraps an admin change: moderator, form token, then fn, then back to to (or
// the form's back field). The services check the finer rights (roles are admin only,
// nobody blocks an admin) and their refusals become 403.
func (s *Server) adminPost(to string, fn func(r *http.Request, mod store.User) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, ok := s.moderatorOnly(w, r)
		if !ok {
			return
		}
		if !s.checkForm(r) {
			s.refuseForm(w)
			return
		}
		if err := fn(r, v.User); err != nil {
			s.adminError(w, r, err)
			return
		}
		s.commentGen.Add(1) // what readers see may have changed
		if back := r.PostFormValue("back"); back != "" {
			to = safeNext(back)
		}
		seeOther(w, r, to)
	}
}

func (s *Server) adminError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, account.ErrLastAdmin):
		s.errorPage(w, http.StatusConflict, errorView{Heading: "Not done", Message: "The last admin cannot stop being one."})
	case errors.Is(err, errBadInput):
		s.errorPage(w, http.StatusBadRequest, errorView{Heading: "Not done", Message: "This form is incomplete."})
	default:
		s.commentError(w, r, err)
	}
}

var errBadInput = errors.New("web: bad form input")

func formID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PostFormValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errBadInput
	}
	return id, nil
}

// adminComment applies a moderator action to a comment.
func (s *Server) adminComment(w http.ResponseWriter, r *http.Request) {
	s.adminPost("/admin", func(r *http.Request, mod store.User) error {
		id, ok := pathID(r, "id")
		if !ok {
			return comment.ErrNotFound
		}
		reason, ctx := r.PostFormValue("reason"), r.Context()
		switch r.PathValue("action") {
		case "approve":
			return s.comments.Approve(ctx, mod, id, reason)
		case "hide":
			return s.comments.Hide(ctx, mod, id, reason)
		case "remove":
			return s.comments.Remove(ctx, mod, id, reason)
		case "restore":
			return s.comments.Restore(ctx, mod, id, reason)
		case "dismiss":
			return s.comments.Dismiss(ctx, mod, id, reason)
		}
		return comment.ErrNotFound
	})(w, r)
}

func (s *Server) adminBlock(w http.ResponseWriter, r *http.Request) {
	s.adminPost("/admin/users", func(r *http.Request, mod store.User) error {
		id, ok := pathID(r, "id")
		d, known := blockDurations[r.PostFormValue("for")]
		if !ok || !known {
			return errBadInput
		}
		return s.comments.Block(r.Context(), mod, id, d, r.PostFormValue("reason"))
	})(w, r)
}

func (s *Server) adminUnblock(w http.ResponseWriter, r *http.Request) {
	s.adminPost("/admin/users", func(r *http.Request, mod store.User) error {
		id, ok := pathID(r, "id")
		if !ok {
			return errBadInput
		}
		return s.comments.Unblock(r.Context(), mod, id, r.PostFormValue("reason"))
	})(w, r)
}

func (s *Server) adminRole(w http.ResponseWriter, r *http.Request) {
	s.adminPost("/admin/users", func(r *http.Request, mod store.User) error {
		id, ok := pathID(r, "id")
		if !ok {
			return errBadInput
		}
		return s.accounts.SetRole(r.Context(), mod, id, r.PostFormValue("role"), r.PostFormValue("reason"))
	})(w, r)
}

func (s *Server) adminLock(w http.ResponseWriter, r *http.Request) {
	s.adminPost("/admin/locks", func(r *http.Request, mod store.User) error {
		id, err := formID(r, "target")
		kind := r.PostFormValue("kind")
		if err != nil || (kind != store.TargetArticle && kind != store.TargetStory) {
			return errBadInput
		}
		t := store.Target{Kind: kind, ID: id}
		if r.PostFormValue("op") == "unlock" {
			return s.comments.Unlock(r.Context(), mod, t, r.PostFormValue("reason"))
		}
		return s.comments.Lock(r.Context(), mod, t, r.PostFormValue("reason"))
	})(w, r)
}

func (s *Server) adminWord(w http.ResponseWriter, r *http.Request) {
	s.adminPost("/admin/words", func(r *http.Request, mod store.User) error {
		word := r.PostFormValue("word")
		if word == "" {
			return errBadInput
		}
		if r.PostFormValue("op") == "remove" {
			return s.comments.UnbanWord(r.Context(), mod, word)
		}
		return s.comments.BanWord(r.Context(), mod, word)
	})(w, r)
}

// adminFeed pauses or resumes a source. Sources are the site's editorial choice, so this
// is for admins only.
func (s *Server) adminFeed(w http.ResponseWriter, r *http.Request) {
	s.adminPost("/admin/sources", func(r *http.Request, mod store.User) error {
		if err := account.Require(mod, store.RoleAdmin); err != nil {
			return err
		}
		id, ok := pathID(r, "id")
		op := r.PathValue("op")
		if !ok || s.admin == nil || (op != "pause" && op != "resume") {
			return errBadInput
		}
		return s.admin.SetFeedDisabled(r.Context(), id, op == "pause")
	})(w, r)
}
