package extract

import (
	"context"
	"strings"
	"testing"
)

// articleWith wraps boilerplate in an article of ordinary paragraphs.
func articleWith(boiler string) string {
	return `<html><head><title>Bridge to close for repairs</title></head><body><article><div class="story">
<p>The harbour bridge will close to all traffic for six months from April so that engineers can replace corroded cables, the council said.</p>
<p>Officials said the work could not be delayed any longer after an inspection found that several cables had lost a fifth of their strength.</p>
` + boiler + `
<p>Business owners on the north shore said they expected to lose customers while the bridge is shut, and asked the council for help.</p>
<p>A free ferry service will run every fifteen minutes during the closure, the transport department said in a statement on Tuesday.</p>
</div></article></body></html>`
}

// TestRemovalCategories checks each named boilerplate category is dropped from the body
// while the story around it is kept.
func TestRemovalCategories(t *testing.T) {
	t.Parallel()
	cases := []struct {
		cat    Category
		html   string
		marker string // text that must not survive
	}{
		{CategoryAd, `<div class="ad-container"><p>Buy the new phone today at a discount price from our partner stores.</p></div>`, "new phone"},
		{CategoryAd, `<p>ADVERTISEMENT</p>`, "ADVERTISEMENT"},
		{CategoryAd, `<p>Advertisement</p>`, "Advertisement"},
		{CategoryCredit, `<p>Credit: AFP</p>`, "AFP"},
		{CategoryCredit, `<p>Photo: Getty Images</p>`, "Getty"},
		{CategoryCredit, `<figure><img src="/a.jpg"><figcaption>Photo: Getty</figcaption></figure>`, "Getty"},
		{CategorySocial, `<p>Like us on Facebook at facebook.com/gazette for more stories.</p>`, "Facebook"},
		{CategorySocial, `<p>Follow us on X</p>`, "Follow us"},
		{CategoryPromo, `<p>Sign up for our daily newsletter to get the news in your inbox.</p>`, "newsletter"},
		{CategoryPromo, `<p>Download our app for breaking news alerts on your phone.</p>`, "app"},
		{CategoryDeveloping, `<p>More to follow… For the latest news on this story, keep checking back.</p>`, "checking back"},
		{CategoryRelated, `<ul><li><a href="/a">Ferry timetable announced for the winter</a></li><li><a href="/b">What the inspection found in the cables</a></li><li><a href="/c">Traffic plan for the city centre</a></li></ul>`, "Ferry timetable"},
		{CategoryRelated, `<p>Read more: <a href="/x">Bridge inspection raises alarm</a></p>`, "raises alarm"},
		{CategoryAuthorBio, `<div class="author-bio"><p>Maria Lopez covers transport and the city council. She joined the paper in 2015 after years at regional papers.</p></div>`, "joined the paper"},
		{CategoryComments, `<div id="comments"><p>This is a disgrace, they knew about the cables for years and did nothing about it whatsoever.</p></div>`, "disgrace"},
		{CategoryComments, `<p>Leave a comment</p>`, "Leave a comment"},
		{CategoryConsent, `<p>We use cookies to improve your experience. By continuing to use this site you agree.</p>`, "cookies"},
		{CategoryConsent, `<div class="cookie-consent"><p>Your privacy choices matter to us and our partners, please choose your settings below.</p></div>`, "privacy choices"},
		{CategoryPaywall, `<p>Subscribe to continue reading. Already a subscriber? Log in.</p>`, "Subscribe"},
		{CategoryTimestamp, `<p>Updated at 1:23 p.m.</p>`, "Updated"},
		{CategorySocial, `<div class="tools"><span>Artikel teilen</span> <a href="/fb">Facebook</a> <a href="/x">X</a> <a href="/wa">WhatsApp</a></div>`, "WhatsApp"},
		{CategorySyndication, `<p><i>This article was distributed by Northline Wire. © 2026 Northline Wire.</i></p>`, "Northline"},
		{CategoryTags, `<div class="bottom">Sujets : <a href="/t/valmont">Valmont</a> <a href="/t/ponts">Ponts</a></div>`, "Sujets"},
		{CategoryMetaLine, `<p>Von Anna Schmidt | 26.11.2026, 16:29 Uhr | Lesezeit: 2 Min.</p>`, "Lesezeit"},
		{CategoryRelated, `<p><strong>Read next:</strong> <a href="/x">How the harbour bridge was built, and why its cables rust</a></p>`, "Read next"},
	}
	ex := New(Options{})
	for _, tc := range cases {
		t.Run(tc.cat.String()+"/"+tc.marker, func(t *testing.T) {
			t.Parallel()
			a, err := ex.Extract(context.Background(), []byte(articleWith(tc.html)), "text/html", "https://news.example/a")
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(a.Text, tc.marker) {
				t.Errorf("%s boilerplate %q kept:\n%s", tc.cat, tc.marker, a.Text)
			}
			for _, keep := range []string{"harbour bridge", "Officials said", "Business owners", "free ferry"} {
				if !strings.Contains(a.Text, keep) {
					t.Errorf("story text %q lost:\n%s", keep, a.Text)
				}
			}
		})
	}
}

