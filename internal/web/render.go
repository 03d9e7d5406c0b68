package web

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"newsdesk/internal/account"
)

//go:embed templates/*.html
var templateFS embed.FS

// renderer holds one parsed template set per page: the shared layout and partials (files
// starting with "_") plus the page's own "content".
type renderer struct {
	pages map[string]*template.Template
}

func newRenderer(fsys fs.FS, dir string, a *assets) (*renderer, error) {
	funcs := template.FuncMap{"asset": a.URL, "askForm": newAskForm, "commentCtx": newCommentCtx, "commentFormCtx": newCommentFormCtx,
		"list": func(s ...string) []string { return s }}
	files, err := fs.Glob(fsys, path.Join(dir, "*.html"))
	if err != nil {
		return nil, fmt.Errorf("list templates: %w", err)
	}
	var shared, pages []string
	for _, f := range files {
		if strings.HasPrefix(path.Base(f), "_") {
			shared = append(shared, f)
		} else {
			pages = append(pages, f)
		}
	}
	base, err := template.New("").Funcs(funcs).ParseFS(fsys, shared...)
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	r := &renderer{pages: map[string]*template.Template{}}
	for _, f := range pages {
		t, err := base.Clone()
		if err == nil {
			t, err = t.ParseFS(fsys, f)
		}
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", f, err)
		}
		r.pages[strings.TrimSuffix(path.Base(f), ".html")] = t
	}
	return r, nil
}

// render executes a page into a fresh buffer, so that a failing template never leaves half
// a page on the wire: the caller can still answer with the error page.
func (r *renderer) render(page string, data layoutView) ([]byte, error) {
	t, ok := r.pages[page]
	if !ok {
		return nil, fmt.Errorf("render: no page template %q", page)
	}
	var buf bytes.Buffer
	buf.Grow(32 << 10)
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return nil, fmt.Errorf("render %s: %w", page, err)
	}
	return buf.Bytes(), nil
}

// askFormView is the question form of an article or story page, and of the answer page.
type askFormView struct {
	Action   string
	Label    string
	Question string // the question just asked, to refine it
}

func newAskForm(action, label, question string) askFormView {
	return askFormView{Action: action, Label: label, Question: question}
}

// meView is the "signed in as" part of the header, with the sign-out form's token. It is
// only ever filled on pages rendered for one viewer, never on cached ones.
type meView struct {
	Name      string
	Moderator bool
	CSRF      string
}

// render executes a page for the viewer in ctx: anonymous pages get the "Sign in" link,
// a signed-in viewer's get their name and the sign-out form.
func (s *Server) render(ctx context.Context, page string, lv layoutView) ([]byte, error) {
	lv.Accounts = s.accounts != nil
	if v := viewerFrom(ctx); v.signedIn() {
		lv.Me = &meView{Name: v.User.DisplayName, Moderator: account.CanModerate(v.User), CSRF: s.sessionFormToken(v)}
	}
	return s.pages.render(page, lv)
}

// commentCtx carries the section's data into the recursive comment template.
type commentCtx struct {
	S *commentsView
	C commentItem
}

func newCommentCtx(s *commentsView, c commentItem) commentCtx { return commentCtx{S: s, C: c} }

// commentFormCtx is a new comment or reply form.
type commentFormCtx struct {
	S      *commentsView
	Parent int64
	Label  string
	Submit string
}

func newCommentFormCtx(s *commentsView, parent int64, label, submit string) commentFormCtx {
	return commentFormCtx{S: s, Parent: parent, Label: label, Submit: submit}
}
