// Procedures, questions and alerts in a real browser against serve.py: search without diacritics,
// ask and send a question, the back office answers it, a published alert leads the alerts line.
import assert from 'node:assert/strict';
import { activate, admin, kPhone, openApp, tapOn, typeInto, waitForMirror } from './harness.mjs';

export const tests = {
  async 'search without diacritics finds the right procedure'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      await activate(page, 'button', 'Thủ tục, hỏi đáp');
      await waitForMirror(page, 'radio', 'Tất cả lĩnh vực');
      await typeInto(page, 'Tìm thủ tục', 'dang ky ket hon');
      await waitForMirror(page, 'button', 'Đăng ký kết hôn');
      const first = await page.evaluate(() => [...document.querySelectorAll('#a11y button')]
        .map((b) => b.getAttribute('aria-label')).find((n) => n.startsWith('Đăng ký')));
      assert.equal(first, 'Đăng ký kết hôn');
      await activate(page, 'button', 'Đăng ký kết hôn');
      await waitForMirror(page, 'heading', 'Giấy tờ cần nộp');
    } finally {
      await context.close();
    }
  },

  async 'a question that matches is answered, one that does not is sent and answered'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      await activate(page, 'button', 'Thủ tục, hỏi đáp');
      await waitForMirror(page, 'radio', 'Tất cả lĩnh vực');
      await typeInto(page, 'Hỏi nhanh', 'đăng ký khai sinh cần giấy tờ gì');
      await activate(page, 'button', 'Hỏi');
      await waitForMirror(page, 'heading', 'Giấy tờ cần nộp');
      await typeInto(page, 'Hỏi nhanh', 'Nuôi chó ở chung cư có cần đăng ký không');
      await activate(page, 'button', 'Hỏi');
      await waitForMirror(page, 'status', 'Chưa tìm được câu trả lời phù hợp. Bạn có thể gửi câu hỏi tới Trung tâm.');
      await activate(page, 'button', 'Gửi câu hỏi tới Trung tâm');
      await waitForMirror(page, 'heading', 'Câu hỏi, phản ánh');
      await activate(page, 'button', 'Gửi');
      await waitForMirror(page, 'status', 'Đã gửi. Bạn có thể theo dõi câu trả lời tại đây.');
      // The request is followed at once: its number and status come back from the server.
      const heading = await (await page.waitForFunction(() => [...document.querySelectorAll('#a11y [role=heading]')]
        .map((h) => h.textContent).find((t) => t.startsWith('Yêu cầu số ')))).jsonValue();
      const id = Number(heading.replace('Yêu cầu số ', ''));
      const note = await admin(server, 'POST', `/api/v1/admin/requests/${id}/notes`,
        { note: 'Có, cần đăng ký với ban quản lý tòa nhà.', unit: 'Phòng Kinh tế' });
      assert.equal(note.status, 201, note.text);
      // Follow it again (as the citizen would later): the answer is there.
      await activate(page, 'button', '‹ Quay lại');
      await activate(page, 'button', 'Câu hỏi đã gửi');
      await activate(page, 'button', `Số ${id}: Nuôi chó ở chung cư có cần đăng ký không`);
      await page.waitForFunction(() => document.getElementById('a11y').textContent
        .includes('Phòng Kinh tế: Có, cần đăng ký với ban quản lý tòa nhà.'));
    } finally {
      await context.close();
    }
  },

  async 'a screen reader focuses a text field and types into it, with alert banners shown'({ browser, server }) {
    const r = await admin(server, 'POST', '/api/v1/admin/alerts',
      { title_vi: 'Cắt điện khu phố 3', body_vi: 'Từ 7 giờ đến 11 giờ.', severity: 'warning', area: 'Trần Phú' });
    assert.equal(r.status, 201, r.text);
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      await waitForMirror(page, 'button', /^Cảnh báo: Cắt điện khu phố 3 — Trần Phú, và \d+ tin khác$/, 15000);
      await activate(page, 'button', 'Thủ tục, hỏi đáp');
      await waitForMirror(page, 'radio', 'Tất cả lĩnh vực', 15000);
      // Activation through the mirror, as assistive technology does it (no pointer): the field
      // takes the keyboard focus by itself, with nothing else happening on the page.
      await activate(page, 'textbox', 'Tìm thủ tục');
      await page.waitForFunction(() => document.activeElement.id === 'text-agent', null, { timeout: 5000 });
      await page.keyboard.insertText('khai sinh');
      await waitForMirror(page, 'button', 'Đăng ký khai sinh');
    } finally {
      await context.close();
    }
  },

  async 'a published emergency leads the alerts line and opens in full in the list'({ browser, server }) {
    const r = await admin(server, 'POST', '/api/v1/admin/alerts',
      { title_vi: 'Lũ trên sông Trà Khúc', body_vi: 'Không đi qua ngầm tràn.', severity: 'danger', area: 'Sơn Hà' });
    assert.equal(r.status, 201, r.text);
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      const line = /^Khẩn cấp: Lũ trên sông Trà Khúc — Sơn Hà, và \d+ tin khác$/;
      await waitForMirror(page, 'button', line, 15000);
      await activate(page, 'button', line);
      await waitForMirror(page, 'heading', 'Cảnh báo và thông báo');
      await waitForMirror(page, 'heading', 'Lũ trên sông Trà Khúc');
      await page.waitForFunction(() => document.getElementById('a11y').textContent.includes('Không đi qua ngầm tràn.'));
      await activate(page, 'button', '‹ Quay lại');
      await waitForMirror(page, 'button', 'Nhập mã hồ sơ');
    } finally {
      await context.close();
    }
  },
};
