package extract

import (
	"strings"
	"unicode"
)

// A share bar flattened into text reads "Artikel teilen Facebook X WhatsApp Per E-Mail
// senden" or "Share on Facebook Share on X Copy link": mostly network names, with a few
// words around them and no sentence. Recognising it by its vocabulary works in every
// language whose share verbs and prepositions are listed here, whatever the markup says.
var (
	shareNetworks = map[string]bool{
		"facebook": true, "twitter": true, "x": true, "whatsapp": true, "linkedin": true, "pinterest": true,
		"reddit": true, "telegram": true, "threads": true, "bluesky": true, "flipboard": true, "xing": true,
		"email": true, "e-mail": true, "mail": true, "messenger": true, "tumblr": true, "mastodon": true,
		"pocket": true, "sms": true, "instagram": true, "vk": true, "weibo": true, "line": false,
	}
	// shareWords may surround the network names without making the block prose.
	shareWords = map[string]bool{
		"share": true, "shares": true, "teilen": true, "partager": true, "compartir": true, "condividi": true,
		"condividere": true, "send": true, "senden": true, "versenden": true, "envoyer": true, "enviar": true,
		"invia": true, "copy": true, "kopieren": true, "copier": true, "copiar": true, "copia": true, "link": true,
		"lien": true, "enlace": true, "print": true, "drucken": true, "imprimer": true, "imprimir": true,
		"stampa": true, "hacker": true, "news": true, "this": true, "the": true, "on": true, "via": true,
		"by": true, "per": true, "par": true, "por": true, "en": true, "su": true, "auf": true, "sur": true,
		"artikel": true, "article": true, "artículo": true, "articolo": true, "story": true, "post": true,
		"page": true, "seite": true, "cet": true, "este": true, "esta": true, "questo": true, "le": true,
		"la": true, "l": true, "el": true, "den": true, "diesen": true, "der": true, "tweet": true, "pin": true,
		"it": true, "noticia": true, "notizia": true, "beitrag": true, "or": true, "oder": true, "ou": true, "o": true,
	}
)

// isShareBar reports a short block made of share-bar vocabulary with at least two networks.
func isShareBar(text string) bool {
	if len(text) > 200 || strings.ContainsAny(text, "!?") {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	if len(words) < 2 {
		return false
	}
	networks := map[string]bool{}
	known := 0
	for _, w := range words {
		w = strings.Trim(w, "-")
		switch {
		case shareNetworks[w]:
			networks[w] = true
			known++
		case shareWords[w]:
			known++
		}
	}
	return len(networks) >= 2 && known*10 >= len(words)*8
}
