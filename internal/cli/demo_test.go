package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the command's goroutines and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	return string(b)
}

// TestDemoEndToEnd runs `newsdesk demo` as a newcomer would: the simulated publishers go
// through real HTTP, the real pipeline and extraction into SQLite, and the site shows at
// least 40 articles whose pages carry the article text and none of the clutter.
func TestDemoEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end demo")
	}
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	out, errs := &syncBuffer{}, &syncBuffer{}
	env := &Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: errs, Getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	db := filepath.Join(t.TempDir(), "demo.db")
	go func() {
		done <- Run(ctx, env, []string{"demo", "--listen", "127.0.0.1:0", "--db", db, "--log-level", "warn"})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("demo exited %d: %s", code, errs.String())
			}
		case <-time.After(30 * time.Second):
			t.Error("demo did not shut down within 30s")
		}
	})

	urlRE := regexp.MustCompile(`open (http://\S+)/ in your browser`)
	var base string
	deadline := time.Now().Add(30 * time.Second)
	for base == "" {
		if m := urlRE.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("demo printed no URL; stdout %q stderr %q", out.String(), errs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}

	linkRE := regexp.MustCompile(`href="(/article/[^"]+)"`)
	var links []string
	deadline = time.Now().Add(60 * time.Second)
	for {
		links = uniq(linkRE.FindAllStringSubmatch(get(t, base+"/"), -1))
		if len(links) >= 40 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("front page shows %d articles after 60s, want ≥ 40", len(links))
		}
		time.Sleep(200 * time.Millisecond)
	}
	// The JSON API and the outgoing feeds are served beside the site.
	if body := get(t, base+"/api/v1/articles"); !strings.Contains(body, `"items"`) || !strings.Contains(body, `"title"`) {
		t.Errorf("/api/v1/articles: %.200s", body)
	}
	if body := get(t, base+"/feed.xml"); !strings.Contains(body, "<rss") || !strings.Contains(body, "<item>") {
		t.Errorf("/feed.xml: %.200s", body)
	}
	clutter := []string{"ADVERTISEMENT", "Advertisement", "cookie", "Cookie", "Share on", "newsletter", "Newsletter", "keep checking back"}
	for _, l := range links {
		page := get(t, base+l)
		_, body, ok := strings.Cut(page, `class="article-body"`)
		body, _, ok2 := strings.Cut(body, `class="article-source"`)
		if !ok || !ok2 {
			t.Fatalf("%s: no article body in the page", l)
		}
		for _, c := range clutter {
			if strings.Contains(body, c) {
				t.Errorf("%s: article body contains clutter %q", l, c)
			}
		}
		if !strings.Contains(page, "<p>") {
			t.Errorf("%s: no paragraphs in the article page", l)
		}
	}
}

func uniq(ms [][]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}
