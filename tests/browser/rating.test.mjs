// Ratings in a real browser: rate a finished dossier and see it after reload; rate offline, close,
// reopen online and find exactly one rating on the server; no rating for a dossier in progress.
import assert from 'node:assert/strict';
import { activate, admin, kPhone, mirror, openApp, waitForMirror } from './harness.mjs';

async function finishedDossier(server) {
  const r = await admin(server, 'POST', '/api/v1/admin/dossiers',
    { procedure_code: '1.001193', owner_name: 'Lê Thị Bình' });
  assert.equal(r.status, 201, r.text);
  const e = await admin(server, 'POST', `/api/v1/admin/dossiers/${r.json.code}/events`,
    { type: 'status', status: 9, note: 'Đã có kết quả', unit: 'Phòng Tư pháp', officer_role: 'Chuyên viên' });
  assert.equal(e.status, 201, e.text);
  return r.json;
}

async function serverRating(server, d) {
  const r = await fetch(`${server.base}/api/v1/dossiers/lookup`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: d.code, secret: d.secret }),
  });
  return (await r.json()).dossier.rating;
}

async function fillAndSend(page) {
  await activate(page, 'button', 'Đánh giá');
  await activate(page, 'radio', 'Mức độ hài lòng chung: Rất hài lòng');
  await activate(page, 'radio', 'Thái độ của cán bộ: Rất hài lòng');
  await activate(page, 'radio', 'Không lần nào');
  await activate(page, 'button', 'Gửi đánh giá');
}

// Ratings the public figures count, all agencies together.
async function ratingsCounted(server) {
  const stats = await (await fetch(`${server.base}/api/v1/stats`)).json();
  return stats.items.reduce((sum, item) => sum + item.ratings, 0);
}

export const tests = {
  async 'rate a finished dossier and see the rating after reload'({ browser, server }) {
    const d = await finishedDossier(server);
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'status', 'Đã có kết quả');
      await fillAndSend(page);
      // Sent, then the dossier is fetched again and shows the rating given.
      await page.waitForFunction(() => document.getElementById('a11y').textContent.includes('Đánh giá của bạn: Rất hài lòng'));
      const rating = await serverRating(server, d);
      assert.equal(rating.overall, 'very_satisfied');
      await page.reload();
      await page.waitForFunction(() => window.motcua && window.motcua.ready);
      await page.waitForFunction(() => document.getElementById('a11y').textContent.includes('Đánh giá của bạn: Rất hài lòng'));
      assert.equal(await mirror(page, 'button', 'Đánh giá').count(), 0);
    } finally {
      await context.close();
    }
  },

  async 'a rating made offline is delivered once after the page is reopened online'({ browser, server }) {
    const d = await finishedDossier(server);
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'status', 'Đã có kết quả');
      const ratingsBefore = await ratingsCounted(server);
      await context.setOffline(true);
      await fillAndSend(page);
      await waitForMirror(page, 'status', 'Đã lưu đánh giá, sẽ gửi khi có mạng.');
      await page.close();
      assert.equal(await serverRating(server, d), null);
      // The network returns and the page is opened again: the outbox delivers what it kept.
      await context.setOffline(false);
      const again = await openApp(context, `${server.base}/`);
      // Wait for the app's own report that it was sent (it fetches the dossier again after).
      await again.waitForFunction(() => {
        try {
          const box = JSON.parse(localStorage.getItem('motcua.outbox') || '{}');
          const items = box.items || [];
          return items.length === 1 && items[0].state === 'sent';
        } catch (e) { return false; }
      }, null, { timeout: 20000 });
      const rating = await serverRating(server, d);
      assert.ok(rating, 'the server received the rating');
      assert.equal(rating.overall, 'very_satisfied');
      // Exactly once: the public figures count one more rating, not two.
      assert.equal(await ratingsCounted(server), ratingsBefore + 1);
    } finally {
      await context.close();
    }
  },

  async 'a dossier still processing offers no rating'({ browser, server }) {
    const r = await admin(server, 'POST', '/api/v1/admin/dossiers', { procedure_code: '1.001193', owner_name: 'Trần Văn C' });
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, `${server.base}/d/${r.json.code}#k=${r.json.secret}`);
      await waitForMirror(page, 'heading', 'Đăng ký khai sinh');
      await waitForMirror(page, 'status', 'Đã tiếp nhận');
      assert.equal(await mirror(page, 'button', 'Đánh giá').count(), 0);
    } finally {
      await context.close();
    }
  },
};
