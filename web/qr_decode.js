// The QR decoding pipeline shared by web/scanner_worker.js and the benchmark adapters
// (bench/qr/adapters/motcua*.js): zxing-wasm's readBarcodes, QR only, with an escalation ladder
// measured on the bench corpus (bench/qr/README.md). It imports nothing: the caller passes
// zxing-wasm's readBarcodes in, so the worker and the bench load zxing their own way.

// First rung: the fast path, enough for most frames. Without tryDownscale it is 7–14% faster
// per frame at the same success on the corpus; the retries keep it (for big or blurred codes).
const kFast = {
  formats: ['QRCode'], maxNumberOfSymbols: 1,
  tryHarder: false, tryRotate: false, tryInvert: false, tryDownscale: false,
};
const kHard = {
  formats: ['QRCode'], maxNumberOfSymbols: 1,
  tryHarder: true, tryRotate: true, tryInvert: false, tryDownscale: true,
};

// The ladder, measured on bench/qr's corpus (README there): the fast options alone decode every
// frame that zxing-wasm's defaults decode; tryHarder on the raw frame added nothing. What wins
// is blur: unsharp masks of two strengths, and one after a light denoise for blur with noise.
// filters: [radius, amount] unsharp masks applied in order (a negative amount of -1 is a box blur).
const kLadder = [
  { name: 'fast', options: kFast },
  { name: 'sharpen2', options: kHard, filters: [[2, 2]] },
  { name: 'denoise-sharpen2', options: kHard, filters: [[1, -1], [2, 2]] },
  { name: 'sharpen3', options: kHard, filters: [[3, 3]] },
];

function corners(position) {
  if (!position) return null;
  const out = new Float32Array(8);
  const pts = [position.topLeft, position.topRight, position.bottomRight, position.bottomLeft];
  for (let i = 0; i < 4; i++) {
    out[2 * i] = pts[i].x;
    out[2 * i + 1] = pts[i].y;
  }
  return out;
}

function first(results) {
  for (const r of results) if (r.isValid !== false && r.text) return r;
  return null;
}

// Luma of an RGBA image (BT.601 weights, like zxing-wasm's own conversion).
function luma(img) {
  const { data } = img;
  const out = new Uint8Array(img.width * img.height);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) {
    out[j] = (306 * data[i] + 601 * data[i + 1] + 117 * data[i + 2] + 512) >> 10;
  }
  return out;
}

// Unsharp mask on a luma plane: y + amount * (y - boxBlur(y, radius)), clamped. The box blur is
// separable with running sums: along rows, then down the columns a row at a time (cache-friendly).
function unsharp(y, w, h, radius, amount) {
  const r = radius;
  const tmp = new Uint16Array(w * h);
  for (let row = 0; row < h * w; row += w) {
    let sum = 0;
    for (let x = -r; x <= r; x++) sum += y[row + Math.min(w - 1, Math.max(0, x))];
    for (let x = 0; x < w; x++) {
      tmp[row + x] = sum;
      sum += y[row + Math.min(w - 1, x + r + 1)] - y[row + Math.max(0, x - r)];
    }
  }
  const out = new Uint8ClampedArray(w * h);
  const cols = new Int32Array(w);
  for (let k = -r; k <= r; k++) {
    const row = Math.min(h - 1, Math.max(0, k)) * w;
    for (let x = 0; x < w; x++) cols[x] += tmp[row + x];
  }
  const inv = 1 / ((2 * r + 1) * (2 * r + 1));
  for (let yy = 0; yy < h; yy++) {
    const row = yy * w;
    const add = Math.min(h - 1, yy + r + 1) * w;
    const sub = Math.max(0, yy - r) * w;
    for (let x = 0; x < w; x++) {
      const v = y[row + x];
      out[row + x] = v + amount * (v - cols[x] * inv);
      cols[x] += tmp[add + x] - tmp[sub + x];
    }
  }
  return out;
}

function grayImage(y, w, h) {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let i = 0, j = 0; j < y.length; i += 4, j++) {
    data[i] = data[i + 1] = data[i + 2] = y[j];
    data[i + 3] = 255;
  }
  return new ImageData(data, w, h);
}

