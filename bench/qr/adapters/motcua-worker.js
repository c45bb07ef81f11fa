// Một Cửa's scanner pipeline end to end as the app runs it: the frame as an ImageBitmap
// (made untimed in prepare(), like createImageBitmap(video) on a camera frame), transferred to a
// module Worker that runs web/qr_decode.js's frame handler; time = the full round trip.
// Every frame gets the whole ladder (as a photo does): the app's live mode spreads the harder
// rungs over consecutive camera frames instead, which a single-frame benchmark cannot show.
// opts.live: send live: true (the camera mode: its cost per frame; motcua-worker-live).
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
