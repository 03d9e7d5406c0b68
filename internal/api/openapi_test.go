package api

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

func init() {
	// Feeds are documents, not JSON: their schema is a string.
	openapi3filter.RegisterBodyDecoder("application/rss+xml", openapi3filter.PlainBodyDecoder)
	openapi3filter.RegisterBodyDecoder("application/atom+xml", openapi3filter.PlainBodyDecoder)
}

func loadSpec(t *testing.T) *openapi3.T {
	t.Helper()
	ctx := context.Background()
	doc, err := openapi3.NewLoader().LoadFromData(openAPIDoc)
	if err != nil {
		t.Fatalf("load openapi.json: %v", err)
	}
	if err := doc.Validate(ctx); err != nil {
		t.Fatalf("openapi.json is not valid OpenAPI: %v", err)
	}
	return doc
}

func TestOpenAPIDocumentsEveryRouteAndNothingElse(t *testing.T) {
	t.Parallel()
	doc := loadSpec(t)
	h := newTestHandler(t, newsFixture(testNow))
	var served []string
	for _, p := range h.Patterns() {
		served = append(served, strings.TrimPrefix(p, "GET "))
	}
	documented := doc.Paths.InMatchingOrder()
	for _, p := range served {
		if doc.Paths.Value(p) == nil || doc.Paths.Value(p).Get == nil {
			t.Errorf("GET %s is served but not documented", p)
		}
	}
	for _, p := range documented {
		if !slices.Contains(served, p) {
			t.Errorf("%s is documented but not served", p)
		}
		for method := range doc.Paths.Value(p).Operations() {
			if method != http.MethodGet {
				t.Errorf("%s %s is documented, but the API only reads", method, p)
			}
		}
	}
	// The document served is the embedded one.
	w := do(h, http.MethodGet, "/api/openapi.json")
	if w.Code != http.StatusOK || !bytes.Equal(w.Body.Bytes(), openAPIDoc) {
		t.Fatalf("served document differs: %d", w.Code)
	}
}

// specCase is one request and the documented path it must answer as.
type specCase struct {
	path   string // the documented path template
	target string // the request
	status int
}

// checkAgainstSpec runs each case through h and validates the answer — status, headers and
// body — against the operation the document gives for it. Every documented path must be
// exercised with a 200 at least once, so no schema goes unchecked.
func checkAgainstSpec(t *testing.T, h http.Handler, cases []specCase) {
	t.Helper()
	doc := loadSpec(t)
	ok := map[string]bool{}
	for _, c := range cases {
		item := doc.Paths.Value(c.path)
		if item == nil || item.Get == nil {
			t.Fatalf("%s is not documented", c.path)
		}
		req := httptest.NewRequest(http.MethodGet, c.target, nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != c.status {
			t.Errorf("GET %s: %d, want %d: %s", c.target, w.Code, c.status, w.Body)
			continue
		}
		if w.Code == http.StatusMovedPermanently && w.Header().Get("Location") == "" {
			t.Errorf("GET %s: 301 without Location", c.target)
		}
		params := pathParams(c.path, req.URL.EscapedPath())
		input := &openapi3filter.RequestValidationInput{
			Request:    req,
			PathParams: params,
			Route:      &routers.Route{Spec: doc, Path: c.path, PathItem: item, Method: http.MethodGet, Operation: item.Get},
			Options:    &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
		}
		if err := openapi3filter.ValidateRequest(context.Background(), input); err != nil && c.status < 400 {
			t.Errorf("GET %s: the request does not fit the document: %v", c.target, err)
		}
		err := openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
			RequestValidationInput: input,
			Status:                 w.Code,
			Header:                 w.Header(),
			Body:                   io.NopCloser(bytes.NewReader(w.Body.Bytes())),
			Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
		})
		if err != nil {
			t.Errorf("GET %s (%d): the answer does not fit the document: %v\n%s", c.target, w.Code, err, w.Body)
		}
		if w.Code == http.StatusOK {
			ok[c.path] = true
		}
	}
	for _, p := range doc.Paths.InMatchingOrder() {
		if !ok[p] {
			t.Errorf("%s was never checked with a 200 answer", p)
		}
	}
}

