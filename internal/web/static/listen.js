// Listen: reads the article aloud with the browser's own speech synthesis.
//
// Progressive enhancement: the button is in the page with the hidden attribute and stays
// hidden unless this script runs in a browser that can speak. Nothing is sent anywhere; the
// voice is the reader's own system voice.
(function () {
  "use strict";

  var button = document.getElementById("listen");
  if (!button || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance !== "function") {
    return;
  }
  var synth = window.speechSynthesis;
  var label = button.querySelector(".listen-label") || button;
  var idle = label.textContent;
  var playing = false;

  // Long utterances are cut off by some engines after a few seconds of speech, so the text
  // is queued a paragraph (or, for long ones, a sentence group) at a time.
  function chunks(text) {
    var out = [];
    text.split(/\n+/).forEach(function (para) {
      para = para.replace(/\s+/g, " ").trim();
      while (para.length > 240) {
        var cut = para.lastIndexOf(". ", 240);
        if (cut < 80) {
          cut = para.lastIndexOf(" ", 240);
        }
        if (cut < 1) {
          cut = 240;
        }
        out.push(para.slice(0, cut + 1));
        para = para.slice(cut + 1).trim();
      }
      if (para) {
        out.push(para);
      }
    });
    return out;
  }

  function text() {
    var title = document.querySelector(".article-title");
    var body = document.querySelector(".article-body");
    return (title ? title.innerText + ".\n" : "") + (body ? body.innerText : "");
  }

  function setPlaying(on) {
    playing = on;
    button.setAttribute("aria-pressed", on ? "true" : "false");
    label.textContent = on ? "Stop" : idle;
  }

  function stop() {
    synth.cancel();
    setPlaying(false);
  }

  function start() {
    var lang = (button.closest("[lang]") || document.documentElement).getAttribute("lang") || "";
    var parts = chunks(text());
    if (parts.length === 0) {
      return;
    }
    synth.cancel();
    parts.forEach(function (part, i) {
      var u = new SpeechSynthesisUtterance(part);
      if (lang) {
        u.lang = lang;
      }
      if (i === parts.length - 1) {
        u.onend = function () { setPlaying(false); };
      }
      u.onerror = function () { setPlaying(false); };
      synth.speak(u);
    });
    setPlaying(true);
  }

  button.addEventListener("click", function () {
    if (playing) {
      stop();
    } else {
      start();
    }
  });
  // Speech would otherwise go on after the reader has left the page.
  window.addEventListener("pagehide", stop);

  button.hidden = false;
})();
