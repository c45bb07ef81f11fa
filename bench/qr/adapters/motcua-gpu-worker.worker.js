// The bench's Worker for motcua-gpu-worker.js: web/scanner_worker.js's job (createFrameHandler)
// with the ladder's filters on WebGL2 (qr_gpu.js), the CPU filters when WebGL2 is missing or lost.
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { kLadder, unsharp } from '../../../web/qr_decode.js';
import { createGpuFilter, createGpuDecoder } from './qr_gpu.js';
import { kHard, luma, grayImage, cpuFilter } from './qr_cpu.js';

let handle = null;
let ready = null;

function createHandler(opts) {
  const gpu = opts.cpu ? null : createGpuFilter(opts);
  if (!opts.cpu && !gpu) throw new Error('webgl2 unavailable in the worker');
  const decoder = createGpuDecoder(readBarcodes, { ladder: opts.ladder || kLadder, kHard, unsharp, luma, grayImage, gpu, cpuFilter });
  let canvas = null;
  let ctx = null;
  return async function ({ bitmap, maxSide = 4096, live = false }) {
    const t0 = performance.now();
    try {
      const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
      const w = Math.max(1, Math.round(bitmap.width * scale));
      const h = Math.max(1, Math.round(bitmap.height * scale));
      let r;
      if (opts.source === 'bitmap' && gpu && !gpu.lost()) {
        r = await decoder.decode(null, { bitmap, w, h, live });
      } else {
        if (!canvas || canvas.width !== w || canvas.height !== h) {
          canvas = new OffscreenCanvas(w, h);
          ctx = canvas.getContext('2d', { willReadFrequently: true });
        }
        ctx.drawImage(bitmap, 0, 0, w, h);
        r = await decoder.decode(ctx.getImageData(0, 0, w, h), { live, bitmap, w, h });
      }
      return { text: r ? r.text : null, pass: r ? r.pass : null, ms: performance.now() - t0 };
    } finally {
      bitmap.close?.();
    }
  };
}

self.onmessage = async (ev) => {
  const { id, type } = ev.data;
  if (type === 'init') {
    try {
      handle = createHandler(ev.data.opts || {});
    } catch (e) { self.postMessage({ type: 'failed', error: String(e) }); return; }
    ready = prepareZXingModule({
      overrides: { locateFile: (p, prefix) => (p.endsWith('.wasm') ? new URL('./zxing_reader.wasm', import.meta.url).href : prefix + p) },
      fireImmediately: true,
    });
    ready.then(() => self.postMessage({ type: 'ready' }), (e) => self.postMessage({ type: 'failed', error: String(e) }));
    return;
  }
  try {
    await ready;
    self.postMessage({ id, ...(await handle(ev.data)) });
  } catch (e) {
    self.postMessage({ id, error: String(e && e.stack || e) });
  }
};
