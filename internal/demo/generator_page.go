package demo

import (
	"html"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Handler serves the generator's sites:
//
//	/robots.txt              allows everything
//	/s{p}/                   home page advertising the feed
//	/s{p}/{feed file}        the newest articlesPerPublisher articles of publisher p
//	/s{p}/news/{k}-{slug}    article k (404 until published)
func (g *Generator) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", serveRobots)
	mux.HandleFunc("GET /{pub}/{$}", g.serveHome)
	mux.HandleFunc("GET /{pub}/{file}", g.serveFeed)
	mux.HandleFunc("GET /{pub}/news/{id}", g.serveArticle)
	return mux
}

func (g *Generator) site(slug string) (int, *site, bool) {
	p, err := strconv.Atoi(strings.TrimPrefix(slug, "s"))
	if err != nil || !strings.HasPrefix(slug, "s") || p < 0 || p >= len(g.sites) {
		return 0, nil, false
	}
	return p, &g.sites[p], true
}

// feedKeys lists publisher p's newest published article numbers, newest first.
func (g *Generator) feedKeys(p int) ([]int, []time.Time) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	total := g.backlog() + g.liveCountLocked(g.now())
	if total <= p {
		return nil, nil
	}
	top := p + g.publishers*((total-1-p)/g.publishers)
	var ks []int
	var ts []time.Time
	for k := top; k >= 0 && len(ks) < g.perFeed; k -= g.publishers {
		at, _ := g.publishedAtLocked(k)
		ks = append(ks, k)
		ts = append(ts, at)
	}
	return ks, ts
}

func (g *Generator) serveFeed(w http.ResponseWriter, r *http.Request) {
	p, st, ok := g.site(r.PathValue("pub"))
	if !ok || r.PathValue("file") != st.feedFile {
		http.NotFound(w, r)
		return
	}
	base := baseURL(r)
	d := feedData{Site: st, Base: base, Self: base + st.FeedPath, Home: base + st.HomePath, Updated: g.start}
	ks, ts := g.feedKeys(p)
	if len(ts) > 0 {
		d.Updated = ts[0]
	}
	for i, k := range ks {
		a := g.articleHead(k)
		d.Items = append(d.Items, feedItem{
			Title: a.Title, URL: base + genPath(st.Slug, k, a.Slug), Summary: summarize(a.Paragraphs),
			Author: a.Byline, Section: a.Section, Slug: a.Slug, Published: ts[i],
		})
	}
	var (
		body  []byte
		err   error
		ctype string
	)
	switch st.FeedFormat {
	case FormatAtom:
		body, err = atomFeed(d)
		ctype = "application/atom+xml; charset=utf-8"
	case FormatJSONFeed:
		body, err = jsonFeed(d)
		ctype = "application/feed+json; charset=utf-8"
	default:
		body, err = rss2Feed(d)
		ctype = "application/rss+xml; charset=utf-8"
	}
	if err != nil {
		http.Error(w, "feed error", http.StatusInternalServerError)
		return
	}
	serveBody(w, r, ctype, body, d.Updated, 1)
}

