package extract

import (
	"net/url"
	"testing"
)

func TestSanitize(t *testing.T) {
	t.Parallel()
	base, _ := url.Parse("https://news.example/a/b.html")
	cases := []struct{ in, want string }{
		{`<p>Hello <b>bold</b> <script>alert(1)</script>world</p>`, `<p>Hello <strong>bold</strong> world</p>`},
		{`<p><a href="/x" onclick="evil()">link</a> <a href="javascript:alert(1)">js</a></p>`, `<p><a href="https://news.example/x">link</a> js</p>`},
		{`<h1>Title</h1><h5>Small</h5>`, "<h2>Title</h2>\n<h4>Small</h4>"},
		{`<ul><li>one</li><li>two</li></ul>`, "<ul><li>one</li>\n<li>two</li>\n</ul>"},
		{`<figure><img src="pic.jpg" alt="A bridge" style="x"><figcaption>The bridge</figcaption></figure>`, `<figure><img src="https://news.example/a/pic.jpg" alt="A bridge"><figcaption>The bridge</figcaption></figure>`},
		{`<div><iframe src="https://evil.example"></iframe><form><input value="x"></form>text</div>`, `<p>text</p>`},
		{`<blockquote><p>quoted</p></blockquote><p>after</p>`, "<blockquote><p>quoted</p>\n</blockquote><p>after</p>"},
		{`<p>a &lt;tag&gt; &amp; more</p>`, `<p>a &lt;tag&gt; &amp; more</p>`},
		{``, ``},
	}
	for _, tc := range cases {
		if got := Sanitize(tc.in, base); got != tc.want {
			t.Errorf("Sanitize(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}
