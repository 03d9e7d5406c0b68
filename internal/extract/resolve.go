package extract

import (
	"net/url"
	"regexp"
	"strings"
	"time"
)

// resolveTitle picks the headline: a visible <h1> that the page's metadata agrees with,
// else the JSON-LD headline, else og:title or <title> without the site name.
func resolveTitle(m *metadata, site string) string {
	metaTitles := []string{m.ld.headline, m.prop("og:title"), m.prop("twitter:title"), m.title, m.prop("headline"), m.ld.pageName}
	ns := normTitle(site)
	for _, h := range m.h1s {
		nh := normTitle(h)
		if len(nh) < 8 || nh == ns {
			continue
		}
		for _, t := range metaTitles {
			if t == "" {
				continue
			}
			// The h1 must be most of the metadata title, not a logo or section name in it.
			nt := normTitle(stripSiteName(collapseSpace(t), site))
			if strings.Contains(nt, nh) && len(nh)*10 >= len(nt)*6 || isTitleSegment(t, nh) {
				return collapseSpace(h)
			}
		}
	}
	if m.ld.headline != "" {
		return collapseSpace(m.ld.headline)
	}
	for _, t := range []string{m.prop("og:title"), m.prop("twitter:title"), m.title} {
		if t != "" {
			return stripSiteName(collapseSpace(t), site)
		}
	}
	if len(m.h1s) > 0 {
		return m.h1s[0]
	}
	return ""
}

// isTitleSegment reports whether the normalised nh is one whole part of a title split at a
// separator ("About bugs" in "About bugs – Vortex Cannon Entertainment"), as its first or
// longest part.
func isTitleSegment(t, nh string) bool {
	for _, sep := range titleSeparators {
		parts := strings.Split(t, sep)
		if len(parts) < 2 {
			continue
		}
		// The headline is the first part or the longest; a middle part is a section name.
		longest := parts[0]
		for _, p := range parts {
			if len(p) > len(longest) {
				longest = p
			}
		}
		if normTitle(parts[0]) == nh || normTitle(longest) == nh {
			return true
		}
	}
	return false
}

