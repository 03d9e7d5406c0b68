package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"newsdesk/internal/config"
	"newsdesk/internal/feed"
	"newsdesk/internal/fetch"
	"newsdesk/internal/store"
)

func runSources(ctx context.Context, env *Env, args []string) error {
	sub := ""
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	switch sub {
	case "add":
		return sourcesAdd(ctx, env, args)
	case "list":
		return sourcesList(ctx, env, args)
	case "import-opml":
		return sourcesImport(ctx, env, args)
	case "export-opml":
		return sourcesExport(ctx, env, args)
	}
	fmt.Fprint(env.Stderr, `Usage: newsdesk sources <command> [flags]

Commands:
  add URL [--name N --country CC --language LL]   add a feed URL, or a site URL whose feed is discovered
  list                                            list feeds and their health
  import-opml FILE                                add every feed of an OPML file
  export-opml                                     write all feeds as OPML to standard output
`)
	if sub == "" || sub == "-h" || sub == "--help" || sub == "help" {
		return flag.ErrHelp
	}
	return fmt.Errorf("unknown sources command %q", sub)
}

// sourcesSetup parses the shared settings flags plus extra ones and opens the store.
// It returns the positional arguments, which must number want.
func sourcesSetup(ctx context.Context, env *Env, fs *flag.FlagSet, args []string, want int) (*config.Config, *store.Store, []string, error) {
	flags := config.Register(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(pos) != want {
		fs.Usage()
		return nil, nil, nil, errUsage
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return nil, nil, nil, err
	}
	st, err := openStore(ctx, cfg, newLogger(env, cfg.LogLevel))
	if err != nil {
		return nil, nil, nil, err
	}
	return cfg, st, pos, nil
}

func sourcesAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "sources add", "sources add URL [flags]")
	name := fs.String("name", "", "publisher name (default: the feed's title)")
	country := fs.String("country", "", "publisher country, ISO 3166-1 alpha-2 (e.g. ie)")
	language := fs.String("language", "", "publisher language, ISO 639-1 (e.g. en)")
	cfg, st, pos, err := sourcesSetup(ctx, env, fs, args, 1)
	if err != nil {
		return err
	}
	defer st.Close()
	client, err := newFetcher(cfg, newLogger(env, cfg.LogLevel), nil)
	if err != nil {
		return err
	}
	raw := pos[0]
	if err := client.CheckURL(ctx, raw); err != nil {
		return fmt.Errorf("cannot add %s: %w", raw, err)
	}
	feedURL, parsed, err := resolveFeed(ctx, client, raw)
	if err != nil {
		return fmt.Errorf("cannot add %s: %w", raw, err)
	}
	pub := publisherFor(feedURL, parsed)
	if *name != "" {
		pub.Name = *name
	}
	pub.Country, pub.Language = strings.ToLower(*country), strings.ToLower(nonEmpty(*language, pub.Language))
	pub, err = st.EnsurePublisher(ctx, pub)
	if err != nil {
		return err
	}
	f, err := st.CreateFeed(ctx, store.Feed{PublisherID: pub.ID, URL: feedURL, Title: parsed.Title})
	if errors.Is(err, store.ErrConflict) {
		return fmt.Errorf("%s is already a source", feedURL)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "added feed %d: %s (%s, %d items now) for publisher %q\n", f.ID, f.URL, parsed.Format, len(parsed.Items), pub.Name)
	return nil
}

// resolveFeed fetches raw; a feed is taken as it is, an HTML page is searched for the feed
// it advertises with <link rel="alternate">.
func resolveFeed(ctx context.Context, client *fetch.Client, raw string) (string, *feed.Feed, error) {
	resp, err := client.Fetch(ctx, fetch.Request{URL: raw, Purpose: fetch.PurposeFeed})
	if err != nil {
		return "", nil, err
	}
	parsed, err := feed.Parse(resp.Body, feed.Options{BaseURL: resp.URL, ContentType: resp.ContentType})
	if err == nil {
		return resp.URL, parsed, nil
	}
	if !errors.Is(err, feed.ErrNotFeed) {
		return "", nil, err
	}
	links := feed.Discover(resp.Body, resp.URL)
	if len(links) == 0 {
		return "", nil, errors.New("the page advertises no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON Feed); give the feed's URL instead")
	}
	var errs []error
	for _, l := range links {
		resp, err := client.Fetch(ctx, fetch.Request{URL: l.URL, Purpose: fetch.PurposeFeed})
		if err == nil {
			parsed, err = feed.Parse(resp.Body, feed.Options{BaseURL: resp.URL, ContentType: resp.ContentType})
			if err == nil {
				return resp.URL, parsed, nil
			}
		}
		errs = append(errs, fmt.Errorf("%s: %w", l.URL, err))
	}
	return "", nil, fmt.Errorf("none of the feeds the page advertises could be read: %w", errors.Join(errs...))
}