func (g *Generator) serveHome(w http.ResponseWriter, r *http.Request) {
	_, st, ok := g.site(r.PathValue("pub"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	body := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>` + html.EscapeString(st.Name) +
		`</title><link rel="alternate" type="application/rss+xml" href="` + baseURL(r) + st.FeedPath + `"></head><body><h1>` +
		html.EscapeString(st.Name) + `</h1></body></html>`
	serveBody(w, r, "text/html; charset=utf-8", []byte(body), time.Time{}, 60)
}

func (g *Generator) serveArticle(w http.ResponseWriter, r *http.Request) {
	p, st, ok := g.site(r.PathValue("pub"))
	num, _, _ := strings.Cut(r.PathValue("id"), "-")
	k, err := strconv.Atoi(num)
	if !ok || err != nil || k < 0 || k%g.publishers != p || k >= g.Published() {
		http.NotFound(w, r)
		return
	}
	at, _ := g.PublishedAt(r.URL.Path)
	a := g.article(k)
	serveBody(w, r, "text/html; charset=utf-8", g.renderPage(baseURL(r), st, k, a, at), at, 300)
}

func genPath(pub string, k int, slug string) string {
	return "/" + pub + "/news/" + strconv.Itoa(k) + "-" + slug
}

// genRand is article k's random stream: the same seed and k always give the same article.
func (g *Generator) genRand(k int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(g.seed), uint64(k)))
}

var genSections = [...]string{"News", "Business", "Sport", "Politics", "Science", "Culture", "Local"}

// articleHead generates article k's title, byline, section and first paragraph only, which is
// all a feed needs; it draws the same numbers as article, so both agree.
func (g *Generator) articleHead(k int) Article {
	return g.generate(k, 1)
}

// article generates article k in full.
func (g *Generator) article(k int) Article {
	return g.generate(k, -1)
}

// generate draws article k; paragraphs < 0 means all of them.
func (g *Generator) generate(k, paragraphs int) Article {
	rng := g.genRand(k)
	p := k % g.publishers
	place := genPlaces[rng.IntN(len(genPlaces))]
	var title strings.Builder
	for i := range 5 + rng.IntN(6) {
		w := genWords[rng.IntN(len(genWords))]
		if i == 0 {
			w = capitalize(w)
		}
		if i == 2 {
			title.WriteString(place + " ")
		}
		title.WriteString(w)
		title.WriteByte(' ')
	}
	a := Article{
		Title:     strings.TrimSpace(title.String()),
		Publisher: g.sites[p].Slug,
		Byline:    genFirst[rng.IntN(len(genFirst))] + " " + genLast[rng.IntN(len(genLast))],
		Section:   genSections[rng.IntN(len(genSections))],
		Story:     "synthetic-" + strconv.Itoa(k),
	}
	a.Slug = slugify(a.Title)
	if len(a.Slug) > 60 {
		a.Slug = strings.TrimRight(a.Slug[:60], "-")
	}
	n := 8 + rng.IntN(30)
	if paragraphs >= 0 {
		n = min(n, paragraphs)
	}
	var b strings.Builder
	for i := range n {
		if i > 0 && i%5 == 0 {
			a.Paragraphs = append(a.Paragraphs, "## "+capitalize(genWords[rng.IntN(len(genWords))])+" "+genWords[rng.IntN(len(genWords))]+" "+genWords[rng.IntN(len(genWords))])
		}
		b.Reset()
		for s := range 2 + rng.IntN(4) {
			if s > 0 {
				b.WriteByte(' ')
			}
			quote := rng.IntN(8) == 0
			if quote {
				b.WriteString("“")
			}
			words := 8 + rng.IntN(15)
			for i := range words {
				w := genWords[rng.IntN(len(genWords))]
				switch {
				case i == 0:
					w = capitalize(w)
				case rng.IntN(30) == 0:
					w = place
				case rng.IntN(25) == 0:
					w = strconv.Itoa(2 + rng.IntN(998))
				}
				b.WriteString(w)
				if i < words-1 {
					if rng.IntN(12) == 0 {
						b.WriteByte(',')
					}
					b.WriteByte(' ')
				}
			}
			if quote {
				b.WriteString(",” said " + genFirst[rng.IntN(len(genFirst))] + " " + genLast[rng.IntN(len(genLast))] + ".")
			} else {
				b.WriteByte('.')
			}
		}
		a.Paragraphs = append(a.Paragraphs, b.String())
	}
	return a
}

func capitalize(w string) string {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return w
	}
	return string(w[0]-'a'+'A') + w[1:]
}

// renderPage writes article k as a cluttered news page. It builds the HTML directly rather
// than through html/template, so the generator stays far faster than the pipeline it feeds.
func (g *Generator) renderPage(base string, st *site, k int, a Article, at time.Time) []byte {
	var b strings.Builder
	b.Grow(16 << 10)
	esc := html.EscapeString
	url := base + genPath(st.Slug, k, a.Slug)
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>`)
	b.WriteString(esc(a.Title) + " | " + esc(st.Name) + `</title><link rel="canonical" href="` + url + `">`)
	b.WriteString(`<meta property="og:title" content="` + esc(a.Title) + `"><meta property="og:site_name" content="` + esc(st.Name) + `">`)
	b.WriteString(`<meta property="article:published_time" content="` + at.Format(time.RFC3339) + `"><meta name="author" content="` + esc(a.Byline) + `">`)
	b.WriteString(`<style>.ad-slot{min-height:250px;background:#eee}.cookie-consent{position:fixed;bottom:0}</style>`)
	b.WriteString(`<script>window.ads=window.ads||[];window.ads.push({slot:"top",sizes:[[728,90]]});</script></head><body>`)
	b.WriteString(`<div class="cookie-consent" role="dialog"><p>We use cookies to personalise content and ads and to analyse our traffic.</p><button>Accept all</button><button>Manage preferences</button></div>`)
	b.WriteString(`<header class="site-header"><a href="` + base + st.HomePath + `">` + esc(st.Name) + `</a><nav class="main-nav"><ul>`)
	for _, s := range genSections {
		b.WriteString(`<li><a href="` + base + st.HomePath + strings.ToLower(s) + `">` + s + `</a></li>`)
	}
	b.WriteString(`</ul></nav><a class="subscribe" href="` + base + st.HomePath + `subscribe">Subscribe</a></header>`)
	b.WriteString(`<div class="ad-slot ad-slot--leaderboard"><span>ADVERTISEMENT</span></div><main><article>`)
	b.WriteString(`<h1>` + esc(a.Title) + `</h1><p class="byline">By <a rel="author" href="` + base + st.HomePath + `staff">` + esc(a.Byline) + `</a> · <time datetime="` + at.Format(time.RFC3339) + `">` + at.Format("2 January 2006 15:04") + `</time></p>`)
	b.WriteString(`<div class="share-bar"><a href="https://www.facebook.com/sharer/sharer.php?u=` + url + `">Share on Facebook</a> <a href="https://x.com/intent/post?url=` + url + `">Share on X</a> <button>Copy link</button></div>`)
	b.WriteString(`<div class="article-body">`)
	n := 0
	for _, p := range a.Paragraphs {
		if h, ok := strings.CutPrefix(p, "## "); ok {
			b.WriteString(`<h2>` + esc(h) + `</h2>`)
			continue
		}
		n++
		b.WriteString(`<p>` + esc(p) + `</p>`)
		switch n {
		case 2, 9, 16:
			b.WriteString(`<div class="ad-slot ad-slot--inline"><span>ADVERTISEMENT</span></div>`)
		case 4:
			b.WriteString(`<aside class="newsletter-signup"><h3>Get the briefing</h3><p>Sign up for our newsletter.</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></aside>`)
		}
	}
	b.WriteString(`</div></article><aside class="related"><h2>Related stories</h2><ul>`)
	for r := 1; r <= 4; r++ {
		if o := k - r*g.publishers; o >= 0 {
			h := g.generate(o, 0)
			b.WriteString(`<li><a href="` + base + genPath(st.Slug, o, h.Slug) + `">` + esc(h.Title) + `</a></li>`)
		}
	}
	b.WriteString(`</ul></aside></main><footer class="site-footer"><p>© ` + strconv.Itoa(at.Year()) + " " + esc(st.Name) + `. All rights reserved.</p><a href="` + base + st.HomePath + `privacy">Privacy policy</a></footer></body></html>`)
	return []byte(b.String())
}
