package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const testRSS = `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel>
<title>Test &amp; Feed</title><link>https://site.example.com/</link>
<item><title>First <b>story</b></title><link>/a/1</link><guid>g-1</guid>
<pubDate>Tue, 02 Jan 2024 15:04:05 +0100</pubDate><author>ed@site.example.com (Ed)</author>
<description><![CDATA[<p>Summary of the first story.</p>]]></description></item>
<item><title>Caf` + "\xe9" + `</title><link>https://site.example.com/a/2</link></item>
</channel></rss>`

const testHTML = `<!doctype html><html><head>
<link rel="alternate" type="application/rss+xml" title="Main" href="/feed.xml">
</head><body>hello</body></html>`

type feedJSON struct {
	Title string `json:"title"`
	Link  string `json:"link"`
	Items []struct {
		Title     string `json:"title"`
		Link      string `json:"link"`
		GUID      string `json:"guid"`
		Published string `json:"published"`
		Author    string `json:"author"`
		Summary   string `json:"summary"`
		Content   string `json:"content"`
	} `json:"items"`
}

func runCLI(t *testing.T, stdin string, getenv map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &Env{
		Stdin:  strings.NewReader(stdin),
		Stdout: &out,
		Stderr: &errOut,
		Getenv: func(k string) string { return getenv[k] },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	code = Run(context.Background(), env, args)
	return code, out.String(), errOut.String()
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func decodeFeed(t *testing.T, stdout string) feedJSON {
	t.Helper()
	var f feedJSON
	if err := json.Unmarshal([]byte(stdout), &f); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	return f
}

func TestFeedParseFile(t *testing.T) {
	t.Parallel()
	path := writeTemp(t, "feed.xml", testRSS)
	code, stdout, stderr := runCLI(t, "", nil, "feed", "parse", path)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	f := decodeFeed(t, stdout)
	if f.Title != "Test & Feed" || f.Link != "https://site.example.com/" || len(f.Items) != 2 {
		t.Fatalf("feed = %+v", f)
	}
	first := f.Items[0]
	if first.Title != "First story" || first.Link != "https://site.example.com/a/1" || first.GUID != "g-1" ||
		first.Author != "Ed" || first.Summary != "Summary of the first story." || first.Content != "" {
		t.Errorf("first item = %+v", first)
	}
	if pub, err := time.Parse(time.RFC3339, first.Published); err != nil || !pub.Equal(time.Date(2024, 1, 2, 14, 4, 5, 0, time.UTC)) {
		t.Errorf("published %q (%v)", first.Published, err)
	}
	if f.Items[1].Title != "Café" || f.Items[1].GUID != "https://site.example.com/a/2" {
		t.Errorf("second item = %+v", f.Items[1])
	}
}

func TestFeedParseStdinWithContent(t *testing.T) {
	t.Parallel()
	code, stdout, stderr := runCLI(t, testRSS, nil, "feed", "parse", "-content", "-")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if f := decodeFeed(t, stdout); f.Items[0].Content != "<p>Summary of the first story.</p>" {
		t.Errorf("content = %q", f.Items[0].Content)
	}
}

func TestFeedParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		file     string // content written to a temp file; "" means args are used as is
		args     []string
		wantCode int
		wantErr  string
	}{
		{"html page", testHTML, nil, 1, "this is an HTML page, not a feed"},
		{"empty", " \n", nil, 1, "the feed is empty"},
		{"truncated", testRSS[:200], nil, 1, "the feed could not be parsed"},
		{"null item", `{"version":"https://jsonfeed.org/version/1.1","items":[null]}`, nil, 1, "the feed could not be parsed"},
		{"missing file", "", []string{"feed", "parse", "/nonexistent/feed.xml"}, 1, "no such file"},
		{"no argument", "", []string{"feed", "parse"}, 2, "Usage"},
		{"no tool", "", []string{"feed"}, 2, "Usage"},
		{"unknown tool", "", []string{"feed", "frobnicate"}, 1, "unknown feed tool"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := tt.args
			if tt.file != "" {
				args = []string{"feed", "parse", writeTemp(t, "in.xml", tt.file)}
			}
			code, stdout, stderr := runCLI(t, "", nil, args...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.wantCode, tt.wantErr)
			}
			if tt.wantCode == 1 && !strings.HasPrefix(stderr, "newsdesk feed: ") {
				t.Errorf("stderr %q lacks the command prefix", stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q on failure", stdout)
			}
		})
	}
}

// TestFeedParseURL fetches from a loopback server, allowed through NEWSDESK_FETCH_ALLOW as the
// guarded fetcher refuses private addresses otherwise.
func TestFeedParseURL(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml; charset=iso-8859-1")
			io.WriteString(w, strings.Replace(testRSS, `<link>https://site.example.com/</link>`, "", 1))
		case "/":
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, testHTML)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	allow := map[string]string{"NEWSDESK_FETCH_ALLOW": u.Host}

	code, stdout, stderr := runCLI(t, "", allow, "feed", "parse", srv.URL+"/feed.xml")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	// Without a site link the relative item link resolves against the fetched URL.
	if f := decodeFeed(t, stdout); f.Items[0].Link != srv.URL+"/a/1" {
		t.Errorf("item link %q, want %q", f.Items[0].Link, srv.URL+"/a/1")
	}

	code, _, stderr = runCLI(t, "", allow, "feed", "parse", srv.URL+"/")
	if code != 1 || !strings.Contains(stderr, "not a feed") || !strings.Contains(stderr, srv.URL+"/feed.xml") {
		t.Errorf("HTML page: exit %d, stderr %q; want the advertised feed named", code, stderr)
	}

	code, _, stderr = runCLI(t, "", allow, "feed", "parse", srv.URL+"/missing.xml")
	if code != 1 || !strings.Contains(stderr, "404") {
		t.Errorf("missing: exit %d, stderr %q", code, stderr)
	}

	// The same loopback server without the allow entry is refused by the address guard.
	code, _, stderr = runCLI(t, "", nil, "feed", "parse", srv.URL+"/feed.xml")
	if code != 1 || stderr == "" {
		t.Errorf("not allowed: exit %d, stderr %q", code, stderr)
	}
}

func TestFeedDiscover(t *testing.T) {
	t.Parallel()
	path := writeTemp(t, "page.html", testHTML)
	code, stdout, stderr := runCLI(t, "", nil, "feed", "discover", "-base", "https://site.example.com/news/", path)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if want := "https://site.example.com/feed.xml\tapplication/rss+xml\tMain\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	code, _, stderr = runCLI(t, "<html><body>none</body></html>", nil, "feed", "discover", "-")
	if code != 1 || !strings.Contains(stderr, "advertises no feed") {
		t.Errorf("no feeds: exit %d, stderr %q", code, stderr)
	}
}
