package demo

import (
	"fmt"
	"strings"
	"time"
)

// chrome is the localized text of the clutter around an article. Real sites put it there in
// their own language, so the extractor has to recognise it by markup and position, not by
// English keywords alone.
type chrome struct {
	Advertisement                          string
	CookieTitle, CookieText                string
	CookieAccept, CookieReject, CookieMore string
	ShareTitle, ShareEmail, CopyLink       string
	NewsletterTitle, NewsletterText        string
	EmailPlaceholder, SignUp               string
	AppPromo, AppStore, PlayStore          string
	Related, MostRead, Latest              string
	MoreToFollow                           string
	ReadMore                               string
	Comments, JoinConversation             string
	Subscribe, LogIn, Search, Menu, Skip   string
	By, Published, Updated, Topics         string
	Listen                                 string
	Paywall                                string
	Privacy, Terms, Contact, Advertise     string
	Rights                                 string
	WireCredit                             string
	Home                                   string
}

func chromeFor(lang string) chrome {
	switch lang {
	case "de":
		return chrome{
			Advertisement: "ANZEIGE",
			CookieTitle:   "Wir respektieren Ihre Privatsphäre",
			CookieText:    "Wir und unsere Partner verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren, Werbung zu messen und unser Angebot zu verbessern. Mit „Alle akzeptieren“ stimmen Sie der Verarbeitung zu.",
			CookieAccept:  "Alle akzeptieren", CookieReject: "Nur notwendige Cookies", CookieMore: "Einstellungen",
			ShareTitle: "Artikel teilen", ShareEmail: "Per E-Mail senden", CopyLink: "Link kopieren",
			NewsletterTitle: "Newsletter: Der Rheinblick am Morgen", NewsletterText: "Die wichtigsten Nachrichten aus Lindenau und der Region – jeden Morgen um 6 Uhr kostenlos in Ihrem Postfach.",
			EmailPlaceholder: "Ihre E-Mail-Adresse", SignUp: "Jetzt anmelden",
			AppPromo: "Immer informiert: Laden Sie die Rheinblick-App mit Eilmeldungen herunter.", AppStore: "Im App Store laden", PlayStore: "Jetzt bei Google Play",
			Related: "Mehr zum Thema", MostRead: "Meistgelesen", Latest: "Neueste Artikel",
			MoreToFollow: "Mehr in Kürze … Schauen Sie später wieder vorbei, dieser Artikel wird aktualisiert.",
			ReadMore:     "Lesen Sie auch:",
			Comments:     "Kommentare", JoinConversation: "Diskutieren Sie mit",
			Subscribe: "Abonnieren", LogIn: "Anmelden", Search: "Suche", Menu: "Menü", Skip: "Zum Inhalt springen",
			By: "Von", Published: "Veröffentlicht", Updated: "Aktualisiert", Topics: "Themen",
			Listen:  "Artikel vorlesen lassen",
			Paywall: "Jetzt 4 Wochen für 0,99 € testen – alle Artikel lesen, jederzeit kündbar.",
			Privacy: "Datenschutz", Terms: "AGB", Contact: "Kontakt", Advertise: "Mediadaten", Rights: "Alle Rechte vorbehalten.",
			WireCredit: "Mit Material von Meridian Wire.",
			Home:       "Startseite",
		}
	case "fr":
		return chrome{
			Advertisement: "PUBLICITÉ",
			CookieTitle:   "Votre vie privée nous importe",
			CookieText:    "Avec votre accord, nous et nos partenaires utilisons des cookies ou technologies similaires pour stocker et accéder à des informations personnelles comme votre visite sur ce site, mesurer l'audience et afficher des publicités personnalisées.",
			CookieAccept:  "Accepter et fermer", CookieReject: "Continuer sans accepter", CookieMore: "Paramétrer les cookies",
			ShareTitle: "Partager cet article", ShareEmail: "Envoyer par e-mail", CopyLink: "Copier le lien",
			NewsletterTitle: "Newsletter du Courrier", NewsletterText: "Recevez l'essentiel de l'actualité de Valmont et du Val du Rhin chaque matin dans votre boîte mail.",
			EmailPlaceholder: "Votre adresse e-mail", SignUp: "Je m'inscris",
			AppPromo: "Téléchargez l'application du Courrier du Val et recevez les alertes info en direct.", AppStore: "Télécharger dans l'App Store", PlayStore: "Disponible sur Google Play",
			Related: "À lire aussi", MostRead: "Les plus lus", Latest: "Dernières infos",
			MoreToFollow: "Plus d'informations à suivre… Revenez plus tard pour les mises à jour.",
			ReadMore:     "Lire aussi :",
			Comments:     "Commentaires", JoinConversation: "Réagissez à cet article",
			Subscribe: "S'abonner", LogIn: "Se connecter", Search: "Rechercher", Menu: "Menu", Skip: "Aller au contenu",
			By: "Par", Published: "Publié le", Updated: "Mis à jour le", Topics: "Sujets",
			Listen:  "Écouter cet article",
			Paywall: "Offre spéciale : 1 € le premier mois, sans engagement.",
			Privacy: "Politique de confidentialité", Terms: "Mentions légales", Contact: "Nous contacter", Advertise: "Annoncer", Rights: "Tous droits réservés.",
			WireCredit: "Avec Meridian Wire.",
			Home:       "Accueil",
		}
	default:
		return chrome{
			Advertisement: "ADVERTISEMENT",
			CookieTitle:   "We value your privacy",
			CookieText:    "We and our partners use cookies and similar technologies to store and access information on your device, to personalise content and ads, and to analyse our traffic. You can change your choices at any time.",
			CookieAccept:  "Accept all cookies", CookieReject: "Reject non-essential", CookieMore: "Manage preferences",
			ShareTitle: "Share this article", ShareEmail: "Share via Email", CopyLink: "Copy link",
			NewsletterTitle: "Get the morning briefing", NewsletterText: "Sign up for our free newsletter and get the day's top stories delivered to your inbox every morning.",
			EmailPlaceholder: "Enter your email address", SignUp: "Sign up",
			AppPromo: "Download our app for breaking news alerts and the best of our journalism.", AppStore: "Download on the App Store", PlayStore: "Get it on Google Play",
			Related: "Related stories", MostRead: "Most read", Latest: "Latest news",
			MoreToFollow: "More to follow… keep checking back for updates.",
			ReadMore:     "Read more:",
			Comments:     "Comments", JoinConversation: "Join the conversation",
			Subscribe: "Subscribe", LogIn: "Log in", Search: "Search", Menu: "Menu", Skip: "Skip to content",
			By: "By", Published: "Published", Updated: "Updated", Topics: "Topics",
			Listen:  "Listen to this article",
			Paywall: "You have 3 free articles left this month. Subscribe for unlimited access.",
			Privacy: "Privacy policy", Terms: "Terms of use", Contact: "Contact us", Advertise: "Advertise with us", Rights: "All rights reserved.",
			WireCredit: "This article was distributed by Meridian Wire.",
			Home:       "Home",
		}
	}
}

var (
	monthsDE = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	monthsFR = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
)

// humanDate formats a publication time the way each publisher's country writes it.
func humanDate(t time.Time, country, lang string) string {
	switch {
	case lang == "de":
		return t.Format("02.01.2006, 15:04 Uhr")
	case lang == "fr":
		return fmt.Sprintf("%d %s %d à %02dh%02d", t.Day(), monthsFR[t.Month()-1], t.Year(), t.Hour(), t.Minute())
	case country == "US" || country == "CA":
		s := t.Format("January 2, 2006 3:04 PM MST")
		return strings.NewReplacer(" AM", " a.m.", " PM", " p.m.").Replace(s)
	default:
		return t.Format("2 January 2006, ") + strings.ToLower(t.Format("3.04PM"))
	}
}

// germanDate is the long date of the German masthead ("3. Juni 2025").
func germanDate(t time.Time) string {
	return fmt.Sprintf("%d. %s %d", t.Day(), monthsDE[t.Month()-1], t.Year())
}
