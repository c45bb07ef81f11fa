// WebGL2 pre-processing for the QR ladder (bench experiment, see README "GPU pre-processing"):
// the frame uploaded once as a texture, fragment shaders for luma and the ladder's unsharp masks,
// readPixels back to an ImageData for zxing-wasm. Works on the main thread and in a Worker
// (OffscreenCanvas 'webgl2'). Every fragment shader reads whole texels with texelFetch (no
// filtering), so pixel (x, y) of the output is pixel (x, y) of the frame, rows in the same order
// as ImageData (no flip: upload, framebuffer and readPixels all start at row 0).
//
// The arithmetic is the CPU path's (web/qr_decode.js): luma with BT.601 integer weights like
// zxing-wasm's own; unsharp = y + amount * (y - boxBlur(y, radius)), clamped, with edge pixels
// repeated; intermediate planes 8-bit. So the ladder sees the same pixels (up to rounding ties).

const kVert = `#version 300 es
// A triangle that covers the viewport; no vertex buffer.
void main() {
  vec2 p = vec2(float((gl_VertexID & 1) << 2), float((gl_VertexID & 2) << 1)) - 1.0;
  gl_Position = vec4(p, 0.0, 1.0);
}`;

// Luma of the RGBA frame (BT.601 weights, rounded as zxing-wasm does), as gray in R (and G, B).
// u_scale != 1: the frame is resampled (bilinear) to the target size first (maxSide).
const kLumaFrag = `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_src;
uniform vec2 u_scale;     // source pixels per target pixel
uniform bool u_resample;
out vec4 o;
void main() {
  vec3 c = u_resample
    ? texture(u_src, gl_FragCoord.xy * u_scale / vec2(textureSize(u_src, 0))).rgb
    : texelFetch(u_src, ivec2(gl_FragCoord.xy), 0).rgb;
  uvec3 b = uvec3(c * 255.0 + 0.5);
  uint y = (306u * b.r + 601u * b.g + 117u * b.b + 512u) >> 10;
  o = vec4(vec3(float(y) / 255.0), 1.0);
}`;

// Unsharp mask in one pass: (2R+1)^2 texel reads. amount -1 gives the plain box blur.
const unsharpFrag = (R) => `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_y;
uniform float u_amount;
out vec4 o;
const int R = ${R};
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  ivec2 hi = textureSize(u_y, 0) - 1;
  float s = 0.0;
  for (int dy = -R; dy <= R; dy++)
    for (int dx = -R; dx <= R; dx++)
      s += texelFetch(u_y, clamp(p + ivec2(dx, dy), ivec2(0), hi), 0).r;
  float v = texelFetch(u_y, p, 0).r;
  float m = s / float((2 * R + 1) * (2 * R + 1));
  o = vec4(vec3(clamp(v + u_amount * (v - m), 0.0, 1.0)), 1.0);
}`;

// Separable unsharp: pass 1 sums rows into a float plane (R32F), pass 2 sums that down the
// columns and combines with the centre pixel. 2(2R+1) reads per pixel instead of (2R+1)^2.
const rowSumFrag = (R) => `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_y;
out vec4 o;
const int R = ${R};
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int hi = textureSize(u_y, 0).x - 1;
  float s = 0.0;
  for (int dx = -R; dx <= R; dx++) s += texelFetch(u_y, ivec2(clamp(p.x + dx, 0, hi), p.y), 0).r;
  o = vec4(s, 0.0, 0.0, 1.0);
}`;
const colSumFrag = (R) => `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_y;
uniform highp sampler2D u_rows;
uniform float u_amount;
out vec4 o;
const int R = ${R};
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int hi = textureSize(u_rows, 0).y - 1;
  float s = 0.0;
  for (int dy = -R; dy <= R; dy++) s += texelFetch(u_rows, ivec2(p.x, clamp(p.y + dy, 0, hi)), 0).r;
  float v = texelFetch(u_y, p, 0).r;
  float m = s / float((2 * R + 1) * (2 * R + 1));
  o = vec4(vec3(clamp(v + u_amount * (v - m), 0.0, 1.0)), 1.0);
}`;

// Packs 4 gray pixels into one RGBA texel (a quarter-width target), so readPixels moves w*h
// bytes instead of 4*w*h; the CPU then spreads them to RGBA for zxing-wasm.
const kPackFrag = `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_y;
out vec4 o;
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int hi = textureSize(u_y, 0).x - 1;
  int x = 4 * p.x;
  o = vec4(texelFetch(u_y, ivec2(x, p.y), 0).r, texelFetch(u_y, ivec2(min(x + 1, hi), p.y), 0).r,
           texelFetch(u_y, ivec2(min(x + 2, hi), p.y), 0).r, texelFetch(u_y, ivec2(min(x + 3, hi), p.y), 0).r);
}`;