// A small real QR code (version 1, "MOTCUA", one bit per module, rows top to bottom) for warming
// the decoder up: the first decode in a fresh Worker costs tens of times a warm one (code compiled
// on first use, buffers grown), so the Worker pays that while the camera is still starting.
const kWarmUpModules = [
  '111111100101101111111', '100000100111001000001', '101110101101101011101', '101110100101001011101',
  '101110100010101011101', '100000100000101000001', '111111101010101111111', '000000001101100000000',
  '111011111111011000100', '000101000010001001111', '001001100000100010011', '101011011100001000001',
  '011010101010101010110', '000000001001010101101', '111111101101011101001', '100000101001110110001',
  '101110101011011101101', '101110100110001100010', '101110101110100010101', '100000101100001101011',
  '111111101000101010101',
];

// The warm-up code drawn black on white, 8 pixels per module, in the middle of a w×h frame.
export function warmUpImage(w = 640, h = 480) {
  const data = new Uint8ClampedArray(w * h * 4).fill(255);
  const n = kWarmUpModules.length, scale = 8;
  const x0 = Math.floor((w - n * scale) / 2), y0 = Math.floor((h - n * scale) / 2);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (kWarmUpModules[r][c] !== '1') continue;
      for (let y = y0 + r * scale; y < y0 + (r + 1) * scale; y++) {
        for (let x = x0 + c * scale; x < x0 + (c + 1) * scale; x++) {
          const i = (y * w + x) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
      }
    }
  }
  return new ImageData(data, w, h);
}

// Returns { async decode(imageData, { live }) -> { text, corners, pass } | null }.
// corners: Float32Array x0,y0..x3,y3 (top-left, top-right, bottom-right, bottom-left) in the
// image's pixels. Each rung runs only when the ones before it found nothing. live: for camera
// frames, run the first rung and then only one of the others, in turn from frame to frame
// (consecutive frames are nearly the same picture), so no frame costs the whole ladder.
// ladder: kLadder, or the bench's experiments ({ name, options, filters }).
export function createDecoder(readBarcodes, { ladder = kLadder } = {}) {
  let turn = 0;
  return {
    async decode(img, { live = false } = {}) {
      let rungs = ladder;
      if (live && ladder.length > 2) rungs = [ladder[0], ladder[1 + (turn++ % (ladder.length - 1))]];
      let y = null;
      for (const rung of rungs) {
        let input = img;
        if (rung.filters && rung.filters.length) {
          y ??= luma(img);
          let plane = y;
          for (const [radius, amount] of rung.filters) plane = unsharp(plane, img.width, img.height, radius, amount);
          input = grayImage(plane, img.width, img.height);
        }
        const r = first(await readBarcodes(input, { ...kHard, ...rung.options }));
        if (r) return { text: r.text, corners: corners(r.position), pass: rung.name };
      }
      return null;
    },
  };
}

// The decoder Worker's job for one message { id, bitmap: ImageBitmap, maxSide, live }: the bitmap's
// pixels (scaled down to maxSide when larger) through the decoder. Corners in bitmap pixels.
export function createFrameHandler(decoder) {
  let canvas = null;
  let ctx = null;
  return async function handle({ bitmap, maxSide = 4096, live = false }) {
    const t0 = performance.now();
    try {
      const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
      const w = Math.max(1, Math.round(bitmap.width * scale));
      const h = Math.max(1, Math.round(bitmap.height * scale));
      if (!canvas || canvas.width !== w || canvas.height !== h) {
        canvas = new OffscreenCanvas(w, h);
        ctx = canvas.getContext('2d', { willReadFrequently: true });
      }
      ctx.drawImage(bitmap, 0, 0, w, h);
      const r = await decoder.decode(ctx.getImageData(0, 0, w, h), { live });
      if (r && r.corners && scale !== 1) for (let i = 0; i < 8; i++) r.corners[i] /= scale;
      return { text: r ? r.text : null, corners: r ? r.corners : null, pass: r ? r.pass : null,
        ms: performance.now() - t0 };
    } finally {
      bitmap.close?.();
    }
  };
}
