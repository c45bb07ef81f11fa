// The GPU experiment's step-by-step measurement (gpu_profile.mjs): per frame, the CPU filters of
// web/qr_decode.js and the WebGL2 ones of qr_gpu.js, each step timed (median of reps), and the
// pixels compared. Runs on the page (profile(img)) and in a Worker (worker.js, same function).
import { kLadder, unsharp } from '../../../web/qr_decode.js';
import { createGpuFilter } from './qr_gpu.js';
import { luma, grayImage } from './qr_cpu.js';

const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const r2 = (x) => Math.round(x * 100) / 100;
function time(reps, fn) {
  const t = [];
  let out;
  for (let i = 0; i < reps; i++) { const t0 = performance.now(); out = fn(); t.push(performance.now() - t0); }
  return { ms: r2(median(t)), out };
}
function diff(a, b) {
  let n = 0, max = 0;
  for (let i = 0; i < a.data.length; i += 4) { const d = Math.abs(a.data[i] - b.data[i]); if (d) { n++; if (d > max) max = d; } }
  return { differing: n, maxDiff: max };
}

const filters = new Map();
function gpuFor(opts) {
  const key = JSON.stringify(opts);
  if (!filters.has(key)) filters.set(key, createGpuFilter(opts));
  return filters.get(key);
}

// img: ImageData; bitmap: an ImageBitmap of it (or null). Returns { cpu: {...}, gpu: {...} }.
export function profile(img, { reps = 15, bitmap = null } = {}) {
  const { width: w, height: h } = img;
  const out = { w, h, cpu: {}, gpu: {} };
  const rungs = kLadder.filter((r) => r.filters);
  // CPU: the retries' cost today
  const y = time(reps, () => luma(img));
  out.cpu.luma = y.ms;
  for (const rung of rungs) {
    const f = time(reps, () => { let p = y.out; for (const [r, a] of rung.filters) p = unsharp(p, w, h, r, a); return p; });
    const g = time(reps, () => grayImage(f.out, w, h));
    out.cpu[rung.name] = { filters: f.ms, toImageData: g.ms, total: r2(y.ms + f.ms + g.ms) };
  }
  const cpuImages = Object.fromEntries(rungs.map((rung) => {
    let p = y.out; for (const [r, a] of rung.filters) p = unsharp(p, w, h, r, a);
    return [rung.name, grayImage(p, w, h)];
  }));
  for (const [label, opts] of [['separable', { separable: true }], ['onepass', { separable: false }], ['separable-pack', { separable: true, pack: true }]]) {
    const gpu = gpuFor(opts);
    if (!gpu) { out.gpu = 'webgl2 unavailable'; return out; }
    const G = { separable: gpu.separable };
    // warm (shader compile, allocation)
    gpu.setSource(img); for (const rung of rungs) gpu.apply(rung.filters);
    // end to end without finish(): what a rung really pays
    G.uploadAndLuma = time(reps, () => gpu.setSource(img)).ms;
    if (bitmap) G.uploadBitmapAndLuma = time(reps, () => gpu.setSource(bitmap)).ms;
    G.grayReadback = time(reps, () => gpu.gray()).ms;
    for (const rung of rungs) {
      const a = time(reps, () => gpu.apply(rung.filters));
      G[rung.name] = { applyAndRead: a.ms, ...diff(a.out, cpuImages[rung.name]) };
    }
    // The split: gl.finish() does not wait for SwiftShader's work here (the draws land in the
    // first readPixels), so: the transfer alone = a second readPixels of the same finished
    // framebuffer; the upload alone = texImage2D + a 1-pixel read (the sync, without the passes).
    gpu.apply(rungs[0].filters);
    const transfer = time(reps, () => gpu.readAgain()).ms;
    const uploadSync = time(reps, () => { gpu.setSource(img); gpu.readTiny(); }).ms;
    const s2 = G[rungs[0].name].applyAndRead;
    G.split = { rung: rungs[0].name, uploadMs: uploadSync, passesMs: r2(s2 - transfer), transferMs: transfer };
    out.gpu[label] = G;
  }
  return out;
}

// Worker side: { img, reps } in, the profile out (the bitmap made in the worker from the ImageData).
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.onmessage = async (ev) => {
    try {
      const bitmap = await createImageBitmap(ev.data.img);
      self.postMessage({ ok: profile(ev.data.img, { reps: ev.data.reps, bitmap }) });
    } catch (e) { self.postMessage({ error: String(e && e.stack || e) }); }
  };
}
