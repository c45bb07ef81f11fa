// Other look-ups in a real browser against serve.py's demo datasets, as a citizen on a phone:
// an exam result by candidate number and date of birth (nothing for a wrong date of birth), a
// licence plate's camera-recorded violations, and an offline look-up that says so and keeps the form.
import assert from 'node:assert/strict';
import { kPhone, mirror, openApp, tapOn, typeInto, waitForMirror } from './harness.mjs';

const kExams = 'Kết quả thi tốt nghiệp THPT';
const kNoMatch = 'Không tìm thấy kết quả phù hợp. Hãy kiểm tra lại thông tin đã nhập.';

// From the home screen to one dataset's form, by touch.
async function openDataset(page, name) {
  await tapOn(page, 'button', 'Tra cứu khác');
  await waitForMirror(page, 'heading', 'Tra cứu khác');
  await tapOn(page, 'button', name);
  await waitForMirror(page, 'heading', name);
}

// A line of text in the mirror (a paragraph has no accessible name to find it by).
async function waitForLine(page, line) {
  await page.waitForFunction((t) => [...document.querySelectorAll('#a11y p')].some((p) => p.textContent === t),
    line, { timeout: 10000 });
}

function mirrorText(page) {
  return page.evaluate(() => document.getElementById('a11y').textContent);
}

export const tests = {
  async 'an exam result by candidate number and date of birth; a wrong date of birth finds nothing'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      await openDataset(page, kExams);
      await typeInto(page, 'Số báo danh', '51000123');
      await typeInto(page, 'Ngày sinh', '15/03/2007');
      await tapOn(page, 'button', 'Tra cứu');
      await waitForMirror(page, 'status', 'Tìm thấy 1 kết quả');
      for (const line of ['Họ và tên: Nguyễn Thị Lan', 'Toán: 8,4', 'Ngữ văn: 7,75', 'Ngoại ngữ: 9,2',
        'Kết quả: Đỗ tốt nghiệp']) {
        await waitForLine(page, line);
      }
      // The same candidate number with another date of birth: no result, and no name.
      await typeInto(page, 'Ngày sinh', '16/03/2007');
      await tapOn(page, 'button', 'Tra cứu');
      await waitForMirror(page, 'status', kNoMatch);
      assert.equal(await mirror(page, 'status', 'Tìm thấy 1 kết quả').count(), 0);
      assert.ok(!(await mirrorText(page)).includes('Nguyễn Thị Lan'));
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },

  async 'a licence plate shows its camera-recorded violations'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      await openDataset(page, 'Phạt nguội giao thông');
      // Typed as people do, without the dot and dash: they do not count in a plate.
      await typeInto(page, 'Biển số xe', '76A12345');
      await tapOn(page, 'button', 'Tra cứu');
      await waitForMirror(page, 'status', 'Tìm thấy 2 kết quả');
      await waitForLine(page, 'Lỗi vi phạm: Không chấp hành hiệu lệnh của đèn tín hiệu giao thông');
      await waitForLine(page, 'Trạng thái: Chưa xử phạt');
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },

  async 'offline, a look-up says so and keeps what was typed'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      await openDataset(page, kExams);
      await typeInto(page, 'Số báo danh', '51000124');
      await typeInto(page, 'Ngày sinh', '02/11/2007');
      await context.setOffline(true);
      await tapOn(page, 'button', 'Tra cứu');
      await waitForMirror(page, 'status',
        'Không có kết nối mạng. Thông tin bạn nhập vẫn được giữ; hãy tra cứu lại khi có mạng.');
      assert.equal(await mirror(page, 'textbox', 'Số báo danh').textContent(), '51000124');
      assert.equal(await mirror(page, 'textbox', 'Ngày sinh').textContent(), '02/11/2007');
      // Back online, the same form is answered.
      await context.setOffline(false);
      await tapOn(page, 'button', 'Tra cứu');
      await waitForLine(page, 'Họ và tên: Trần Văn Minh');
    } finally {
      await context.close();
    }
  },
};
