// Package section places articles in the front page's sections. Rules come first: the
// feed's own categories, then section words in the article's URL, in English, German,
// French, Spanish and Italian. An article no rule places goes to the best-scoring section
// of a multinomial naive-Bayes text classifier trained on the articles the rules placed, so
// the classifier learns each deployment's own sources and languages as they are ingested.
package section

// Section is one of the front page's sections, by its URL slug.
type Section string

// The sections, in the order a navigation bar lists them.
const (
	World         Section = "world"
	Business      Section = "business"
	Technology    Section = "technology"
	Science       Section = "science"
	Health        Section = "health"
	Sport         Section = "sport"
	Entertainment Section = "entertainment"
	Politics      Section = "politics"
	Local         Section = "local"
)

// all is the sections in navigation order; index i is the section's slot in the model.
var all = [...]Section{World, Business, Technology, Science, Health, Sport, Entertainment, Politics, Local}

const numSections = len(all)

// All returns the sections in navigation order.
func All() []Section { return append([]Section(nil), all[:]...) }

// Parse returns the section named by a slug, and false for anything else.
func Parse(s string) (Section, bool) {
	for _, x := range all {
		if string(x) == s {
			return x, true
		}
	}
	return "", false
}

func (s Section) index() int {
	for i, x := range all {
		if x == s {
			return i
		}
	}
	return -1
}

// What placed an article in its section; the values are those the store keeps.
const (
	ByCategory = "category" // the feed's categories
	ByURL      = "url"      // a section word in the URL
	ByModel    = "model"    // the text classifier
)
