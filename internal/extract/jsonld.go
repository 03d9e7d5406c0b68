package extract

import (
	"encoding/json"
	"strings"
)

// ldInfo is what the page's JSON-LD says about the article. The first article-typed object
// wins; a WebPage fills in what no article provided.
type ldInfo struct {
	found     bool
	headline  string
	published string
	modified  string
	authors   []string
	orgAuthor string
	image     string
	publisher string
	language  string
	pageName  string
}

// maxLDBytes bounds the JSON-LD we decode; larger blocks are product catalogues, not articles.
const maxLDBytes = 512 << 10

func (ld *ldInfo) parse(src string) {
	src = strings.TrimSpace(src)
	if src == "" || len(src) > maxLDBytes {
		return
	}
	// Some CMSs wrap JSON-LD in HTML comments or CDATA.
	src = strings.TrimPrefix(strings.TrimSuffix(src, "-->"), "<!--")
	src = strings.TrimSpace(strings.TrimPrefix(strings.TrimSuffix(strings.TrimSpace(src), "]]>"), "<![CDATA["))
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		// Raw control characters inside strings are the usual breakage.
		if err := json.Unmarshal([]byte(strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(src)), &v); err != nil {
			return
		}
	}
	ld.visit(v, 0)
}

var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "livebloggosting": true, "liveblogposting": true, "report": true,
	"scholarlyarticle": true, "techarticle": true, "socialmediaposting": true, "posting": true,
	"review": true, "askpublicnewsarticle": true, "satiricalarticle": true, "medicalwebpage": false,
}

func ldTypes(m map[string]any) (article, page bool) {
	var types []string
	switch t := m["@type"].(type) {
	case string:
		types = []string{t}
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok {
				types = append(types, s)
			}
		}
	}
	for _, t := range types {
		t = strings.ToLower(t)
		if i := strings.LastIndexAny(t, "/:"); i >= 0 {
			t = t[i+1:]
		}
		if articleTypes[t] {
			article = true
		}
		if t == "webpage" || t == "itempage" {
			page = true
		}
	}
	return article, page
}

func (ld *ldInfo) visit(v any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			ld.visit(e, depth+1)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			ld.visit(g, depth+1)
		}
		article, page := ldTypes(x)
		switch {
		case article && !ld.found:
			ld.found = true
			ld.headline = firstNonEmpty(ldString(x["headline"]), ldString(x["name"]))
			ld.published = ldString(x["datePublished"])
			if ld.published == "" {
				ld.published = ldString(x["dateCreated"])
			}
			ld.modified = ldString(x["dateModified"])
			ld.authors, ld.orgAuthor = ldAuthors(x["author"])
			if ld.image == "" {
				ld.image = ldImage(x["image"])
			}
			if p, ok := x["publisher"].(map[string]any); ok && ld.publisher == "" {
				ld.publisher = ldString(p["name"])
			}
			if ld.language == "" {
				ld.language = ldString(x["inLanguage"])
			}
		case page:
			if ld.pageName == "" {
				ld.pageName = firstNonEmpty(ldString(x["headline"]), ldString(x["name"]))
			}
			if ld.language == "" {
				ld.language = ldString(x["inLanguage"])
			}
			if ld.published == "" && !ld.found {
				ld.published = ldString(x["datePublished"])
				ld.modified = ldString(x["dateModified"])
			}
		}
		if me, ok := x["mainEntity"]; ok {
			ld.visit(me, depth+1)
		}
		if me, ok := x["mainEntityOfPage"].(map[string]any); ok && !ld.found {
			ld.visit(me, depth+1)
		}
	}
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// ldString returns a JSON-LD value as a string: a string, the first of a list, or an object's
// name or @value.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return firstNonEmpty(ldString(x["name"]), ldString(x["@value"]))
	}
	return ""
}

// ldAuthors returns the person authors' names and, separately, an organisation author.
func ldAuthors(v any) (people []string, org string) {
	var add func(any)
	add = func(v any) {
		switch x := v.(type) {
		case string:
			if s := strings.TrimSpace(x); s != "" && !strings.HasPrefix(s, "http") {
				people = append(people, s)
			}
		case []any:
			for _, e := range x {
				add(e)
			}
		case map[string]any:
			name := ldString(x["name"])
			if name == "" {
				name = strings.TrimSpace(ldString(x["givenName"]) + " " + ldString(x["familyName"]))
			}
			if name == "" {
				return
			}
			if t, _ := x["@type"].(string); strings.EqualFold(t, "Organization") || strings.EqualFold(t, "NewsMediaOrganization") {
				if org == "" {
					org = name
				}
				return
			}
			people = append(people, name)
		}
	}
	add(v)
	return people, org
}

func ldImage(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldImage(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return firstNonEmpty(ldString(x["url"]), ldString(x["contentUrl"]), ldString(x["@id"]))
	}
	return ""
}
