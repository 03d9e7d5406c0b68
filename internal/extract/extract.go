// Package extract turns a publisher's article page into a clean article: text with structure,
// title, byline, dates, image and language.
package extract

import "time"

// Article is the extraction result. Its JSON form is the `newsdesk extract` CLI contract.
type Article struct {
	URL       string     `json:"url"`
	Title     string     `json:"title"`
	Byline    string     `json:"byline"`
	Published *time.Time `json:"published,omitempty"`
	Modified  *time.Time `json:"modified,omitempty"`
	Language  string     `json:"language"` // ISO 639-1
	Image     string     `json:"image"`    // absolute URL
	SiteName  string     `json:"site_name"`
	Text      string     `json:"text"` // paragraphs separated by blank lines
	HTML      string     `json:"html"` // sanitised structural HTML
}
