// Registers the service worker that keeps the site's shell and the pages a reader opened, so
// they read offline, and offers the browser's install prompt in "Get the app" when there is
// one. Without service workers (or JavaScript) the site works as before, online only.
"use strict";

if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Private windows and some settings refuse workers; the site still works online.
    });
  });
}

// Chromium offers installation through beforeinstallprompt; keep the event and show our
// button, which is hidden in the HTML so browsers without the event show only the text.
let installPrompt = null;
window.addEventListener("beforeinstallprompt", (event) => {
  event.preventDefault();
  installPrompt = event;
  for (const button of document.querySelectorAll("button.install-app")) button.hidden = false;
});

window.addEventListener("appinstalled", () => {
  installPrompt = null;
  for (const button of document.querySelectorAll("button.install-app")) button.hidden = true;
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest && event.target.closest("button.install-app");
  if (!button || !installPrompt) return;
  const prompt = installPrompt;
  installPrompt = null;
  button.hidden = true;
  await prompt.prompt();
});
