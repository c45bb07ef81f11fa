// Bench experiment: web/qr_decode.js's ladder with the filtered rungs (luma + unsharp masks) done
// by WebGL2 fragment shaders (qr_gpu.js) instead of the CPU, main thread. The fast rung reads the
// ImageData as before; the frame goes to the GPU only when a filtered rung runs.
// opts: live (camera mode, as motcua-live), separable, pack, profile (qr_gpu.js), cpu (force the
// CPU filters through the same loop: a control for the bench copy of the ladder loop).
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { kLadder, unsharp } from '../../../web/qr_decode.js';
import { createGpuFilter, createGpuDecoder } from './qr_gpu.js';
import { kHard, luma, grayImage, cpuFilter } from './qr_cpu.js';

let ready = null;
export async function create(opts = {}) {
  ready ??= prepareZXingModule({
    overrides: {
      locateFile: (p, prefix) => (p.endsWith('.wasm') ? new URL('./zxing_reader.wasm', import.meta.url).href : prefix + p),
    },
    fireImmediately: true,
  });
  await ready;
  const gpu = opts.cpu ? null : createGpuFilter(opts);
  if (!opts.cpu && !gpu) throw new Error('webgl2 unavailable');
  const decoder = createGpuDecoder(readBarcodes, { ladder: opts.ladder || kLadder, kHard, unsharp, luma, grayImage, gpu, cpuFilter });
  (self.__qrGpu ??= {})[opts.tag || 'main'] = gpu;
  return {
    async decode(img) {
      const r = await decoder.decode(img, { live: !!opts.live });
      return r ? r.text : null;
    },
  };
}
