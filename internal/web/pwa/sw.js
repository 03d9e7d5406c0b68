// newsdesk service worker. Served at /sw.js so that its scope is the whole site.
//
// The server fills in VERSION (a hash of every asset's checksum) and PRECACHE (the shell:
// stylesheet, scripts, icons and the offline page) when it starts, so a new release is a new
// worker that installs its own caches and deletes the old ones.
//
// - /static/ files carry their checksum in the name: cache first, they never change.
// - Pages (navigations): network first, so readers get the news of now; each page that
//   arrives is kept, so an article opened once reads offline. Offline, the kept copy is
//   shown, or the offline page when there is none. Pages marked no-store (a signed-in
//   reader's, which carry their name and form tokens) are never kept.
"use strict";

const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const OFFLINE_URL = "/offline";
const SHELL_CACHE = "shell-" + VERSION;
const PAGE_CACHE = "pages-v1";
const MAX_PAGES = 60;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith("shell-") && key !== SHELL_CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return; // publishers' images: the browser's own cache
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(event, request));
  }
});

async function cacheFirst(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(event, request) {
  try {
    const response = await fetch(request);
    if (response.ok && keepable(response)) {
      const copy = response.clone();
      event.waitUntil(keepPage(request, copy));
    }
    return response;
  } catch (err) {
    const kept = await caches.match(request, { ignoreVary: true });
    if (kept) return kept;
    const offline = await caches.match(OFFLINE_URL, { ignoreVary: true });
    if (offline) return offline;
    throw err;
  }
}

function keepable(response) {
  const cc = (response.headers.get("Cache-Control") || "").toLowerCase();
  const type = response.headers.get("Content-Type") || "";
  return !cc.includes("no-store") && !cc.includes("private") && type.startsWith("text/html");
}

// keepPage stores a page and drops the oldest beyond MAX_PAGES (keys come back in
// insertion order, and a page read again is deleted first so it moves to the end).
async function keepPage(request, response) {
  const cache = await caches.open(PAGE_CACHE);
  await cache.delete(request, { ignoreVary: true });
  await cache.put(request, response);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map((key) => cache.delete(key)));
}
