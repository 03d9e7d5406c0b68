package web

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"newsdesk/internal/account"
	"newsdesk/internal/store"
)

// xssHook runs before any of the page's own code: it replaces the dialogs payloads call
// with recorders that also call the __xssHit binding (so Go hears of it even if the page
// navigates away), and records CSP violations.
const xssHook = `window.__xss = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = function () {
    window.__xss.push(name);
    try { window.__xssHit(name); } catch (e) {}
  };
}
window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`

// unsafeMarkup lists what no comment body or author name may contain once rendered:
// scripts and active elements, event-handler attributes, style attributes and URLs other
// than http(s) and mailto.
const unsafeMarkup = `(() => {
  const bad = [];
  const tags = /^(script|iframe|object|embed|form|input|button|textarea|select|svg|math|style|link|meta|base|frame|frameset|video|audio|img|details|marquee|template|noscript)$/i;
  for (const el of document.querySelectorAll(".comment-body *, .comment-author *, .comment-author")) {
    if (el.matches(".comment-body *") && tags.test(el.tagName)) bad.push(el.tagName);
    for (const a of el.attributes) {
      const v = a.value.trim().toLowerCase();
      if (a.name.startsWith("on") || a.name === "style" || a.name === "srcdoc" ||
          (["href", "src", "action", "formaction", "xlink:href"].includes(a.name) && !/^(https?:|mailto:)/.test(v))) {
        bad.push(el.tagName + "[" + a.name + "=" + a.value + "]");
      }
    }
  }
  return bad.join("\n");
})()`

func loadXSSPayloads(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("../comment/testdata/xss_payloads.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.ReplaceAll(line, `\n`, "\n"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// withoutCSP strips the Content-Security-Policy header, so the browser test checks the
// sanitiser on its own as well as the two together.
func withoutCSP(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(cspStripper{w}, r)
	})
}

type cspStripper struct{ http.ResponseWriter }

func (w cspStripper) WriteHeader(code int) {
	w.Header().Del("Content-Security-Policy")
	w.ResponseWriter.WriteHeader(code)
}

func (w cspStripper) Write(b []byte) (int, error) {
	w.Header().Del("Content-Security-Policy")
	return w.ResponseWriter.Write(b)
}

