// The counter tablet in a real browser: without a credential it says so and asks nothing; the
// back office's setup link sets it up (the secret leaves the address bar and stays on the device,
// a reload keeps working); a credential replaced from the back office stops the old tablet.
import assert from 'node:assert/strict';
import {
  activate, counterDevice, kKiosk, mirror, newDossier, openApp, setCounterDossier, waitForMirror,
} from './harness.mjs';

const kNotSetUp = (n) =>
  `Máy tính bảng này chưa được cấp quyền cho quầy ${n}. Cán bộ hãy mở liên kết cài đặt từ trang quản trị.`;
const kRatingWords = ['Rất hài lòng', 'Hài lòng', 'Không hài lòng'];

// Every counter request the page makes, with its Authorization header.
function recordCounterRequests(context) {
  const seen = [];
  context.on('request', (r) => {
    if (r.url().includes('/api/v1/counters/')) {
      seen.push({ method: r.method(), url: r.url(), authorization: r.headers().authorization || '' });
    }
  });
  return seen;
}

async function ratingButtons(page) {
  let n = 0;
  for (const words of kRatingWords) n += await mirror(page, 'radio', words).count();
  return n;
}

async function serverRating(server, d) {
  const r = await fetch(`${server.base}/api/v1/dossiers/lookup`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: d.code, secret: d.secret }),
  });
  return (await r.json()).dossier.rating;
}

const idle = (ms) => new Promise((r) => setTimeout(r, ms));

export const tests = {
  async 'a tablet is set up by its link, forgets the fragment and keeps working after a reload'({ browser, server }) {
    const n = 41;
    const d = await newDossier(server);
    await setCounterDossier(server, n, d.code);
    const context = await browser.newContext(kKiosk);
    const requests = recordCounterRequests(context);
    try {
      // Not set up: the message for staff, no rating buttons, and not one request to the counter.
      let page = await openApp(context, `${server.base}/?mode=counter&counter=${n}`);
      await waitForMirror(page, 'status', kNotSetUp(n));
      await idle(4000);
      assert.equal(await ratingButtons(page), 0);
      assert.deepEqual(requests, []);
      await page.close();

      // The setup link from the back office. (A new page: from the same URL, a change of fragment
      // alone would not load the app again.)
      const device = await counterDevice(server, n);
      page = await openApp(context, `${server.base}${device.setup_url}`);
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      await waitForMirror(page, 'radio', 'Rất hài lòng');
      assert.equal(await page.evaluate(() => location.href), `${server.base}/?mode=counter&counter=${n}`);
      assert.equal(await page.evaluate(() => location.hash), '');
      assert.equal(await mirror(page, 'status', kNotSetUp(n)).count(), 0);
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), `motcua.counter.${n}.device`),
        device.device_secret);

      // A reload (no fragment any more) uses the secret the tablet kept.
      await page.reload();
      await page.waitForFunction(() => window.motcua && window.motcua.ready, null, { timeout: 20000 });
      await waitForMirror(page, 'radio', 'Hài lòng');
      await activate(page, 'radio', 'Hài lòng');
      await waitForMirror(page, 'heading', 'Cảm ơn bạn đã đánh giá!');
      assert.equal((await serverRating(server, d)).overall, 'satisfied');

      // Every request carried the credential in its header, none in its URL.
      assert.ok(requests.some((r) => r.method === 'POST'), JSON.stringify(requests));
      for (const r of requests) {
        assert.equal(r.authorization, `Bearer ${device.device_secret}`, r.url);
        assert.ok(!r.url.includes(device.device_secret), r.url);
      }
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },

  async 'a credential replaced from the back office stops the old tablet'({ browser, server }) {
    const n = 42;
    const d = await newDossier(server);
    await setCounterDossier(server, n, d.code);
    const context = await browser.newContext(kKiosk);
    const requests = recordCounterRequests(context);
    try {
      const first = await counterDevice(server, n);
      const page = await openApp(context, `${server.base}${first.setup_url}`);
      await waitForMirror(page, 'radio', 'Rất hài lòng');
      // Another tablet is set up for this counter: the old one's next request is refused.
      const second = await counterDevice(server, n);
      assert.notEqual(second.device_secret, first.device_secret);
      await activate(page, 'radio', 'Rất hài lòng');
      await waitForMirror(page, 'status', kNotSetUp(n));
      assert.equal(await ratingButtons(page), 0);
      assert.equal(await serverRating(server, d), null);
      // Then it stays quiet: no retries, no long poll.
      const before = requests.length;
      await idle(5000);
      assert.deepEqual(requests.slice(before), []);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },
};
