// web/scanner_worker.js with the bench's imports (zxing-wasm from node_modules, the .wasm beside
// the bundle) instead of the app's hashed URLs.
import { readBarcodes } from 'zxing-wasm/reader';
import { createDecoder, createFrameHandler } from '../../../web/qr_decode.js';
import { zxingReady } from './zxing_ready.js';

let handle = null;
let ready = null;
self.onmessage = async (ev) => {
  const { id, type } = ev.data;
  if (type === 'init') {
    handle = createFrameHandler(createDecoder(readBarcodes, ev.data.opts.ladder ? { ladder: ev.data.opts.ladder } : {}));
    ready = zxingReady();
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
