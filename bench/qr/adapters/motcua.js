// Một Cửa's own QR pipeline (web/qr_decode.js: zxing-wasm QR-only with its escalation ladder) on
// the main thread: the same decode function the scanner's Worker runs.
// opts.ladder: an experimental ladder (see web/qr_decode.js; default: the app's kLadder).
// opts.live: the camera mode (first rung + one other in turn per frame): for its cost per frame;
// its success per single frame is lower by design (the other rungs come on the next frames).
import { readBarcodes } from 'zxing-wasm/reader';
import { createDecoder } from '../../../web/qr_decode.js';
import { zxingReady } from './zxing_ready.js';

export async function create(opts = {}) {
  await zxingReady();
  const decoder = createDecoder(readBarcodes, opts.ladder ? { ladder: opts.ladder } : {});
  return {
    async decode(img) {
      const r = await decoder.decode(img, { live: !!opts.live });
      return r ? r.text : null;
    },
  };
}