// TestXSSInBrowser posts every payload of internal/comment/testdata as a comment through
// the form, and as the display name of an account wherever the name policy accepts it,
// then renders every page of the thread in headless Chromium, with the CSP and without
// it, and checks that no script ran, no CSP violation happened and no unsafe markup
// reached the DOM. It skips when chromium is not on PATH.
func TestXSSInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not on PATH")
	}
	as := newAuthSite(t)
	ctx := context.Background()
	payloads := loadXSSPayloads(t)
	if len(payloads) < 100 {
		t.Fatalf("only %d payloads", len(payloads))
	}
	mod := as.user(t, "poster", store.RoleModerator, false)
	b := as.signIn(t, mod)
	tok := b.csrf("/account")
	posted, names := 0, 0
	// No payload passes the name policy (letters, digits, space and _ - . ' only), so a few
	// names it does accept and that would break out of a quoted attribute are added.
	namesToTry := append(append([]string(nil), payloads...), "Tom' autofocus onfocus 'x", "Ann'--", "x' or '1", "Zoe.'.'")
	for i, p := range namesToTry {
		if _, _, err := account.CleanName(p); err == nil {
			u, err := as.acc.SignUp(ctx, fmt.Sprintf("name%d@example.org", i), p, testPassword)
			if err != nil {
				continue // taken after folding, or the password policy dislikes the pair
			}
			names++
			if _, err := as.db.AddComment(ctx, store.Comment{Target: store.Target{Kind: store.TargetArticle, ID: 1}, Depth: 1,
				AuthorID: u.ID, Body: "a comment by a tricky name", Created: testNow, State: store.CommentVisible}); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, p := range payloads {
		as.advance(11 * time.Second) // one comment per 10 s per account
		r := b.do(http.MethodPost, "/comments", url.Values{"csrf": {tok}, "kind": {"article"}, "target": {"1"}, "body": {p}, "back": {"/article/1"}})
		switch r.status {
		case http.StatusSeeOther:
			posted++
		case http.StatusBadRequest: // empty after trimming, say: nothing to render
		default:
			t.Fatalf("payload %d: status %d", i, r.status)
		}
	}
	t.Logf("%d payloads: %d posted as comments; %d display names accepted by the name policy", len(payloads), posted, names)
	if posted < 100 {
		t.Fatalf("only %d payloads posted", posted)
	}

	bctx, cancel := context.WithTimeout(t.Context(), 45*time.Second)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true), chromedp.UserDataDir(t.TempDir()),
		// Article images point at hosts that do not exist: fail them at once.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(bctx, opts...)
	defer cancelAlloc()
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	tabCtx, cancelTab := chromedp.NewContext(browserCtx)
	defer cancelTab()
	if err := chromedp.Do(tabCtx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	var mu sync.Mutex
	var hits []string
	dialogs := make(chan struct{}, 16)
	err = chromedp.Listen(tabCtx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventBindingCalled:
			mu.Lock()
			hits = append(hits, "binding: "+e.Payload)
			mu.Unlock()
		case *page.EventJavascriptDialogOpening:
			mu.Lock()
			hits = append(hits, "dialog: "+e.Message)
			mu.Unlock()
			select {
			case dialogs <- struct{}{}:
			default:
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	go func() { // a real dialog (should the override be undone) would block the page
		for range dialogs {
			chromedp.Call(tabCtx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false}) //nolint:errcheck // best effort
		}
	}()
	defer close(dialogs)
	if _, err := chromedp.Call(tabCtx, runtime.AddBinding, runtime.AddBindingParams{Name: "__xssHit"}); err != nil {
		t.Fatalf("add binding: %v", err)
	}
	if _, err := chromedp.Call(tabCtx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: xssHook}); err != nil {
		t.Fatalf("install hook: %v", err)
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(tabCtx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return v
	}

	// The control: the hook does see a script that runs.
	plain := httptest.NewServer(withoutCSP(as.handler))
	t.Cleanup(plain.Close)
	if err := chromedp.Do(tabCtx, chromedp.Navigate(plain.URL+"/article/1")); err != nil {
		t.Fatal(err)
	}
	if eval(`alert("control"); window.__xss.join(",")`) != "alert" {
		t.Fatal("the hook did not see a script that ran: the test could not see an attack")
	}
	// The binding's event arrives on its own; wait for it, then forget the control.
	seen := func() bool { mu.Lock(); defer mu.Unlock(); return len(hits) > 0 }
	for tick := time.NewTicker(10 * time.Millisecond); !seen(); <-tick.C {
		if bctx.Err() != nil {
			t.Fatal("the binding never reported the control script")
		}
	}
	mu.Lock()
	hits = nil
	mu.Unlock()
	for _, site := range []struct{ name, url string }{{"with CSP", as.url}, {"without CSP", plain.URL}} {
		shown := 0
		for pageNum := 1; ; pageNum++ {
			path := fmt.Sprintf("/article/1?sort=newest&page=%d", pageNum)
			if err := chromedp.Do(tabCtx, chromedp.Navigate(site.url+path)); err != nil {
				t.Fatalf("%s %s: %v", site.name, path, err)
			}
			more := eval(`String(!!document.querySelector('a[rel="next"]'))`) == "true"
			xss, csp, bad := eval(`window.__xss.join(",")`), eval(`window.__csp.join("\n")`), eval(unsafeMarkup)
			loc, err := chromedp.Run(tabCtx, chromedp.Location())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(loc, path) {
				t.Errorf("%s %s: the page navigated to %s", site.name, path, loc)
			}
			if xss != "" {
				t.Errorf("%s %s: script ran: %s", site.name, path, xss)
			}
			if csp != "" {
				t.Errorf("%s %s: CSP violations (markup that tried to run):\n%s", site.name, path, csp)
			}
			if bad != "" {
				t.Errorf("%s %s: unsafe markup in the DOM:\n%s", site.name, path, bad)
			}
			n, _ := strconv.Atoi(eval(`String(document.querySelectorAll(".comment-body").length)`))
			shown += n
			if !more || pageNum > 20 {
				break
			}
		}
		if shown != posted+names {
			t.Errorf("%s: %d comments rendered over the pages, want %d: the check did not see them all", site.name, shown, posted+names)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(hits) > 0 {
		t.Errorf("script ran: %v", hits)
	}
}
