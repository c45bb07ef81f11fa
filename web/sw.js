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
  else if (type === 'PUSH_DOSSIERS' && Array.isArray(event.data.dossiers)) {
    event.waitUntil(pushDossiers(event.data.dossiers.filter(isPushDossier)).catch(() => {}));
  }
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

// Web Push: the server sends the dossier's code, its new status in the citizen's language and a
// short line (docs/notifications.md); never a name, a token or the receipt secret. A tap opens the
// dossier at /d/<code>, where the app finds the secret it keeps on this device.
const DOSSIER_CODE = /^[0-9A-Za-z][0-9A-Za-z.-]{0,63}$/;

function dossierPath(code) {
  return DOSSIER_CODE.test(code || '') ? `/d/${encodeURIComponent(code)}` : '/';
}

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = (event.data && event.data.json()) || {};
  } catch (e) {
    data = {}; // not JSON: still tell the person something changed
  }
  const code = typeof data.code === 'string' && DOSSIER_CODE.test(data.code) ? data.code : '';
  const title = typeof data.title === 'string' && data.title ? data.title.slice(0, 200) : 'Một Cửa';
  event.waitUntil(self.registration.showNotification(title, {
    body: typeof data.body === 'string' ? data.body.slice(0, 500) : '',
    lang: typeof data.lang === 'string' ? data.lang : 'vi',
    tag: code ? `dossier-${code}` : 'motcua', // a newer message about the same dossier replaces the older
    renotify: true,
    icon: '/icon-192.png',
    data: { code, path: dossierPath(code) },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = dossierPath(event.notification.data && event.notification.data.code);
  const target = new URL(path, self.location.origin).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const client of windows) {
      if (new URL(client.url).origin !== self.location.origin) continue;
      // The app already open (a tab or the installed app): show the dossier there, bring it forward.
      // Always navigate: client.url may still be the address the app was opened at.
      try {
        const shown = await client.navigate(target);
        if (shown) {
          await shown.focus().catch(() => {}); // focusing needs the tap's activation; showing it does not
          return;
        }
      } catch (e) {
        // a window this worker does not control cannot be navigated: open one instead
      }
    }
    await self.clients.openWindow(target);
  })());
});

// A renewed subscription (pushsubscriptionchange: the push service rotated or ended it) arrives
// with no page open, so the worker keeps what it needs to register the new one: the list of
// dossiers this device gets news for, [{code, secret, lang, endpoint}], sent by the app
// (web/push.js, PUSH_DOSSIERS) whenever the notify switch changes, in IndexedDB "motcua-push".
// The receipt secret is already kept on this device by the app; the worker uses it only to look
// the dossier up for a fresh token, exactly as the app does.
const PUSH_DB = 'motcua-push';

function isPushDossier(d) {
  return d && typeof d.code === 'string' && DOSSIER_CODE.test(d.code) && typeof d.secret === 'string' &&
    typeof d.endpoint === 'string' && typeof d.lang === 'string';
}

// Reads the list (no argument) or replaces it; the database is closed after each use so a kiosk
// wipe (indexedDB.deleteDatabase) is never blocked by the worker. An empty list removes the
// database: nothing of the citizen stays (the kiosk wipe sends one after deleting every database).
function pushDossiers(list) {
  if (Array.isArray(list) && !list.length) {
    return new Promise((resolve) => {
      const gone = indexedDB.deleteDatabase(PUSH_DB);
      gone.onsuccess = gone.onerror = gone.onblocked = () => resolve([]);
    });
  }
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(PUSH_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('kv', list === undefined ? 'readonly' : 'readwrite');
      const request = list === undefined ? tx.objectStore('kv').get('dossiers') : tx.objectStore('kv').put(list, 'dossiers');
      tx.oncomplete = () => { db.close(); resolve(request.result || []); };
      tx.onerror = tx.onabort = () => { db.close(); reject(tx.error); };
    };
  });
}

function base64urlBytes(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

async function dossierToken(d) {
  const r = await fetch('/api/v1/dossiers/lookup', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: d.code, secret: d.secret }),
  });
  if (!r.ok) throw new Error(`lookup ${r.status}`);
  return (await r.json()).token;
}

async function renewSubscription(event) {
  const list = await pushDossiers();
  const old = event.oldSubscription;
  if (!list.length) return pushDossiers([]); // reading made an empty database: leave none
  let fresh = event.newSubscription;
  if (!fresh) {
    let key = old && old.options && old.options.applicationServerKey;
    if (!key) key = base64urlBytes((await (await fetch('/api/v1/push/key')).json()).public_key);
    fresh = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  }
  const subscription = fresh.toJSON();
  const kept = [];
  for (const d of list) {
    // Only the dossiers that had the subscription that changed; each with a fresh token.
    if (old && d.endpoint !== old.endpoint) {
      kept.push(d);
      continue;
    }
    try {
      const token = await dossierToken(d);
      const route = `/api/v1/dossiers/${encodeURIComponent(d.code)}/subscriptions`;
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      const r = await fetch(route, { method: 'POST', headers, body: JSON.stringify({ ...subscription, lang: d.lang }) });
      if (!r.ok) throw new Error(`subscribe ${r.status}`);
      kept.push({ ...d, endpoint: fresh.endpoint });
      if (old) await fetch(route, { method: 'DELETE', headers, body: JSON.stringify({ endpoint: old.endpoint }) }).catch(() => {});
    } catch (e) {
      kept.push(d); // the app's switch finds it off when the dossier next opens (it asks the server)
    }
  }
  await pushDossiers(kept);
}

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(renewSubscription(event).catch(() => {}));
});
