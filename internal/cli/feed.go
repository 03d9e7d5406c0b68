package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"newsdesk/internal/feed"
	"newsdesk/internal/fetch"
)

// maxFeedInput bounds a feed read from a file or stdin; fetched feeds have the fetcher's cap.
const maxFeedInput = 64 << 20

// runFeed dispatches the feed tools: parse prints a feed as JSON, discover lists the feeds a
// page advertises.
func runFeed(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(env.Stderr, "Usage: newsdesk feed parse [-content] FILE|URL|-\n       newsdesk feed discover FILE|URL|-")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			return nil
		}
		return errUsage
	}
	switch args[0] {
	case "parse":
		return runFeedParse(ctx, env, args[1:])
	case "discover":
		return runFeedDiscover(ctx, env, args[1:])
	}
	return fmt.Errorf("unknown feed tool %q (want parse or discover)", args[0])
}

func runFeedParse(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "feed parse", "feed parse [-content] [-base URL] FILE|URL|-")
	content := fs.Bool("content", false, "include each item's HTML content")
	base := fs.String("base", "", "URL the feed came from, for resolving relative links (default: the URL fetched)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	src := fs.Arg(0)
	doc, err := readFeedSource(ctx, env, src)
	if err != nil {
		return err
	}
	opts := feed.Options{BaseURL: doc.url, ContentType: doc.contentType, Now: time.Now()}
	if *base != "" {
		opts.BaseURL = *base
	}
	f, err := feed.Parse(doc.body, opts)
	if errors.Is(err, feed.ErrNotFeed) && doc.url != "" {
		if links := feed.Discover(doc.body, doc.url); len(links) > 0 {
			return fmt.Errorf("parse %s: %w; the page advertises %s", src, err, links[0].URL)
		}
	}
	if err != nil {
		return fmt.Errorf("parse %s: %w", src, err)
	}
	if !*content {
		for i := range f.Items {
			f.Items[i].Content = ""
		}
	}
	return feed.WriteJSON(env.Stdout, f)
}

func runFeedDiscover(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "feed discover", "feed discover [-base URL] FILE|URL|-")
	base := fs.String("base", "", "URL of the page, for resolving relative links (default: the URL fetched)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	doc, err := readFeedSource(ctx, env, fs.Arg(0))
	if err != nil {
		return err
	}
	pageURL := doc.url
	if *base != "" {
		pageURL = *base
	}
	if feed.IsFeed(doc.body, doc.contentType) {
		fmt.Fprintf(env.Stdout, "%s\tthe address is itself a feed\n", pageURL)
		return nil
	}
	links := feed.Discover(doc.body, pageURL)
	if len(links) == 0 {
		return fmt.Errorf("discover %s: the page advertises no feed", fs.Arg(0))
	}
	for _, l := range links {
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\n", l.URL, l.Type, l.Title)
	}
	return nil
}

// feedSource is a document read from a file, stdin or the network.
type feedSource struct {
	body        []byte
	url         string // final URL when fetched; empty for files
	contentType string // Content-Type header with its charset, when fetched
}

// readFeedSource reads src: an http(s) URL through the guarded fetcher, "-" for stdin, or a file.
func readFeedSource(ctx context.Context, env *Env, src string) (feedSource, error) {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		client, err := fetch.New(fetch.Config{
			Version: Version,
			Allow:   fetch.ParseAllow(env.Getenv("NEWSDESK_FETCH_ALLOW")),
		}, env.Logger)
		if err != nil {
			return feedSource{}, fmt.Errorf("fetch client: %w", err)
		}
		defer client.CloseIdleConnections()
		resp, err := client.Fetch(ctx, fetch.Request{URL: src, Purpose: fetch.PurposeFeed})
		if err != nil {
			return feedSource{}, fmt.Errorf("fetch %s: %w", src, err)
		}
		return feedSource{body: resp.Body, url: resp.URL, contentType: resp.ContentType}, nil
	}
	var r io.Reader = env.Stdin
	if src != "-" {
		f, err := os.Open(src)
		if err != nil {
			return feedSource{}, fmt.Errorf("read: %w", err)
		}
		defer f.Close()
		r = f
	}
	body, err := io.ReadAll(io.LimitReader(r, maxFeedInput))
	if err != nil {
		return feedSource{}, fmt.Errorf("read %s: %w", src, err)
	}
	return feedSource{body: body}, nil
}
