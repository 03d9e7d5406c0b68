package extract

import (
	"regexp"
	"strings"
)

// Category names a kind of boilerplate the extractor removes from article bodies.
type Category uint8

// The removal categories. Each has its own test.
const (
	NotBoilerplate        Category = iota
	CategoryAd                     // ad blocks and "Advertisement" labels
	CategoryCredit                 // image credits and captions that are only credits
	CategorySocial                 // "Follow us on X", "Like us on Facebook at …"
	CategoryPromo                  // newsletter, app and subscription promotions
	CategoryDeveloping             // "More to follow…", "keep checking back"
	CategoryRelated                // related-article link lists and "Read more:" lines
	CategoryAuthorBio              // author biography boxes
	CategoryComments               // comment widgets and prompts
	CategoryConsent                // cookie and consent notices
	CategoryPaywall                // paywall notices
	CategoryDecorativeAlt          // decorative image alt text ("Orange background")
	CategoryInterface              // button and widget labels: "Caption", "Close", "Share"
	CategoryDisclaimer             // "Disclaimer: the views expressed…" notes
	CategoryTimestamp              // "Updated at 1:23 p.m." lines
	CategorySyndication            // "This article was distributed by …", "Originally published in …"
	CategoryTags                   // "Tags: …", "Themen: …", "Sujets : …" topic lists
	CategoryMetaLine               // "5 min read", "Lesezeit: 2 Min." and byline-and-date lines
	CategoryTemplate               // blocks learned to recur across a site's pages
	CategoryRule                   // removed by an operator rule
)

var categoryNames = [...]string{"none", "ad", "credit", "social", "promo", "developing", "related",
	"author-bio", "comments", "consent", "paywall", "decorative-alt", "interface", "disclaimer", "timestamp", "syndication", "tags", "meta-line", "template", "rule"}

func (c Category) String() string {
	if int(c) < len(categoryNames) {
		return categoryNames[c]
	}
	return "unknown"
}

