// Web Push for the app's "notify me when this dossier changes" switch (src/app/push_switch.cpp):
// what this browser supports, the notification permission (asked only on the citizen's tap), the
// browser's one push subscription, and the list of dossiers the service worker (web/sw.js) keeps to
// register a renewed subscription. Every answer goes back to the app through its _mc_push_* calls.
import { withString } from '/__WASM_STRING_JS__';

const READY_TIMEOUT_MS = 15000;

function keyBytes(base64url) {
  const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '='));
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export function createPush(getModule) {
  const ua = navigator.userAgent || '';
  const iOS = /iPad|iPhone|iPod/.test(ua) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);

  function call(name, arg) {
    const m = getModule();
    if (m && typeof m[name] === 'function') m[name](arg);
  }
  function callString(name, text) {
    const m = getModule();
    if (m && typeof m[name] === 'function') withString(m, text, (ptr) => m[name](ptr));
  }
  function standalone() {
    return navigator.standalone === true || !!window.matchMedia?.('(display-mode: standalone)').matches;
  }
  function supported() {
    return window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  }
  // The active service worker; a page whose worker never starts (blocked, private mode) gives up.
  function registration() {
    return Promise.race([navigator.serviceWorker.ready, new Promise((_, reject) => {
      setTimeout(() => reject(new Error('no service worker')), READY_TIMEOUT_MS);
    })]);
  }

  return {
    // 0 supported; 1 not in this browser; 2 iPhone/iPad outside the app added to the Home Screen
    // (Safari offers push only there).
    support() {
      if (iOS && !standalone()) return 2;
      return supported() ? 0 : 1;
    },
    // 0 not asked yet, 1 granted, 2 denied.
    permission() {
      if (!('Notification' in window)) return 0;
      return Notification.permission === 'granted' ? 1 : Notification.permission === 'denied' ? 2 : 0;
    },
    // Called in the frame of the tap, so the browser sees the person's gesture. Older Safari takes
    // a callback instead of returning a promise.
    requestPermission() {
      let answered = false;
      const answer = (p) => {
        if (answered) return;
        answered = true;
        call('_mc_push_permission', p === 'granted' ? 1 : p === 'denied' ? 2 : 0);
      };
      try {
        const r = Notification.requestPermission(answer);
        if (r && r.then) r.then(answer, () => answer('default'));
      } catch (e) {
        answer('default');
      }
    },
    async subscribe(key) {
      try {
        const reg = await registration();
        const options = { userVisibleOnly: true, applicationServerKey: keyBytes(key) };
        let sub;
        try {
          sub = await reg.pushManager.subscribe(options);
        } catch (e) {
          if (!e || e.name !== 'InvalidStateError') throw e;
          // Subscribed earlier with another server key (the server's key was changed): start again.
          const old = await reg.pushManager.getSubscription();
          if (old) await old.unsubscribe();
          sub = await reg.pushManager.subscribe(options);
        }
        callString('_mc_push_subscribed', JSON.stringify(sub.toJSON()));
      } catch (e) {
        const name = e && e.name;
        call('_mc_push_failed', name === 'NotAllowedError' ? 1 : name === 'NotSupportedError' ? 2 : 3);
      }
    },
    current() {
      if (!supported() || Notification.permission !== 'granted') {
        callString('_mc_push_current', '');
        return;
      }
      registration().then((reg) => reg.pushManager.getSubscription())
        .then((sub) => callString('_mc_push_current', sub ? sub.endpoint : ''),
          () => callString('_mc_push_current', ''));
    },
    unsubscribe() {
      if (!supported()) return;
      registration().then((reg) => reg.pushManager.getSubscription())
        .then((sub) => sub && sub.unsubscribe()).catch(() => {});
    },
    // The worker keeps the list in IndexedDB for pushsubscriptionchange, when no page is open.
    setDossiers(json) {
      let dossiers;
      try {
        dossiers = JSON.parse(json);
      } catch (e) {
        return;
      }
      if (!('serviceWorker' in navigator) || !Array.isArray(dossiers)) return;
      registration().then((reg) => reg.active && reg.active.postMessage({ type: 'PUSH_DOSSIERS', dossiers }))
        .catch(() => {});
    },
  };
}
