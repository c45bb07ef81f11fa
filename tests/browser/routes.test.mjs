// Addresses and Back at phone size: every screen has an entry in the browser's history, Back and
// Forward move between screens inside the app, a reload or a fresh tab opens the same screen, and
// a kiosk's Back never leaves the app.
import assert from 'node:assert/strict';
import { activate, kKiosk, kPhone, mirror, openApp, tapOn, waitForMirror } from './harness.mjs';

async function firstPlace(server, kind, lang = 'vi') {
  const r = await fetch(`${server.base}/api/v1/places?kind=${kind}&lang=${lang}`);
  const body = await r.json();
  const items = body.items || body;
  assert.ok(items.length > 0, `seeded ${kind}`);
  return items[0];
}

export const tests = {
  async 'home → procedures → a procedure → Back → Back is home in the app; Forward returns'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      await tapOn(page, 'button', 'Thủ tục, hỏi đáp');
      await waitForMirror(page, 'radio', 'Tất cả lĩnh vực');
      assert.equal(new URL(page.url()).pathname, '/procedures');
      await activate(page, 'button', 'Đăng ký khai sinh'); // below the fold: as a screen reader
      await waitForMirror(page, 'heading', 'Giấy tờ cần nộp');
      assert.equal(new URL(page.url()).pathname, '/procedures/1.001193');

      await page.goBack();
      await waitForMirror(page, 'textbox', 'Tìm thủ tục');
      assert.equal(new URL(page.url()).pathname, '/procedures');
      await page.goBack();
      await waitForMirror(page, 'button', 'Thủ tục, hỏi đáp');
      assert.equal(page.url(), `${server.base}/`, 'still the app, on its home screen');
      assert.equal(await mirror(page, 'heading', 'Giấy tờ cần nộp').count(), 0);

      await page.goForward();
      await waitForMirror(page, 'textbox', 'Tìm thủ tục');
      await page.goForward();
      await waitForMirror(page, 'heading', 'Giấy tờ cần nộp');
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },

  async "the app's own back button and the browser's Back agree"({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      await tapOn(page, 'button', 'Thủ tục, hỏi đáp');
      await waitForMirror(page, 'radio', 'Tất cả lĩnh vực');
      await tapOn(page, 'button', '‹ Quay lại');
      await waitForMirror(page, 'button', 'Thủ tục, hỏi đáp');
      await page.waitForFunction(() => location.pathname === '/');
      // Forward leads where the app was, as after the browser's own Back.
      await page.goForward();
      await waitForMirror(page, 'radio', 'Tất cả lĩnh vực');
      assert.equal(new URL(page.url()).pathname, '/procedures');
    } finally {
      await context.close();
    }
  },

  async 'a reload on /places/sight shows the sights'({ browser, server }) {
    const sight = await firstPlace(server, 'sight');
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, `${server.base}/places/sight`);
      await waitForMirror(page, 'heading', sight.name);
      await page.reload();
      await page.waitForFunction(() => window.motcua && window.motcua.ready);
      await waitForMirror(page, 'heading', sight.name);
      assert.equal(new URL(page.url()).pathname, '/places/sight');
      // A place's own address shows that place first, with the way to all of them.
      const one = await openApp(context, `${server.base}/places/sight/${sight.id}`);
      await waitForMirror(one, 'heading', sight.name);
      await waitForMirror(one, 'button', 'Xem tất cả');
    } finally {
      await context.close();
    }
  },

  async 'a fresh tab on /procedures/<code>?lang=en opens that procedure in English'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, `${server.base}/procedures/1.001193?lang=en`);
      await waitForMirror(page, 'heading', 'Birth registration');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await waitForMirror(page, 'button', 'Share a link to this procedure');
    } finally {
      await context.close();
    }
  },

  async 'an unknown address is the app saying so, with a 404'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await context.newPage();
      const response = await page.goto(`${server.base}/no/such/page`);
      assert.equal(response.status(), 404);
      await page.waitForFunction(() => window.motcua && window.motcua.ready);
      await waitForMirror(page, 'heading', 'Không tìm thấy trang');
      await tapOn(page, 'button', 'Về trang chủ');
      await waitForMirror(page, 'button', 'Thủ tục, hỏi đáp');
      assert.equal(new URL(page.url()).pathname, '/');
    } finally {
      await context.close();
    }
  },

  async 'in kiosk mode Back never leaves the app'({ browser, server }) {
    const context = await browser.newContext(kKiosk);
    try {
      const page = await openApp(context, `${server.base}/?mode=kiosk`);
      await tapOn(page, 'button', 'Thủ tục, hỏi đáp');
      await waitForMirror(page, 'radio', 'Tất cả lĩnh vực');
      for (let i = 0; i < 4; i++) {
        await page.goBack();
        await waitForMirror(page, 'button', 'Thủ tục, hỏi đáp');
        assert.equal(page.url(), `${server.base}/?mode=kiosk`, `Back ${i + 1} stays in the kiosk`);
      }
      assert.equal(await page.evaluate(() => !!(window.motcua && window.motcua.ready)), true);
    } finally {
      await context.close();
    }
  },
};
