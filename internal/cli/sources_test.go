package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

func sourcesServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, testRSS)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, testHTML)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestSourcesAddRefusesPrivateAddresses(t *testing.T) {
	t.Parallel()
	srv := sourcesServer(t)
	db := filepath.Join(t.TempDir(), "s.db")
	code, _, stderr := runCLI(t, "", nil, "sources", "add", srv.URL+"/feed.xml", "--db", db)
	if code != 1 || !strings.Contains(stderr, "refused: 127.0.0.1 is a loopback address") || !strings.Contains(stderr, "NEWSDESK_FETCH_ALLOW") {
		t.Fatalf("exit %d, stderr %q; want a refusal that names the private address and the setting", code, stderr)
	}
	code, _, stderr = runCLI(t, "", nil, "sources", "add", "http://169.254.169.254/latest/meta-data", "--db", db)
	if code != 1 || !strings.Contains(stderr, "cannot add") {
		t.Fatalf("metadata address: exit %d, stderr %q", code, stderr)
	}
	code, stdout, _ := runCLI(t, "", nil, "sources", "list", "--db", db)
	if code != 0 || !strings.Contains(stdout, "no sources yet") {
		t.Fatalf("refused sources were stored: %q", stdout)
	}
}

func TestSourcesAddListExportImport(t *testing.T) {
	t.Parallel()
	srv := sourcesServer(t)
	u, _ := url.Parse(srv.URL)
	env := map[string]string{"NEWSDESK_FETCH_ALLOW": u.Host}
	db := filepath.Join(t.TempDir(), "s.db")

	// A site URL: its feed is discovered through <link rel="alternate">.
	code, stdout, stderr := runCLI(t, "", env, "sources", "add", srv.URL+"/", "--db", db, "--country", "IE")
	if code != 0 || !strings.Contains(stdout, srv.URL+"/feed.xml") || !strings.Contains(stdout, `"Test & Feed"`) {
		t.Fatalf("add site: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr = runCLI(t, "", env, "sources", "add", srv.URL+"/feed.xml", "--db", db)
	if code != 1 || !strings.Contains(stderr, "already a source") {
		t.Fatalf("add twice: exit %d, stderr %q", code, stderr)
	}
	code, stdout, _ = runCLI(t, "", env, "sources", "list", "--db", db)
	if code != 0 || !strings.Contains(stdout, "not fetched yet") || !strings.Contains(stdout, "Test & Feed") {
		t.Fatalf("list: %q", stdout)
	}
	code, opml, _ := runCLI(t, "", env, "sources", "export-opml", "--db", db)
	if code != 0 || !strings.Contains(opml, `xmlUrl="`+srv.URL+`/feed.xml"`) {
		t.Fatalf("export: %q", opml)
	}

	// Import into a fresh database: the exported feed plus one bad outline, reported.
	other := filepath.Join(t.TempDir(), "o.db")
	bad := strings.Replace(opml, "</body>", `<outline text="bad" type="rss" xmlUrl="ftp://nope.example/feed"/></body>`, 1)
	code, stdout, stderr = runCLI(t, bad, env, "sources", "import-opml", "-", "--db", other)
	if code != 0 || !strings.Contains(stdout, "imported 1 feeds") || !strings.Contains(stderr, "ftp://nope.example/feed") {
		t.Fatalf("import: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, bad, env, "sources", "import-opml", "-", "--db", other)
	if code != 0 || !strings.Contains(stdout, "1 already present") {
		t.Fatalf("re-import: %q", stdout)
	}
}

func TestSourcesUsage(t *testing.T) {
	t.Parallel()
	if code, _, stderr := runCLI(t, "", nil, "sources", "frobnicate"); code != 1 || !strings.Contains(stderr, "unknown sources command") {
		t.Fatalf("exit %d, %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "", nil, "sources", "add"); code != 2 {
		t.Fatalf("add without URL: exit %d, want 2", code)
	}
}