func TestClassifyText(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text string
		want Category
	}{
		{"Advertisement", CategoryAd},
		{"ADVERTISEMENT", CategoryAd},
		{"Anzeige", CategoryAd},
		{"Publicité", CategoryAd},
		{"Credit: AFP", CategoryCredit},
		{"Photo: Getty", CategoryCredit},
		{"(Photo by Jane Doe/Getty Images)", CategoryCredit},
		{"AP Photo/Evan Vucci", CategoryCredit},
		{"China has warned it will take control of the city (Image: GETTY )", CategoryCredit},
		{"In this Dec. 12, 2006, file photo, made available by NASA, astronauts work on the station.", CategoryCredit},
		{"(Reporting by Greg Smith; editing by Jane Doe)", CategoryCredit},
		{"Caption", CategoryInterface},
		{"Close", CategoryInterface},
		{"Have a tip? Jane Doe may be reached at jdoe@example.com.", CategoryAuthorBio},
		{"New Delhi, News Bureau | Updated : 19 November 2019, 09:01 AM", CategoryTimestamp},
		{"Like this story? Share it with a friend!", CategorySocial},
		{"Get the latest updates right in your inbox.", CategoryPromo},
		{"DON'T MISS", CategoryRelated},
		{"Popular on IndieWire", CategoryRelated},
		{"Iklan", CategoryAd},
		{"Like us on Facebook at facebook.com/newsdesk", CategorySocial},
		{"Follow us on X", CategorySocial},
		{"Sign up for our newsletter", CategoryPromo},
		{"Newsletter abonnieren", CategoryPromo},
		{"More to follow…", CategoryDeveloping},
		{"For the latest news on this story, keep checking back.", CategoryDeveloping},
		{"Read more: Why the bridge is closing", CategoryRelated},
		{"Lesen Sie auch: Neue Pläne", CategoryRelated},
		{"Leggi anche: il teatro", CategoryRelated},
		{"About the author", CategoryAuthorBio},
		{"12 Comments", CategoryComments},
		{"We use cookies to give you the best experience.", CategoryConsent},
		{"Subscribe to continue reading.", CategoryPaywall},
		{"Réservé aux abonnés", CategoryPaywall},
		{"Updated at 1:23 p.m.", CategoryTimestamp},
		// Share bars flattened into text, in five languages.
		{"Artikel teilen Facebook X WhatsApp Per E-Mail senden", CategorySocial},
		{"Partager cet article Facebook X LinkedIn Envoyer par e-mail", CategorySocial},
		{"Compartir en Facebook Compartir en X Copiar enlace", CategorySocial},
		{"Condividi su Facebook Condividi su WhatsApp", CategorySocial},
		{"Share on Facebook Share on X Share on Reddit", CategorySocial},
		{"Diesen Artikel teilen", CategorySocial},
		// App promotions.
		{"Téléchargez l'application du Courrier et recevez les alertes info en direct.", CategoryPromo},
		{"Laden Sie sich die kostenlose Tagblatt-App herunter.", CategoryPromo},
		{"Descarga nuestra app y recibe las noticias al momento.", CategoryPromo},
		{"Scarica l'app del Giornale per le ultime notizie.", CategoryPromo},
		// Related-link lines.
		{"Read next: How the harbour bridge was built", CategoryRelated},
		{"Mehr zum Thema: Die Brücke wird saniert", CategoryRelated},
		{"À lire aussi : le pont fermé six mois", CategoryRelated},
		{"Lee también: El puente cerrará en abril", CategoryRelated},
		{"Zum Thema:", CategoryRelated},
		// Topic and tag lists.
		{"Sujets : Valmont Politique locale", CategoryTags},
		{"Themen: Verkehr, Brücken, Stadtrat", CategoryTags},
		{"Tags: bridges, transport", CategoryTags},
		{"Etiquetas: puentes, tráfico", CategoryTags},
		{"Argomenti: ponti", CategoryTags},
		{"#Hardware #Chips", CategoryTags},
		// Reading time and meta lines.
		{"Von Anna Schmidt | 26.11.2026, 16:29 Uhr | Lesezeit: 2 Min.", CategoryMetaLine},
		{"5 min read", CategoryMetaLine},
		{"Temps de lecture : 3 min", CategoryMetaLine},
		{"Tiempo de lectura: 4 minutos", CategoryMetaLine},
		{"Tempo di lettura: 3 minuti", CategoryMetaLine},
		// Distribution and syndication notes.
		{"This article was distributed by Northline Wire. © 2026 Northline Wire.", CategorySyndication},
		{"This story was originally published by ProPublica.", CategorySyndication},
		{"Originally published on Live Science.", CategorySyndication},
		{"Mit Material von Northline Wire.", CategorySyndication},
		{"Avec Northline Wire.", CategorySyndication},
		{"Mit Material von dpa und AFP.", CategoryCredit}, // a wire credit either way
		{"Leggi di più: il ponte", CategoryRelated},
		{"Cet article a été initialement publié sur The Conversation.", CategorySyndication},
		{"Este artículo fue publicado originalmente en The Conversation.", CategorySyndication},
		{"Questo articolo è stato pubblicato originariamente su The Conversation.", CategorySyndication},
		// Developing-story notes in other languages.
		{"Mehr in Kürze … Schauen Sie später wieder vorbei.", CategoryDeveloping},
		{"Plus d'informations à suivre… Revenez plus tard.", CategoryDeveloping},
		// Prose that mentions the same words stays.
		{"Investors share the view that rates will fall, the bank's survey of fund managers found.", NotBoilerplate},
		{"Facebook, Twitter and WhatsApp face a fine", NotBoilerplate},
		{"Zum Thema Rente sagte der Minister, die Reform komme im Herbst.", NotBoilerplate},
		{"Más información sobre el caso se conocerá mañana, según la fiscalía.", NotBoilerplate},
		{"The report was published by the ministry on Tuesday and runs to 300 pages.", NotBoilerplate},
		{"Avec ses 300 habitants, le village vote pour la première fois.", NotBoilerplate},
		{"Wir teilen die Sorge der Anwohner, sagte der Bürgermeister.", NotBoilerplate},
		{"The app was downloaded two million times in its first week, the company said.", NotBoilerplate},
		{"The council voted to advertise the jobs in local papers and online before the summer.", NotBoilerplate},
		{"Reuters reported on Tuesday that the talks had stalled over the question of tariffs on steel.", NotBoilerplate},
		{"More in sorrow than in anger, the mayor said the council had failed the town and its people.", NotBoilerplate},
		{"Copyright law has changed twice since the court ruled on the case, lawyers for both sides said.", NotBoilerplate},
		{"She said the newsletter she founded in 1998 now reaches more than a million readers every week.", NotBoilerplate},
	}
	for _, tc := range cases {
		if got := classifyText(tc.text); got != tc.want {
			t.Errorf("classifyText(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestDecorativeAlt(t *testing.T) {
	t.Parallel()
	cases := map[string]bool{
		"Orange background": true, "image": true, "IMG_2041.jpg": true, "blue gradient": true,
		"The harbour bridge at dusk": false, "Mayor Jane Doe": false, "": false,
	}
	for alt, want := range cases {
		if got := isDecorativeAlt(alt); got != want {
			t.Errorf("isDecorativeAlt(%q) = %v, want %v", alt, got, want)
		}
	}
	out := Sanitize(`<figure><img src="/a.png" alt="Orange background"></figure>`, nil)
	if strings.Contains(out, "Orange") {
		t.Errorf("decorative alt kept: %s", out)
	}
}
