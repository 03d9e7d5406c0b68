// AI features: streams a generated summary, "explain simply", translation or story timeline
// from the language model (GET …/ai/{feature}, server-sent events) into the page.
//
// Progressive enhancement: the box is in the page with the hidden attribute and this script
// shows it only where EventSource exists; without it the offline key points, the story brief
// and the question form are the page's AI features. Everything the model wrote is inserted
// as text, never as markup, and citations link only to articles this page already lists.
(function () {
  "use strict";

  var box = document.getElementById("ai-tools");
  if (!box || typeof window.EventSource !== "function") {
    return;
  }
  var base = box.getAttribute("data-url");
  var story = box.getAttribute("data-scope") === "story";
  var output = box.querySelector(".ai-output");
  var note = box.querySelector(".ai-note");
  var list = box.querySelector(".ai-sentences");
  var status = box.querySelector(".ai-status");
  var select = box.querySelector(".ai-lang");
  var buttons = Array.prototype.slice.call(box.querySelectorAll(".ai-button"));
  var source = null; // the stream being read

  // The articles a citation can name, by id: the article itself on an article page, every
  // listed article on a story page.
  var articles = {};
  Array.prototype.forEach.call(document.querySelectorAll("[data-article-id]"), function (el) {
    articles[el.getAttribute("data-article-id")] = {
      url: el.getAttribute("data-url") || el.getAttribute("href") || "",
      publisher: el.getAttribute("data-publisher") || ""
    };
  });

  // The reader's languages first (navigator.languages is what the browser sends as
  // Accept-Language), added from the longer list the server knows the model can write.
  function orderLanguages() {
    if (!select) {
      return;
    }
    var more = (select.getAttribute("data-more") || "").split(" ");
    var names = null;
    try {
      names = new Intl.DisplayNames(["en"], { type: "language" });
    } catch (e) {
      names = null;
    }
    var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    var mine = [];
    Array.prototype.forEach.call(wanted, function (tag) {
      var code = String(tag).toLowerCase().split("-")[0];
      if (!/^[a-z]{2}$/.test(code) || mine.indexOf(code) >= 0) {
        return;
      }
      var opt = select.querySelector('option[value="' + code + '"]');
      if (!opt && more.indexOf(code) >= 0) {
        opt = document.createElement("option");
        opt.value = code;
        opt.textContent = (names && names.of(code)) || code;
      }
      if (opt) {
        mine.push(code);
        select.insertBefore(opt, select.options[mine.length - 1] || null);
      }
    });
    // Translating into the article's own language is pointless: pick the reader's first
    // other language.
    var article = box.closest("article[lang]");
    var own = article ? article.getAttribute("lang").toLowerCase().split("-")[0] : "";
    for (var i = 0; i < mine.length; i++) {
      if (mine[i] !== own) {
        select.value = mine[i];
        return;
      }
    }
  }

  function cite(c, time) {
    var a = articles[String(c.doc_id)];
    if (!a) {
      return null; // not an article of this page: say nothing rather than link blindly
    }
    var label = story ? a.publisher : "[" + (c.sentence + 1) + "]";
    if (time) {
      label += ", " + new Date(time).toLocaleDateString(undefined, { day: "numeric", month: "short" });
    }
    // On the article's own page a link would reload it; the source sentence is in the title.
    var el = document.createElement(a.url === location.pathname ? "span" : "a");
    if (el.tagName === "A") {
      el.href = a.url;
    } else {
      el.tabIndex = 0;
    }
    el.className = "ai-cite";
    el.title = c.text;
    el.textContent = label;
    return el;
  }

  function sentence(s) {
    var li = document.createElement("li");
    var text = document.createElement("span");
    text.className = "ai-text";
    text.textContent = s.text;
    li.appendChild(text);
    var seen = {};
    (s.cites || []).forEach(function (c) {
      var key = story ? String(c.doc_id) : c.doc_id + ":" + c.sentence;
      if (seen[key]) {
        return; // a story sentence names each publisher once
      }
      seen[key] = true;
      var el = cite(c, s.time);
      if (el) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el);
      }
    });
    return li;
  }

  function stop() {
    if (source) {
      source.close();
      source = null;
    }
    output.removeAttribute("aria-busy");
  }

  function press(button) {
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", b === button ? "true" : "false");
    });
  }

  function finish(done, count) {
    stop();
    if ((done.fallback || done.partial) && done.reason) {
      note.textContent = done.reason;
      note.hidden = false;
    }
    if (!done.answered) {
      status.textContent = "The articles do not answer this.";
    } else if (done.fallback || count === 0) {
      status.textContent = "";
    } else {
      status.textContent = "Written by " + (done.model || "a language model") +
        "; every sentence was checked against the source it cites" + (done.partial ? ", but the answer is incomplete." : ".");
    }
  }

  function run(button) {
    stop();
    var feature = button.getAttribute("data-feature");
    var url = base + encodeURIComponent(feature);
    if (feature === "translate" && select) {
      url += "?lang=" + encodeURIComponent(select.value);
    }
    if (feature === "ask") {
      url += "?q=" + encodeURIComponent(button.getAttribute("data-query") || "");
    }
    list.textContent = "";
    note.textContent = "";
    note.hidden = true;
    status.textContent = "Writing…";
    output.hidden = false;
    output.setAttribute("aria-busy", "true");
    press(button);
    var count = 0;
    var es = new EventSource(url);
    source = es;
    es.addEventListener("sentence", function (e) {
      if (source !== es) {
        return;
      }
      list.appendChild(sentence(JSON.parse(e.data)));
      count++;
    });
    es.addEventListener("done", function (e) {
      if (source === es) {
        finish(JSON.parse(e.data), count);
      }
    });
    // A refused request (400, 404) or a dropped connection; EventSource would retry forever.
    es.addEventListener("error", function () {
      if (source !== es) {
        return;
      }
      stop();
      status.textContent = count > 0 ? "The connection was lost before the answer was finished." :
        "The AI service could not be reached. Please try again later.";
    });
  }

  buttons.forEach(function (b) {
    b.setAttribute("aria-pressed", "false");
    b.addEventListener("click", function () { run(b); });
  });
  window.addEventListener("pagehide", stop);
  orderLanguages();
  box.hidden = false;
})();