// Experiments beyond the CPU ladder's filters (filter entries ['gauss', sigma, amount] and
// ['lcn', radius, gain]; README): an unsharp mask with a Gaussian instead of a box, and local
// contrast normalisation, (y - mean) / std over a box, both as a row pass into a float plane and
// a column pass that combines.
const gaussRowFrag = `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_y;
uniform float u_sigma;
uniform int u_r;
out vec4 o;
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  ivec2 hi = textureSize(u_y, 0) - 1;
  float s = 0.0, ws = 0.0;
  for (int i = -u_r; i <= u_r; i++) {
    float w = exp(-float(i * i) / (2.0 * u_sigma * u_sigma));
    s += w * texelFetch(u_y, clamp(p + ivec2(i, 0), ivec2(0), hi), 0).r;
    ws += w;
  }
  o = vec4(s / ws, 0.0, 0.0, 1.0);
}`;
const gaussColFrag = `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_y;
uniform highp sampler2D u_rows;
uniform float u_sigma;
uniform int u_r;
uniform float u_amount;
out vec4 o;
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int hi = textureSize(u_rows, 0).y - 1;
  float s = 0.0, ws = 0.0;
  for (int i = -u_r; i <= u_r; i++) {
    float w = exp(-float(i * i) / (2.0 * u_sigma * u_sigma));
    s += w * texelFetch(u_rows, ivec2(p.x, clamp(p.y + i, 0, hi)), 0).r;
    ws += w;
  }
  float v = texelFetch(u_y, p, 0).r;
  o = vec4(vec3(clamp(v + u_amount * (v - s / ws), 0.0, 1.0)), 1.0);
}`;
const lcnRowFrag = `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_y;
uniform int u_r;
out vec4 o;
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int hi = textureSize(u_y, 0).x - 1;
  vec2 s = vec2(0.0);
  for (int i = -u_r; i <= u_r; i++) { float v = texelFetch(u_y, ivec2(clamp(p.x + i, 0, hi), p.y), 0).r; s += vec2(v, v * v); }
  o = vec4(s, 0.0, 1.0);
}`;
const lcnColFrag = `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_y;
uniform highp sampler2D u_rows;
uniform int u_r;
uniform float u_gain;
out vec4 o;
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int hi = textureSize(u_rows, 0).y - 1;
  vec2 s = vec2(0.0);
  for (int i = -u_r; i <= u_r; i++) s += texelFetch(u_rows, ivec2(p.x, clamp(p.y + i, 0, hi)), 0).rg;
  float n = float((2 * u_r + 1) * (2 * u_r + 1));
  float m = s.x / n;
  float sd = sqrt(max(s.y / n - m * m, 0.0));
  float v = texelFetch(u_y, p, 0).r;
  o = vec4(vec3(clamp(0.5 + u_gain * (v - m) / (sd + 0.03), 0.0, 1.0)), 1.0);
}`;

// Van Cittert deconvolution for a Gaussian blur of sigma (filter ['vc', sigma, iterations, beta]):
// x <- x + beta * (y - G * x), from x = y; G * x is gaussRowFrag into a float plane, then this.
const vcColFrag = `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_x;
uniform highp sampler2D u_y;
uniform highp sampler2D u_rows;
uniform float u_sigma;
uniform int u_r;
uniform float u_beta;
out vec4 o;
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int hi = textureSize(u_rows, 0).y - 1;
  float s = 0.0, ws = 0.0;
  for (int i = -u_r; i <= u_r; i++) {
    float w = exp(-float(i * i) / (2.0 * u_sigma * u_sigma));
    s += w * texelFetch(u_rows, ivec2(p.x, clamp(p.y + i, 0, hi)), 0).r;
    ws += w;
  }
  float x = texelFetch(u_x, p, 0).r + u_beta * (texelFetch(u_y, p, 0).r - s / ws);
  o = vec4(vec3(clamp(x, -0.5, 1.5)), 1.0);
}`;

export const kShaders = { kVert, kLumaFrag, unsharpFrag, rowSumFrag, colSumFrag, kPackFrag, gaussRowFrag, gaussColFrag, lcnRowFrag, lcnColFrag, vcColFrag };

