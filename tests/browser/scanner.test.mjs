// The QR scanner in a real browser with Chromium's fake camera playing generated footage
// (tests/browser/fake_camera.mjs): web/scanner.js alone on a bare page (texture upload, corners,
// repeats, hidden tab, insecure context), then through the app: a receipt opens its timeline, a foreign QR code
// gets a friendly message, a refused camera offers the fallbacks, and a photo decodes.
import assert from 'node:assert/strict';
import { activate, kPhone, launchBrowser, mirror, openApp, newDossier, waitForMirror } from './harness.mjs';
import { cameraClip, fakeCameraArgs, mediaDir, photoJpeg } from './fake_camera.mjs';

const receiptText = (server, d) => `${server.base}/d/${d.code}#k=${d.secret}`;

// A browser of its own: the fake camera is chosen at launch.
async function withCamera(args, fn) {
  const browser = await launchBrowser(args);
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

async function withApp(browser, server, fn, { permissions = ['camera'], init = null } = {}) {
  const context = await browser.newContext({ ...kPhone, permissions });
  if (init) await context.addInitScript(init);
  const requests = []; // the page's and its workers' requests
  context.on('request', (r) => requests.push(r.url()));
  try {
    const page = await openApp(context, server.base);
    page.requests = requests;
    await fn(page);
    assert.deepEqual(page.errors, [], 'no script errors');
  } finally {
    await context.close();
  }
}

async function openScanner(page) {
  await activate(page, 'button', 'Quét mã QR trên giấy hẹn');
}

// The hashed name of web/scanner.js in the packaged app (through index.html and shell.js).
async function scannerUrl(server) {
  const index = await (await fetch(`${server.base}/`)).text();
  const shell = index.match(/\/(shell\.[0-9a-f]+\.js)/)[1];
  const js = await (await fetch(`${server.base}/${shell}`)).text();
  return `/${js.match(/\/(scanner\.[0-9a-f]+\.js)/)[1]}`;
}

// web/scanner.js against a stand-in for the Emscripten module: a WebGL2 context with texture 1,
// a byte heap, and the mc_scan_* entry points recording their calls.
const kBarePage = (scanner) => `<!doctype html><meta charset="utf-8"><canvas id="c"></canvas>
<script type="module">
import { createScanner } from '${scanner}';
const gl = document.getElementById('c').getContext('webgl2');
const heap = new ArrayBuffer(1 << 16);
let top = 16;
const calls = { state: [], caps: [], result: [], frames: 0, photoFailed: 0, wanted: 0, decoded: [] };
window.wantFrames = true; // the core's answer to mc_scan_frame_wanted
const u8 = new Uint8Array(heap);
const str = (p) => new TextDecoder().decode(u8.subarray(p, u8.indexOf(0, p)));
const m = {
  motcuaGL: { currentContext: { GLctx: gl }, textures: [null, gl.createTexture()] },
  HEAPU8: u8, HEAPF32: new Float32Array(heap),
  _malloc: (n) => { const p = top; top += (n + 7) & ~7; return p; },
  _free: () => {},
  lengthBytesUTF8: (s) => new TextEncoder().encode(s).length,
  stringToUTF8: (s, p) => { const b = new TextEncoder().encode(s); u8.set(b, p); u8[p + b.length] = 0; },
  _mc_scan_state: (s, p) => calls.state.push([s, str(p)]),
  _mc_scan_caps: (...a) => calls.caps.push(a),
  _mc_scan_result: (t, c, s) => calls.result.push({ text: str(t), source: s,
    corners: c ? [...new Float32Array(heap, c, 8)] : null }),
  _mc_scan_photo_failed: () => { calls.photoFailed++; },
  _mc_scan_frame: () => { calls.frames++; },
  _mc_scan_frame_wanted: () => (window.wantFrames ? (calls.wanted++, 1) : 0),
  _mc_scan_decoded: (ms, found) => calls.decoded.push([ms, found]),
};
window.calls = calls;
window.scanner = createScanner(() => m);
// The texture's top-left pixel, read back through a framebuffer.
window.texel = () => {
  const fb = gl.createFramebuffer();
  gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
  gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, m.motcuaGL.textures[1], 0);
  const px = new Uint8Array(4);
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  return [...px];
};
window.bareReady = true;
</script>`;

async function barePage(browser, server) {
  const base = server.base;
  const html = kBarePage(await scannerUrl(server));
  const context = await browser.newContext({ permissions: ['camera'] });
  await context.route(`${base}/scanner-test.html`,
    (route) => route.fulfill({ contentType: 'text/html', body: html }));
  const page = await context.newPage();
  page.requests = []; // the page's and its workers' requests
  context.on('request', (r) => page.requests.push(r.url()));
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${base}/scanner-test.html`);
  await page.waitForFunction(() => window.bareReady);
  return { context, page };
}

export const tests = {
  async 'scanner.js fills the texture and reports text, corners and caps (bare page)'({ server }) {
    const media = mediaDir();
    try {
      const text = 'https://example.vn/d/TEST#k=ABCDEF';
      const clip = cameraClip(media.dir, 'clean', text, 'clean');
      await withCamera(fakeCameraArgs(clip), async (browser) => {
        const { context, page } = await barePage(browser, server);
        try {
          // Nothing of zxing is loaded before the scanner opens.
          const before = [...page.requests];
          assert.ok(!before.some((u) => /zxing|scanner_worker/.test(u)), before.join('\n'));
          await page.evaluate(() => window.scanner.open(1));
          await page.waitForFunction(() => window.calls.result.length > 0, null, { timeout: 15000 });
          const calls = await page.evaluate(() => window.calls);
          assert.deepEqual(calls.state.map((s) => s[0]).slice(0, 2), [1, 2]);
          assert.deepEqual(calls.caps[0].slice(2), [640, 480]);
          assert.equal(calls.result[0].text, text);
          assert.equal(calls.result[0].source, 0);
          // The code is centred: its corners lie around the middle of the 640×480 frame.
          const [x0, y0, x1, y1, x2, y2] = calls.result[0].corners;
          assert.ok(x0 > 150 && x0 < 320 && y0 > 60 && y0 < 240, String(calls.result[0].corners));
          assert.ok(x1 > x0 + 150 && Math.abs(y1 - y0) < 5 && y2 > y1 + 150, String(calls.result[0].corners));
          assert.deepEqual(await page.evaluate(() => window.texel()), [255, 255, 255, 255]);
          // Decoding goes on while the code stays in view, and every result goes to the app (the
          // core tells news from repeats); each frame handed out comes back as decoded, found.
          await page.waitForFunction(() => window.calls.result.length >= 3, null, { timeout: 15000 });
          const decoded = await page.evaluate(() => window.calls.decoded);
          assert.ok(decoded.some(([ms, found]) => found === 1 && ms > 0), JSON.stringify(decoded));
          // When the core wants no frames (resting decoder), none is decoded, though the preview
          // goes on: at most the one in flight comes back.
          await page.evaluate(() => { window.wantFrames = false; });
          const sent = await page.evaluate(() => window.calls.wanted);
          const frames0 = await page.evaluate(() => window.calls.frames);
          await page.waitForFunction((n) => window.calls.frames > n + 5, frames0, { timeout: 15000 });
          assert.equal(await page.evaluate(() => window.calls.wanted), sent);
          const done = await page.evaluate(() => window.calls.decoded.length);
          assert.ok(done >= sent - 1 && done <= sent, `${done} of ${sent}`);
          await page.evaluate(() => { window.wantFrames = true; });
          // A hidden tab lets the camera go; visible again, it comes back by itself.
          const setHidden = (hidden) => page.evaluate((h) => {
            Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
            document.dispatchEvent(new Event('visibilitychange'));
          }, hidden);
          await setHidden(true);
          assert.equal(await page.locator('video').count(), 0);
          const hiddenFrames = await page.evaluate(() => window.calls.frames);
          await page.waitForTimeout(400);
          assert.equal(await page.evaluate(() => window.calls.frames), hiddenFrames, 'no frames while hidden');
          await setHidden(false);
          await page.waitForFunction(() => window.calls.state.at(-1)[0] === 2, null, { timeout: 10000 });
          await page.waitForFunction((n) => window.calls.frames > n + 2, hiddenFrames);
          await page.evaluate(() => window.scanner.close());
          const after = await page.evaluate(() => window.calls.state.at(-1)[0]);
          assert.equal(after, 0);
          const frames = await page.evaluate(() => window.calls.frames);
          await page.waitForTimeout(400);
          assert.equal(await page.evaluate(() => window.calls.frames), frames, 'no frames after close');
          // Resources: the worker, zxing's two modules and its wasm, all from our origin.
          const urls = page.requests;
          assert.ok(urls.some((u) => /\/zxing_reader\.[0-9a-f]+\.wasm$/.test(u)), urls.join('\n'));
          assert.ok(urls.every((u) => u.startsWith(server.base)), urls.join('\n'));
          assert.deepEqual(page.errors, []);
        } finally {
          await context.close();
        }
      });
    } finally {
      media.remove();
    }
  },

  async 'over plain http (not a secure context) the scanner says so without asking'({ server }) {
    // A name other than localhost over http: browsers allow no camera there. The scanner module is
    // loaded into the app's page (from loopback, as the page is) with a stand-in module.
    const url = await scannerUrl(server);
    await withCamera(['--use-fake-device-for-media-stream', '--host-resolver-rules=MAP motcua.test 127.0.0.1'],
      async (browser) => {
        const context = await browser.newContext();
        try {
          const page = await openApp(context, `http://motcua.test:${server.port}/`);
          const states = await page.evaluate(async (u) => {
            const { createScanner } = await import(u);
            const states = [];
            const scanner = createScanner(() => ({
              _malloc: () => 8, _free: () => {}, lengthBytesUTF8: () => 0, stringToUTF8: () => {},
              _mc_scan_state: (st) => states.push(st),
            }));
            scanner.open(1);
            return states;
          }, url);
          assert.equal(await page.evaluate(() => window.isSecureContext), false);
          assert.deepEqual(states, [1, 5]);
          assert.deepEqual(page.errors, []);
        } finally {
          await context.close();
        }
      });
  },

  async 'a clean receipt QR opens the dossier timeline'({ server }) {
    const d = await newDossier(server);
    const media = mediaDir();
    try {
      const clip = cameraClip(media.dir, 'receipt', receiptText(server, d), 'clean');
      await withCamera(fakeCameraArgs(clip), (browser) => withApp(browser, server, async (page) => {
        // The first screen does not download the decoder.
        assert.ok(!page.requests.some((u) => /zxing|scanner_worker|qr_decode/.test(u)), page.requests.join('\n'));
        await openScanner(page);
        await waitForMirror(page, 'status', 'Đang mở camera…');
        await waitForMirror(page, 'heading', 'Đăng ký khai sinh', 20000);
        await waitForMirror(page, 'status', 'Đang xử lý');
        assert.ok(page.requests.every((u) => u.startsWith(server.base)), page.requests.join('\n'));
        // The app closed the scanner once it accepted the receipt: the camera is off.
        await page.waitForFunction(() => !document.querySelector('video'));
      }));
    } finally {
      media.remove();
    }
  },

  async 'a rotated, blurred, noisy 1280×720 receipt still opens the timeline'({ server }) {
    const d = await newDossier(server);
    const media = mediaDir();
    try {
      const clip = cameraClip(media.dir, 'rough', receiptText(server, d), 'rough');
      await withCamera(fakeCameraArgs(clip), (browser) => withApp(browser, server, async (page) => {
        await openScanner(page);
        await waitForMirror(page, 'heading', 'Đăng ký khai sinh', 20000);
        await waitForMirror(page, 'status', 'Đang xử lý');
      }));
    } finally {
      media.remove();
    }
  },

  async 'a QR code that is not a receipt gets a friendly message and scanning goes on'({ server }) {
    const media = mediaDir();
    try {
      const clip = cameraClip(media.dir, 'zalo', 'https://zalo.me/12345', 'clean');
      await withCamera(fakeCameraArgs(clip), (browser) => withApp(browser, server, async (page) => {
        await openScanner(page);
        const status = page.locator('#a11y [role=status]', { hasText: /^Mã QR này không phải giấy hẹn/ });
        await status.first().waitFor({ state: 'attached', timeout: 20000 });
        assert.equal(await page.locator('video').count(), 1, 'the camera keeps running');
      }));
    } finally {
      media.remove();
    }
  },

  async 'a refused camera offers a photo or typing the code'({ server }) {
    // A fake device exists, but the permission is neither granted nor prompted for: refused.
    await withCamera(['--use-fake-device-for-media-stream', '--deny-permission-prompts'],
      (browser) => withApp(browser, server, async (page) => {
        await openScanner(page);
        const status = page.locator('#a11y [role=status]', { hasText: /^Không dùng được camera/ });
        await status.first().waitFor({ state: 'attached', timeout: 15000 });
        await waitForMirror(page, 'button', 'Chọn ảnh giấy hẹn');
        await waitForMirror(page, 'button', 'Nhập mã hồ sơ');
      }, { permissions: [] }));
  },

  async 'the torch and the camera switch work where the device has them'({ server }) {
    // Two fake cameras (Chromium's test pattern). Fake cameras have no torch: the page's
    // MediaStreamTrack says it has one and records what the app asks of it.
    const torchOnFakeTracks = () => {
      const caps = MediaStreamTrack.prototype.getCapabilities;
      MediaStreamTrack.prototype.getCapabilities = function () { return { ...caps.call(this), torch: true }; };
      window.torchAsked = [];
      MediaStreamTrack.prototype.applyConstraints = function (c) {
        window.torchAsked.push(c.advanced?.[0]?.torch);
        return Promise.resolve();
      };
    };
    const cameraId = (page) => page.evaluate(() =>
      document.querySelector('video')?.srcObject?.getVideoTracks()[0]?.getSettings().deviceId ?? null);
    await withCamera(['--use-fake-device-for-media-stream=device-count=2', '--use-fake-ui-for-media-stream'],
      (browser) => withApp(browser, server, async (page) => {
        await openScanner(page);
        await waitForMirror(page, 'radio', 'Đèn', 15000);
        await waitForMirror(page, 'button', 'Đổi camera');
        const first = await cameraId(page);
        assert.ok(first);
        await activate(page, 'radio', 'Đèn');
        await page.waitForFunction(() => window.torchAsked.at(-1) === true);
        await page.getByRole('radio', { name: 'Đèn', exact: true, checked: true }).waitFor({ state: 'attached' });
        await activate(page, 'radio', 'Đèn');
        await page.waitForFunction(() => window.torchAsked.at(-1) === false);
        await activate(page, 'radio', 'Đèn');
        await page.waitForFunction(() => window.torchAsked.at(-1) === true);
        // The other camera: a new stream from the other device, its light off again.
        await activate(page, 'button', 'Đổi camera');
        await page.waitForFunction((id) => {
          const t = document.querySelector('video')?.srcObject?.getVideoTracks()[0];
          return t && t.readyState === 'live' && t.getSettings().deviceId !== id;
        }, first, { timeout: 15000 });
        await waitForMirror(page, 'radio', 'Đèn', 15000);
        assert.equal(await mirror(page, 'radio', 'Đèn').getAttribute('aria-checked'), 'false');
        // Leaving the screen lets the camera go.
        await activate(page, 'button', '‹ Quay lại');
        await page.waitForFunction(() => !document.querySelector('video'));
      }, { init: torchOnFakeTracks }));
  },

  async 'a photo of the receipt decodes and opens the timeline'({ server }) {
    const d = await newDossier(server);
    const media = mediaDir();
    try {
      const photo = photoJpeg(media.dir, 'photo', receiptText(server, d));
      await withCamera(['--use-fake-device-for-media-stream', '--deny-permission-prompts'],
        (browser) => withApp(browser, server, async (page) => {
          await openScanner(page);
          await waitForMirror(page, 'button', 'Chọn ảnh giấy hẹn', 15000);
          // The app calls scanner.pickPhoto(), which adds the hidden file input and clicks it.
          await activate(page, 'button', 'Chọn ảnh giấy hẹn');
          await page.locator('#scanner-photo').setInputFiles(photo);
          await waitForMirror(page, 'heading', 'Đăng ký khai sinh', 20000);
          await waitForMirror(page, 'status', 'Đang xử lý');
        }, { permissions: [] }));
    } finally {
      media.remove();
    }
  },
};
