// The dossier's "notify me when this dossier changes" switch in a real browser against serve.py:
// tapping it subscribes this device and the server then holds the subscription, it is remembered
// when the dossier opens again, tapping again deletes it, and blocked notifications are explained.
//
// Headless Chromium cannot reach a push service, so PushManager.prototype.subscribe cannot
// succeed here. These tests INJECT the subscription step: an init script replaces
// PushManager.prototype.subscribe/getSubscription with a fake that returns a subscription whose
// endpoint names a host that never resolves and whose keys the test made (a real P-256 key pair
// and 16 random auth bytes, so the server's checks are the real ones). Everything around it (the
// permission, the app, the key fetch, the registration with the dossier's token) is real.
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { kFakePushHost, kPhone, mirror, newDossier, openApp, tapOn, waitForMirror } from './harness.mjs';

const kSwitch = 'Báo cho tôi khi hồ sơ thay đổi';
const kDenied = 'Trình duyệt đang chặn thông báo của trang này. Để cho phép: chạm biểu tượng cạnh địa chỉ trang '
  + '(hoặc mở Cài đặt trang web của trình duyệt), đặt Thông báo thành Cho phép, rồi bật lại công tắc.';

function fakeSubscription() {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const raw = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(raw.x, 'base64url'), Buffer.from(raw.y, 'base64url')]);
  return {
    endpoint: `https://${kFakePushHost}/send/${randomBytes(12).toString('hex')}`,
    expirationTime: null,
    keys: { p256dh: point.toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
}

// Runs in the page before the app: the injected subscription step (see the top of this file).
// The subscription lives in sessionStorage so it survives a reload, as a real one would.
function injectSubscription(subscription) {
  const kKey = 'test.fake-push';
  const make = (json) => ({
    endpoint: json.endpoint,
    expirationTime: null,
    options: { userVisibleOnly: true },
    toJSON: () => json,
    unsubscribe: async () => {
      sessionStorage.removeItem(kKey);
      window.fakePush.unsubscribed += 1;
      return true;
    },
  });
  window.fakePush = { subscribed: 0, unsubscribed: 0, serverKey: null };
  PushManager.prototype.subscribe = async function (options) {
    window.fakePush.subscribed += 1;
    window.fakePush.serverKey = btoa(String.fromCharCode(...new Uint8Array(options.applicationServerKey)))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    sessionStorage.setItem(kKey, JSON.stringify(subscription));
    return make(subscription);
  };
  PushManager.prototype.getSubscription = async function () {
    const kept = sessionStorage.getItem(kKey);
    return kept ? make(JSON.parse(kept)) : null;
  };
}

async function token(server, d) {
  const r = await fetch(`${server.base}/api/v1/dossiers/lookup`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: d.code, secret: d.secret }),
  });
  assert.equal(r.status, 200);
  return (await r.json()).token;
}

// What the server says about this endpoint for the dossier (its own API, with a lookup token).
async function serverHolds(server, d, endpoint) {
  const r = await fetch(`${server.base}/api/v1/dossiers/${d.code}/subscriptions?endpoint=${encodeURIComponent(endpoint)}`,
    { headers: { Authorization: `Bearer ${await token(server, d)}` } });
  assert.equal(r.status, 200);
  return (await r.json()).subscribed;
}

async function switchChecked(page) {
  return mirror(page, 'switch', kSwitch).getAttribute('aria-checked');
}

async function waitChecked(page, value) {
  await page.waitForFunction(([name, v]) => [...document.querySelectorAll('#a11y [role=switch]')]
    .some((el) => el.getAttribute('aria-label') === name && el.getAttribute('aria-checked') === v),
  [kSwitch, value], { timeout: 15000 });
}

export const tests = {
  async 'tapping the switch subscribes this device; the server holds it; tapping again deletes it'({ browser, server }) {
    const d = await newDossier(server);
    const subscription = fakeSubscription();
    const context = await browser.newContext(kPhone);
    try {
      await context.grantPermissions(['notifications'], { origin: server.base });
      await context.addInitScript(injectSubscription, subscription);
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
      assert.equal(await switchChecked(page), 'false');
      // A touch target a finger can hit: at least 44 CSS px tall.
      const box = await mirror(page, 'switch', kSwitch).boundingBox();
      assert.ok(box.height >= 44, `switch is ${box.height}px tall`);
      assert.equal(await page.evaluate(() => window.fakePush.subscribed), 0); // nothing before the tap

      await tapOn(page, 'switch', kSwitch);
      await waitChecked(page, 'true');
      await waitForMirror(page, 'status', 'Đã bật: thiết bị này sẽ nhận thông báo khi hồ sơ thay đổi.');
      const serverKey = (await (await fetch(`${server.base}/api/v1/push/key`)).json()).public_key;
      assert.equal(await page.evaluate(() => window.fakePush.serverKey), serverKey);
      assert.equal(await serverHolds(server, d, subscription.endpoint), true);

      // Opened again: remembered on this device, and confirmed with the server ("on" is said once
      // the server has answered).
      await page.reload();
      await page.waitForFunction(() => window.motcua && window.motcua.ready, null, { timeout: 20000 });
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      await waitChecked(page, 'true');
      await waitForMirror(page, 'status', 'Đã bật: thiết bị này sẽ nhận thông báo khi hồ sơ thay đổi.', 15000);

      await tapOn(page, 'switch', kSwitch);
      await waitChecked(page, 'false');
      await page.waitForFunction(() => document.getElementById('a11y').textContent
        .includes('Thông báo đến cả khi ứng dụng đã đóng.'), null, { timeout: 10000 });
      assert.equal(await serverHolds(server, d, subscription.endpoint), false);
      // No other dossier uses it: the browser's subscription is ended too.
      await page.waitForFunction(() => window.fakePush.unsubscribed === 1, null, { timeout: 10000 });
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },

  async 'blocked notifications: the switch explains how to allow them and subscribes nothing'({ browser, server }) {
    const d = await newDossier(server);
    const context = await browser.newContext(kPhone);
    try {
      await context.addInitScript(injectSubscription, fakeSubscription());
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      // Blocked as a person blocks it in the site settings (the DevTools protocol's setting).
      const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo');
      const cdp = await browser.newBrowserCDPSession();
      await cdp.send('Browser.setPermission', {
        origin: server.base, permission: { name: 'notifications' }, setting: 'denied',
        browserContextId: targetInfo.browserContextId,
      });
      assert.equal(await page.evaluate(() => Notification.permission), 'denied');
      await tapOn(page, 'switch', kSwitch);
      await waitForMirror(page, 'status', kDenied);
      assert.equal(await switchChecked(page), 'false');
      assert.equal(await page.evaluate(() => window.fakePush.subscribed), 0);
    } finally {
      await context.close();
    }
  },
};
