// Browser test harness: starts serve.py on a free port with a fresh data dir, drives Debian's
// Chromium through playwright-core, and finds things the way a screen reader does (role + name).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ADMIN_TOKEN = 'browser-test-admin-token-0123456789abcdef';
export const kFakePushHost = 'push.invalid';

const kChromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

// appDir: serve another copy of the packaged app (e.g. a simulated new deployment).
export async function startServer({ appDir } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-browser-'));
  const proc = spawn('python3', [path.join(ROOT, 'serve.py'), '--no-build', '--port', String(port),
    '--data-dir', dataDir, '--app-dir', appDir || path.join(ROOT, 'build/web/dist')], {
    // Push subscriptions made by the browser tests name kFakePushHost (it never resolves: nothing
    // is ever delivered); the server accepts it only because it is allowed here.
    env: { ...process.env, MOTCUA_ADMIN_TOKEN: ADMIN_TOKEN, MOTCUA_PUSH_ALLOW: `${kFakePushHost}:443` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  // Wait for the health endpoint: a bounded number of attempts, each a real request.
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`serve.py exited early:\n${log}`);
    try {
      const r = await fetch(`${base}/api/v1/health`);
      if (r.ok) break;
    } catch (e) {
      await new Promise((r) => setTimeout(r, 100));
    }
    if (i === 199) throw new Error(`serve.py did not answer:\n${log}`);
  }
  return {
    base,
    port,
    log: () => log,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.on('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// extraArgs: more Chromium flags, e.g. a fake camera (tests/browser/fake_camera.mjs).
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...kChromiumArgs, ...extraArgs] });
}

export const kPhone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };
export const kKiosk = { viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 1, hasTouch: true };

// Opens the app and waits until its first frame has been drawn.
export async function openApp(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  await page.goto(url);
  await page.waitForFunction(() => window.motcua && window.motcua.ready, null, { timeout: 20000 });
  return page;
}

export function mirror(page, role, name) {
  return page.getByRole(role, { name, exact: true });
}

// Activates a mirror element the way assistive technology does (a click event on the element).
export async function activate(page, role, name) {
  const el = mirror(page, role, name);
  await el.waitFor({ state: 'attached' });
  await el.dispatchEvent('click');
}

// Taps the canvas at the centre of the mirror element: a real touch at real coordinates.
export async function tapOn(page, role, name) {
  const el = mirror(page, role, name);
  await el.waitFor({ state: 'attached' });
  // Tap only once the layout has settled: the same box across two frames, like a person aiming.
  let box = null;
  for (let i = 0; i < 50; i++) {
    const before = await el.boundingBox();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    box = await el.boundingBox();
    if (box && before && box.height > 0 && box.y === before.y && box.x === before.x) break;
  }
  if (!box || box.height === 0) throw new Error(`${role} "${name}" is not on screen`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

// Taps a text field until the text agent is focused over it. A line arriving on its own request
// (the alerts) can move the field between aiming and the tap; a person whose tap missed taps
// again, and so does the test (a bounded number of times).
export async function tapField(page, field) {
  for (let attempt = 1; ; attempt++) {
    await tapOn(page, 'textbox', field);
    try {
      // The text agent is focused and sits over this field (not over one the tap hit instead).
      await page.waitForFunction((f) => {
        const agent = document.activeElement;
        const box = [...document.querySelectorAll('#a11y [role=textbox]')]
          .find((el) => el.getAttribute('aria-label') === f);
        if (agent?.id !== 'text-agent' || !box) return false;
        const a = agent.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        const [x, y] = [a.left + a.width / 2, a.top + a.height / 2];
        return x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
      }, field, { timeout: attempt < 3 ? 3000 : 10000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

// Types into a text field as a person does: tap it, select what it held, type over it.
export async function typeInto(page, field, text) {
  await tapField(page, field);
  await page.evaluate(() => document.getElementById('text-agent').select());
  await page.keyboard.insertText(text);
  await page.waitForFunction(([f, t]) => [...document.querySelectorAll('#a11y [role=textbox]')]
    .some((el) => el.getAttribute('aria-label') === f && el.textContent === t), [field, text]);
}

export async function waitForMirror(page, role, name, timeout = 10000) {
  await mirror(page, role, name).first().waitFor({ state: 'attached', timeout });
}

// An admin API call against the running server.
export async function admin(server, method, route, body) {
  const r = await fetch(`${server.base}${route}`, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch (e) { /* not JSON */ }
  return { status: r.status, json, text };
}

// A new birth-registration dossier under appraisal (status 4 by a named officer), created through
// the back office: { code, secret, … } for its receipt link.
export async function newDossier(server) {
  const r = await admin(server, 'POST', '/api/v1/admin/dossiers',
    { procedure_code: '1.001193', owner_name: 'Nguyễn Văn An' });
  assert.equal(r.status, 201, r.text);
  const e = await admin(server, 'POST', `/api/v1/admin/dossiers/${r.json.code}/events`,
    { type: 'status', status: 4, note: 'Đang thẩm định hồ sơ', unit: 'Phòng Tư pháp', officer_role: 'Chuyên viên',
      officer_name: 'Trần Thị Hoa' });
  assert.equal(e.status, 201, e.text);
  return r.json;
}

// Issues counter n's tablet credential through the back office, replacing any earlier one (that
// tablet loses access): { counter, device_secret, setup_url }. Open setup_url on the tablet.
export async function counterDevice(server, n) {
  const r = await admin(server, 'POST', `/api/v1/admin/counters/${n}/device`, {});
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.counter, n);
  assert.match(r.json.device_secret, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(r.json.setup_url, `/?mode=counter&counter=${n}#device=${r.json.device_secret}`);
  return r.json;
}

// Makes dossier `code` the one just handled at counter n (what the counter tablet offers to rate).
export async function setCounterDossier(server, n, code) {
  const r = await admin(server, 'POST', `/api/v1/admin/counters/${n}/current`, { code });
  assert.equal(r.status, 200, r.text);
  return r.json;
}
