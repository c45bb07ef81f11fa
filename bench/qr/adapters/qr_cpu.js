// Bench copies of web/qr_decode.js's private helpers, for the GPU experiment's ladder loop
// (qr_gpu.js createGpuDecoder): the retries' zxing options, luma, and gray plane -> ImageData.
export const kHard = {
  formats: ['QRCode'], maxNumberOfSymbols: 1,
  tryHarder: true, tryRotate: true, tryInvert: false, tryDownscale: true,
};
export function luma(img) {
  const { data } = img;
  const out = new Uint8Array(img.width * img.height);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) {
    out[j] = (306 * data[i] + 601 * data[i + 1] + 117 * data[i + 2] + 512) >> 10;
  }
  return out;
}
export function grayImage(y, w, h) {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let i = 0, j = 0; j < y.length; i += 4, j++) {
    data[i] = data[i + 1] = data[i + 2] = y[j];
    data[i + 3] = 255;
  }
  return new ImageData(data, w, h);
}

// Experiment (README "GPU pre-processing"): van Cittert deconvolution on the CPU with a box PSF of
// radius r: x <- x + beta * (y - box(x)), from x = y, iters times; box sums as in unsharp().
function boxBlurF(src, w, h, r, out) {
  const tmp = new Float32Array(w * h);
  for (let row = 0; row < h * w; row += w) {
    let sum = 0;
    for (let x = -r; x <= r; x++) sum += src[row + Math.min(w - 1, Math.max(0, x))];
    for (let x = 0; x < w; x++) {
      tmp[row + x] = sum;
      sum += src[row + Math.min(w - 1, x + r + 1)] - src[row + Math.max(0, x - r)];
    }
  }
  const cols = new Float32Array(w);
  for (let k = -r; k <= r; k++) {
    const row = Math.min(h - 1, Math.max(0, k)) * w;
    for (let x = 0; x < w; x++) cols[x] += tmp[row + x];
  }
  const inv = 1 / ((2 * r + 1) * (2 * r + 1));
  for (let yy = 0; yy < h; yy++) {
    const row = yy * w, add = Math.min(h - 1, yy + r + 1) * w, sub = Math.max(0, yy - r) * w;
    for (let x = 0; x < w; x++) { out[row + x] = cols[x] * inv; cols[x] += tmp[add + x] - tmp[sub + x]; }
  }
  return out;
}
// passes > 1: the PSF is that many box blurs in a row (nearer a Gaussian).
export function vanCittertBox(y, w, h, r, iters, beta = 1, passes = 1) {
  const x = Float32Array.from(y);
  const b = new Float32Array(w * h);
  const b2 = new Float32Array(w * h);
  for (let k = 0; k < iters; k++) {
    boxBlurF(x, w, h, r, b);
    for (let p = 1; p < passes; p++) { boxBlurF(b, w, h, r, b2); b.set(b2); }
    for (let i = 0; i < x.length; i++) {
      const v = x[i] + beta * (y[i] - b[i]);
      x[i] = v < -128 ? -128 : v > 383 ? 383 : v;
    }
  }
  return Uint8ClampedArray.from(x);
}
// One filter of a rung on a luma plane: [radius, amount] (unsharp) or ['vcbox', r, iters, beta].
export function cpuFilter(unsharp, plane, w, h, f) {
  if (f[0] === 'vcbox') return vanCittertBox(plane, w, h, f[1], f[2], f[3] ?? 1, f[4] ?? 1);
  if (typeof f[0] !== 'number') throw new Error(`no CPU version of filter ${f[0]}`);
  return unsharp(plane, w, h, f[0], f[1]);
}
