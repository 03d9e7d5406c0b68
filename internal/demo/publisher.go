package demo

import "time"

// Feed formats a simulated publisher can serve.
const (
	FormatRSS2     = "RSS 2.0"
	FormatRSS1     = "RSS 1.0"
	FormatAtom     = "Atom 1.0"
	FormatJSONFeed = "JSON Feed 1.1"
)

// Publisher is one fictional news site of the simulator. The paths are relative to the
// simulator's base URL.
type Publisher struct {
	Slug     string
	Name     string
	Country  string // ISO 3166-1 alpha-2
	Language string // ISO 639-1
	// FeedFormat is one of the Format constants.
	FeedFormat string

	HomePath    string // e.g. "/harbour-herald/"
	FeedPath    string
	LogoPath    string
	FaviconPath string
}

// site is a publisher plus what its pages need: where it is, what it looks like, and which
// page template it uses. Each template marks its clutter up differently, as real sites do.
type site struct {
	Publisher
	City     string
	Tagline  string
	Template string
	Primary  string // brand colour, also used by the logo
	Accent   string
	Sections []string
	Zone     *time.Location
	feedFile string
}

// sites lists the simulated publishers. It is a function, not a package variable, so nothing
// shared can be mutated by a caller.
func sites() []site {
	return []site{
		{
			Publisher: Publisher{Slug: "harbour-herald", Name: "The Harbour Herald", Country: "GB", Language: "en", FeedFormat: FormatRSS2},
			City:      "Port Aldridge", Tagline: "Port Aldridge's newspaper since 1871", Template: "herald",
			Primary: "#0b3d6b", Accent: "#e8b500",
			Sections: []string{"News", "Local", "Sport", "Business", "Culture", "Opinion", "Weather"},
			Zone:     time.FixedZone("GMT", 0), feedFile: "rss.xml",
		},
		{
			Publisher: Publisher{Slug: "valley-ledger", Name: "Cedar Valley Ledger", Country: "US", Language: "en", FeedFormat: FormatAtom},
			City:      "Millbrook", Tagline: "Serving Cedar County since 1902", Template: "ledger",
			Primary: "#7a1f1f", Accent: "#d9a441",
			Sections: []string{"Local", "Agriculture", "Education", "Business", "Community", "Obituaries", "Classifieds"},
			Zone:     time.FixedZone("CST", -6*3600), feedFile: "feed.atom",
		},
		{
			Publisher: Publisher{Slug: "meridian-wire", Name: "Meridian Wire", Country: "GB", Language: "en", FeedFormat: FormatJSONFeed},
			City:      "London", Tagline: "Independent news agency", Template: "wire",
			Primary: "#1d1d1f", Accent: "#ff5a1f",
			Sections: []string{"World", "UK", "Europe", "Business", "Science", "Sport"},
			Zone:     time.UTC, feedFile: "feed.json",
		},
		{
			Publisher: Publisher{Slug: "lakeshore-tribune", Name: "The Lakeshore Tribune", Country: "CA", Language: "en", FeedFormat: FormatRSS1},
			City:      "Bellhaven", Tagline: "News from the north shore of Lake Ossining", Template: "tribune",
			Primary: "#125e4a", Accent: "#8fd3b6",
			Sections: []string{"City", "Sports", "Science", "Environment", "Business", "Arts", "Opinion"},
			Zone:     time.FixedZone("EST", -5*3600), feedFile: "index.rdf",
		},
		{
			Publisher: Publisher{Slug: "circuit-weekly", Name: "Circuit Weekly", Country: "US", Language: "en", FeedFormat: FormatJSONFeed},
			City:      "San Mateo", Tagline: "Technology, explained", Template: "circuit",
			Primary: "#5b2be0", Accent: "#00d1b2",
			Sections: []string{"Gadgets", "Mobility", "Industry", "Security", "Science", "Space", "Reviews"},
			Zone:     time.FixedZone("PST", -8*3600), feedFile: "feed.json",
		},
		{
			Publisher: Publisher{Slug: "rheinblick", Name: "Rheinblick Rundschau", Country: "DE", Language: "de", FeedFormat: FormatAtom},
			City:      "Lindenau am Rhein", Tagline: "Die Zeitung für Lindenau und die Rheinauen", Template: "rundschau",
			Primary: "#a4001d", Accent: "#f2f2f2",
			Sections: []string{"Lindenau", "Region", "Sport", "Kultur", "Wirtschaft", "Meinung"},
			Zone:     time.FixedZone("CET", 3600), feedFile: "atom.xml",
		},
		{
			Publisher: Publisher{Slug: "courrier-du-val", Name: "Le Courrier du Val", Country: "FR", Language: "fr", FeedFormat: FormatRSS2},
			City:      "Valmont-sur-Rhin", Tagline: "Le quotidien de Valmont et du Val du Rhin", Template: "courrier",
			Primary: "#003f7f", Accent: "#e4002b",
			Sections: []string{"Valmont", "Région", "Sports", "Culture", "Économie", "Opinions"},
			Zone:     time.FixedZone("CET", 3600), feedFile: "rss",
		},
	}
}

// withPaths fills in the URL paths every publisher shares the layout of.
func (s site) withPaths() site {
	base := "/" + s.Slug + "/"
	s.HomePath = base
	s.FeedPath = base + s.feedFile
	s.LogoPath = base + "logo.svg"
	s.FaviconPath = base + "favicon.svg"
	return s
}

// Publishers returns the simulated publishers in a fixed order.
func Publishers() []Publisher {
	all := sites()
	out := make([]Publisher, len(all))
	for i, s := range all {
		out[i] = s.withPaths().Publisher
	}
	return out
}
