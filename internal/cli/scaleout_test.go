package cli

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"newsdesk/internal/demo"
	"newsdesk/internal/store"
	"newsdesk/internal/store/storetest"
)

// feedLog records when each feed was requested, on the publisher's side.
type feedLog struct {
	mu   sync.Mutex
	hits map[string][]time.Time // feed path → request times
}

func (l *feedLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.URL.Path, "/news/") && r.URL.Path != "/robots.txt" && strings.Count(r.URL.Path, "/") == 2 {
			l.mu.Lock()
			l.hits[r.Host+r.URL.Path] = append(l.hits[r.Host+r.URL.Path], time.Now())
			l.mu.Unlock()
		}
		h.ServeHTTP(w, r)
	})
}

func (l *feedLog) snapshot() map[string][]time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[string][]time.Time, len(l.hits))
	for k, v := range l.hits {
		out[k] = append([]time.Time(nil), v...)
	}
	return out
}

// scaleProcess is one newsdesk serve process started by the test.
type scaleProcess struct {
	base   string
	cmd    *exec.Cmd
	stderr *scaleBuffer
}

type scaleBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *scaleBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *scaleBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func scalePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func awaitCond(t *testing.T, what string, limit time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting until %s", limit, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func scaleGet(u string) (int, string) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// generatedKey is the article number in a generator URL (/s3/news/42-slug).
var generatedKey = regexp.MustCompile(`/news/(\d+)-`)

// TestManyProcessesOnePostgres builds newsdesk and runs three `serve --role=all` processes,
// and one `--role=web` that writes nothing itself, against one PostgreSQL schema and a
// loopback publisher that keeps publishing. It checks what running several processes
// promises: every article stored once, every article in a story and the stories
// consistent, each feed fetched at most once per refresh interval, and page caches
// invalidated by other processes' writes.
func TestManyProcessesOnePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs four processes")
	}
	dsn := storetest.PostgresDSN(t)
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build newsdesk with")
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()

	bin := filepath.Join(t.TempDir(), "newsdesk")
	build := exec.CommandContext(ctx, goBin, "build", "-o", bin, "newsdesk/cmd/newsdesk")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	// The publisher: 8 sites of 25 articles, on two loopback hosts.
	const publishers, backlog, live = 8, 25, 80
	gen := demo.NewGenerator(publishers, backlog, 7)
	log := &feedLog{hits: map[string][]time.Time{}}
	var bases, allow []string
	for range 2 {
		srv := httptest.NewServer(log.wrap(gen.Handler()))
		t.Cleanup(srv.Close)
		bases = append(bases, srv.URL)
		allow = append(allow, strings.TrimPrefix(srv.URL, "http://"))
	}

	st, err := store.Open(ctx, dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var pubIDs []int64
	for i, fu := range gen.FeedURLs(bases...) {
		u, _ := url.Parse(fu)
		p, err := st.EnsurePublisher(ctx, store.Publisher{Name: fmt.Sprintf("Gazette %d", i), HomeURL: u.Scheme + "://" + u.Host + "/s" + strconv.Itoa(i) + "/", Language: "en"})
		if err != nil {
			t.Fatal(err)
		}
		pubIDs = append(pubIDs, p.ID)
		if _, err := st.CreateFeed(ctx, store.Feed{PublisherID: p.ID, URL: fu}); err != nil {
			t.Fatal(err)
		}
	}

	const minRefresh = time.Second
	start := func(role string) *scaleProcess {
		p := &scaleProcess{base: "http://" + scalePort(t), stderr: &scaleBuffer{}}
		p.cmd = exec.CommandContext(ctx, bin, "serve", "--role="+role)
		p.cmd.Env = []string{
			"NEWSDESK_DATABASE_URL=" + dsn,
			"NEWSDESK_LISTEN=" + strings.TrimPrefix(p.base, "http://"),
			"NEWSDESK_DATA_DIR=" + t.TempDir(),
			"NEWSDESK_FETCH_ALLOW=" + strings.Join(allow, ","),
			"NEWSDESK_FETCH_HOST_INTERVAL=0s",
			"NEWSDESK_POLL_INTERVAL=200ms",
			"NEWSDESK_MIN_REFRESH=" + minRefresh.String(),
			"NEWSDESK_MAX_REFRESH=2s",
			"NEWSDESK_WORKERS=4",
			"NEWSDESK_LOG_LEVEL=warn",
		}
		p.cmd.Stderr = p.stderr
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			_ = p.cmd.Process.Kill()
			_ = p.cmd.Wait()
			if t.Failed() {
				t.Logf("%s (%s) stderr:\n%s", p.base, role, p.stderr.String())
			}
		})
		return p
	}
	procs := []*scaleProcess{start("all"), start("all"), start("all")}
	web := start("web")
	for _, p := range append(procs, web) {
		awaitCond(t, p.base+" answers /healthz", 30*time.Second, func() bool {
			code, _ := scaleGet(p.base + "/healthz")
			return code == http.StatusOK
		})
	}

	// The web process caches a publisher's page before the new articles come.
	pubPage := web.base + "/publisher/" + strconv.FormatInt(pubIDs[0], 10)
	if code, _ := scaleGet(pubPage); code != http.StatusOK {
		t.Fatalf("GET %s = %d", pubPage, code)
	}

	// Once every feed was read, the publisher publishes more; the feeds then drop their
	// oldest items, which must already be known.
	awaitCond(t, "every feed is fetched", 30*time.Second, func() bool { return len(log.snapshot()) == publishers })
	gen.Publish(40, live)
	want := publishers*backlog + live
	awaitCond(t, fmt.Sprintf("%d articles are stored", want), 45*time.Second, func() bool {
		n, err := st.CountArticles(ctx)
		return err == nil && n >= want && gen.Published() == want
	})

	// Every generated article once, each in a story (EachRecentArticle lists only those).
	var arts []store.Article
	if err := st.EachRecentArticle(ctx, time.Time{}, func(a store.Article) error { arts = append(arts, a); return nil }); err != nil {
		t.Fatal(err)
	}
	n, _ := st.CountArticles(ctx)
	if n != want || len(arts) != want {
		t.Errorf("%d articles stored, %d of them in a story; the publisher published %d", n, len(arts), want)
	}
	seen := map[int]string{}
	for _, a := range arts {
		m := generatedKey.FindStringSubmatch(a.URL)
		if m == nil {
			t.Errorf("stored URL %s is not one the publisher made", a.URL)
			continue
		}
		k, _ := strconv.Atoi(m[1])
		if prev, dup := seen[k]; dup {
			t.Errorf("article %d stored twice: %s and %s", k, prev, a.URL)
		}
		seen[k] = a.URL
	}
	for k := range want {
		if _, ok := seen[k]; !ok {
			t.Errorf("article %d of the publisher is missing", k)
		}
	}

	// Stories: no article under an id merged away; copies beside their originals.
	byID := map[int64]store.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	for _, a := range arts {
		if to, err := st.ResolveStory(ctx, a.StoryID); err != nil || to != a.StoryID {
			t.Errorf("article %d is in story %d, which was merged into %d (%v)", a.ID, a.StoryID, to, err)
		}
		if a.DuplicateOf != 0 {
			if o, ok := byID[a.DuplicateOf]; !ok || o.StoryID != a.StoryID {
				t.Errorf("copy %d in story %d, its original %d in story %d", a.ID, a.StoryID, a.DuplicateOf, o.StoryID)
			}
		}
	}

	// Each feed at most once per refresh interval, however many processes poll.
	fetches := 0
	for feed, times := range log.snapshot() {
		fetches += len(times)
		for i := 1; i < len(times); i++ {
			if gap := times[i].Sub(times[i-1]); gap < minRefresh-50*time.Millisecond {
				t.Errorf("feed %s fetched twice within %s (at %s and %s)", feed, gap, times[i-1].Format("15:04:05.000"), times[i].Format("15:04:05.000"))
			}
		}
	}

	// The web process stored nothing, yet its cached page shows the newest article.
	newest, err := st.PublisherArticles(ctx, pubIDs[0], 1)
	if err != nil || len(newest) == 0 {
		t.Fatalf("newest article of publisher %d: %v", pubIDs[0], err)
	}
	awaitCond(t, "the web process's cached page shows "+newest[0].Title, 10*time.Second, func() bool {
		_, body := scaleGet(pubPage)
		return strings.Contains(body, html.EscapeString(newest[0].Title))
	})
	t.Logf("%d articles in %d stories by 3 processes; %d feed requests for %d feeds", len(arts), countStories(arts), fetches, publishers)
}

func countStories(arts []store.Article) int {
	ids := map[int64]bool{}
	for _, a := range arts {
		ids[a.StoryID] = true
	}
	return len(ids)
}
