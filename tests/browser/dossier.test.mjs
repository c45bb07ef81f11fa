// Following a dossier in a real browser against serve.py: deep link, typing the code on a touch
// screen, live back-office changes without reload, and offline with recovery.
import assert from 'node:assert/strict';
import { activate, admin, kPhone, mirror, newDossier, openApp, tapField, tapOn, waitForMirror } from './harness.mjs';

async function steps(page) {
  return page.evaluate(() => [...document.querySelectorAll('#a11y [role=listitem]')].map((e) => e.textContent));
}

export const tests = {
  async 'a receipt link opens the dossier timeline with its steps'({ browser, server }) {
    const d = await newDossier(server);
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      await waitForMirror(page, 'status', 'Đang xử lý');
      const list = await steps(page);
      assert.equal(list.length, 2);
      assert.match(list[0], /^Bước 1: /);
      assert.match(list[1], /Phòng Tư pháp · Chuyên viên/);
      // Officers appear by unit and role only; the owner as initials.
      const text = await page.evaluate(() => document.getElementById('a11y').textContent);
      assert.ok(!text.includes('Trần Thị Hoa'));
      assert.ok(text.includes('Nguyễn V. A.'));
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },

  async 'typing the code and secret on a touch screen finds the dossier'({ browser, server }) {
    const d = await newDossier(server);
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      await tapOn(page, 'button', 'Nhập mã hồ sơ');
      await tapField(page, 'Mã hồ sơ');
      // Lower case and spaces, as people type them: the app tolerates both.
      await page.keyboard.insertText(` ${d.code.toLowerCase()} `);
      await waitForMirror(page, 'status', 'Mã hồ sơ hợp lệ.');
      await tapField(page, 'Mã bí mật (6 ký tự)');
      await page.keyboard.insertText(d.secret.toLowerCase());
      await tapOn(page, 'button', 'Tra cứu');
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      await waitForMirror(page, 'status', 'Đang xử lý');
      // The dossier is remembered on the home screen.
      await activate(page, 'button', '‹ Quay lại');
      await waitForMirror(page, 'button', `${d.code} — Đang xử lý`);
    } finally {
      await context.close();
    }
  },

  async 'a wrong pair gets one calm message'({ browser, server }) {
    const d = await newDossier(server);
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      await activate(page, 'button', 'Nhập mã hồ sơ');
      await tapField(page, 'Mã hồ sơ');
      await page.keyboard.insertText(d.code);
      await waitForMirror(page, 'status', 'Mã hồ sơ hợp lệ.'); // the layout has settled
      await tapField(page, 'Mã bí mật (6 ký tự)');
      await page.keyboard.insertText(d.secret === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ');
      await activate(page, 'button', 'Tra cứu');
      await waitForMirror(page, 'status',
        'Không tìm thấy hồ sơ với mã hồ sơ và mã bí mật này. Vui lòng kiểm tra lại giấy hẹn.');
    } finally {
      await context.close();
    }
  },

  async 'a back-office status change appears without reload'({ browser, server }) {
    const d = await newDossier(server);
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'status', 'Đang xử lý');
      const e = await admin(server, 'POST', `/api/v1/admin/dossiers/${d.code}/events`,
        { type: 'status', status: 9, note: 'Đã ký giấy khai sinh', unit: 'Phòng Tư pháp', officer_role: 'Lãnh đạo phòng' });
      assert.equal(e.status, 201, e.text);
      await waitForMirror(page, 'status', 'Đã có kết quả', 5000);
      await waitForMirror(page, 'status', 'Vừa cập nhật: Đã có kết quả');
      assert.equal((await steps(page)).length, 3);
    } finally {
      await context.close();
    }
  },

  async 'offline shows the saved dossier and recovers when the network returns'({ browser, server }) {
    const d = await newDossier(server);
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'status', 'Đang xử lý');
      await context.setOffline(true);
      // Reopen from the home screen while offline: the saved copy shows, marked as offline.
      await activate(page, 'button', '‹ Quay lại');
      await activate(page, 'button', `${d.code} — Đang xử lý`);
      await waitForMirror(page, 'status', 'Đang ngoại tuyến: hiển thị thông tin đã lưu.');
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      await admin(server, 'POST', `/api/v1/admin/dossiers/${d.code}/events`,
        { type: 'supplement', content: 'Bản sao CCCD của người đi đăng ký', deadline: '2030-01-10' });
      await context.setOffline(false);
      await waitForMirror(page, 'status', 'Yêu cầu bổ sung giấy tờ', 20000);
      await waitForMirror(page, 'heading', 'Bạn cần bổ sung giấy tờ');
      assert.equal(await mirror(page, 'status', 'Đang ngoại tuyến: hiển thị thông tin đã lưu.').count(), 0);
    } finally {
      await context.close();
    }
  },
};
