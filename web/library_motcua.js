// Functions the C++ side calls (declared in src/platform/web/bridge.cpp and storage_web.cpp).
// They forward to the page's shell (web/shell.js), passed in as Module.motcuaShell.
mergeInto(LibraryManager.library, {
  $mcString: function (text) {
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
  },
  mc_js_request_frame: function () {
    Module.motcuaShell.requestFrame();
  },
  mc_js_request_frame_after: function (ms) {
    Module.motcuaShell.requestFrameAfter(ms);
  },
  mc_js_wake_after: function (ms) {
    setTimeout(function () { Module._mc_wake(); }, ms);
  },
  mc_js_publish_a11y: function (json) {
    Module.motcuaShell.publishA11y(UTF8ToString(json));
  },
  mc_js_sync_text_agent: function (active, text, selStart, selEnd, mode, x, y, w, h) {
    Module.motcuaShell.syncTextAgent(!!active, UTF8ToString(text), selStart, selEnd,
      UTF8ToString(mode), x, y, w, h);
  },
  mc_js_start_url__deps: ['$mcString'],
  mc_js_start_url: function () {
    return mcString(location.pathname + location.search + location.hash);
  },
  // The CJK font's hashed URL, written into web/shell.js by tools/package_web.py.
  mc_js_cjk_font_url__deps: ['$mcString'],
  mc_js_cjk_font_url: function (bold) {
    return mcString((bold ? Module.motcuaShell.cjkBoldFontUrl : Module.motcuaShell.cjkFontUrl) || '');
  },
  mc_js_set_url: function (url) {
    Module.motcuaShell.setUrl(UTF8ToString(url));
  },
  mc_js_push_url: function (url, leavingScroll) {
    Module.motcuaShell.pushUrl(UTF8ToString(url), leavingScroll);
  },
  mc_js_history_back: function () {
    Module.motcuaShell.historyBack();
  },
  mc_js_history_index: function () {
    return Module.motcuaShell.historyIndex();
  },
  mc_js_share: function (title, url) {
    Module.motcuaShell.share(UTF8ToString(title), UTF8ToString(url));
  },
  mc_js_set_lang: function (code) {
    document.documentElement.lang = UTF8ToString(code);
  },
  mc_js_set_kiosk: function (on) {
    Module.motcuaShell.setKiosk(!!on);
  },
  mc_js_wipe_storage: function () {
    Module.motcuaShell.wipeStorage();
  },
  // The installable app (web/pwa.js, Module.motcuaShell.pwa).
  mc_js_apply_update: function () {
    if (Module.motcuaShell.pwa) Module.motcuaShell.pwa.applyUpdate();
  },
  mc_js_prompt_install: function () {
    if (Module.motcuaShell.pwa) Module.motcuaShell.pwa.promptInstall();
  },
  mc_js_report_timing: function (name, ms) {
    const key = UTF8ToString(name);
    const t = (window.motcua.timings = window.motcua.timings || {});
    (t[key] = t[key] || []).push(ms);
  },
  mc_js_open_url: function (url) {
    const target = UTF8ToString(url);
    if (/^(tel:|https:\/\/)/.test(target)) {
      if (target.startsWith('tel:')) location.href = target;
      else window.open(target, '_blank', 'noopener');
    }
  },
  mc_js_random: function (out, n) {
    crypto.getRandomValues(HEAPU8.subarray(out, out + n));
  },
  mc_js_vibrate: function (ms) {
    try {
      if (navigator.vibrate) navigator.vibrate(ms);
    } catch (e) {}
  },
  mc_js_wall_clock: function () {
    return Date.now() / 1000;
  },
  // The camera scanner lives in web/scanner.js (Module.motcuaShell.scanner).
  // web/scanner.js uploads video frames into `texture` through Emscripten's GL object
  // (GL.textures, GL.currentContext.GLctx), which is not exported on Module by default.
  mc_js_scanner_open__deps: ['$GL'],
  mc_js_scanner_open: function (texture) {
    Module.motcuaGL = GL;
    Module.motcuaShell.scanner.open(texture);
  },
  mc_js_scanner_close: function () {
    if (Module.motcuaShell.scanner) Module.motcuaShell.scanner.close();
  },
  mc_js_scanner_torch: function (on) {
    if (Module.motcuaShell.scanner) Module.motcuaShell.scanner.setTorch(!!on);
  },
  mc_js_scanner_switch: function () {
    if (Module.motcuaShell.scanner) Module.motcuaShell.scanner.switchCamera();
  },
  mc_js_scanner_pick_photo: function () {
    if (Module.motcuaShell.scanner) Module.motcuaShell.scanner.pickPhoto();
  },
  mc_js_storage_get__deps: ['$mcString'],
  mc_js_storage_get: function (key) {
    try {
      const value = localStorage.getItem(UTF8ToString(key));
      return value === null ? 0 : mcString(value);
    } catch (e) {
      return 0;
    }
  },
  mc_js_storage_set: function (key, value) {
    try {
      localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
    } catch (e) {
      // Storage full or disabled (private mode): the app keeps working from memory.
    }
  },
  mc_js_storage_remove: function (key) {
    try {
      localStorage.removeItem(UTF8ToString(key));
    } catch (e) {}
  },
  // Web Push for the notify switch (web/push.js, Module.motcuaShell.push).
  mc_js_push_support: function () {
    return Module.motcuaShell.push ? Module.motcuaShell.push.support() : 1;
  },
  mc_js_push_permission: function () {
    return Module.motcuaShell.push ? Module.motcuaShell.push.permission() : 0;
  },
  mc_js_push_request_permission: function () {
    if (Module.motcuaShell.push) Module.motcuaShell.push.requestPermission();
  },
  mc_js_push_subscribe: function (key) {
    if (Module.motcuaShell.push) Module.motcuaShell.push.subscribe(UTF8ToString(key));
  },
  mc_js_push_current: function () {
    if (Module.motcuaShell.push) Module.motcuaShell.push.current();
  },
  mc_js_push_unsubscribe: function () {
    if (Module.motcuaShell.push) Module.motcuaShell.push.unsubscribe();
  },
  mc_js_push_set_dossiers: function (json) {
    if (Module.motcuaShell.push) Module.motcuaShell.push.setDossiers(UTF8ToString(json));
  },
  // Paying a fee: copy a detail for the banking app, or keep the fee's VietQR as an image.
  mc_js_copy_text: function (text) {
    const value = UTF8ToString(text);
    const fallback = function () {
      // Older browsers and http pages: a selected, off-screen textarea and the copy command.
      const area = document.createElement('textarea');
      area.value = value;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.left = '-9999px';
      document.body.appendChild(area);
      area.select();
      try {
        document.execCommand('copy');
      } catch (e) {}
      area.remove();
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).catch(fallback);
    } else {
      fallback();
    }
  },
  mc_js_save_qr_image: function (fileName, size, modules, caption) {
    const name = UTF8ToString(fileName);
    const bits = UTF8ToString(modules);
    const text = UTF8ToString(caption);
    // 8 pixels per module, the 4-module quiet zone, and room for one caption line below.
    const scale = 8, quiet = 4, side = (size + 2 * quiet) * scale, captionH = text ? 48 : 0;
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side + captionH;
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = '#000';
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++)
        if (bits.charCodeAt(y * size + x) === 49)
          g.fillRect((x + quiet) * scale, (y + quiet) * scale, scale, scale);
    if (text) {
      g.font = '24px sans-serif';
      g.textAlign = 'center';
      g.fillText(text, side / 2, side + 12, side - 16);
    }
    canvas.toBlob(async function (blob) {
      if (!blob) return;
      const file = new File([blob], name, { type: 'image/png' });
      // On a phone the payer is the one holding it: the share sheet saves it to the photos.
      const phone = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
      if (phone && navigator.canShare && navigator.canShare({ files: [file] })) {
        try {
          await navigator.share({ files: [file], title: name });
          return;
        } catch (e) {
          if (e && e.name === 'AbortError') return;
        }
      }
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }, 'image/png');
  },
});
