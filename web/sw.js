// Service worker of the citizen app, served at the stable URL /sw.js (never hashed, no-cache).
// tools/package_web.py fills in the lists below, so every deployment changes these bytes and the
// browser sees a new worker. It waits until the app asks it to take over (SKIP_WAITING, sent when
// the person accepts "a new version is ready"); only the very first install takes over at once.
const BUILD_ID = '__BUILD_ID__';
const PRECACHE = __PRECACHE__; // the app shell: '/', hashed js/wasm/css, manifest, icons
const RUNTIME_FILES = __RUNTIME__; // the QR reader (zxing-wasm), its worker, the CJK font: cached on first use
const SHELL_CACHE = `motcua-shell-${BUILD_ID}`;
const RUNTIME_CACHE = 'motcua-runtime';
const API_CACHE = 'motcua-api';
const NAVIGATION_TIMEOUT_MS = 6000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('motcua-shell-') && name !== SHELL_CACHE) await caches.delete(name);
    }
    // The reader of an older build is no longer asked for: drop it.
    const runtime = await caches.open(RUNTIME_CACHE);
    const keep = new Set(RUNTIME_FILES);
    for (const request of await runtime.keys()) {
      if (!keep.has(new URL(request.url).pathname)) await runtime.delete(request);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'SKIP_WAITING') self.skipWaiting();
  else if (type === 'VERSION' && event.ports[0]) event.ports[0].postMessage({ build: BUILD_ID });
});

async function fromNetworkOrCache(event, request, cacheName, fallbackUrl, timeoutMs) {
  try {
    const network = fetch(request);
    const response = await (timeoutMs
      ? Promise.race([network, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs))])
      : network);
    if (cacheName && response.ok) {
      const copy = response.clone();
      // Stored while the response streams to the page; the worker stays alive until it is done.
      event.waitUntil(caches.open(cacheName).then((cache) => cache.put(request, copy)).catch(() => {}));
    }
    return response;
  } catch (e) {
    const cached = await caches.match(fallbackUrl || request, cacheName ? { cacheName } : undefined);
    if (cached) return cached;
    throw e;
  }
}

async function fromCacheOrNetwork(request, runtime) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (runtime && response.ok) {
    const copy = response.clone();
    await caches.open(RUNTIME_CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
  }
  return response;
}

const PUBLIC_API = /^\/api\/v1\/(procedures|faqs|places|alerts|stats|health|requests\/categories)(\/|$)/;
const SECRET_PARAM = /^(secret|token|k|key|code|device|auth.*)$/i;

function isPublicApi(url) {
  if (!PUBLIC_API.test(url.pathname)) return false;
  for (const name of url.searchParams.keys()) if (SECRET_PARAM.test(name)) return false;
  return true;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return; // lookups, ratings, admin writes: straight to the network
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (request.mode === 'navigate') {
    // Network first (a fresh index.html), the precached shell when there is no network.
    event.respondWith(fromNetworkOrCache(event, request, null, '/', NAVIGATION_TIMEOUT_MS).catch(
      () => caches.match('/').then((r) => r || Response.error())));
    return;
  }
  if (path.startsWith('/api/')) {
    // Only public data is kept (network first, cache fallback): never the back office, a dossier,
    // a request's status, a counter, or anything that carries a secret or token, in a header or
    // in the query string. Those stay with the app, which keeps its own saved copy.
    if (!isPublicApi(url) || request.headers.has('Authorization')) return;
    event.respondWith(fromNetworkOrCache(event, request, API_CACHE));
    return;
  }
  if (path.startsWith('/admin')) return;
  if (RUNTIME_FILES.includes(path)) {
    event.respondWith(fromCacheOrNetwork(request, true));
    return;
  }
  if (PRECACHE.includes(path)) event.respondWith(fromCacheOrNetwork(request, false));
});
