package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"strings"
)

// Outline is one feed subscription of an OPML file.
type Outline struct {
	Title    string `json:"title"`
	XMLURL   string `json:"xml_url"`
	HTMLURL  string `json:"html_url,omitempty"`
	Category string `json:"category,omitempty"` // folder path, nested folders joined by "/"
}

// MaxOPMLBytes bounds what ParseOPML reads; subscription lists are a few hundred KiB at most.
const MaxOPMLBytes = 16 << 20

// Errors of ParseOPML. ErrInvalidURL is wrapped in the per-outline problems.
var (
	ErrNotOPML    = errors.New("the file is not an OPML subscription list")
	ErrOPMLSize   = fmt.Errorf("the OPML file is larger than %d MiB", MaxOPMLBytes>>20)
	ErrInvalidURL = errors.New("invalid feed URL")
)

// OutlineError reports one outline that was skipped; the rest of the file is still imported.
type OutlineError struct {
	Line  int    // line of the outline element in the file
	Title string // its text or title attribute
	URL   string // its xmlUrl as written
	Err   error
}

func (e *OutlineError) Error() string {
	name := e.Title
	if name == "" {
		name = "(untitled)"
	}
	return fmt.Sprintf("line %d, outline %q: %v", e.Line, name, e.Err)
}

func (e *OutlineError) Unwrap() error { return e.Err }

// ParseOPML reads an OPML subscription list. Folders (outlines without xmlUrl that contain
// others) become the Category of the feeds inside them; an OPML 2.0 category attribute is used
// when a feed sits in no folder. An outline whose feed URL is empty, unparsable or not http(s)
// is reported in problems and skipped; err is for a file that cannot be read as OPML at all.
func ParseOPML(r io.Reader) (outlines []Outline, problems []error, err error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxOPMLBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("opml: read: %w", err)
	}
	if len(data) > MaxOPMLBytes {
		return nil, nil, ErrOPMLSize
	}
	data = toUTF8(data, "")
	if kind, root := sniff(data); kind != kindOtherXML || root != "opml" {
		return nil, nil, ErrNotOPML
	}

	dec := xml.NewDecoder(bytes.NewReader(data))
	// Hand-edited and exported lists often carry a bare "&" in URLs or HTML entities in titles.
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var folders []string // open folder names, outermost first
	var kinds []bool     // per open <outline>: true when it was a folder
	for {
		tok, terr := dec.Token()
		if terr == io.EOF {
			break
		}
		if terr != nil {
			return nil, nil, fmt.Errorf("%w: %v", ErrNotOPML, terr)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !strings.EqualFold(t.Name.Local, "outline") {
				continue
			}
			line, _ := dec.InputPos()
			o, isFeed, problem := readOutline(t.Attr, folders, line)
			if problem != nil {
				problems = append(problems, problem)
			} else if isFeed {
				outlines = append(outlines, o)
			}
			kinds = append(kinds, !isFeed && problem == nil)
			if !isFeed && problem == nil {
				folders = append(folders, o.Title)
			}
		case xml.EndElement:
			if !strings.EqualFold(t.Name.Local, "outline") || len(kinds) == 0 {
				continue
			}
			if kinds[len(kinds)-1] {
				folders = folders[:len(folders)-1]
			}
			kinds = kinds[:len(kinds)-1]
		}
	}
	return outlines, problems, nil
}

// readOutline interprets one <outline>. It returns a feed (isFeed), a folder (its name in
// Title), or a problem.
func readOutline(attrs []xml.Attr, folders []string, line int) (o Outline, isFeed bool, problem error) {
	a := map[string]string{}
	for _, at := range attrs {
		key := strings.ToLower(at.Name.Local)
		if _, dup := a[key]; !dup {
			a[key] = at.Value
		}
	}
	// Attributes are plain text, so no tag stripping; entities are decoded once more because
	// exporters that escape twice ("&amp;amp;") are common.
	title := collapseSpace(html.UnescapeString(a["text"]))
	if title == "" {
		title = collapseSpace(html.UnescapeString(a["title"]))
	}
	raw, hasURL := a["xmlurl"]
	typ := strings.ToLower(strings.TrimSpace(a["type"]))
	if !hasURL && (typ == "rss" || typ == "atom") {
		// Some exporters write url= instead of xmlUrl=, or nothing at all.
		raw, hasURL = a["url"], true
	}
	if !hasURL {
		return Outline{Title: title}, false, nil // a folder, possibly empty
	}
	u, err := normalizeFeedURL(raw)
	if err != nil {
		return Outline{}, true, &OutlineError{Line: line, Title: title, URL: raw, Err: err}
	}
	o = Outline{Title: title, XMLURL: u, Category: folderPath(folders)}
	if h, err := normalizeFeedURL(a["htmlurl"]); err == nil {
		o.HTMLURL = h
	}
	if o.Category == "" {
		o.Category = firstCategory(a["category"])
	}
	if o.Title == "" {
		o.Title = hostOf(u)
	}
	return o, true, nil
}

// normalizeFeedURL checks that raw is an absolute http(s) URL, rewriting feed: URLs.
func normalizeFeedURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	lower := strings.ToLower(s)
	switch {
	case s == "":
		return "", fmt.Errorf("%w: the URL is empty", ErrInvalidURL)
	case strings.HasPrefix(lower, "feed:http:"), strings.HasPrefix(lower, "feed:https:"):
		s = s[len("feed:"):]
	case strings.HasPrefix(lower, "feed://"):
		s = "http://" + s[len("feed://"):]
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("%w: %q cannot be parsed", ErrInvalidURL, raw)
	}
	switch {
	case u.Scheme == "":
		return "", fmt.Errorf("%w: %q is not an absolute URL", ErrInvalidURL, raw)
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("%w: %q uses %s:, only http and https are allowed", ErrInvalidURL, raw, u.Scheme)
	case u.Host == "" || u.Hostname() == "":
		return "", fmt.Errorf("%w: %q has no host", ErrInvalidURL, raw)
	}
	return u.String(), nil
}

// folderPath joins the names of the open folders, skipping unnamed ones.
func folderPath(folders []string) string {
	var names []string
	for _, f := range folders {
		if f = strings.Trim(f, "/ "); f != "" {
			names = append(names, f)
		}
	}
	return strings.Join(names, "/")
}

// firstCategory reads OPML 2.0's category attribute: comma-separated, slash-delimited paths.
func firstCategory(attr string) string {
	for _, c := range strings.Split(attr, ",") {
		if c = strings.Trim(strings.TrimSpace(c), "/"); c != "" {
			return c
		}
	}
	return ""
}