// Returns a GPU filter, or null when WebGL2 is not there. Options:
//   separable: two-pass box sums (needs EXT_color_buffer_float; else one pass)
//   pack: read back 1 byte per pixel and spread on the CPU (else RGBA readback)
//   profile: gl.finish() between the steps so stats split upload / draw / readback (slower)
// Methods: setSource(ImageData | ImageBitmap, w, h) uploads the frame (resampled to w x h when its
// size differs) and makes its luma plane; gray() -> ImageData of the luma; apply(filters) ->
// ImageData after the [radius, amount] filters in order. Each throws when the context is lost
// (lost() then says so): the caller falls back to the CPU.
export function createGpuFilter({ separable = true, pack = false, profile = false } = {}) {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const canvas = new OffscreenCanvas(1, 1);
  let gl = null;
  try {
    gl = canvas.getContext('webgl2', {
      alpha: false, antialias: false, depth: false, stencil: false, premultipliedAlpha: false,
      preserveDrawingBuffer: false, powerPreference: 'high-performance', desynchronized: true,
    });
  } catch { gl = null; }
  if (!gl) return null;
  let isLost = false;
  canvas.addEventListener?.('webglcontextlost', (e) => { e.preventDefault(); isLost = true; });
  const floatTargets = !!gl.getExtension('EXT_color_buffer_float');
  const useSeparable = separable && floatTargets;

  const programs = new Map();
  function program(key, fragSrc) {
    let p = programs.get(key);
    if (p) return p;
    const sh = (type, src) => {
      const s = gl.createShader(type);
      gl.shaderSource(s, src);
      gl.compileShader(s);
      if (!gl.getShaderParameter(s, gl.COMPILE_STATUS) && !gl.isContextLost()) throw new Error(`qr_gpu shader: ${gl.getShaderInfoLog(s)}`);
      return s;
    };
    const prog = gl.createProgram();
    gl.attachShader(prog, sh(gl.VERTEX_SHADER, kVert));
    gl.attachShader(prog, sh(gl.FRAGMENT_SHADER, fragSrc));
    gl.linkProgram(prog);
    if (!gl.getProgramParameter(prog, gl.LINK_STATUS) && !gl.isContextLost()) throw new Error(`qr_gpu link: ${gl.getProgramInfoLog(prog)}`);
    const uni = {};
    const n = gl.getProgramParameter(prog, gl.ACTIVE_UNIFORMS);
    for (let i = 0; i < n; i++) { const name = gl.getActiveUniform(prog, i).name; uni[name] = gl.getUniformLocation(prog, name); }
    p = { prog, uni };
    programs.set(key, p);
    return p;
  }

  const vao = gl.createVertexArray();
  function texture(w, h, internal, format, type, filter = gl.NEAREST) {
    const t = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, t);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, filter);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, filter);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    if (w) gl.texStorage2D(gl.TEXTURE_2D, 1, internal, w, h);
    return t;
  }
  function target(tex) {
    const fb = gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, tex, 0);
    return { tex, fb };
  }

  // Per-size resources: the luma plane, two 8-bit ping-pong planes, the RGBA output, the row sums.
  let size = null;
  let res = null;
  let src = null;
  let readBuf = null;
  function ensure(w, h) {
    if (size && size.w === w && size.h === h) return;
    if (res) for (const r of Object.values(res)) { gl.deleteFramebuffer(r.fb); gl.deleteTexture(r.tex); }
    res = {
      y: target(texture(w, h, gl.R8)),
      a: target(texture(w, h, gl.R8)),
      b: target(texture(w, h, gl.R8)),
      out: target(texture(w, h, gl.RGBA8)),
      packed: target(texture(Math.ceil(w / 4), h, gl.RGBA8)),
    };
    if (useSeparable) res.rows = target(texture(w, h, gl.R32F));
    if (floatTargets) {
      res.rows2 = target(texture(w, h, gl.RG32F));
      res.f0 = target(texture(w, h, gl.R32F));
      res.f1 = target(texture(w, h, gl.R32F));
    }
    size = { w, h };
    readBuf = null;
  }

  const stats = { frames: 0, uploadMs: 0, drawMs: 0, readMs: 0, spreadMs: 0, passes: 0 };
  const now = () => performance.now();
  function draw(p, fb, w, h, textures, uniforms = {}) {
    gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
    gl.viewport(0, 0, w, h);
    gl.useProgram(p.prog);
    let unit = 0;
    for (const [name, tex] of Object.entries(textures)) {
      gl.activeTexture(gl.TEXTURE0 + unit);
      gl.bindTexture(gl.TEXTURE_2D, tex);
      gl.uniform1i(p.uni[name], unit++);
    }
    for (const [name, v] of Object.entries(uniforms)) {
      if (typeof v === 'boolean') gl.uniform1i(p.uni[name], v ? 1 : 0);
      else if (Array.isArray(v)) gl.uniform2f(p.uni[name], v[0], v[1]);
      else if (name === 'u_r') gl.uniform1i(p.uni[name], v);
      else gl.uniform1f(p.uni[name], v);
    }
    gl.bindVertexArray(vao);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    stats.passes++;
  }
  function check() {
    if (isLost || gl.isContextLost()) { isLost = true; throw new Error('webgl2 context lost'); }
  }

  let current = null; // texture holding the current gray plane (res.y after setSource)
  let lastRead = null; // profiling: readAgain() repeats the last readPixels (transfer alone)
  function readGray(planeTex) {
    const { w, h } = size;
    let t = now();
    if (pack && w % 4 === 0) {
      draw(program('pack', kPackFrag), res.packed.fb, w / 4, h, { u_y: planeTex });
      if (profile) { gl.finish(); stats.drawMs += now() - t; t = now(); }
      const bytes = new Uint8Array(w * h);
      gl.bindFramebuffer(gl.FRAMEBUFFER, res.packed.fb);
      gl.readPixels(0, 0, w / 4, h, gl.RGBA, gl.UNSIGNED_BYTE, bytes);
      lastRead = { fb: res.packed.fb, w: w / 4, h, buf: bytes };
      stats.readMs += now() - t;
      check();
      t = now();
      const data = new Uint8ClampedArray(w * h * 4);
      const u32 = new Uint32Array(data.buffer);
      for (let i = 0; i < bytes.length; i++) u32[i] = 0xff000000 | (bytes[i] * 0x010101); // little-endian RGBA
      stats.spreadMs += now() - t;
      return new ImageData(data, w, h);
    }
    // Gray RGBA straight from a texture: one more pass unless the plane is already the RGBA output.
    if (planeTex !== res.out.tex) {
      draw(program('unsharp0', unsharpFrag(0)), res.out.fb, w, h, { u_y: planeTex }, { u_amount: 0 });
    }
    if (profile) { gl.finish(); stats.drawMs += now() - t; t = now(); }
    const data = new Uint8ClampedArray(w * h * 4);
    gl.bindFramebuffer(gl.FRAMEBUFFER, res.out.fb);
    gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, data);
    lastRead = { fb: res.out.fb, w, h, buf: data };
    stats.readMs += now() - t;
    check();
    return new ImageData(data, w, h);
  }

  return {
    separable: useSeparable,
    stats,
    lost: () => isLost || gl.isContextLost(),
    setSource(img, w = img.width, h = img.height) {
      check();
      ensure(w, h);
      let t = now();
      src ??= texture(0, 0, 0, 0, 0, gl.LINEAR);
      gl.bindTexture(gl.TEXTURE_2D, src);
      gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
      gl.pixelStorei(gl.UNPACK_COLORSPACE_CONVERSION_WEBGL, gl.NONE);
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE, img);
      if (profile) { gl.finish(); }
      stats.uploadMs += now() - t;
      t = now();
      const resample = img.width !== w || img.height !== h;
      draw(program('luma', kLumaFrag), res.y.fb, w, h, { u_src: src },
        { u_scale: [img.width / w, img.height / h], u_resample: resample });
      if (profile) { gl.finish(); stats.drawMs += now() - t; }
      stats.frames++;
      current = res.y.tex;
      check();
    },
    gray() { return readGray(res.y.tex); },
    readTiny() { // profiling: a 1-pixel readPixels, a sync point that moves no data
      gl.bindFramebuffer(gl.FRAMEBUFFER, res.y.fb);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    },
    readAgain() {
      gl.bindFramebuffer(gl.FRAMEBUFFER, lastRead.fb);
      gl.readPixels(0, 0, lastRead.w, lastRead.h, gl.RGBA, gl.UNSIGNED_BYTE, lastRead.buf);
    },
    apply(filters) {
      check();
      const { w, h } = size;
      const t = now();
      let plane = current;
      filters.forEach(([radius, amount, extra], i) => {
        const last = i === filters.length - 1 && !pack;
        const dst = last ? res.out : (plane === res.a.tex ? res.b : res.a);
        if (radius === 'gauss') { // ['gauss', sigma, amount]
          if (!floatTargets) throw new Error('gauss needs EXT_color_buffer_float');
          const sigma = amount, r = Math.ceil(3 * sigma);
          draw(program('grow', gaussRowFrag), res.rows.fb, w, h, { u_y: plane }, { u_sigma: sigma, u_r: r });
          draw(program('gcol', gaussColFrag), dst.fb, w, h, { u_y: plane, u_rows: res.rows.tex }, { u_sigma: sigma, u_r: r, u_amount: extra });
        } else if (radius === 'vc') { // ['vc', sigma, iterations, beta]
          if (!floatTargets) throw new Error('vc needs EXT_color_buffer_float');
          const sigma = amount, r = Math.ceil(3 * sigma), iters = extra, beta = filters[i][3] ?? 1;
          let x = plane;
          for (let k = 0; k < iters; k++) {
            const to = k === iters - 1 ? dst : (x === res.f0.tex ? res.f1 : res.f0);
            draw(program('grow', gaussRowFrag), res.rows.fb, w, h, { u_y: x }, { u_sigma: sigma, u_r: r });
            draw(program('vccol', vcColFrag), to.fb, w, h, { u_x: x, u_y: plane, u_rows: res.rows.tex }, { u_sigma: sigma, u_r: r, u_beta: beta });
            x = to.tex;
          }
        } else if (radius === 'lcn') { // ['lcn', radius, gain]
          if (!floatTargets) throw new Error('lcn needs EXT_color_buffer_float');
          draw(program('lrow', lcnRowFrag), res.rows2.fb, w, h, { u_y: plane }, { u_r: amount });
          draw(program('lcol', lcnColFrag), dst.fb, w, h, { u_y: plane, u_rows: res.rows2.tex }, { u_r: amount, u_gain: extra });
        } else if (useSeparable && radius > 0) {
          draw(program(`rows${radius}`, rowSumFrag(radius)), res.rows.fb, w, h, { u_y: plane });
          draw(program(`cols${radius}`, colSumFrag(radius)), dst.fb, w, h, { u_y: plane, u_rows: res.rows.tex }, { u_amount: amount });
        } else {
          draw(program(`unsharp${radius}`, unsharpFrag(radius)), dst.fb, w, h, { u_y: plane }, { u_amount: amount });
        }
        plane = dst.tex;
      });
      if (profile) { gl.finish(); stats.drawMs += now() - t; }
      return readGray(plane);
    },
  };
}

