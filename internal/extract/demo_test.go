package extract_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/demo"
	"newsdesk/internal/extract"
)

// demoClutter is what the demo publishers put around their stories, in English, German and
// French: none of it may reach an extracted text. A phrase that the article itself uses is
// not checked on that page.
var demoClutter = []string{
	// ads and paywall offers
	"ADVERTISEMENT", "ANZEIGE", "PUBLICITÉ", "Story continues below", "free articles left",
	"4 Wochen für", "le premier mois", "affiliate commission",
	// share bars and social prompts
	"Share this article", "Share on", "Artikel teilen", "Partager cet article", "WhatsApp",
	"Copy link", "Link kopieren", "Copier le lien", "Per E-Mail senden",
	// meta lines and reading time
	"Lesezeit", "min read", "Listen to this article", "Artikel vorlesen", "Écouter cet article",
	// topics and related links
	"Sujets :", "Themen:", "Read next", "Read more:", "RELATED:", "Lesen Sie auch", "Lire aussi",
	"Related stories", "Mehr zum Thema", "À lire aussi", "Most read", "Meistgelesen", "Les plus lus",
	"More from", "Trending",
	// newsletters and apps
	"newsletter", "Newsletter", "App Store", "Google Play", "Téléchargez l'application",
	"Rheinblick-App", "Download our app",
	// developing-story notes
	"More to follow", "Mehr in Kürze", "Plus d'informations à suivre",
	// syndication notes
	"distributed by", "Mit Material von", "Avec Meridian Wire",
	// comments, consent, footers, credits
	"Join the conversation", "Diskutieren Sie mit", "Réagissez", "Comments are closed",
	"cookies", "Cookies", "All rights reserved", "Alle Rechte vorbehalten", "Tous droits réservés",
	"Report an error", "Photo by", "Image:", "©",
}

// TestDemoPublisherPages extracts every article page the demo simulator serves and checks
// that the story is complete and the publisher's clutter is gone.
func TestDemoPublisherPages(t *testing.T) {
	t.Parallel()
	articles := demo.Articles()
	// The default schedule releases the rest of the articles within minutes of the start;
	// an hour later every page is out.
	now := demo.ReferenceStart()
	sim := demo.New(demo.Options{Now: func() time.Time { return now }})
	now = now.Add(time.Hour)
	srv := httptest.NewServer(sim.Handler())
	defer srv.Close()

	byKey := map[string]demo.Article{}
	for _, a := range articles {
		byKey[a.Publisher+"/"+a.Slug] = a
	}
	timeline := sim.Timeline()
	if len(timeline) != len(articles) {
		t.Errorf("simulator released %d of %d articles", len(timeline), len(articles))
	}
	// Once on its own, and once as the ingest pipeline runs it: pages in release order, with
	// each site's template learned as they arrive.
	for _, mode := range []struct {
		name string
		opts extract.Options
	}{{"single pages", extract.Options{}}, {"with site templates", extract.Options{Templates: extract.NewMemoryTemplates()}}} {
		ex := extract.New(mode.opts)
		clean := 0
		for _, rel := range timeline {
			want, ok := byKey[rel.Publisher+"/"+rel.Slug]
			if !ok {
				t.Fatalf("%s/%s: not among demo.Articles()", rel.Publisher, rel.Slug)
			}
			a := extractURL(t, ex, srv.URL+rel.Path)
			problems := demoPageProblems(a.Text, want)
			for _, p := range problems {
				t.Errorf("%s, %s: %s", mode.name, rel.Path, p)
			}
			if len(problems) == 0 {
				clean++
			}
		}
		t.Logf("%s: %d of %d demo article pages fully clean", mode.name, clean, len(timeline))
	}
}

// demoPageProblems lists what is wrong with an extracted text: paragraphs of the story that
// are missing and clutter phrases that are present.
func demoPageProblems(text string, want demo.Article) []string {
	var problems []string
	blocks := map[string]bool{}
	for _, b := range strings.Split(text, "\n\n") {
		blocks[b] = true
	}
	for _, p := range want.Paragraphs {
		switch {
		case strings.HasPrefix(p, "> "):
			// A pull quote: its words must be there; the attribution may stand apart.
			q, _, _ := strings.Cut(p[2:], " — ")
			if !strings.Contains(text, q) {
				problems = append(problems, "pull quote missing: "+q)
			}
		case strings.HasPrefix(p, "## "):
			if !blocks[p[3:]] {
				problems = append(problems, "subheading missing: "+p[3:])
			}
		default:
			if !blocks[p] {
				problems = append(problems, "paragraph missing: "+p)
			}
		}
	}
	own := want.Title + "\n" + strings.Join(want.Paragraphs, "\n")
	for _, c := range demoClutter {
		if strings.Contains(text, c) && !strings.Contains(own, c) {
			problems = append(problems, "clutter kept: "+c)
		}
	}
	return problems
}

func extractURL(t *testing.T, ex *extract.Extractor, pageURL string) *extract.Article {
	t.Helper()
	resp, err := http.Get(pageURL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: status %d, %v", pageURL, resp.StatusCode, err)
	}
	a, err := ex.Extract(context.Background(), body, resp.Header.Get("Content-Type"), pageURL)
	if err != nil {
		t.Fatalf("%s: %v", pageURL, err)
	}
	return a
}
