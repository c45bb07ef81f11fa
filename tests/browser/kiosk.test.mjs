// Kiosk mode in a real browser: the on-screen keyboard types Vietnamese, a USB scanner burst
// opens a receipt, and an idle kiosk wipes everything (storage, IndexedDB, outbox) and restarts.
import assert from 'node:assert/strict';
import { activate, admin, kKiosk, mirror, openApp, waitForMirror } from './harness.mjs';

async function storageLeft(page) {
  return page.evaluate(async () => {
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    return { local: Object.keys(localStorage), session: sessionStorage.length, idb: dbs.map((d) => d.name) };
  });
}

// Presses a key of the on-screen keyboard and waits until the app has drawn the result, as a
// person does before the next key.
async function press(page, key) {
  const before = await page.evaluate(() => window.motcua.frames);
  await activate(page, 'button', key);
  await page.waitForFunction((n) => window.motcua.frames > n, before);
}

export const tests = {
  async 'the on-screen keyboard types a name with Vietnamese letters'({ browser, server }) {
    const context = await browser.newContext(kKiosk);
    try {
      const page = await openApp(context, `${server.base}/?mode=kiosk`);
      await activate(page, 'button', 'Thủ tục, hỏi đáp');
      await activate(page, 'textbox', 'Hỏi nhanh');
      await waitForMirror(page, 'button', 'Q');
      for (const key of ['H', 'O', 'A', 'Huyền', 'Dấu cách', 'D', 'O', 'N', 'G', 'đ', 'â ê ô', 'Ngã']) {
        await press(page, key);
      }
      await page.waitForFunction(() => [...document.querySelectorAll('#a11y [role=textbox]')]
        .some((el) => el.textContent === 'hòa đỗng'));
      // The kiosk never asks the device for its own keyboard.
      assert.equal(await page.evaluate(() => document.getElementById('text-agent').getAttribute('inputmode')), 'none');
    } finally {
      await context.close();
    }
  },

  async 'a USB scanner burst opens the dossier without typing into the focused field'({ browser, server }) {
    const r = await admin(server, 'POST', '/api/v1/admin/dossiers', { procedure_code: '1.001193', owner_name: 'Phạm Văn D' });
    const context = await browser.newContext(kKiosk);
    try {
      const page = await openApp(context, `${server.base}/?mode=kiosk`);
      await activate(page, 'button', 'Nhập mã hồ sơ');
      await activate(page, 'textbox', 'Mã hồ sơ');
      await page.waitForFunction(() => document.activeElement.id === 'text-agent');
      // A scanner types the receipt link in a few milliseconds and ends with Enter.
      await page.keyboard.type(`${server.base}/d/${r.json.code}#k=${r.json.secret}`, { delay: 2 });
      await page.keyboard.press('Enter');
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      await waitForMirror(page, 'status', 'Đã tiếp nhận');
    } finally {
      await context.close();
    }
  },

  async 'an idle kiosk asks, then wipes the session and returns to its start screen'({ browser, server }) {
    const r = await admin(server, 'POST', '/api/v1/admin/dossiers', { procedure_code: '1.001193', owner_name: 'Võ Thị E' });
    const context = await browser.newContext(kKiosk);
    try {
      const page = await openApp(context, `${server.base}/d/${r.json.code}?mode=kiosk&idle=5&countdown=20#k=${r.json.secret}`);
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      await page.evaluate(() => indexedDB.open('leftover', 1));
      // Nobody touches the screen: the question comes with its countdown.
      await waitForMirror(page, 'heading', 'Bạn còn ở đó không?', 15000);
      await activate(page, 'button', 'Tôi vẫn đang dùng');
      await page.waitForFunction(() => ![...document.querySelectorAll('#a11y [role=heading]')]
        .some((h) => h.textContent === 'Bạn còn ở đó không?'));
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      // Then nobody answers: after the countdown everything goes.
      await waitForMirror(page, 'heading', 'Bạn còn ở đó không?', 15000);
      await waitForMirror(page, 'button', 'Quét mã QR trên giấy hẹn', 35000);
      assert.equal(await mirror(page, 'heading', 'Đăng ký khai sinh').count(), 0);
      await page.waitForFunction(async () => {
        const dbs = indexedDB.databases ? await indexedDB.databases() : [];
        return dbs.length === 0;
      });
      const left = await storageLeft(page);
      assert.deepEqual(left.local.filter((k) => k !== 'motcua.outbox'), []);
      const outbox = await page.evaluate(() => JSON.parse(localStorage.getItem('motcua.outbox') || '{"items":[]}'));
      assert.deepEqual(outbox.items, []);
      assert.equal(left.session, 0);
      assert.deepEqual(left.idb, []);
      assert.equal(new URL(page.url()).hash, '', 'no secret left in the address bar');
    } finally {
      await context.close();
    }
  },
};
