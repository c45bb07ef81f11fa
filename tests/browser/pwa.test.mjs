// Installable and offline: the service worker (web/sw.js) keeps the app shell, so the app starts
// with no network after one visit; a new deployment is offered on the home screen and taken only
// on consent; the install hint. These tests run their own serve.py where they need to stop it
// (a real "no network": DevTools' offline mode does not reach service worker fetches) or to
// deploy a changed build.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, activate, kPhone, mirror, openApp, startServer, newDossier, waitForMirror } from './harness.mjs';

async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
}

// The build id of the service worker controlling the page.
function controllerBuild(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => resolve(e.data.build);
    navigator.serviceWorker.controller.postMessage({ type: 'VERSION' }, [channel.port2]);
  }));
}

async function frames(page, n = 6) {
  for (let i = 0; i < n; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
}

const kUpdateReady = 'Đã có phiên bản mới của ứng dụng.';

export const tests = {
  async 'after one online visit the app starts with no network and shows the saved dossier'({ browser }) {
    const server = await startServer();
    let running = true;
    const context = await browser.newContext(kPhone);
    try {
      const d = await newDossier(server);
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'status', 'Đang xử lý');
      await waitForController(page); // the first install takes over this page at once
      await activate(page, 'button', '‹ Quay lại');
      await waitForMirror(page, 'button', `${d.code} — Đang xử lý`);
      assert.equal(new URL(page.url()).pathname, '/');
      // No network at all: the browser offline and the server gone.
      await context.setOffline(true);
      await server.stop();
      running = false;
      await page.reload();
      await page.waitForFunction(() => window.motcua && window.motcua.ready, null, { timeout: 20000 });
      await waitForMirror(page, 'heading', 'Một Cửa');
      await activate(page, 'button', `${d.code} — Đang xử lý`);
      await waitForMirror(page, 'status', 'Đang ngoại tuyến: hiển thị thông tin đã lưu.');
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
      if (running) await server.stop();
    }
  },

  async 'the service worker keeps public API answers, never one with a secret in its address'({ browser }) {
    const server = await startServer();
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, `${server.base}/`);
      await waitForController(page);
      await page.evaluate(async () => {
        // Answered 200 (unknown parameters are ignored), so only the address decides.
        for (const url of ['/api/v1/places?kind=sight&secret=ABCDEFGHJK', '/api/v1/procedures?page_size=1&token=t0k3n',
          '/api/v1/faqs?k=ABCDEF', '/api/v1/procedures?page_size=2']) {
          await fetch(url).then((r) => r.text());
        }
      });
      // The public one is stored last; once it is there, the earlier puts are done too.
      await page.waitForFunction(() => caches.open('motcua-api').then((c) => c.keys())
        .then((keys) => keys.some((r) => r.url.endsWith('/api/v1/procedures?page_size=2'))), null, { timeout: 20000 });
      const kept = await page.evaluate(() => caches.open('motcua-api').then((c) => c.keys())
        .then((keys) => keys.map((r) => new URL(r.url).pathname + new URL(r.url).search)));
      assert.deepEqual(kept.filter((u) => /secret|token|k=/.test(u)), [], kept.join(' '));
    } finally {
      await context.close();
      await server.stop();
    }
  },

  async 'a new deployment is offered on the home screen and taken on consent'({ browser }) {
    // A copy of the packaged app that the test can redeploy.
    const appDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-deploy-'));
    cpSync(path.join(ROOT, 'build/web/dist'), appDir, { recursive: true });
    const server = await startServer({ appDir });
    const context = await browser.newContext(kPhone);
    try {
      const d = await newDossier(server);
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'status', 'Đang xử lý');
      await waitForController(page);
      const before = await controllerBuild(page);
      assert.match(before, /^[0-9a-f]{10}$/);

      // Deploy: every build changes the bytes of /sw.js (its precache list and build id).
      const swPath = path.join(appDir, 'sw.js');
      const sw = readFileSync(swPath, 'utf8');
      assert.ok(sw.includes(`const BUILD_ID = '${before}';`));
      writeFileSync(swPath, sw.replace(`const BUILD_ID = '${before}';`, `const BUILD_ID = '${before}-next';`));
      rmSync(`${swPath}.br`, { force: true });
      rmSync(`${swPath}.gz`, { force: true });
      await new Promise((r) => setTimeout(r, 1200)); // serve.py rereads files at most once a second

      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => r && r.waiting !== null),
        null, { timeout: 30000 });
      // Never mid-task: the dossier stays, nothing reloads, the offer waits for the home screen.
      await frames(page);
      assert.equal(await mirror(page, 'status', kUpdateReady).count(), 0);
      assert.equal(await controllerBuild(page), before);
      await activate(page, 'button', '‹ Quay lại');
      await waitForMirror(page, 'status', kUpdateReady);

      await page.evaluate(() => { window.beforeUpdate = true; });
      await activate(page, 'button', 'Cập nhật ngay');
      await page.waitForFunction(() => !window.beforeUpdate && window.motcua && window.motcua.ready, null,
        { timeout: 30000, polling: 100 });
      await waitForController(page);
      assert.equal(await controllerBuild(page), `${before}-next`);
      await waitForMirror(page, 'heading', 'Một Cửa');
      await frames(page);
      assert.equal(await mirror(page, 'status', kUpdateReady).count(), 0);
      // Only the new build's shell cache is left.
      const shells = await page.evaluate(() => caches.keys().then((k) => k.filter((n) => n.startsWith('motcua-shell-'))));
      assert.deepEqual(shells, [`motcua-shell-${before}-next`]);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
      await server.stop();
      rmSync(appDir, { recursive: true, force: true });
    }
  },

  async 'Android offers installing through the browser prompt'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      // What Chrome fires when the app is installable (headless Chromium never does on its own).
      await page.evaluate(() => {
        const e = new Event('beforeinstallprompt', { cancelable: true });
        e.prompt = () => { window.installPrompted = true; return Promise.resolve(); };
        e.userChoice = Promise.resolve({ outcome: 'accepted' });
        window.dispatchEvent(e);
        window.installDefaultPrevented = e.defaultPrevented;
      });
      assert.equal(await page.evaluate(() => window.installDefaultPrevented), true);
      await waitForMirror(page, 'heading', 'Cài Một Cửa lên điện thoại');
      await activate(page, 'button', 'Cài đặt');
      await page.waitForFunction(() => window.installPrompted === true);
      await frames(page);
      assert.equal(await mirror(page, 'heading', 'Cài Một Cửa lên điện thoại').count(), 0);
    } finally {
      await context.close();
    }
  },

  async 'iOS Safari gets Add to Home Screen instructions'({ browser, server }) {
    const context = await browser.newContext({
      ...kPhone,
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    });
    try {
      const page = await openApp(context, server.base);
      await waitForMirror(page, 'heading', 'Cài Một Cửa lên điện thoại');
      assert.equal(await mirror(page, 'button', 'Cài đặt').count(), 0);
      await activate(page, 'button', 'Để sau');
      await frames(page);
      assert.equal(await mirror(page, 'heading', 'Cài Một Cửa lên điện thoại').count(), 0);
    } finally {
      await context.close();
    }
  },

  async 'the app works where service workers are unavailable'({ browser, server }) {
    const context = await browser.newContext({ ...kPhone, serviceWorkers: 'block' });
    try {
      const d = await newDossier(server);
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'status', 'Đang xử lý');
      assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null);
      assert.deepEqual(page.errors, []);
      // A browser without the API at all.
      await context.addInitScript(() => { delete Navigator.prototype.serviceWorker; });
      await page.reload();
      await page.waitForFunction(() => window.motcua && window.motcua.ready, null, { timeout: 20000 });
      assert.equal(await page.evaluate(() => 'serviceWorker' in navigator), false);
      await waitForMirror(page, 'status', 'Đang xử lý');
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },
};
