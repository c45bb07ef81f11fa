// Web Push in the service worker (web/sw.js): a push delivered through the DevTools protocol
// (ServiceWorker.deliverPushMessage, as a push service would) shows a notification titled from
// the payload; its tap opens the dossier's timeline. Headless Chromium has no notification centre
// to click in, so the tap is a notificationclick event dispatched in the worker on the shown
// notification (it says so below); the subscription step itself belongs to the app's switch.
import assert from 'node:assert/strict';
import { activate, kPhone, openApp, waitForMirror, newDossier } from './harness.mjs';

async function registrationId(cdp) {
  const found = new Promise((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const live = registrations.find((r) => !r.isDeleted);
      if (live) resolve(live.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

function shownTitles(page) {
  return page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.getNotifications())
    .then((list) => list.map((n) => ({ title: n.title, body: n.body, tag: n.tag }))));
}

export const tests = {
  async 'a push shows a notification titled from its payload and a tap opens the dossier'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const d = await newDossier(server);
      await context.grantPermissions(['notifications'], { origin: server.base });
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
      await activate(page, 'button', '‹ Quay lại'); // back home: the tap must bring the dossier back
      await page.waitForFunction(() => location.pathname === '/', null, { timeout: 10000 });

      const cdp = await context.newCDPSession(page);
      const title = `Đã có kết quả · ${d.code}`;
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin: server.base, registrationId: await registrationId(cdp),
        data: JSON.stringify({ code: d.code, status: 9, status_name: 'Đã có kết quả', title, lang: 'vi',
          body: 'Trạng thái hồ sơ đã thay đổi.', event: 'status', url: `/d/${d.code}` }),
      });
      await page.waitForFunction((t) => navigator.serviceWorker.ready.then((r) => r.getNotifications())
        .then((list) => list.some((n) => n.title === t)), title, { timeout: 10000 });
      assert.deepEqual(await shownTitles(page),
        [{ title, body: 'Trạng thái hồ sơ đã thay đổi.', tag: `dossier-${d.code}` }]);

      // The tap, dispatched in the worker (no notification centre to click in headless Chromium).
      const [worker] = context.serviceWorkers();
      assert.ok(worker, 'the service worker is running');
      await worker.evaluate(async () => {
        const [notification] = await self.registration.getNotifications();
        self.dispatchEvent(new NotificationEvent('notificationclick', { notification }));
      });
      await page.waitForFunction((p) => location.pathname === p, `/d/${d.code}`, { timeout: 10000 });
      await page.waitForFunction(() => window.motcua && window.motcua.ready, null, { timeout: 20000 });
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh', 20000); // the dossier's timeline again
      assert.deepEqual(await shownTitles(page), []); // the tap closed it
    } finally {
      await context.close();
    }
  },
};
