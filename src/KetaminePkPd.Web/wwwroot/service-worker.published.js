// Offline use of the published page (an installable web app): at install, caches every published file that the .NET
// SDK lists in service-worker-assets.js (each with its content hash, checked by the browser as the file is fetched);
// serves GET requests from that cache first, page navigations with the cached index.html; at activation, deletes the
// caches of earlier versions (the list's version changes whenever a published file changes).
self.importScripts("./service-worker-assets.js");

const prefix = "ketamine-pkpd-";
const cacheName = prefix + self.assetsManifest.version;
const cached = [/\.dll$/, /\.wasm$/, /\.html$/, /\.js$/, /\.json$/, /\.css$/, /\.png$/, /\.webmanifest$/, /\.dat$/, /\.blat$/, /\.txt$/];
const skipped = [/^service-worker\.js$/];

self.addEventListener("install", function (event) {
  event.waitUntil((async function () {
    const requests = self.assetsManifest.assets
      .filter(function (a) { return cached.some(function (p) { return p.test(a.url); }) && !skipped.some(function (p) { return p.test(a.url); }); })
      .map(function (a) { return new Request(a.url, { integrity: a.hash, cache: "no-cache" }); });
    const cache = await caches.open(cacheName);
    await cache.addAll(requests);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", function (event) {
  event.waitUntil((async function () {
    const names = await caches.keys();
    await Promise.all(names.filter(function (n) { return n.startsWith(prefix) && n !== cacheName; }).map(function (n) { return caches.delete(n); }));
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", function (event) {
  if (event.request.method !== "GET") return;
  event.respondWith((async function () {
    const cache = await caches.open(cacheName);
    const hit = await cache.match(event.request.mode === "navigate" ? "index.html" : event.request, { ignoreSearch: event.request.mode === "navigate" });
    return hit || fetch(event.request);
  })());
});
