// Korean, Chinese and Japanese for tourists: the CJK font is fetched only once one of them
// is chosen, the strings switch when it has arrived, and the choice is remembered.
import assert from 'node:assert/strict';
import { activate, kPhone, mirror, openApp, waitForMirror } from './harness.mjs';

const isCjkFont = (url) => /\/cjk\.[0-9a-f]+\.otf$/.test(new URL(url).pathname);

export const tests = {
  async 'switching to Korean fetches the CJK font then shows Korean'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base + '/');
      const fetched = [];
      page.on('request', (r) => fetched.push(r.url()));
      await waitForMirror(page, 'button', 'Nhập mã hồ sơ');
      // The language labels are there from the start, without the CJK font.
      await waitForMirror(page, 'radio', '한국어');
      await waitForMirror(page, 'radio', '中文');
      await waitForMirror(page, 'radio', '日本語');
      const entries = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      assert.deepEqual((await entries()).filter(isCjkFont), [], 'no CJK font before a CJK language is chosen');
      assert.deepEqual(fetched.filter(isCjkFont), []);

      await activate(page, 'radio', '한국어');
      await waitForMirror(page, 'heading', '서류 찾기');
      await waitForMirror(page, 'button', '서류 번호 입력');
      await waitForMirror(page, 'button', '접수증의 QR 코드 스캔');
      assert.equal(await mirror(page, 'radio', '한국어').getAttribute('aria-checked'), 'true');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
      assert.equal(fetched.filter(isCjkFont).length, 1, 'the CJK font fetched once, after the switch');
      // The alerts come again in Korean: the line in Korean words, and in the list it opens the
      // seeded alert's Korean title (the line names only the most severe one).
      await waitForMirror(page, 'button', /^(긴급|경고|알림): .+, 외 \d+건$/, 15000);
      await activate(page, 'button', /^(긴급|경고|알림): /);
      await waitForMirror(page, 'heading', '폭우 및 국지적 침수 경보', 15000);
      await activate(page, 'button', '‹ 뒤로');
      await waitForMirror(page, 'button', '서류 번호 입력');
      // Its bold face follows, for headings.
      await page.waitForFunction(() => performance.getEntriesByType('resource')
        .some((e) => /\/cjk_bold\.[0-9a-f]+\.otf$/.test(new URL(e.name).pathname) && e.responseEnd > 0));
      // Let the frame settle, then keep a screenshot for a person to look at (not in the repo).
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: '/tmp/motcua-korean-home.png' });

      // Beyond the home screen too: the lookup form is Korean.
      await activate(page, 'button', '서류 번호 입력');
      await waitForMirror(page, 'heading', '서류 번호 입력');
      await waitForMirror(page, 'button', '조회');

      // Remembered across a reload, which shows the same screen: Korean again once the (cached)
      // font is back.
      await page.reload();
      await page.waitForFunction(() => window.motcua && window.motcua.ready);
      await waitForMirror(page, 'heading', '서류 번호 입력');
      await waitForMirror(page, 'button', '조회');
      assert.deepEqual(page.errors, [], 'no script errors');
    } finally {
      await context.close();
    }
  },

  async 'Chinese and Japanese show their strings; Vietnamese needs no CJK font'({ browser, server }) {
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, server.base + '/');
      await activate(page, 'radio', '中文');
      await waitForMirror(page, 'button', '输入办件编号');
      await activate(page, 'radio', '日本語');
      await waitForMirror(page, 'button', '書類番号を入力');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: '/tmp/motcua-japanese-home.png' });
      await activate(page, 'radio', 'Tiếng Việt');
      await waitForMirror(page, 'button', 'Nhập mã hồ sơ');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
      assert.deepEqual(page.errors, [], 'no script errors');
    } finally {
      await context.close();
    }
  },
};
