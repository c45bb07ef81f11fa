// The camera QR scanner behind src/platform/scanner.h (called through web/library_motcua.js):
// the rear camera into the app's GL texture frame by frame, frames to the decoder Worker
// (web/scanner_worker.js, zxing-wasm loaded only when the scanner first opens), one frame in
// flight at a time, and the results back to C++ (bridge.cpp: mc_scan_state, mc_scan_caps,
// mc_scan_result, mc_scan_photo_failed, mc_scan_frame). Which frames to decode and which results
// are news is the core's decision (src/core/scan_pacer.h: mc_scan_frame_wanted, mc_scan_decoded).
import { withString } from '/__WASM_STRING_JS__';

const kWorkerUrl = '/__SCANNER_WORKER_JS__';

const State = { Idle: 0, Starting: 1, Running: 2, Denied: 3, NoCamera: 4, Insecure: 5, Failed: 6 };
const Source = { Camera: 0, Photo: 1 };
const kVideoMaxSide = 1920; // frames larger than this are scaled down before decoding
const kPhotoMaxSide = 4096;

export function createScanner(getModule) {
  let wanted = false; // the app keeps the scanner open
  let texture = 0;
  let stream = null;
  let video = null;
  let generation = 0; // bumps on every start/stop: late async results of an old start are dropped
  let deviceId = null; // chosen by switchCamera(); null: the rear camera by facingMode
  let frameHandle = 0;
  let inFlight = false;
  let texW = 0;
  let texH = 0;

  // ---- Decoder worker (kept warm once started) -------------------------------------------
  let worker = null;
  let workerState = 'none'; // none | loading | ready | failed
  let seq = 0;
  const pending = new Map();

  function startWorker() {
    if (worker) return;
    workerState = 'loading';
    worker = new Worker(kWorkerUrl, { type: 'module', name: 'qr-decoder' });
    worker.onmessage = (ev) => {
      const msg = ev.data;
      if (msg.type === 'ready') {
        workerState = 'ready';
        // The camera may be running already: decode the frame on screen now, not at the next one.
        if (video && video.videoWidth > 0 && !inFlight && frameWanted()) sendFrame(generation);
        return;
      }
      if (msg.type === 'failed') {
        workerFailed(msg.error);
        return;
      }
      const p = pending.get(msg.id);
      if (p) {
        pending.delete(msg.id);
        p(msg);
      }
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      workerFailed(e.message || 'worker error');
    };
  }

  function workerFailed(error) {
    workerState = 'failed';
    for (const p of pending.values()) p({ error });
    pending.clear();
    worker?.terminate();
    worker = null;
    if (wanted) {
      stopStream();
      reportState(State.Failed, `decoder: ${error}`);
    }
  }

  // live: a camera frame (the worker spreads its harder attempts over consecutive frames);
  // otherwise a photo, which gets every attempt at once.
  function decode(bitmap, maxSide, live) {
    startWorker();
    const id = ++seq;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, bitmap, maxSide, live }, [bitmap]);
    });
  }

  // ---- Calls into the app ----------------------------------------------------------------
  function reportState(state, detail = '') {
    const m = getModule();
    if (m) withString(m, detail, (ptr) => m._mc_scan_state(state, ptr));
  }

  function reportResult(text, corners, source) {
    const m = getModule();
    if (!m) return;
    let cptr = 0;
    if (corners) {
      cptr = m._malloc(32);
      m.HEAPF32.set(corners, cptr >> 2);
    }
    try {
      withString(m, text, (ptr) => m._mc_scan_result(ptr, cptr, source));
    } finally {
      if (cptr) m._free(cptr);
    }
  }

  // ---- Preview texture -------------------------------------------------------------------
  function upload() {
    const m = getModule();
    const GL = m && (m.motcuaGL || m.GL);
    const gl = GL && GL.currentContext && GL.currentContext.GLctx;
    const tex = texture && GL && GL.textures[texture];
    if (!gl || !tex || !video || video.videoWidth === 0) return;
    const previous = gl.getParameter(gl.TEXTURE_BINDING_2D);
    gl.bindTexture(gl.TEXTURE_2D, tex);
    if (texW !== video.videoWidth || texH !== video.videoHeight) {
      texW = video.videoWidth;
      texH = video.videoHeight;
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, video);
    } else {
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, gl.RGBA, gl.UNSIGNED_BYTE, video);
    }
    gl.bindTexture(gl.TEXTURE_2D, previous);
    m._mc_scan_frame();
  }

  // ---- Frame loop ------------------------------------------------------------------------
  function scheduleFrame(gen) {
    if (!video) return;
    if (video.requestVideoFrameCallback) {
      frameHandle = video.requestVideoFrameCallback(() => onFrame(gen));
    } else {
      frameHandle = requestAnimationFrame(() => onFrame(gen));
    }
  }

  function cancelFrame() {
    if (!video || !frameHandle) return;
    if (video.cancelVideoFrameCallback) video.cancelVideoFrameCallback(frameHandle);
    else cancelAnimationFrame(frameHandle);
    frameHandle = 0;
  }

  function onFrame(gen) {
    if (gen !== generation || !video) return;
    try {
      upload();
    } catch (e) {
      // A lost GL context or a frame not yet decodable: the preview skips this frame.
    }
    if (!inFlight && workerState === 'ready' && video.videoWidth > 0 && frameWanted()) sendFrame(gen);
    scheduleFrame(gen);
  }

  function frameWanted() {
    const m = getModule();
    return !!m && m._mc_scan_frame_wanted() === 1;
  }

  async function sendFrame(gen) {
    inFlight = true;
    const t0 = performance.now();
    let ms = 0;
    let found = false;
    try {
      const bitmap = await createImageBitmap(video);
      if (gen !== generation) {
        bitmap.close();
        return;
      }
      const r = await decode(bitmap, kVideoMaxSide, true);
      ms = r.ms ?? performance.now() - t0;
      found = !!r.text;
      if (gen !== generation || !wanted || !r.text) return;
      reportResult(r.text, r.corners, Source.Camera);
    } catch (e) {
      // The video had no frame to copy yet: try again on the next one.
    } finally {
      inFlight = false;
      getModule()?._mc_scan_decoded(ms, found ? 1 : 0);
    }
  }

  // ---- Camera ----------------------------------------------------------------------------
  function constraints() {
    const video = { width: { ideal: 1280 }, height: { ideal: 720 } };
    if (deviceId) video.deviceId = { exact: deviceId };
    else video.facingMode = 'environment';
    return { audio: false, video };
  }

  function stopStream() {
    generation++;
    cancelFrame();
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    if (video) {
      video.srcObject = null;
      video.remove();
      video = null;
    }
    texW = texH = 0;
  }

  async function videoInputs() {
    try {
      const devices = await navigator.mediaDevices.enumerateDevices();
      return devices.filter((d) => d.kind === 'videoinput');
    } catch (e) {
      return [];
    }
  }

  async function start() {
    stopStream();
    const gen = generation;
    reportState(State.Starting);
    if (!window.isSecureContext) {
      reportState(State.Insecure, 'not a secure context');
      return;
    }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      reportState(State.NoCamera, 'no mediaDevices');
      return;
    }
    startWorker();
    let s;
    try {
      s = await navigator.mediaDevices.getUserMedia(constraints());
    } catch (e) {
      if (gen !== generation) return;
      const name = e && e.name;
      const detail = `${name}: ${e && e.message}`;
      if (name === 'NotAllowedError' || name === 'SecurityError') reportState(State.Denied, detail);
      else if (name === 'NotFoundError' || name === 'OverconstrainedError') {
        if (deviceId) {
          // The chosen camera went away: fall back to the default one.
          deviceId = null;
          if (wanted) start();
          return;
        }
        reportState(State.NoCamera, detail);
      } else reportState(State.Failed, detail);
      return;
    }
    if (gen !== generation || !wanted || document.hidden) {
      for (const track of s.getTracks()) track.stop();
      return;
    }
    stream = s;
    const v = document.createElement('video');
    v.muted = true;
    v.playsInline = true;
    v.setAttribute('playsinline', '');
    v.setAttribute('aria-hidden', 'true');
    // In the page (not displayed) so every browser keeps decoding its frames.
    v.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;pointer-events:none';
    document.body.appendChild(v);
    video = v;
    v.srcObject = s;
    const [track] = s.getVideoTracks();
    track.addEventListener('ended', () => {
      if (gen === generation && wanted) {
        stopStream();
        reportState(State.Failed, 'camera ended');
      }
    });
    try {
      await v.play();
      if (v.videoWidth === 0) {
        await new Promise((resolve) => v.addEventListener('loadedmetadata', resolve, { once: true }));
      }
    } catch (e) {
      if (gen !== generation) return;
      stopStream();
      reportState(State.Failed, `play: ${e && e.message}`);
      return;
    }
    if (gen !== generation) return;
    const caps = track.getCapabilities ? track.getCapabilities() : {};
    const inputs = await videoInputs();
    if (gen !== generation) return;
    const m = getModule();
    m?._mc_scan_caps(caps.torch ? 1 : 0, inputs.length > 1 ? 1 : 0, v.videoWidth, v.videoHeight);
    reportState(State.Running);
    // The first picture is there already: show it and decode it without waiting for the next.
    onFrame(gen);
  }

  document.addEventListener('visibilitychange', () => {
    if (!wanted) return;
    if (document.hidden) {
      stopStream();
    } else if (!stream) {
      start();
    }
  });

  // ---- Photo -----------------------------------------------------------------------------
  let photoInput = null;

  async function decodePhoto(file) {
    try {
      const bitmap = await createImageBitmap(file);
      const r = await decode(bitmap, kPhotoMaxSide, false);
      if (r.text) reportResult(r.text, null, Source.Photo);
      else getModule()?._mc_scan_photo_failed();
    } catch (e) {
      getModule()?._mc_scan_photo_failed();
    }
  }

  return {
    open(tex) {
      texture = tex >>> 0;
      texW = texH = 0;
      if (wanted && stream) return;
      wanted = true;
      start();
    },
    close() {
      wanted = false;
      stopStream();
      reportState(State.Idle);
    },
    async setTorch(on) {
      const track = stream && stream.getVideoTracks()[0];
      if (!track) return;
      try {
        await track.applyConstraints({ advanced: [{ torch: !!on }] });
      } catch (e) {
        // No torch on this camera: caps said so already.
      }
    },
    async switchCamera() {
      if (!wanted) return;
      const inputs = await videoInputs();
      if (inputs.length < 2) return;
      const current = stream && stream.getVideoTracks()[0]?.getSettings().deviceId;
      const i = inputs.findIndex((d) => d.deviceId === current);
      deviceId = inputs[(i + 1) % inputs.length].deviceId || null;
      start();
    },
    pickPhoto() {
      startWorker();
      if (!photoInput) {
        photoInput = document.createElement('input');
        photoInput.type = 'file';
        photoInput.accept = 'image/*';
        photoInput.id = 'scanner-photo';
        photoInput.hidden = true;
        photoInput.addEventListener('change', () => {
          const file = photoInput.files && photoInput.files[0];
          photoInput.value = '';
          if (file) decodePhoto(file);
        });
        document.body.appendChild(photoInput);
      }
      photoInput.click();
    },
  };
}
