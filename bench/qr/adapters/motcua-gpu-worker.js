// Bench experiment: the app's Worker path (motcua-worker.js) with the GPU filters of qr_gpu.js.
// Same messages as web/scanner_worker.js; opts.source: 'canvas' (2D canvas → ImageData for the
// fast rung as today, the bitmap uploaded to WebGL only for a filtered rung) or 'bitmap' (the
// bitmap uploaded first, the fast rung reads the GPU's luma back: no 2D canvas).
export async function create(opts = {}) {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  let seq = 0;
  const pending = new Map();
  let readyResolve;
  const ready = new Promise((resolve, reject) => { readyResolve = { resolve, reject }; });
  worker.onmessage = (ev) => {
    const m = ev.data;
    if (m.type === 'ready') return readyResolve.resolve();
    if (m.type === 'failed') return readyResolve.reject(new Error(m.error));
    const p = pending.get(m.id);
    if (p) { pending.delete(m.id); m.error ? p.reject(new Error(m.error)) : p.resolve(m.text); }
  };
  worker.postMessage({ type: 'init', opts });
  await ready;
  return {
    prepare: (img) => createImageBitmap(img),
    decode: (bitmap) => new Promise((resolve, reject) => {
      const id = ++seq;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, bitmap, maxSide: 1920, live: !!opts.live }, [bitmap]);
    }),
  };
}
