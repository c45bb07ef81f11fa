// The QR decoder off the main thread (a module Worker started by web/scanner.js when the scanner
// first opens). zxing-wasm's reader build and its .wasm come from our own origin under hashed
// names that tools/package_web.py substitutes; no CDN. Messages:
//   in:  { id, bitmap: ImageBitmap (transferred), maxSide?: number, live?: boolean }
//   out: { type: 'ready' } once, or { type: 'failed', error }; then per frame
//        { id, text, corners: Float32Array(8) | null, pass, ms } (text null: no code) or { id, error }.
// bench/qr/adapters/motcua-worker.worker.js is this file with the bench's imports.
import { prepareZXingModule, readBarcodes } from '/__ZXING_READER_JS__';
import { createDecoder, createFrameHandler, warmUpImage } from '/__QR_DECODE_JS__';

const wasmUrl = new URL('/__ZXING_WASM__', self.location.href).href;
const handle = createFrameHandler(createDecoder(readBarcodes));
// Ready once zxing is loaded and one frame went through the whole path (canvas, decoder): the
// camera takes longer to start than that, so the citizen's first frame meets a warm decoder.
const ready = prepareZXingModule({
  overrides: { locateFile: (path, prefix) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
  fireImmediately: true,
}).then(async () => {
  try {
    await handle({ bitmap: await createImageBitmap(warmUpImage()), maxSide: 4096, live: true });
  } catch (e) {
    // A warm-up that fails costs nothing but the warmth.
  }
});
ready.then(() => self.postMessage({ type: 'ready' }),
  (e) => self.postMessage({ type: 'failed', error: String(e && e.message || e) }));

self.onmessage = async (ev) => {
  const { id } = ev.data;
  try {
    await ready;
    self.postMessage({ id, ...(await handle(ev.data)) });
  } catch (e) {
    ev.data.bitmap?.close?.();
    self.postMessage({ id, error: String(e && e.message || e) });
  }
};
