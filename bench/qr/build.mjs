// Bundles each decoder adapter (adapters/*.js) with esbuild (ESM, minified, code splitting) into
// build/<bundle>/, copies the .wasm files next to them, and measures what each decoder adds to an app:
// raw and gzip (-9) bytes of all JS chunks and the WASM binary.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSize as gz, brotliSize as br } from '../harness.mjs';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const BUILD = path.join(ROOT, 'build');
const NM = path.join(ROOT, 'node_modules');

export const BUNDLES = {
  'jsqr': { entries: { index: 'adapters/jsqr.js' }, pkg: 'jsqr' },
  'zxing-js': { entries: { index: 'adapters/zxing-js.js' }, pkg: '@zxing/library' },
  'zxing-wasm': { entries: { index: 'adapters/zxing-wasm.js' }, wasm: ['zxing-wasm/dist/reader/zxing_reader.wasm'], pkg: 'zxing-wasm' },
  'zxing-wasm-worker': {
    entries: { index: 'adapters/zxing-wasm-worker.js', worker: 'adapters/zxing-wasm-worker.worker.js' },
    wasm: ['zxing-wasm/dist/reader/zxing_reader.wasm'], pkg: 'zxing-wasm',
  },
  'motcua': { entries: { index: 'adapters/motcua.js' }, wasm: ['zxing-wasm/dist/reader/zxing_reader.wasm'], pkg: 'zxing-wasm' },
  'motcua-worker': {
    entries: { index: 'adapters/motcua-worker.js', worker: 'adapters/motcua-worker.worker.js' },
    wasm: ['zxing-wasm/dist/reader/zxing_reader.wasm'], pkg: 'zxing-wasm',
  },
  'zbar-wasm': { entries: { index: 'adapters/zbar-wasm.js' }, wasm: ['@undecaf/zbar-wasm/dist/zbar.wasm'], pkg: '@undecaf/zbar-wasm' },
  'qr-scanner': { entries: { index: 'adapters/qr-scanner.js' }, pkg: 'qr-scanner' },
  'barcode-detector': { entries: { index: 'adapters/barcode-detector.js' }, pkg: null },
};

function pkgVersion(name) {
  if (!name) return null;
  try { return JSON.parse(fs.readFileSync(path.join(NM, name, 'package.json'), 'utf8')).version; } catch { return null; }
}

export async function buildBundles({ log = console.log } = {}) {
  fs.rmSync(BUILD, { recursive: true, force: true });
  fs.mkdirSync(BUILD, { recursive: true });
  const sizes = {};
  for (const [name, b] of Object.entries(BUNDLES)) {
    const outdir = path.join(BUILD, name);
    const entryPoints = Object.entries(b.entries).map(([out, src]) => ({ out, in: path.join(ROOT, src) }));
    await esbuild.build({
      entryPoints, outdir, bundle: true, format: 'esm', splitting: true, minify: true,
      platform: 'browser', target: 'es2020', chunkNames: 'chunk-[hash]', logLevel: 'error',
      absWorkingDir: ROOT,
    });
    for (const w of b.wasm || []) fs.copyFileSync(path.join(NM, w), path.join(outdir, path.basename(w)));
    const files = fs.readdirSync(outdir).sort();
    const s = { files: {}, jsBytes: 0, jsGzip: 0, jsBrotli: 0, wasmBytes: 0, wasmGzip: 0, wasmBrotli: 0, version: pkgVersion(b.pkg), pkg: b.pkg };
    for (const f of files) {
      const buf = fs.readFileSync(path.join(outdir, f));
      const rec = { bytes: buf.length, gzip: gz(buf), brotli: br(buf) };
      s.files[f] = rec;
      if (f.endsWith('.js')) { s.jsBytes += rec.bytes; s.jsGzip += rec.gzip; s.jsBrotli += rec.brotli; }
      if (f.endsWith('.wasm')) { s.wasmBytes += rec.bytes; s.wasmGzip += rec.gzip; s.wasmBrotli += rec.brotli; }
    }
    s.totalBytes = s.jsBytes + s.wasmBytes;
    s.totalGzip = s.jsGzip + s.wasmGzip;
    s.totalBrotli = s.jsBrotli + s.wasmBrotli;
    sizes[name] = s;
  }
  log(`bundles: built ${Object.keys(sizes).length} into ${BUILD}`);
  return sizes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = await buildBundles();
  for (const [k, v] of Object.entries(s)) console.log(k.padEnd(18), 'js', v.jsBytes, 'gz', v.jsGzip, '| wasm', v.wasmBytes, 'gz', v.wasmGzip, '| total gz', v.totalGzip, Object.keys(v.files).join(','));
}
