#!/usr/bin/env node
// The GPU experiment's step costs (README "GPU pre-processing"): for a few corpus frames at each
// size, the CPU filters of web/qr_decode.js against the WebGL2 ones of adapters/qr_gpu.js, on the
// page and in a Worker: upload + luma, each filtered rung with its readback, the readback alone,
// and a split with gl.finish() between upload, draw and readback; plus how many pixels differ.
//   node gpu_profile.mjs [--reps 15] [--frames REGEX] [--corpus main] [--out results-gpu-profile.json]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { generateCorpus } from './gen_corpus.mjs';
import { buildBundles } from './build.mjs';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const arg = (n, d) => { const i = argv.indexOf(`--${n}`); return i >= 0 ? argv[i + 1] : d; };
const REPS = parseInt(arg('reps', '15'), 10);
const FRAMES = new RegExp(arg('frames', '^(640x480|1280x720)_(blur_03|combo_04|nocode_01)$'));
const OUT = path.resolve(arg('out', path.join(ROOT, 'results-gpu-profile.json')));
// QRBENCH_GPU_FLAGS=...: the Chromium flags to try instead of --disable-gpu (e.g. '' to drop it).
const FLAGS = ['--headless', '--no-sandbox', ...(process.env.QRBENCH_GPU_FLAGS != null ? process.env.QRBENCH_GPU_FLAGS.split(' ').filter(Boolean) : ['--disable-gpu']), '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];

const port = await new Promise((res) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const manifest = generateCorpus({ corpus: arg('corpus', 'main'), log: console.error });
await buildBundles({ log: console.error });
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', ROOT], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) { try { if ((await fetch(`${base}/web/bench.html`)).ok) break; } catch { /* not yet */ } await new Promise((r) => setTimeout(r, 100)); }
const browser = await chromium.launch({ executablePath: process.env.QRBENCH_CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS });
const results = { date: new Date().toISOString(), chromium: browser.version(), reps: REPS, frames: {} };
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('pageerror', String(e)));
  await page.goto(`${base}/web/bench.html`);
  results.renderer = await page.evaluate(() => {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    const d = gl && gl.getExtension('WEBGL_debug_renderer_info');
    return gl ? gl.getParameter(d ? d.UNMASKED_RENDERER_WEBGL : gl.RENDERER) : null;
  });
  for (const f of manifest.frames.filter((x) => FRAMES.test(x.id))) {
    const url = `${base}/${manifest.dir}/${f.file}`;
    results.frames[f.id] = await page.evaluate(async ([u, reps]) => {
      const bmp = await createImageBitmap(await (await fetch(u)).blob(), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d', { willReadFrequently: true });
      ctx.drawImage(bmp, 0, 0);
      const img = ctx.getImageData(0, 0, c.width, c.height);
      const mod = await import('/build/gpu-probe/index.js');
      const main = mod.profile(img, { reps, bitmap: bmp });
      const worker = new Worker('/build/gpu-probe/worker.js', { type: 'module' });
      const inWorker = await new Promise((res) => { worker.onmessage = (e) => res(e.data.ok || e.data); worker.postMessage({ img, reps }); });
      worker.terminate();
      return { main, worker: inWorker };
    }, [url, REPS]);
    console.error(f.id, JSON.stringify(results.frames[f.id]));
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
fs.writeFileSync(OUT, JSON.stringify(results, null, 1));
console.log(`renderer: ${results.renderer}\n`);
const line = (cols) => console.log(cols.map((c, i) => String(c).padStart(i ? 12 : 26)).join(''));
line(['frame / where', 'cpu s2', 'gpu sep s2', 'gpu 1p s2', 'gpu pack s2', 'cpu dn-s2', 'gpu sep dn', 'cpu s3', 'gpu sep s3', 'upl+luma', 'gray read']);
for (const [id, r] of Object.entries(results.frames)) {
  for (const where of ['main', 'worker']) {
    const p = r[where];
    if (!p || !p.gpu || typeof p.gpu === 'string') { console.log(id, where, JSON.stringify(p)); continue; }
    const s = p.gpu.separable, o = p.gpu.onepass, k = p.gpu['separable-pack'];
    line([`${id} ${where}`, p.cpu.sharpen2.total, r2(s.uploadAndLuma + s.sharpen2.applyAndRead), r2(o.uploadAndLuma + o.sharpen2.applyAndRead),
      r2(k.uploadAndLuma + k.sharpen2.applyAndRead), p.cpu['denoise-sharpen2'].total, r2(s.uploadAndLuma + s['denoise-sharpen2'].applyAndRead),
      p.cpu.sharpen3.total, r2(s.uploadAndLuma + s.sharpen3.applyAndRead), s.uploadAndLuma, s.grayReadback]);
  }
}
console.log('\nsplit (sharpen2, separable, RGBA readback | packed): upload+luma (synced) / passes / transfer alone, ms; pixels differing from the CPU filter');
for (const [id, r] of Object.entries(results.frames)) {
  for (const where of ['main', 'worker']) {
    const s = r[where] && r[where].gpu && r[where].gpu.separable;
    const k = r[where] && r[where].gpu && r[where].gpu['separable-pack'];
    if (s && s.split) console.log(`${id} ${where}: ${s.split.uploadMs} / ${s.split.passesMs} / ${s.split.transferMs} | ${k.split.uploadMs} / ${k.split.passesMs} / ${k.split.transferMs}   differing pixels s2 ${s.sharpen2.differing} (max ${s.sharpen2.maxDiff}), dn-s2 ${s['denoise-sharpen2'].differing}, s3 ${s.sharpen3.differing}; packed ${k.sharpen2.differing}`);
  }
}
console.log(`\n${OUT}`);
function r2(x) { return Math.round(x * 100) / 100; }
