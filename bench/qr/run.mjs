#!/usr/bin/env node
// One-command browser QR decoder benchmark.
//   node run.mjs [--reps 3] [--cold 5] [--decoders a,b | --all] [--frames REGEX] [--regen] [--out results.json]
//                [--corpus main|heldout]
// 1. (re)generates corpus/ if missing or outdated (gen_corpus.mjs, fixed seeds); --corpus heldout:
//    corpus-heldout/, frames no pipeline was tuned on (default output then results-heldout.json)
// 2. bundles each decoder adapter with esbuild (build.mjs) and measures its size (raw / gzip)
// 3. serves this folder with `python3 -m http.server` on 127.0.0.1 (random free port)
// 4. drives system Chromium (headless) with playwright-core:
//    - cold start per decoder: fresh browser context, import bundle + init + first decode
//    - accuracy + per-frame decode time: one page, every decoder gets a copy of the same ImageData,
//      decoders interleaved per frame (rotating order), warm-up frames excluded
// 5. prints tables and writes results.json
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli, median, percentile, r1, withTimeout, serveDirectory, launchBrowser } from '../harness.mjs';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
// dependencies are pinned in package.json / package-lock.json; install them on first use
if (!fs.existsSync(path.join(ROOT, 'node_modules', 'esbuild'))) {
  console.error('[qrbench] node_modules missing: running npm ci');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
const { generateCorpus, CATEGORIES } = await import('./gen_corpus.mjs');
const { buildBundles } = await import('./build.mjs');

// ---------- args ----------
const { opt: arg, flag } = cli('usage: node run.mjs [--reps 3] [--cold 5] [--decoders a,b | --all] [--frames REGEX] [--regen] [--out results.json] [--corpus main|heldout]');
const REPS = Math.max(1, parseInt(arg('reps', '3'), 10));
const COLD = Math.max(1, parseInt(arg('cold', '5'), 10));
const FRAME_RE = arg('frames', null) ? new RegExp(arg('frames')) : null;
const CORPUS = arg('corpus', 'main');
const OUT = path.resolve(arg('out', path.join(ROOT, CORPUS === 'main' ? 'results.json' : `results-${CORPUS}.json`)));
const DECODE_TIMEOUT_MS = 30000;

const DECODERS = [
  { id: 'jsqr', bundle: 'jsqr', opts: { inversionAttempts: 'dontInvert' }, thread: 'main', note: 'jsQR, inversionAttempts=dontInvert' },
  { id: 'jsqr-both', bundle: 'jsqr', opts: { inversionAttempts: 'attemptBoth' }, thread: 'main', note: 'jsQR library default (also tries inverted image)' },
  { id: 'zxing-js', bundle: 'zxing-js', opts: {}, thread: 'main', note: '@zxing/library QRCodeReader + HybridBinarizer' },
  { id: 'zxing-js-th', bundle: 'zxing-js', opts: { tryHarder: true }, thread: 'main', note: '@zxing/library with TRY_HARDER hint' },
  { id: 'zxing-wasm', bundle: 'zxing-wasm', opts: {}, thread: 'main', note: 'ZXing-C++ WASM, defaults (tryHarder/tryRotate/tryInvert/tryDownscale on)' },
  { id: 'zxing-wasm-fast', bundle: 'zxing-wasm', opts: { tryHarder: false, tryRotate: false, tryInvert: false }, thread: 'main', note: 'ZXing-C++ WASM, tryHarder/tryRotate/tryInvert off (tryDownscale on)' },
  { id: 'zxing-wasm-roi', bundle: 'zxing-wasm', opts: { roi: 2 / 3 }, thread: 'main', note: 'zxing-wasm defaults on the centred 2/3*min(w,h) square only (crop timed)' },
  { id: 'zxing-wasm-worker', bundle: 'zxing-wasm-worker', opts: {}, thread: 'worker', note: 'zxing-wasm defaults in a module Worker; time = full round trip incl. ImageData copy' },
  { id: 'motcua', bundle: 'motcua', opts: {}, thread: 'main', note: 'Một Cửa: web/qr_decode.js (zxing-wasm QR-only, fast options, then unsharp-mask retries), main thread' },
  { id: 'motcua-worker', bundle: 'motcua-worker', opts: {}, thread: 'worker', note: 'Một Cửa scanner path: ImageBitmap transferred to a module Worker running web/qr_decode.js (whole ladder per frame); time = round trip' },
  { id: 'motcua-live', bundle: 'motcua', opts: { live: true }, thread: 'main', extra: true, note: 'Một Cửa camera mode: fast rung + one unsharp rung in turn per frame (cost per frame; success is per single frame)' },
  { id: 'motcua-fast', bundle: 'motcua', opts: { ladder: [{ name: 'fast', options: { tryHarder: false, tryRotate: false, tryInvert: false } }] }, thread: 'main', extra: true, note: 'Một Cửa ladder, first rung only' },
  { id: 'motcua-worker-live', bundle: 'motcua-worker', opts: { live: true }, thread: 'worker', extra: true, note: 'Một Cửa camera mode through the Worker (live: true in the message), CPU filters' },
  { id: 'zbar-wasm', bundle: 'zbar-wasm', opts: {}, thread: 'main', note: '@undecaf/zbar-wasm, QR only' },
  { id: 'qr-scanner', bundle: 'qr-scanner', opts: {}, thread: 'worker', note: 'qr-scanner scanImage, full frame, its own worker (jsQR fork), inversion=original' },
  { id: 'qr-scanner-roi', bundle: 'qr-scanner', opts: { roi: true }, thread: 'worker', note: 'qr-scanner with its live-video default region: centre 2/3 square -> 400x400' },
  // extras: only run when named with --decoders (or --all)
  { id: 'zxing-wasm-denoise', bundle: 'zxing-wasm', opts: { tryDenoise: true }, thread: 'main', extra: true, note: 'zxing-wasm defaults + experimental tryDenoise' },
  { id: 'zxing-wasm-hist', bundle: 'zxing-wasm', opts: { binarizer: 'GlobalHistogram' }, thread: 'main', extra: true, note: 'zxing-wasm defaults with GlobalHistogram binarizer' },
  { id: 'zbar-wasm-d2', bundle: 'zbar-wasm', opts: { density: 2 }, thread: 'main', extra: true, note: 'zbar-wasm scanning every 2nd row/column' },
  { id: 'barcode-detector', bundle: 'barcode-detector', opts: {}, thread: 'main', requires: 'BarcodeDetector', note: 'native Shape Detection API' },
];

// QRBENCH_VARIANTS='{"id": {"bundle": "...", "opts": {...}}, ...}': extra decoders for experiments.
for (const [id, v] of Object.entries(JSON.parse(process.env.QRBENCH_VARIANTS || '{}'))) {
  DECODERS.push({ id, thread: 'main', extra: true, note: `experiment ${JSON.stringify(v.opts)}`, ...v });
}

// Debian's Chromium with the tests' flags (bench/harness.mjs); everything but the local server is
// unresolvable: a decoder that tries a CDN fails loudly.
const CHROME_FLAGS = ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];