// The ladder of web/qr_decode.js with its filtered rungs on the GPU (a bench copy of createDecoder's
// loop; only the text matters here). gpu: createGpuFilter(...) or null (then the CPU filters).
// source: 'imagedata' (decode(img): the fast rung reads img, the frame is uploaded only when a
// filtered rung comes) or 'bitmap' (decode(bitmap): upload first, the fast rung reads the GPU's
// luma back; no 2D canvas).
export function createGpuDecoder(readBarcodes, { ladder, kHard, unsharp, luma, grayImage, gpu, cpuFilter = null }) {
  let turn = 0;
  return {
    gpu,
    async decode(img, { live = false, bitmap = null, w = img ? img.width : bitmap.width, h = img ? img.height : bitmap.height } = {}) {
      let rungs = ladder;
      if (live && ladder.length > 2) rungs = [ladder[0], ladder[1 + (turn++ % (ladder.length - 1))]];
      let uploaded = false;
      let y = null;
      const upload = () => { if (!uploaded) { gpu.setSource(bitmap || img, w, h); uploaded = true; } };
      for (const rung of rungs) {
        let input = img;
        const filters = rung.filters && rung.filters.length ? rung.filters : null;
        if (gpu && !gpu.lost()) {
          try {
            if (filters) { upload(); input = gpu.apply(filters); } else if (!img) { upload(); input = gpu.gray(); }
          } catch (e) { if (!gpu.lost()) throw e; input = null; }
        }
        if (!input || (filters && input === img)) {
          // CPU fallback (no WebGL2, or the context was lost)
          if (!img) throw new Error('no ImageData for the CPU fallback');
          if (filters) {
            y ??= luma(img);
            let plane = y;
            for (const f of filters) plane = cpuFilter ? cpuFilter(unsharp, plane, w, h, f) : unsharp(plane, w, h, f[0], f[1]);
            input = grayImage(plane, w, h);
          } else input = img;
        }
        const results = await readBarcodes(input, { ...kHard, ...rung.options });
        const r = results.find((x) => x.isValid !== false && x.text);
        if (r) return { text: r.text, pass: rung.name };
      }
      return null;
    },
  };
}
