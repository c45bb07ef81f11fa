// Paying a fee by VietQR in a real browser at phone size: the code the app draws on its canvas is
// read back by zxing-wasm to the fee's bank, account, amount and content; the copy button fills
// the clipboard and the saved image holds the same code; the agency's confirmation turns the card
// into "paid"; and the scanner names a VietQR held up to the camera as a payment code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import {
  ROOT, activate, admin, kPhone, launchBrowser, mirror, newDossier, openApp, tapOn, waitForMirror,
} from './harness.mjs';
import { cameraClip, fakeCameraArgs, mediaDir } from './fake_camera.mjs';

// The decoder's WebAssembly from node_modules (never fetched from its CDN).
prepareZXingModule({
  overrides: { wasmBinary: readFileSync(path.join(ROOT, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')).buffer },
  fireImmediately: true,
});

// EMVCo TLV fields of a payload (two-digit tag, two-digit length, value).
function tlv(text) {
  const out = {};
  for (let i = 0; i + 4 <= text.length;) {
    const tag = text.slice(i, i + 2);
    const len = Number(text.slice(i + 2, i + 4));
    out[tag] = text.slice(i + 4, i + 4 + len);
    i += 4 + len;
  }
  return out;
}

// A plain text of the mirror (role text has no ARIA role: the element's text is its content).
async function waitForText(page, text, timeout = 10000) {
  await page.waitForFunction((t) => [...document.querySelectorAll('#a11y *')].some((e) => e.textContent === t),
    text, { timeout });
}

const qrImage = (page) => page.getByRole('img', { name: /^Mã VietQR chuyển khoản/ });

// A dossier of the seeded agency that has a collection account, with one unpaid fee.
async function dossierWithFee(server) {
  const d = await newDossier(server);
  const e = await admin(server, 'POST', `/api/v1/admin/dossiers/${d.code}/events`,
    { type: 'fee', name: 'Lệ phí đăng ký', amount: 50000 });
  assert.equal(e.status, 201, e.text);
  const r = await fetch(`${server.base}/api/v1/dossiers/lookup`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: d.code, secret: d.secret }),
  });
  const payload = (await r.json()).dossier;
  assert.ok(payload.payment_account, 'the demo agency has a collection account');
  return { ...d, fee: payload.fees[0], account: payload.payment_account };
}

export const tests = {
  async 'a fee\'s VietQR on the phone decodes to the fee\'s transfer; copy and save give the same'({ browser, server }) {
    const d = await dossierWithFee(server);
    assert.equal(d.fee.paid, false);
    const context = await browser.newContext({
      ...kPhone, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'],
    });
    try {
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'heading', 'Thanh toán bằng VietQR');
      await waitForText(page, `Số tiền: 50.000 ₫`);
      await waitForText(page, `Chủ tài khoản: ${d.account.account_name}`);
      // Scroll the code into view as a citizen would, then photograph that part of the canvas.
      await qrImage(page).scrollIntoViewIfNeeded();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const box = await qrImage(page).boundingBox();
      assert.ok(box.width >= 220 && Math.abs(box.width - box.height) < 1, JSON.stringify(box));
      const png = await page.screenshot({ clip: box });
      const [code] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] });
      assert.ok(code && code.isValid, 'zxing-wasm reads the code on the screen');
      const f = tlv(code.text);
      const merchant = tlv(f['38']);
      const account = tlv(merchant['01']);
      assert.equal(merchant['00'], 'A000000727');
      assert.equal(account['00'], d.account.bank_bin);
      assert.equal(account['01'], d.account.account_number);
      assert.equal(f['54'], '50000');
      assert.equal(f['53'], '704');
      assert.equal(tlv(f['62'])['08'], d.fee.payment_reference);

      // Focus brings the button into view (the app scrolls to it), then a finger taps it.
      await mirror(page, 'button', 'Sao chép nội dung chuyển khoản').focus();
      await tapOn(page, 'button', 'Sao chép nội dung chuyển khoản');
      await waitForMirror(page, 'status', 'Đã sao chép.');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), d.fee.payment_reference);

      // The saved image (a download where the share sheet cannot take it) holds the same code.
      await mirror(page, 'button', 'Lưu ảnh QR').focus();
      const [download] = await Promise.all([page.waitForEvent('download'), tapOn(page, 'button', 'Lưu ảnh QR')]);
      assert.equal(download.suggestedFilename(), `vietqr-${d.fee.payment_reference}.png`);
      const saved = readFileSync(await download.path());
      const [again] = await readBarcodes(new Uint8Array(saved), { formats: ['QRCode'] });
      assert.equal(again && again.text, code.text);

      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },

  async 'the agency confirming the payment turns the card into "paid"'({ browser, server }) {
    const d = await dossierWithFee(server);
    const context = await browser.newContext(kPhone);
    try {
      const page = await openApp(context, `${server.base}/d/${d.code}#k=${d.secret}`);
      await waitForMirror(page, 'heading', 'Thanh toán bằng VietQR');
      const e = await admin(server, 'POST', `/api/v1/admin/dossiers/${d.code}/events`,
        { type: 'fee', name: 'Lệ phí đăng ký', amount: 50000, paid: true });
      assert.equal(e.status, 201, e.text);
      // A live update, without reload.
      await waitForMirror(page, 'status', 'Đã thanh toán', 30000);
      assert.equal(await qrImage(page).count(), 0);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  },

  async 'a VietQR shown to the scanner is a payment code, not a receipt'({ server }) {
    // A published VietQR (a shop's sample order): 1,943,000 đ to Vietcombank 1023456789.
    const payload = '00020101021238540010A00000072701240006970436011010234567890208QRIBFTTA' +
      '5303704540719430005802VN62120808TT0000696304A8E5';
    const media = mediaDir();
    const browser = await launchBrowser(fakeCameraArgs(cameraClip(media.dir, 'vietqr', payload, 'clean')));
    try {
      const context = await browser.newContext({ ...kPhone, permissions: ['camera'] });
      const page = await openApp(context, server.base);
      await activate(page, 'button', 'Quét mã QR trên giấy hẹn');
      const status = page.locator('#a11y [role=status]', { hasText: /^Đây là mã QR thanh toán \(VietQR\)/ });
      await status.first().waitFor({ state: 'attached', timeout: 20000 });
      await waitForText(page, 'Số tiền: 1.943.000 ₫');
      await waitForText(page, 'Số tài khoản: 1023456789');
      assert.equal(await page.locator('#a11y [role=status]', { hasText: /không phải giấy hẹn. Nội dung/ }).count(), 0);
      assert.deepEqual(page.errors, []);
      await context.close();
    } finally {
      await browser.close();
      media.remove();
    }
  },
};