// Text patterns per category, in English, German, French, Spanish and Italian. They are only
// tried on short blocks: a long paragraph that mentions a newsletter is still prose.
var categoryPatterns = []struct {
	cat Category
	re  *regexp.Regexp
	max int // longest block (runes) the pattern may remove
	// triggers are lower-case words of which one must occur for the pattern to match at all,
	// so that ordinary paragraphs never reach the expression (see triggerMask). A trigger
	// matches at the start of a word; "$" at its end asks for the end of a word too, and "^"
	// at its start asks for it near the start of the block, for anchored patterns.
	triggers []string
}{
	{CategoryAd, regexp.MustCompile(`(?i)^\W*(advertisement|advertising|advert|sponsored links?|iklan|реклама|publicidade|anúncio|광고|sponsored( content)?|anzeige|werbung|publicit[ée]|publicidad|pubblicit[àa]|annonce|ad|story continues below( this)? ad(vertisement)?|article continues below( this)? ad(vertisement)?|continue reading (the|this) (main )?(story|article) below|skip (this )?ad(vertisement)?)\W*$`), 80, []string{"^advert", "^sponsored", "^iklan", "^реклама", "^publicidade", "^anúncio", "^광고", "^anzeige", "^werbung", "^publicit", "^publicidad", "^pubblicit", "^annonce", "^ad$", "^story continues", "^article continues", "^continue reading", "^skip"}},
	{CategoryCredit, regexp.MustCompile(`(?i)^\W*(` +
		`(photo|photograph|picture|image|pic|foto|bild|credit|credits|crédit|crédito|fotografía|source|quelle|copyright|image copyright)(\s+(credit|by|von|par|de|di))?\s*[:©|]\s*.{1,80}` +
		`|(photo|picture|image|foto|bild|photographie) (by|von|par|de|di) .{1,60}` +
		`|©\s*.{1,60}` +
		`|[^.!?]{0,50}(getty images|afp|reuters|associated press|ap photo|epa|shutterstock|istock|dpa|picture alliance|imago|ansa|efe|xinhua|pa images|pa wire|alamy|zuma press|bloomberg)(\s*(via|/)\s*[\w .]+)?` +
		`)\W*$`), 120, []string{"photo", "picture", "image", "pic", "foto", "bild", "credit", "crédit", "source", "quelle", "copyright", "©", "getty", "afp", "reuters", "associated", "ap photo", "epa", "shutterstock", "istock", "dpa", "picture alliance", "imago", "ansa", "efe", "xinhua", "pa images", "pa wire", "alamy", "zuma", "bloomberg"}},
	// Wire-copy credits: "(Reporting by …; editing by …)".
	{CategoryCredit, regexp.MustCompile(`(?i)^\W*((additional )?reporting|writing|editing|compiled|translated|translation) by\b`), 400, []string{"^additional", "^reporting", "^writing", "^editing", "^compiled", "^translat"}},
	// Captions left in the body as paragraphs: a description ending in a bracketed credit, or
	// the wire-photo style "In this … file photo, …".
	{CategoryCredit, regexp.MustCompile(`(?i)([(\[]\s*(image|photo|picture|pic|credit|foto|bild|source)\s*:[^)\]]{1,60}[)\]]\W*$|^\W*in this .{0,60}\b(file )?(photo|image|picture)\b)`), 400, []string{"image", "photo", "picture", "pic", "credit", "foto", "bild", "source"}},
	{CategorySocial, regexp.MustCompile(`(?i)(^\W*(like|follow|join|find) us on (facebook|twitter|x|instagram|linkedin|youtube|tiktok|telegram|whatsapp|threads)|^\W*(share|teilen|partager|compartir|condividi)( (this|on|via|auf|sur|en|su))?\W|^\W*(follow|folgen sie|suivez|síguenos|seguici)\b.{0,60}\b(on|auf|sur|en|su) (facebook|twitter|x|instagram|linkedin)|click to share|share this (article|story|post)|share (it|this) with|tweet this|pin it` +
		// The label of a share bar, in the languages we read: "Artikel teilen", "Partager cet
		// article", "Compartir esta noticia", "Condividi l'articolo".
		`|^\W*((diesen |den )?(artikel|beitrag|seite|text) (teilen|empfehlen)|partager (cet|l'|l’|la |sur)\s*(article|page|info|actualité|facebook|twitter|x)?|compartir (este |esta |el |la |en )?(artículo|nota|noticia|página|facebook|twitter|x)?|condividi (l'|l’|questo |la |su )?\s*(articolo|notizia|pagina|facebook|twitter|x)?)\W*$)`), 200, []string{"^like", "^follow", "^join", "^find", "^folgen", "^suivez", "^síguenos", "^seguici", "share", "teilen", "partager", "compartir", "condividi", "click to", "tweet this", "pin it", "empfehlen"}},
	{CategoryPromo, regexp.MustCompile(`(?i)(sign up (for|to) (our|the) .{0,40}newsletter|subscribe to (our|the) .{0,40}(newsletter|channel|podcast)|get (our|the) .{0,30}newsletter|newsletter.{0,40}(inbox|sign up|subscribe)|download (our|the) .{0,30}app|\bapp\b[^.]{0,60}\bdownload (it|now|here|today|free|for free)\b|get the .{0,20}app|available on the app store|newsletter abonnieren|abonnez-vous|inscrivez-vous à (notre|la) newsletter|suscríbete|iscriviti alla newsletter|subscribe (now|today)|(right )?(in|to) your inbox|become a (member|subscriber)|support (our|independent) journalism` +
		// App promotions: "Laden Sie die …-App herunter", "Téléchargez l'application …",
		// "Descarga nuestra app", "Scarica l'app".
		`|\b(laden sie|holen sie sich|installieren sie) (sich )?(die|unsere) .{0,40}app\b|\bapp\b.{0,40}\b(herunterladen|installieren|jetzt laden)|t[ée]l[ée]charge[zr]? (gratuitement )?(l'|l’|notre |la nouvelle )\s*(appli|application)|\b(appli|application) .{0,40}(t[ée]l[ée]charger|disponible sur)|descarg(a|ue|ar) (gratis )?(la|nuestra|nueva) .{0,30}app|scarica (gratis )?(l'|l’|la nostra |la nuova )\s*app` +
		`)`), 300, []string{"inbox", "newsletter", "subscri", "app$", "appli", "abonn", "inscrivez", "suscr", "iscriviti", "become a", "support our", "support independent", "télécharg", "telecharg"}},
	{CategoryDeveloping, regexp.MustCompile(`(?i)(^\W*more to follow|keep checking back|check back (later|soon|for updates)|this (story|article|is a) (is )?(developing|breaking)|this story (has been|will be) updated|refresh (this page|for (the latest|updates))|weitere informationen folgen|(mehr|weitere (informationen|details)) in kürze|schauen sie später wieder vorbei|plus d'informations à (venir|suivre)|revenez plus tard|más información en breve|vuelva más tarde|seguiranno aggiornamenti|aggiornamenti a seguire|torna(te)? più tardi)`), 300, []string{"^more to follow", "checking back", "check back", "is developing", "a developing", "is breaking", "a breaking", "be updated", "been updated", "refresh", "informationen folgen", "kürze", "später wieder", "à venir", "à suivre", "revenez", "en breve", "vuelva", "aggiornamenti", "più tardi"}},
	{CategoryRelated, regexp.MustCompile(`(?i)^\W*(related( articles?| stories| coverage| content| links?)?|read (more|also|next|this next)|also read|see also|more on this|more from|recommended|you may also like|you might also like|most read|most popular|trending|more stories|further reading|see more|don'?t miss|filed under|more great` +
		`|lesen sie (auch|mehr)|mehr zum thema|auch interessant|das könnte sie (auch )?interessieren` +
		`|(à )?lire (aussi|également)|(à )?voir aussi|sur le même (sujet|thème)` +
		`|lee también|leer más|te puede interesar|ver también|noticias relacionadas` +
		`|leggi (anche|di più|pure)|potrebbe interessarti|vedi anche|articoli correlati)(\P{L}|$)` +
		// Words that open ordinary sentences too count only as a label: "Zum Thema:".
		`|^\W*(zum thema|weitere artikel|lesen sie weiter|lire la suite|pour aller plus loin|más información|read this next)\s*(:|…|\.\.\.|$)` +
		`|^\W*(more (in|on|from)|popular on) [\pL\d .'&-]{1,40}$`), 200, []string{"^related", "^read", "^also", "^see", "^more", "^recommended", "^you", "^most", "^trending", "^further", "^don", "^filed", "^lesen", "^mehr", "^auch", "^das", "^lire", "^voir", "^sur", "^lee", "^leer", "^te puede", "^ver", "^noticias", "^leggi", "^potrebbe", "^vedi", "^articoli", "^zum", "^weitere", "^pour", "^más", "^popular"}},
	// Topic and tag lists: "Tags: …", "Themen: …", "Sujets : …" (French puts a space before
	// the colon), "#Hardware" hashtag rows.
	{CategoryTags, regexp.MustCompile(`(?i)^\W*(tags?|topics?|keywords|categories|themen|thema|schlagw(ö|o)rte?r?|stichw(ö|o)rter|kategorien|sujets?|th(è|e)mes?|mots[- ]cl(é|e)s|cat(é|e)gories|etiquetas|temas|t(ó|o)picos|palabras clave|categor(í|i)as|argomenti|temi|parole chiave|categorie)\s*[:#]|^(\s*#[\pL\d_-]+){1,12}\s*$`), 300, []string{"^tag", "^topic", "^keyword", "^categor", "^catégor", "^thema", "^themen", "^schlagw", "^stichw", "^kategor", "^sujet", "^thème", "^theme", "^mots", "^etiqueta", "^tema", "^tópico", "^topico", "^palabras", "^argomenti", "^temi", "^parole", "^#"}},
	// Distribution and syndication notes: the wire or partner that supplied a copy.
	{CategorySyndication, regexp.MustCompile(`(?i)^\W*this (article|story|report|piece|content|column) (was|is|has been) (originally |first )?(distributed|syndicated|provided|supplied|republished|reproduced|reprinted) (by|via|through|in partnership with|with (the )?permission|courtesy of|from)\b` +
		`|^\W*(this|the) (article|story|piece|column) (was|is|has been) (originally|first) (published|produced) (by|in|on|at)\b|^\W*this (article|story|piece) (was|is) (published|produced) (in partnership with|with (the )?permission of)\b` +
		`|^\W*(distributed|syndicated|supplied|provided|republished|reprinted) (by|via|through|with permission)\b|\boriginally (published|appeared|ran) (in|on|at|by)\b|^\W*republished (with permission|from|under|courtesy)` +
		`|^\W*mit material (von|der|des)\b|^\W*(dieser|der) (artikel|beitrag|text) (erschien|ist) (zuerst|ursprünglich|erstmals)|^\W*(quelle|material)\s*:\s*[\pL .&-]{1,40}$` +
		`|^\W*avec (l'|l’)?(afp|reuters|ap|agences?|(?-i:\p{Lu}[\pL.&-]*)( (?-i:\p{Lu}[\pL.&-]*)){0,3})\W*$|^\W*(cet|l') ?article (a été|est) (initialement |d'abord |originellement )?(publié|diffusé|distribué|paru)(\P{L}|$)` +
		`|^\W*(este|el) (artículo|texto) (fue|ha sido|se) (publicado|distribuido) (originalmente|inicialmente|por)\b|^\W*con información de\b` +
		`|^\W*(questo|l') ?articolo (è stato |è )?(pubblicato|distribuito) (originariamente|inizialmente|da|per)\b`), 300, []string{"distribut", "syndicat", "supplied", "provided", "republish", "reprint", "reproduc", "originally", "first published", "first produced", "in partnership", "with permission", "with the permission", "^mit material", "erschien", "ursprünglich", "erstmals", "zuerst", "^quelle", "^material", "^avec", "publié", "diffusé", "paru", "publicado", "^con información", "pubblicato"}},
	// Reading-time lines, alone or in a meta line with the byline and date.
	{CategoryMetaLine, regexp.MustCompile(`(?i)(reading time|read time|lesezeit|lesedauer|temps de lecture|durée de lecture|tiempo de lectura|tempo di lettura|\d+\s*(min|mins|minutes?|minuten?|minutos?|minuti)\.?\s*(read|lesezeit|lesedauer|zum lesen|de lecture|de lectura|di lettura|lettura|lectura)\b)`), 160, []string{"read", "lese", "lesen", "lecture", "lectura", "lettura"}},
	{CategoryDisclaimer, regexp.MustCompile(`(?i)^\W*(disclaimer|haftungsausschluss|avertissement|aviso legal|descargo de responsabilidad|esclusione di responsabilità)\s*:`), 1000, []string{"disclaimer", "haftungs", "avertissement", "aviso", "descargo", "esclusione"}},
	{CategoryAuthorBio, regexp.MustCompile(`(?i)^(about the author|über den autor|à propos de l'auteur|sobre el autor|l'autore)\b|\b(may|can) be reached at\b|^\W*have a (news )?tip\?`), 400, []string{"author", "autor", "auteur", "autore", "reached", "tip"}},
	{CategoryComments, regexp.MustCompile(`(?i)^\W*(\d+\s+)?(comments?|leave a (comment|reply)|post a comment|add a comment|post (a )?comment|join the (conversation|discussion)|show comments|view comments|kommentare?|commentaires?|comentarios?|commenti)\W*(\(\d+\))?\W*$|tell us what you think|comments are closed|you must be logged in to (post|comment)`), 120, []string{"^comment", "^leave", "^post", "^add", "^join", "^show", "^view", "^kommentar", "^comentario", "comments are", "tell us", "logged in"}},
	{CategoryConsent, regexp.MustCompile(`(?i)(we use cookies|this (site|website) uses cookies|by (continuing|using) (to use )?(this|our) (site|website)|accept (all )?cookies|cookie (policy|settings|preferences)|wir verwenden cookies|nous utilisons des cookies|utilizamos cookies|utilizziamo (i )?cookie)`), 400, []string{"cookie", "continuing", "using"}},
	{CategoryPaywall, regexp.MustCompile(`(?i)(subscribe to (continue|read|unlock)|subscribers? only|already a (subscriber|member)|you('ve| have) reached (your|the) (limit|maximum)|free articles? (left|remaining)|to continue reading|log ?in to (continue|read)|this (article|content) is (only )?(available|reserved) (to|for) (subscribers|members)|weiterlesen mit|réservé aux abonnés|exclusivo para suscriptores|riservato agli abbonati)`), 300, []string{"subscri", "already a", "reached", "free article", "to continue", "log in", "login", "available to", "available for", "reserved to", "reserved for", "weiterlesen", "réservé", "exclusivo", "riservato"}},
	{CategoryTimestamp, regexp.MustCompile(`(?i)(^\W*|\|\s*)((last|first) )?(updated|published|posted|modified|aktualisiert|veröffentlicht|mis à jour|publié|actualizado|publicado|aggiornato|pubblicato)( on| at| am| le| el| il)?\s*:?\s.{0,50}\d.{0,50}$`), 120, []string{"updated", "published", "posted", "modified", "aktualisiert", "veröffentlicht", "mis à jour", "publié", "actualizado", "publicado", "aggiornato", "pubblicato"}},
}

