// Keyboard and screen-reader use checked in a real browser: axe-core (WCAG 2.2 A/AA rules) on every
// screen, Tab through a long dossier with the focus ring drawn on the canvas and the focused item
// scrolled into view, Enter/arrows/Escape, and reflow at 320 CSS px with 200 % text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, activate, admin, counterDevice, kKiosk, kPhone, mirror, newDossier, openApp, typeInto, waitForMirror }
  from './harness.mjs';

const kAxeSource = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const kWcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const kDesktop = { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 };

// Runs axe-core on the page as it stands (the mirror is what assistive technology reads) and fails
// with every violation, its rule and the elements it names.
async function assertAxeClean(page, screen) {
  await settle(page);
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(kAxeSource);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3)
      .map((n) => n.html.slice(0, 120)).join(' | ')}`);
  }, kWcagTags);
  assert.deepEqual(violations, [], `axe on ${screen}:\n${violations.join('\n')}`);
  const h1 = await page.evaluate(() => [...document.querySelectorAll('#a11y [role=heading][aria-level="1"]')]
    .map((h) => h.textContent));
  assert.equal(h1.length, 1, `${screen} has one level-1 heading, found: ${JSON.stringify(h1)}`);
}

// Two animation frames with no new frame drawn in between: the app has stopped moving.
async function settle(page) {
  for (let i = 0; i < 100; i++) {
    const before = await page.evaluate(() => window.motcua.frames);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    if (await page.evaluate(() => window.motcua.frames) === before) return;
  }
}

async function dossierWithStatus(server, status, note) {
  const r = await admin(server, 'POST', '/api/v1/admin/dossiers',
    { procedure_code: '1.001193', owner_name: 'Phạm Văn Cường' });
  assert.equal(r.status, 201, r.text);
  const e = await admin(server, 'POST', `/api/v1/admin/dossiers/${r.json.code}/events`,
    { type: 'status', status, note, unit: 'Phòng Tư pháp', officer_role: 'Chuyên viên' });
  assert.equal(e.status, 201, e.text);
  return r.json;
}

// The focused mirror element: its role, name and box once the app has scrolled it into view.
async function focused(page) {
  await settle(page);
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || !el.closest('#a11y')) return null;
    const r = el.getBoundingClientRect();
    return { role: el.getAttribute('role') || el.tagName.toLowerCase(), name: el.getAttribute('aria-label') || el.textContent,
      x: r.x, y: r.y, w: r.width, h: r.height };
  });
}

// The ring's outer tone (kFocusRing, 6/58/112) lies 3 to 6 CSS px outside the item's box.
async function ringDrawnAround(page, box) {
  const shot = await page.screenshot({ clip: { x: Math.max(0, box.x - 8), y: box.y + box.h / 2 - 1, width: 8, height: 2 } });
  const pixels = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(0, 0, img.width, 1).data];
  }, shot.toString('base64'));
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b] = pixels.slice(i, i + 3);
    if (Math.abs(r - 6) < 20 && Math.abs(g - 58) < 20 && Math.abs(b - 112) < 20) return true;
  }
  return false;
}

export const tests = {
  async 'axe-core finds no WCAG 2.2 A/AA violation on any screen'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base);
      await assertAxeClean(page, 'home');
      await activate(page, 'button', 'Nhập mã hồ sơ');
      await waitForMirror(page, 'textbox', 'Mã hồ sơ');
      await assertAxeClean(page, 'lookup');
      await activate(page, 'button', '‹ Quay lại');
      await activate(page, 'button', 'Thủ tục, hỏi đáp');
      await waitForMirror(page, 'radio', 'Tất cả lĩnh vực');
      await assertAxeClean(page, 'procedures');
      await activate(page, 'button', 'Đăng ký khai sinh');
      await waitForMirror(page, 'heading', 'Giấy tờ cần nộp');
      await assertAxeClean(page, 'procedure');
      await activate(page, 'button', '‹ Quay lại');
      await typeInto(page, 'Hỏi nhanh', 'Nuôi chó ở chung cư có cần đăng ký không');
      await activate(page, 'button', 'Hỏi');
      await activate(page, 'button', 'Gửi câu hỏi tới Trung tâm');
      await waitForMirror(page, 'heading', 'Câu hỏi, phản ánh');
      await assertAxeClean(page, 'request form');
      await activate(page, 'button', 'Gửi');
      await waitForMirror(page, 'status', 'Đã gửi. Bạn có thể theo dõi câu trả lời tại đây.');
      await assertAxeClean(page, 'request sent');
      await activate(page, 'button', '‹ Quay lại');
      await activate(page, 'button', 'Câu hỏi đã gửi');
      await settle(page);
      await assertAxeClean(page, 'requests');
      await activate(page, 'button', '‹ Quay lại');
      await activate(page, 'button', 'Thông tin địa phương');
      await settle(page);
      await assertAxeClean(page, 'places');
      await activate(page, 'button', '‹ Quay lại');
      await activate(page, 'button', 'Số liệu công khai');
      await settle(page);
      await assertAxeClean(page, 'stats');
      await activate(page, 'button', '‹ Quay lại');
      await activate(page, 'button', 'Tra cứu khác');
      await waitForMirror(page, 'button', 'Kết quả thi tốt nghiệp THPT');
      await assertAxeClean(page, 'datasets');
      await activate(page, 'button', 'Phạt nguội giao thông');
      await typeInto(page, 'Biển số xe', '76C67890');
      await activate(page, 'button', 'Tra cứu');
      await waitForMirror(page, 'status', 'Tìm thấy 1 kết quả');
      await assertAxeClean(page, 'dataset with an answer');
      await activate(page, 'button', '‹ Quay lại');
      await activate(page, 'button', '‹ Quay lại');
      // Plain http on a non-loopback name is not a secure context: the scanner offers its fallback.
      await activate(page, 'button', 'Quét mã QR trên giấy hẹn');
      await settle(page);
      await assertAxeClean(page, 'scan');
      for (const [status, words] of [[4, 'Đang xử lý'], [5, 'Yêu cầu bổ sung giấy tờ'], [9, 'Đã có kết quả'],
        [3, 'Không được tiếp nhận']]) {
        const d = await dossierWithStatus(server, status, words);
        await page.goto(`${server.base}/d/${d.code}#k=${d.secret}`);
        await page.waitForFunction(() => window.motcua && window.motcua.ready);
        await waitForMirror(page, 'status', words);
        await assertAxeClean(page, `dossier (${words})`);
        if (status === 9) {
          await activate(page, 'button', 'Đánh giá');
          await waitForMirror(page, 'button', 'Gửi đánh giá');
          await assertAxeClean(page, 'rating');
        }
      }
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },

  async 'axe-core finds no violation on the kiosk and the counter tablet'({ browser, server }) {
    const context = await browser.newContext(kKiosk);
    try {
      const page = await openApp(context, `${server.base}/?mode=kiosk`);
      await assertAxeClean(page, 'kiosk home');
      const device = await counterDevice(server, 3);
      const counter = await openApp(context, `${server.base}${device.setup_url}`);
      await waitForMirror(counter, 'heading', 'Đánh giá cán bộ quầy 3');
      await assertAxeClean(counter, 'counter');
    } finally {
      await context.close();
    }
  },

  async 'Tab walks a long dossier in visual order, each item in view with the ring drawn'({ browser, server }) {
    const d = await dossierWithStatus(server, 9, 'Đã có kết quả');
    const context = await browser.newContext(kDesktop);
    try {
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'status', 'Đã có kết quả');
      // The alert line arrives on its own request; the walk starts once the page is complete.
      await page.waitForFunction(() => document.querySelector('#a11y section[aria-label] button'));
      await settle(page);
      const stops = await page.evaluate(() => [...document.querySelectorAll('#a11y button, #a11y a, #a11y [tabindex="0"]')]
        .filter((el) => el.tabIndex >= 0)
        .map((el) => ({ name: el.getAttribute('aria-label'), x: parseFloat(el.style.left), y: parseFloat(el.style.top) })));
      const expected = stops.map((s) => s.name);
      assert.ok(expected.includes('Đánh giá') && expected.includes('Làm mới') &&
        expected.includes('Chia sẻ liên kết hồ sơ'), expected.join(', '));
      // Tab order is the visual order: down the page, left to right along a row.
      for (let i = 1; i < stops.length; i++) {
        const [a, b] = [stops[i - 1], stops[i]];
        assert.ok(b.y > a.y + 1 || (Math.abs(b.y - a.y) <= 1 && b.x > a.x), `"${b.name}" comes after "${a.name}"`);
      }
      const seen = [];
      for (let i = 0; i < expected.length; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        assert.ok(f, `Tab ${i + 1} left the app`);
        seen.push(f.name);
        assert.ok(f.h > 0 && f.y >= 0 && f.y + f.h <= 720, `"${f.name}" is in view: ${JSON.stringify(f)}`);
        assert.ok(await ringDrawnAround(page, f), `a focus ring is drawn around "${f.name}"`);
      }
      assert.deepEqual(seen, expected);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },

  async 'Enter opens the rating form, arrow keys choose the level, Escape goes back'({ browser, server }) {
    const d = await dossierWithStatus(server, 9, 'Đã có kết quả');
    const context = await browser.newContext(kDesktop);
    try {
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'button', 'Đánh giá');
      await mirror(page, 'button', 'Đánh giá').focus();
      await page.keyboard.press('Enter');
      await waitForMirror(page, 'button', 'Gửi đánh giá');
      const overall = (level) => mirror(page, 'radio', `Mức độ hài lòng chung: ${level}`);
      await overall('Hài lòng').focus();
      await page.keyboard.press('Space');
      await page.waitForFunction(() => [...document.querySelectorAll('#a11y [role=radio]')]
        .some((r) => r.getAttribute('aria-label') === 'Mức độ hài lòng chung: Hài lòng' && r.getAttribute('aria-checked') === 'true'));
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => {
        const checked = [...document.querySelectorAll('#a11y [role=radio][aria-checked=true]')]
          .map((r) => r.getAttribute('aria-label')).filter((n) => n.startsWith('Mức độ hài lòng chung'));
        return checked.length === 1 && checked[0] !== 'Mức độ hài lòng chung: Hài lòng' &&
          document.activeElement.getAttribute('aria-label') === checked[0];
      });
      await page.keyboard.press('Escape');
      await waitForMirror(page, 'status', 'Đã có kết quả');
      assert.equal(await mirror(page, 'button', 'Gửi đánh giá').count(), 0);
    } finally {
      await context.close();
    }
  },

  async 'at 320 CSS px with 200 % text nothing is cut, overlaps or scrolls sideways'({ browser, server }) {
    const d = await newDossier(server);
    const context = await browser.newContext({ ...kPhone, viewport: { width: 320, height: 640 } });
    try {
      const page = await openApp(context, server.base);
      await activate(page, 'radio', '200%');
      await page.waitForFunction(() => [...document.querySelectorAll('#a11y [role=radio]')]
        .some((r) => r.getAttribute('aria-label') === '200%' && r.getAttribute('aria-checked') === 'true'));
      for (const url of [server.base, `${server.base}/d/${d.code}#k=${d.secret}`]) {
        await page.goto(url);
        await page.waitForFunction(() => window.motcua && window.motcua.ready);
        await settle(page);
        const report = await page.evaluate(() => {
          const boxes = [...document.querySelectorAll('#a11y [data-id]')]
            .map((el) => ({ name: el.getAttribute('aria-label') || el.textContent, role: el.getAttribute('role') || el.tagName,
              r: el.getBoundingClientRect() }))
            .filter((b) => b.r.height > 0);
          const wide = boxes.filter((b) => b.r.left < 0 || b.r.right > 320.5).map((b) => b.name);
          const targets = boxes.filter((b) => /BUTTON|A|radio|textbox/.test(b.role));
          const overlaps = [];
          for (let i = 0; i < targets.length; i++) {
            for (let j = i + 1; j < targets.length; j++) {
              const a = targets[i].r;
              const b = targets[j].r;
              const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (ox > 1 && oy > 1) overlaps.push(`${targets[i].name} / ${targets[j].name}`);
            }
          }
          return { wide, overlaps, scrollWidth: document.documentElement.scrollWidth, count: boxes.length };
        });
        assert.ok(report.count > 3, `${url}: items on screen`);
        assert.deepEqual(report.wide, [], `${url}: items wider than the screen`);
        assert.deepEqual(report.overlaps, [], `${url}: overlapping targets`);
        assert.ok(report.scrollWidth <= 320, `${url}: no sideways scrolling (${report.scrollWidth})`);
      }
    } finally {
      await context.close();
    }
  },

  async 'a live status change is said politely, a wrong code assertively, each once'({ browser, server }) {
    const d = await newDossier(server);
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'status', 'Đang xử lý');
      // Opening a screen is not announced: the reader moves to it.
      assert.equal(await page.textContent('#live-polite'), '');
      const e = await admin(server, 'POST', `/api/v1/admin/dossiers/${d.code}/events`,
        { type: 'status', status: 9, note: 'Đã có kết quả', unit: 'Phòng Tư pháp', officer_role: 'Chuyên viên' });
      assert.equal(e.status, 201, e.text);
      await page.waitForFunction(() => document.getElementById('live-polite').textContent.split('\n')
        .includes('Đã có kết quả'), null, { timeout: 20000 });
      assert.equal(await page.textContent('#live-assertive'), '');
      await activate(page, 'button', '‹ Quay lại');
      await activate(page, 'button', 'Nhập mã hồ sơ');
      await typeInto(page, 'Mã hồ sơ', d.code);
      await typeInto(page, 'Mã bí mật (6 ký tự)', d.secret === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ');
      await activate(page, 'button', 'Tra cứu');
      const message = 'Không tìm thấy hồ sơ với mã hồ sơ và mã bí mật này. Vui lòng kiểm tra lại giấy hẹn.';
      await waitForMirror(page, 'status', message);
      await page.waitForFunction((m) => document.getElementById('live-assertive').textContent.split('\n')
        .includes(m), message);
      // The mirror's own status elements stay quiet, so nothing is said twice.
      assert.ok(await page.evaluate(() => [...document.querySelectorAll('#a11y [role=status]')]
        .every((el) => el.getAttribute('aria-live') === 'off')));
    } finally {
      await context.close();
    }
  },

  async 'keyboard focus stays on its item when the page changes above it'({ browser, server }) {
    const d = await newDossier(server);
    const context = await browser.newContext(kDesktop);
    try {
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'status', 'Đang xử lý');
      await mirror(page, 'button', 'Làm mới').focus();
      // A live update puts a new status line above the button and renumbers the texts around it.
      const e = await admin(server, 'POST', `/api/v1/admin/dossiers/${d.code}/events`,
        { type: 'status', status: 9, note: 'Đã có kết quả', unit: 'Phòng Tư pháp', officer_role: 'Chuyên viên' });
      assert.equal(e.status, 201, e.text);
      await waitForMirror(page, 'status', 'Vừa cập nhật: Đã có kết quả', 20000);
      await settle(page);
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Làm mới');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Chia sẻ liên kết hồ sơ');
    } finally {
      await context.close();
    }
  },
};