const T0 = Date.now();
const log = (...a) => console.error(`[qrbench ${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);

async function newBenchPage(browser, base, external) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('request', (req) => { const u = req.url(); if (!u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:')) external.add(u); });
  page.on('pageerror', (e) => log('pageerror:', String(e).slice(0, 300)));
  await page.goto(`${base}/web/bench.html`);
  await page.waitForFunction(() => window.bench && window.bench.ready);
  return { context, page };
}

// ---------- main ----------
async function main() {
  const t00 = Date.now();
  const loadBefore = os.loadavg();
  const manifest = generateCorpus({ force: flag('regen'), log, corpus: CORPUS });
  const corpusUrl = (f) => `${base}/${manifest.dir}/${f.file}`;
  let frames = manifest.frames;
  if (FRAME_RE) frames = frames.filter((f) => FRAME_RE.test(f.id));
  const sizes = await buildBundles({ log });
  const server = await serveDirectory(ROOT, '/web/bench.html');
  const { base } = server;
  log(`server ${base} (pid ${server.proc.pid})`);
  const browser = await launchBrowser(CHROME_FLAGS);
  const external = new Set();
  const results = {
    meta: {
      date: new Date().toISOString(), chromium: browser.version(), node: process.version, cpus: os.cpus().length,
      cpuModel: os.cpus()[0] && os.cpus()[0].model, reps: REPS, coldRuns: COLD, frames: frames.length,
      corpus: CORPUS, corpusVersion: manifest.version, loadavgBefore: loadBefore.map(r1),
    },
    decoders: {}, sizes, perFrame: {},
  };
  try {
    // availability probe
    let probe = await newBenchPage(browser, base, external);
    const hasBD = await probe.page.evaluate(() => window.bench.hasBarcodeDetector());
    await probe.context.close();
    const wanted = arg('decoders', null) ? new Set(arg('decoders').split(',')) : null;
    const decoders = DECODERS.filter((d) => (wanted ? wanted.has(d.id) : (flag('all') || !d.extra)));
    const active = [];
    for (const d of decoders) {
      const skip = d.requires === 'BarcodeDetector' && !hasBD;
      results.decoders[d.id] = { ...d, available: !skip, version: sizes[d.bundle] && sizes[d.bundle].version };
      if (skip) log(`${d.id}: skipped (BarcodeDetector not exposed by this Chromium build)`); else active.push(d);
    }

    // ---- cold start: fresh context (cold HTTP cache) per run ----
    const refFrame = manifest.frames.find((f) => f.id === '640x480_clean_00');
    for (const d of active) {
      const runs = [];
      for (let k = 0; k < COLD; k++) {
        const { context, page } = await newBenchPage(browser, base, external);
        try {
          const r = await withTimeout(page.evaluate(([dec, url]) => window.bench.coldStart(dec, url), [d, corpusUrl(refFrame)]), 60000, `cold ${d.id}`);
          r.ok = r.text === refFrame.expected;
          runs.push(r);
        } catch (e) { runs.push({ error: String(e).slice(0, 300) }); }
        await context.close();
      }
      const good = runs.filter((r) => r.totalMs != null);
      results.decoders[d.id].cold = {
        runs: runs.map((r) => (r.totalMs != null ? { importMs: r1(r.importMs), initMs: r1(r.initMs), firstDecodeMs: r1(r.firstDecodeMs), totalMs: r1(r.totalMs), ok: r.ok } : r)),
        medianTotalMs: r1(median(good.map((r) => r.totalMs))), medianImportMs: r1(median(good.map((r) => r.importMs))),
        medianInitMs: r1(median(good.map((r) => r.initMs))), medianFirstDecodeMs: r1(median(good.map((r) => r.firstDecodeMs))),
        firstDecodeCorrect: good.length > 0 && good.every((r) => r.ok),
      };
      log(`cold ${d.id}: ${results.decoders[d.id].cold.medianTotalMs} ms`);
    }

    // ---- main run ----
    let { context, page } = await newBenchPage(browser, base, external);
    const setupAll = async () => { for (const d of active) await page.evaluate((dec) => window.bench.setup(dec), d); };
    await setupAll();
    // pixel identity check + warm-up (excluded)
    const warm = ['640x480_clean_00', '640x480_nocode_00', '1280x720_clean_00', '1280x720_nocode_00'].map((id) => manifest.frames.find((f) => f.id === id));
    for (const f of warm) for (const d of active) await page.evaluate(([id, url]) => window.bench.run(id, url, 2), [d.id, corpusUrl(f)]);
    log(`warm-up done; decoding ${frames.length} frames x ${active.length} decoders x ${REPS} reps`);
    const per = {};
    for (const d of active) per[d.id] = [];
    let pixelMismatch = 0;
    for (let fi = 0; fi < frames.length; fi++) {
      const f = frames[fi];
      const url = corpusUrl(f);
      const info = await page.evaluate((u) => window.bench.frameInfo(u), url);
      if (info.fnv !== f.grayFnv1a || info.width !== f.width) { pixelMismatch++; log(`pixel mismatch ${f.id}: ${info.fnv} != ${f.grayFnv1a}`); }
      const order = active.map((_, i) => active[(i + fi) % active.length]);
      for (const d of order) {
        let r;
        try {
          r = await withTimeout(page.evaluate(([id, u, reps]) => window.bench.run(id, u, reps), [d.id, url, REPS]), DECODE_TIMEOUT_MS * REPS, `${d.id} ${f.id}`);
        } catch (e) {
          log(String(e));
          r = { text: null, times: [DECODE_TIMEOUT_MS], error: String(e).slice(0, 200) };
          await context.close();
          ({ context, page } = await newBenchPage(browser, base, external));
          await setupAll();
        }
        const ok = f.expected == null ? r.text == null : r.text === f.expected;
        per[d.id].push({ id: f.id, category: f.category, w: f.width, p: f.expected == null ? null : manifest.payloads.indexOf(f.expected), ok, ms: median(r.times), text: ok ? undefined : r.text, error: r.error || undefined });
      }
      if ((fi + 1) % 20 === 0 || fi === frames.length - 1) log(`  ${fi + 1}/${frames.length} frames (${((Date.now() - t00) / 1000).toFixed(0)} s)`);
    }
    await context.close();
    results.meta.pixelMismatches = pixelMismatch;

    // ---- aggregate ----
    const cats = Object.keys(CATEGORIES);
    for (const d of active) {
      const rows = per[d.id];
      const R = results.decoders[d.id];
      R.byCategory = {};
      for (const c of cats) {
        const cr = rows.filter((x) => x.category === c);
        if (cr.length) R.byCategory[c] = { ok: cr.filter((x) => x.ok).length, n: cr.length };
      }
      const withCode = rows.filter((x) => x.category !== 'nocode');
      R.successWithCode = { ok: withCode.filter((x) => x.ok).length, n: withCode.length };
      R.byPayload = manifest.payloads.map((txt, i) => { const pr = rows.filter((x) => x.p === i); return { payload: txt, ok: pr.filter((x) => x.ok).length, n: pr.length }; });
      R.wrongText = withCode.filter((x) => !x.ok && x.text != null).length; // misdecodes (non-null but wrong)
      R.falsePositives = rows.filter((x) => x.category === 'nocode' && !x.ok).length;
      R.errors = rows.filter((x) => x.error).length;
      R.timing = {};
      for (const [w, label] of [[640, '640x480'], [1280, '1280x720']]) {
        const t = rows.filter((x) => x.w === w).map((x) => x.ms);
        const ts = rows.filter((x) => x.w === w && x.ok && x.category !== 'nocode').map((x) => x.ms);
        const tf = rows.filter((x) => x.w === w && (!x.ok || x.category === 'nocode')).map((x) => x.ms);
        R.timing[label] = { n: t.length, medianMs: r1(median(t)), p95Ms: r1(percentile(t, 95)), maxMs: r1(Math.max(...t)), medianMsDecoded: r1(median(ts)), medianMsNoResult: r1(median(tf)) };
      }
      results.perFrame[d.id] = rows.map((x) => ({ ...x, ms: r1(x.ms) }));
    }
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
  results.meta.externalRequests = [...external];
  results.meta.loadavgAfter = os.loadavg().map(r1);
  results.meta.wallSeconds = Math.round((Date.now() - t00) / 1000);
  fs.writeFileSync(OUT, JSON.stringify(results, null, 1));
  printTables(results);
  console.log(`\nresults: ${OUT}  (wall ${results.meta.wallSeconds} s, load avg ${results.meta.loadavgBefore[0]} -> ${results.meta.loadavgAfter[0]}, external requests: ${results.meta.externalRequests.length})`);
}

function pad(s, n, right = false) { s = String(s); return right ? s.padStart(n) : s.padEnd(n); }
function printTables(results) {
  const ids = Object.keys(results.decoders).filter((id) => results.decoders[id].available && results.decoders[id].byCategory);
  const cats = Object.keys(CATEGORIES);
  const m = results.meta;
  console.log(`\nQR decoder benchmark — corpus ${m.corpus}, Chromium ${m.chromium}, ${m.cpus} CPU (${m.cpuModel}), ${m.frames} frames, ${m.reps} reps/frame (median), cold runs ${m.coldRuns}`);
  console.log('\nSuccess (correct text) per category; nocode = no false positive');
  const short = { clean: 'clean', small: 'small', large: 'large', rotation: 'rot', perspective: 'persp', blur: 'blur', noise: 'noise', lowcontrast: 'lowc', lighting: 'light', combo: 'combo', nocode: 'nocode' };
  let hdr = pad('decoder', 18);
  for (const c of cats) hdr += pad(short[c], 7, true);
  hdr += pad('all*', 8, true) + pad('wrong', 6, true) + pad('vi-utf8', 8, true);
  console.log(hdr);
  for (const id of ids) {
    const R = results.decoders[id];
    let line = pad(id, 18);
    for (const c of cats) { const b = R.byCategory[c]; line += pad(b ? `${b.ok}/${b.n}` : '-', 7, true); }
    const s = R.successWithCode;
    const vi = R.byPayload.find((p) => /[^\x00-\x7f]/.test(p.payload));
    line += pad(`${Math.round((100 * s.ok) / s.n)}%`, 8, true) + pad(R.wrongText, 6, true) + pad(vi ? `${vi.ok}/${vi.n}` : '-', 8, true);
    console.log(line);
  }
  console.log('  * all = frames that contain a code (both resolutions); wrong = decoded but text differs; vi-utf8 = frames carrying the Vietnamese UTF-8 payload');
  console.log('\nSpeed (ms per frame, median of reps; all frames incl. failures) and size');
  console.log(pad('decoder', 18) + pad('640 med', 9, true) + pad('p95', 8, true) + pad('720p med', 10, true) + pad('p95', 8, true) + pad('cold total', 12, true) + pad('(import/init/1st)', 22, true) + pad('gzip KB', 9, true) + pad('raw KB', 8, true) + '  thread');
  for (const id of ids) {
    const R = results.decoders[id];
    const a = R.timing['640x480'], b = R.timing['1280x720'], c = R.cold || {};
    const sz = results.sizes[R.bundle] || {};
    console.log(
      pad(id, 18) + pad(a.medianMs, 9, true) + pad(a.p95Ms, 8, true) + pad(b.medianMs, 10, true) + pad(b.p95Ms, 8, true) +
      pad(c.medianTotalMs + (c.firstDecodeCorrect ? '' : '!'), 12, true) + pad(`${c.medianImportMs}/${c.medianInitMs}/${c.medianFirstDecodeMs}`, 22, true) +
      pad((sz.totalGzip / 1024).toFixed(1), 9, true) + pad((sz.totalBytes / 1024).toFixed(0), 8, true) + '  ' + R.thread,
    );
  }
  const skipped = Object.values(results.decoders).filter((d) => !d.available).map((d) => d.id);
  if (skipped.length) console.log(`skipped (not available in this browser): ${skipped.join(', ')}`);
  console.log('  cold total = import bundle + init (WASM compile/instantiate, worker start) + first decode of a 640x480 frame, fresh browser context; "!" = first decode wrong');
}

main().catch((e) => { console.error(e); process.exit(1); });