// pathParams matches a template like /api/v1/tags/{name} against an escaped path.
func pathParams(template, path string) map[string]string {
	out := map[string]string{}
	ts, ps := strings.Split(template, "/"), strings.Split(path, "/")
	for i, seg := range ts {
		if strings.HasPrefix(seg, "{") && i < len(ps) {
			out[strings.Trim(seg, "{}")] = ps[i]
		}
	}
	return out
}

// specCases exercises every documented route: its answers, and its errors.
func specCases(article, story, merged int64, tag, word string) []specCase {
	a, s, m := itoa(article), itoa(story), itoa(merged)
	return []specCase{
		{"/api/openapi.json", "/api/openapi.json", 200},
		{"/api/v1/articles", "/api/v1/articles", 200},
		{"/api/v1/articles", "/api/v1/articles?limit=1", 200},
		{"/api/v1/articles", "/api/v1/articles?limit=500", 400},
		{"/api/v1/articles", "/api/v1/articles?cursor=nope", 400},
		{"/api/v1/articles/{id}", "/api/v1/articles/" + a, 200},
		{"/api/v1/articles/{id}", "/api/v1/articles/999999", 404},
		{"/api/v1/articles/{id}", "/api/v1/articles/x", 400},
		{"/api/v1/articles/{id}/related", "/api/v1/articles/" + a + "/related", 200},
		{"/api/v1/articles/{id}/related", "/api/v1/articles/999999/related", 404},
		{"/api/v1/stories/{id}", "/api/v1/stories/" + s, 200},
		{"/api/v1/stories/{id}", "/api/v1/stories/" + m, 301},
		{"/api/v1/stories/{id}", "/api/v1/stories/999999", 404},
		{"/api/v1/tags/{name}", "/api/v1/tags/" + tag, 200},
		{"/api/v1/tags/{name}", "/api/v1/tags/" + tag + "?limit=1", 200},
		{"/api/v1/tags/{name}", "/api/v1/tags/Nowhere", 404},
		{"/api/v1/publishers", "/api/v1/publishers", 200},
		{"/api/v1/top", "/api/v1/top", 200},
		{"/api/v1/top", "/api/v1/top?limit=0", 400},
		{"/api/v1/editions", "/api/v1/editions", 200},
		{"/api/v1/sections", "/api/v1/sections", 200},
		{"/api/v1/search", "/api/v1/search?q=" + word, 200},
		{"/api/v1/search", "/api/v1/search?q=" + word + "&limit=1&from=2000-01-01", 200},
		{"/api/v1/search", "/api/v1/search?q=", 400},
		{"/api/v1/search", "/api/v1/search?q=" + word + "&cursor=zz", 400},
		{"/feed.xml", "/feed.xml", 200},
		{"/feed.atom", "/feed.atom", 200},
		{"/feed.json", "/feed.json", 200},
		{"/story/{id}/feed.xml", "/story/" + s + "/feed.xml", 200},
		{"/story/{id}/feed.atom", "/story/" + s + "/feed.atom", 200},
		{"/story/{id}/feed.json", "/story/" + s + "/feed.json", 200},
		{"/story/{id}/feed.json", "/story/" + m + "/feed.json", 301},
		{"/story/{id}/feed.xml", "/story/999999/feed.xml", 404},
		{"/tag/{name}/feed.xml", "/tag/" + tag + "/feed.xml", 200},
		{"/tag/{name}/feed.atom", "/tag/" + tag + "/feed.atom", 200},
		{"/tag/{name}/feed.json", "/tag/" + tag + "/feed.json", 200},
		{"/tag/{name}/feed.json", "/tag/Nowhere/feed.json", 404},
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestAnswersFitTheDocument(t *testing.T) {
	t.Parallel()
	h := newTestHandler(t, newsFixture(testNow), func(c *Config) {
		// Filled lists, so their item schemas are checked too.
		c.Editions = []Edition{{Code: "ie/en", Name: "Ireland", Country: "ie", Language: "en", Link: testBase + "/ie/en"}}
		c.Sections = []Section{{Slug: "world", Name: "World", Link: testBase + "/section/world"}}
	})
	checkAgainstSpec(t, h, specCases(5, 1, 7, "Harbour", "harbour"))
}