// interfaceLabels are whole blocks that are the text of a button or widget.
var interfaceLabels = map[string]bool{
	"caption": true, "close": true, "expand": true, "collapse": true, "more": true, "more:": true,
	"topics": true, "loading": true, "loading...": true, "loading…": true, "play video": true,
	"watch": true, "listen": true, "print": true, "email": true, "share": true, "tweet": true,
	"reply": true, "next": true, "previous": true, "back to top": true, "toggle caption": true,
	"hide caption": true, "show caption": true, "enlarge this image": true, "view gallery": true,
	"image": true, "photo": true, "video": true, "skip": true, "menu": true, "search": true,
	"text size": true, "font size": true, "textgröße": true, "schriftgröße": true, "taille du texte": true,
	"tamaño del texto": true, "dimensione del testo": true, "copy link": true, "link kopieren": true,
	"copier le lien": true, "copiar enlace": true, "copia link": true,
}

func runeLen(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// decorativeAlt matches alt text that describes decoration, not content.
var decorativeAlt = regexp.MustCompile(`(?i)^\W*((an? )?(plain |solid |blank |abstract )?((light|dark|pale|bright) )?(white|black|grey|gray|red|orange|yellow|green|blue|purple|pink|brown|beige|teal|navy|gold|silver|colou?red)?\s*(background|backdrop|gradient|pattern|texture|placeholder|spacer|divider|separator|icon|logo|image|photo|picture|graphic|illustration|banner|thumbnail|img|pixel)s?|untitled|default|dummy|transparent)\W*$`)

// isDecorativeAlt reports alt text that is decoration ("Orange background", "image").
func isDecorativeAlt(alt string) bool {
	alt = strings.TrimSpace(alt)
	if alt == "" {
		return false
	}
	if decorativeAlt.MatchString(alt) {
		return true
	}
	// File names used as alt text ("IMG_1234.jpg").
	l := strings.ToLower(alt)
	for _, ext := range []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"} {
		if strings.HasSuffix(l, ext) && !strings.Contains(l, " ") {
			return true
		}
	}
	return false
}
