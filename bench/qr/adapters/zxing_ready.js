// zxing-wasm's reader module, prepared once per page or Worker, with its .wasm served next to the
// bundle (build.mjs copies it there) instead of the default CDN location: prepareZXingModule's
// documented locateFile override.
import { prepareZXingModule } from 'zxing-wasm/reader';

let ready = null;
export function zxingReady() {
  ready ??= prepareZXingModule({
    overrides: {
      locateFile: (p, prefix) => (p.endsWith('.wasm') ? new URL('./zxing_reader.wasm', import.meta.url).href : prefix + p),
    },
    fireImmediately: true,
  });
  return ready;
}