func normTitle(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && !isSpace(r) && r != '’' && r != '‘' && r != '“' && r != '”' && r != '–' && r != '—' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / ", " : "}

// stripSiteName removes a "| Site Name" style part from a document title.
func stripSiteName(t, site string) string {
	ns := normTitle(site)
	if i := strings.Index(t, ": "); i > 0 && ns != "" && normTitle(t[:i]) == ns {
		return strings.TrimSpace(t[i+2:])
	}
	for _, sep := range titleSeparators {
		parts := strings.Split(t, sep)
		if len(parts) < 2 {
			continue
		}
		var keep []string
		for _, p := range parts {
			np := normTitle(p)
			if ns != "" && (np == ns || strings.Contains(ns, np) && len(np) > 3 || strings.Contains(np, ns) && len(np) < len(ns)+6) {
				continue
			}
			keep = append(keep, p)
		}
		if len(keep) < len(parts) && len(keep) > 0 {
			return strings.Join(keep, sep)
		}
		last := parts[len(parts)-1]
		if sep != " : " && len(strings.Fields(last)) <= 3 && len(strings.Join(parts[:len(parts)-1], sep)) > 2*len(last) {
			return strings.Join(parts[:len(parts)-1], sep)
		}
	}
	return t
}

var (
	bylinePrefix = regexp.MustCompile(`(?i)^\s*((\pL+\s+){0,2}by|von|par|por|di|da|de|autor|autore|auteur|author|text|texte|texto|testo)\s*:?\s+`)
	bylineCut    = regexp.MustCompile(`(?i)(\s+[|•·]\s*|\s+-\s+|,?\s+(updated|published|posted|on|am|le|el|il|aktualisiert|veröffentlicht|publié|publicado|pubblicato)\s+\w*\s*\d|\s*\d{1,2}[:./]\d{2}|\s+\d{1,2}\s+\w+\s+\d{4}|,?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d|\s+\d{4}-\d{2}|\s+(follow|email|twitter|contact)\b|\s+\(?@\w+|\s+\d+\s+(minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|\s+\(\w+\)$)`)
)

// cmsUser matches CMS account names that are not bylines.
var cmsUser = regexp.MustCompile(`(?i)^\w*(admin|administrator|editor|webmaster|redaktion|rédaction|redacción|redazione|staff|user)\w*$`)

// cleanByline turns "By JANE DOE | Nov 19, 2019" into "JANE DOE".
func cleanByline(s string) string {
	s = collapseSpace(s)
	if s == "" || strings.HasPrefix(s, "http") {
		return ""
	}
	for i := 0; i < 2; i++ {
		s = bylinePrefix.ReplaceAllString(s, "")
	}
	if loc := bylineCut.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	s = strings.Trim(dropJobTitles(s), " ,;:-–—|·•")
	if len(s) < 3 || len(s) > 120 || strings.Count(s, " ") > 12 || !hasLetter(s) || cmsUser.MatchString(s) {
		return ""
	}
	return s
}

// jobWords name a newsroom role: a part of a byline after a comma that has one of these is
// the writer's title ("Jane Doe, Health Reporter"), not another author.
var jobWords = regexp.MustCompile(`(?i)\b(reporter|correspondent|editor|writer|columnist|journalist|producer|contributor|analyst|critic|photographer|staff|redakteur(in)?|korrespondent(in)?|reporterin|autorin|journaliste|correspondante?|rédact(eur|rice)|envoyée? spéciale?|chroniqueur|corresponsal|periodista|redactora?|enviad[oa] especial|giornalista|corrispondente|inviat[oa]|caporedattore|redattore)\b`)

// dropJobTitles removes the comma-separated parts of a byline that are job titles.
func dropJobTitles(s string) string {
	if !strings.Contains(s, ",") {
		return s
	}
	parts := strings.Split(s, ",")
	keep := parts[:1]
	for _, p := range parts[1:] {
		if !jobWords.MatchString(p) {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, ",")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127 {
			return true
		}
	}
	return false
}

// resolveByline joins the JSON-LD people, or takes the first usable meta or DOM byline.
func resolveByline(m *metadata, site string) string {
	if len(m.ld.authors) > 0 {
		var names []string
		seen := map[string]bool{}
		for _, a := range m.ld.authors {
			if c := cleanByline(a); c != "" && !seen[strings.ToLower(c)] {
				seen[strings.ToLower(c)] = true
				names = append(names, c)
			}
		}
		if len(names) > 0 {
			return strings.Join(names, ", ")
		}
	}
	ns := normTitle(site)
	cands := []string{m.prop("author"), m.prop("article:author"), m.prop("byl"), m.prop("sailthru.author"),
		m.prop("parsely-author"), m.prop("dc.creator"), m.prop("dcterms.creator")}
	cands = append(cands, m.bylines...)
	for _, c := range cands {
		if c = cleanByline(c); c != "" && (ns == "" || normTitle(c) != ns) && !strings.Contains(c, "/") {
			return c
		}
	}
	return m.ld.orgAuthor
}

// resolveDates picks publication and modification times. Sources in order of trust:
// JSON-LD, meta tags, marked <time> elements, any <time>, date-classed text, the URL.
func resolveDates(m *metadata, lang string, page *url.URL) (pub, mod *time.Time) {
	try := func(s string) *time.Time {
		if t, ok := parseDate(s, lang); ok {
			return &t
		}
		return nil
	}
	for _, s := range []string{m.ld.published, m.prop("article:published_time"), m.prop("og:published_time"),
		m.prop("article:published"), m.prop("datepublished"), m.prop("pubdate"), m.prop("publishdate"),
		m.prop("publish-date"), m.prop("publish_date"), m.prop("publication_date"), m.prop("date"),
		m.prop("dc.date.issued"), m.prop("dc.date"), m.prop("dcterms.created"), m.prop("dcterms.date"),
		m.prop("sailthru.date"), m.prop("parsely-pub-date"), m.prop("article.published"),
		m.prop("article_date_original"), m.prop("originalpublicationdate"), m.prop("pub_date"),
		m.prop("datecreated"), m.prop("created")} {
		if pub = try(s); pub != nil {
			break
		}
	}
	if pub == nil {
		for _, tc := range m.times {
			if tc.published {
				if pub = try(tc.value); pub != nil {
					break
				}
			}
		}
	}
	if pub == nil {
		for _, tc := range m.times {
			if !tc.modified {
				if pub = try(tc.value); pub != nil {
					break
				}
			}
		}
	}
	if pub == nil {
		for _, s := range m.dateText {
			if pub = try(s); pub != nil {
				break
			}
		}
	}
	if pub == nil && page != nil {
		if t, ok := urlDate(page.Path); ok {
			pub = &t
		}
	}
	for _, s := range []string{m.ld.modified, m.prop("article:modified_time"), m.prop("og:updated_time"),
		m.prop("article:modified"), m.prop("datemodified"), m.prop("last-modified"), m.prop("dcterms.modified"),
		m.prop("lastmod")} {
		if mod = try(s); mod != nil {
			break
		}
	}
	if mod == nil {
		for _, tc := range m.times {
			if tc.modified {
				if mod = try(tc.value); mod != nil {
					break
				}
			}
		}
	}
	if mod != nil && pub != nil && mod.Before(*pub) {
		mod = nil
	}
	return pub, mod
}

// resolveImage returns the lead image as an absolute URL.
func resolveImage(m *metadata, base *url.URL, blocks []block) string {
	for _, s := range []string{m.prop("og:image:secure_url"), m.prop("og:image"), m.prop("og:image:url"),
		m.prop("twitter:image"), m.prop("twitter:image:src"), m.ld.image, m.imageSrc, m.prop("thumbnailurl"), m.prop("image")} {
		if u := absURL(base, s); u != "" {
			return u
		}
	}
	for _, b := range blocks {
		if b.kind == kindFigure {
			if i := strings.Index(b.html, `src="`); i >= 0 {
				rest := b.html[i+5:]
				if j := strings.IndexByte(rest, '"'); j > 0 {
					return htmlUnescape(rest[:j])
				}
			}
		}
	}
	return ""
}

func resolveSiteName(m *metadata) string {
	return collapseSpace(firstNonEmpty(m.prop("og:site_name"), m.ld.publisher, m.prop("application-name")))
}
