// The installable app: registers the service worker (web/sw.js at /sw.js), tells the app when a
// new version is waiting (the home screen then offers "Cập nhật ngay"; nothing reloads until the
// person accepts), and offers installation: Android's beforeinstallprompt, iOS's Add to Home
// Screen. Without service workers (or without the app module yet) every part degrades to nothing.
export function createPwa(getModule) {
  const queued = [];
  let flushTimer = 0;
  let installPrompt = null;
  let registration = null;
  let updateAccepted = false;
  let reloading = false;
  let lastCheck = Date.now();

  // Calls into the app once its module is ready (it loads after this file runs).
  function flush() {
    flushTimer = 0;
    const m = getModule();
    if (!m) {
      flushTimer = setTimeout(flush, 200);
      return;
    }
    while (queued.length) {
      const [name, arg] = queued.shift();
      if (typeof m[name] === 'function') m[name](arg);
    }
  }
  function tellApp(name, arg) {
    queued.push([name, arg]);
    if (!flushTimer) flush();
  }

  function watch(worker) {
    if (!worker) return;
    const offer = () => {
      // Only an update: the first install has no controller and simply takes over.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) tellApp('_mc_update_ready');
    };
    offer();
    worker.addEventListener('statechange', offer);
  }

  async function register() {
    try {
      registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    } catch (e) {
      registration = null;
    }
    if (!registration) return; // blocked or unsupported here: the app works as a plain web page
    watch(registration.waiting);
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
  }

  function checkForUpdate() {
    if (!registration || Date.now() - lastCheck < 30 * 60 * 1000) return;
    lastCheck = Date.now();
    registration.update().catch(() => {});
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      // Reload only when this page asked for the new version; other tabs keep their task.
      if (updateAccepted && !reloading) {
        reloading = true;
        location.reload();
      }
    });
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') checkForUpdate();
    });
  }

  window.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    installPrompt = e;
    tellApp('_mc_install_hint', 1);
  });
  window.addEventListener('appinstalled', () => { installPrompt = null; });

  const ua = navigator.userAgent || '';
  const iOS = /iPad|iPhone|iPod/.test(ua) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  const safari = /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(ua);
  const standalone = navigator.standalone === true || window.matchMedia?.('(display-mode: standalone)').matches;
  if (iOS && safari && !standalone) tellApp('_mc_install_hint', 2);

  return {
    applyUpdate() {
      const waiting = registration && registration.waiting;
      if (!waiting) {
        location.reload(); // another tab already switched to the new version
        return;
      }
      updateAccepted = true;
      waiting.postMessage({ type: 'SKIP_WAITING' });
    },
    promptInstall() {
      const e = installPrompt;
      installPrompt = null;
      if (!e) return;
      Promise.resolve(e.prompt()).catch(() => {});
    },
  };
}