// publisherFor derives a publisher from a feed: its site link, its title, a favicon.
func publisherFor(feedURL string, f *feed.Feed) store.Publisher {
	u, _ := url.Parse(feedURL)
	home := u.Scheme + "://" + u.Host + "/"
	if f != nil && f.Link != "" {
		if l, err := url.Parse(f.Link); err == nil && l.Host != "" {
			home = l.Scheme + "://" + l.Host + "/"
		}
	}
	name := u.Hostname()
	if f != nil && f.Title != "" {
		name = f.Title
	}
	lang := ""
	if f != nil && len(f.Language) >= 2 {
		lang = strings.ToLower(f.Language[:2])
	}
	return store.Publisher{Name: name, HomeURL: home, LogoURL: strings.TrimSuffix(home, "/") + "/favicon.ico", Language: lang}
}

func sourcesList(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "sources list", "sources list [flags]")
	_, st, _, err := sourcesSetup(ctx, env, fs, args, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	feeds, err := st.FeedStatuses(ctx)
	if err != nil {
		return err
	}
	if len(feeds) == 0 {
		fmt.Fprintln(env.Stdout, "no sources yet: add one with 'newsdesk sources add URL'")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHER\tURL\tARTICLES\tLAST SUCCESS\tSTATUS")
	for _, f := range feeds {
		status := "ok"
		switch {
		case f.Disabled:
			status = "disabled: " + f.LastError
		case f.LastError != "":
			status = fmt.Sprintf("failing (%d in a row): %s", f.ConsecutiveErrors, f.LastError)
		case f.LastSuccess.IsZero():
			status = "not fetched yet"
		}
		last := "never"
		if !f.LastSuccess.IsZero() {
			last = f.LastSuccess.Local().Format(time.DateTime)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\n", f.ID, f.PublisherName, f.URL, f.ArticleCount, last, status)
	}
	return tw.Flush()
}

func sourcesImport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "sources import-opml", "sources import-opml FILE [flags]")
	_, st, pos, err := sourcesSetup(ctx, env, fs, args, 1)
	if err != nil {
		return err
	}
	defer st.Close()
	var r io.Reader = env.Stdin
	if pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	outlines, problems, err := feed.ParseOPML(r)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintf(env.Stderr, "skipped: %v\n", p)
	}
	added, existing := 0, 0
	for _, o := range outlines {
		pub := publisherFor(o.XMLURL, &feed.Feed{Title: o.Title, Link: o.HTMLURL})
		pub, err := st.EnsurePublisher(ctx, pub)
		if err != nil {
			return err
		}
		_, err = st.CreateFeed(ctx, store.Feed{PublisherID: pub.ID, URL: o.XMLURL, Title: o.Title})
		switch {
		case errors.Is(err, store.ErrConflict):
			existing++
		case err != nil:
			return err
		default:
			added++
		}
	}
	fmt.Fprintf(env.Stdout, "imported %d feeds (%d already present, %d skipped)\n", added, existing, len(problems))
	return nil
}

func sourcesExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "sources export-opml", "sources export-opml [flags] > feeds.opml")
	_, st, _, err := sourcesSetup(ctx, env, fs, args, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	feeds, err := st.FeedStatuses(ctx)
	if err != nil {
		return err
	}
	outlines := make([]feed.Outline, len(feeds))
	for i, f := range feeds {
		outlines[i] = feed.Outline{Title: nonEmpty(f.Title, f.PublisherName), XMLURL: f.URL}
	}
	return feed.WriteOPML(env.Stdout, "newsdesk sources", outlines)
}

// parseInterspersed parses flags that may follow positional arguments ("add URL --name X"),
// which flag.Parse alone stops at, and returns the positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func nonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
