// The page's platform layer for the C++ app: canvas sizing at devicePixelRatio, Pointer Events,
// the hidden textarea text agent, the accessibility mirror, and frames only when something happened.
import createMotCua from '/__APP_JS__';
import { createScanner } from '/__SCANNER_JS__';
import { createPwa } from '/__PWA_JS__';
import { createPush } from '/__PUSH_JS__';
import { withString } from '/__WASM_STRING_JS__';

const canvas = document.getElementById('canvas');
const agent = document.getElementById('text-agent');
const mirror = document.getElementById('a11y');
const loading = document.getElementById('loading');

const state = {
  module: null,
  frameScheduled: false,
  timer: 0,
  timerDue: 0,
  cssWidth: 0,
  cssHeight: 0,
  dpr: 1,
  frames: 0,
  agentActive: false,
  composing: false,
  ignoreBlur: false,
  mirrorItems: new Map(),
  mirrorGroups: new Map(),
  statusTexts: new Set(),
  screenTitle: null, // none yet: the first screen is not announced
};

// Visible to tests and to curious maintainers: how many frames were drawn, and whether it runs.
window.motcua = { frames: 0, ready: false };

function resize() {
  const rect = canvas.getBoundingClientRect();
  const dpr = Math.max(1, Math.min(window.devicePixelRatio || 1, 4));
  const w = Math.round(rect.width * dpr);
  const h = Math.round(rect.height * dpr);
  state.cssWidth = rect.width;
  state.cssHeight = rect.height;
  state.dpr = dpr;
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  requestFrame();
}

function runFrame(time) {
  if (!state.module) return false;
  const more = state.module._mc_frame(time, state.cssWidth, state.cssHeight, state.dpr);
  state.frames++;
  window.motcua.frames = state.frames;
  if (loading && !loading.hidden) {
    loading.hidden = true;
    window.motcua.ready = true;
  }
  return more !== 0;
}

function tick(time) {
  state.frameScheduled = false;
  if (runFrame(time)) requestFrame();
}

function requestFrame() {
  if (state.frameScheduled) return;
  state.frameScheduled = true;
  requestAnimationFrame(tick);
}

function requestFrameAfter(ms) {
  const due = performance.now() + ms;
  if (state.timer && state.timerDue <= due) return;
  clearTimeout(state.timer);
  state.timerDue = due;
  state.timer = setTimeout(() => {
    state.timer = 0;
    requestFrame();
  }, ms);
}

// ---- Pointer input ---------------------------------------------------------------------------
const kSource = { mouse: 0, touch: 1, pen: 2 };

function pointerArgs(e) {
  const rect = canvas.getBoundingClientRect();
  return [kSource[e.pointerType] ?? 0, e.clientX - rect.left, e.clientY - rect.top,
    e.button === 2 ? 1 : (e.button === 1 ? 2 : 0), e.timeStamp];
}

function onPointer(kind, e) {
  if (!state.module) return;
  const [source, x, y, button, t] = pointerArgs(e);
  if (kind === 0) {
    canvas.setPointerCapture?.(e.pointerId);
    // A tap on the canvas outside the active field ends editing; the app decides on the next frame.
    state.ignoreBlur = true;
  }
  state.module._mc_pointer(kind, source, x, y, kind === 1 ? 0 : button, t);
  if (kind === 2 && source === kSource.touch) {
    // Run the frames that activate a tapped text field now, inside the gesture, so the text
    // agent may take focus and the phone opens its keyboard (iOS requires this). ImGui gives a
    // touch its position in one frame and the press in the next (touch has no prior hover).
    const now = performance.now();
    runFrame(now);
    runFrame(now + 1);
  }
  if (kind === 2 || kind === 3) state.ignoreBlur = false;
  requestFrame();
  e.preventDefault();
}

canvas.addEventListener('pointerdown', (e) => onPointer(0, e));
canvas.addEventListener('pointermove', (e) => onPointer(1, e));
canvas.addEventListener('pointerup', (e) => onPointer(2, e));
canvas.addEventListener('pointercancel', (e) => onPointer(3, e));
canvas.addEventListener('pointerleave', (e) => {
  if (e.pointerType === 'mouse' && state.module) {
    const [, x, y, , t] = pointerArgs(e);
    state.module._mc_pointer(1, 0, -1e6, -1e6, 0, t);
    requestFrame();
  }
});
canvas.addEventListener('wheel', (e) => {
  if (!state.module) return;
  const scale = e.deltaMode === 1 ? 1 / 3 : (e.deltaMode === 2 ? 10 : 1 / 100);
  state.module._mc_wheel(-e.deltaX * scale, -e.deltaY * scale);
  requestFrame();
  e.preventDefault();
}, { passive: false });
canvas.addEventListener('contextmenu', (e) => e.preventDefault());

// ---- Text agent ------------------------------------------------------------------------------
function sendAgentText() {
  if (!state.module || !state.agentActive) return;
  let value = agent.value;
  const nfc = value.normalize('NFC');
  let start = agent.selectionStart;
  let end = agent.selectionEnd;
  if (nfc !== value && !state.composing) {
    // Keep the caret where it was relative to the end: NFC only shortens what precedes it.
    const fromEnd = value.length - end;
    agent.value = nfc;
    value = nfc;
    end = Math.max(0, nfc.length - fromEnd);
    start = Math.min(start, end);
    agent.setSelectionRange(start, end);
  }
  const m = state.module;
  withString(m, value.normalize('NFC'), (ptr) => m._mc_text_input(ptr, start, end));
  requestFrame();
}

agent.addEventListener('input', () => sendAgentText());
agent.addEventListener('compositionstart', () => { state.composing = true; });
agent.addEventListener('compositionend', () => {
  state.composing = false;
  sendAgentText();
});
agent.addEventListener('select', () => sendAgentText());
agent.addEventListener('keyup', (e) => {
  if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') sendAgentText();
});
agent.addEventListener('keydown', (e) => {
  if (!state.module || e.isComposing) return;
  if (e.key === 'Enter') {
    e.preventDefault();
    state.module._mc_key(1);
    requestFrame();
  } else if (e.key === 'Escape') {
    e.preventDefault();
    state.module._mc_key(3);
    requestFrame();
  }
});
agent.addEventListener('blur', () => {
  if (!state.module || !state.agentActive || state.ignoreBlur) return;
  // The keyboard was closed or focus moved elsewhere: end editing in the app too.
  state.module._mc_text_blur();
  requestFrame();
});

function syncTextAgent(active, text, selStart, selEnd, mode, x, y, w, h) {
  state.agentActive = active;
  if (!active) {
    if (document.activeElement === agent) agent.blur();
    agent.style.display = 'none';
    return;
  }
  agent.style.display = 'block';
  agent.style.left = `${x}px`;
  agent.style.top = `${y}px`;
  agent.style.width = `${Math.max(w, 1)}px`;
  agent.style.height = `${Math.max(h, 1)}px`;
  // "upper": letters and digits typed in capitals (codes, secrets).
  const inputMode = mode === 'upper' ? 'text' : mode;
  const capitals = mode === 'upper' ? 'characters' : 'off';
  if (agent.getAttribute('inputmode') !== inputMode) agent.setAttribute('inputmode', inputMode);
  if (agent.getAttribute('autocapitalize') !== capitals) agent.setAttribute('autocapitalize', capitals);
  if (!state.composing) {
    if (agent.value !== text) agent.value = text;
    if (agent.selectionStart !== selStart || agent.selectionEnd !== selEnd) {
      agent.setSelectionRange(selStart, selEnd);
    }
  }
  if (document.activeElement !== agent) agent.focus({ preventScroll: true });
}

// ---- Accessibility mirror --------------------------------------------------------------------
const kTags = {
  heading: 'div', button: 'button', radio: 'button', checkbox: 'button', switch: 'button', link: 'a',
  textbox: 'div', status: 'div', text: 'p', listitem: 'div', list: 'div', img: 'div',
};

function activate(id) {
  if (!state.module) return;
  state.module._mc_a11y_activate(id >>> 0);
  requestFrame();
}

function makeMirrorElement(item) {
  const el = document.createElement(kTags[item.role] || 'div');
  el.dataset.id = String(item.id);
  if (el.tagName === 'BUTTON') el.type = 'button';
  if (item.role === 'link') el.href = '#';
  if (item.role === 'heading' || item.role === 'status' || item.role === 'listitem' ||
      item.role === 'radio' || item.role === 'checkbox' || item.role === 'switch' ||
      item.role === 'textbox' || item.role === 'img') {
    el.setAttribute('role', item.role);
  }
  // Each status is read where it stands; changes are said once through the page's live regions.
  if (item.role === 'status') el.setAttribute('aria-live', 'off');
  if (item.role === 'textbox') el.tabIndex = 0;
  el.addEventListener('click', (e) => {
    e.preventDefault();
    activate(Number(el.dataset.id));
  });
  if (item.role === 'textbox') el.addEventListener('focus', () => activate(Number(el.dataset.id)));
  return el;
}

function updateMirrorElement(el, item) {
  const labelled = ['button', 'radio', 'checkbox', 'switch', 'link', 'textbox', 'img'].includes(item.role);
  if (labelled) {
    if (el.getAttribute('aria-label') !== item.name) el.setAttribute('aria-label', item.name);
    const text = item.role === 'textbox' ? (item.value || '') : item.name;
    if (el.textContent !== text) el.textContent = text;
  } else if (el.textContent !== item.name) {
    el.textContent = item.name;
  }
  // A status region takes its accessible name only from aria-label; its text is what is announced.
  if (item.role === 'status' && el.getAttribute('aria-label') !== item.name) {
    el.setAttribute('aria-label', item.name);
  }
  if (item.role === 'heading') el.setAttribute('aria-level', String(item.level || 1));
  if (item.checked !== undefined) el.setAttribute('aria-checked', String(item.checked));
  if (item.disabled) el.setAttribute('aria-disabled', 'true'); else el.removeAttribute('aria-disabled');
  const s = el.style;
  s.left = `${item.x}px`;
  s.top = `${item.y}px`;
  s.width = `${item.w}px`;
  s.height = `${item.h}px`;
}

// Items that share a group sit in one container: a list (a dossier's timeline) or a named region
// (the alert banners), so a screen reader can move over or skip the whole of it.
function groupContainer(item) {
  let box = state.mirrorGroups.get(item.group);
  if (!box) {
    box = document.createElement(item.group_role === 'region' ? 'section' : 'div');
    box.className = 'group';
    if (item.group_role !== 'region') box.setAttribute('role', 'list');
    state.mirrorGroups.set(item.group, box);
  }
  const label = item.group_label || '';
  if (label && box.getAttribute('aria-label') !== label) box.setAttribute('aria-label', label);
  return box;
}

function placeAfter(parent, el, previous) {
  const expectedNext = previous ? previous.nextSibling : parent.firstChild;
  if (expectedNext !== el) parent.insertBefore(el, expectedNext);
}

// A status that changes by itself on the screen in view (live update, rating sent, offline) is
// said once, politely. A new screen is not announced this way: the reader moves to it anyway.
// A new error is said at once, assertively.
function announceStatuses(items) {
  const title = items.find((i) => i.role === 'heading' && (i.level || 1) === 1)?.name || '';
  // By text, not by id: a status's id moves when something (an alert line) appears above it.
  const texts = new Set();
  const said = { polite: [], assertive: [] };
  for (const item of items) {
    if (item.role !== 'status') continue;
    texts.add(item.name);
    if (state.statusTexts.has(item.name) || state.screenTitle === null) continue;
    // An error is said even when it comes with a new screen (a lookup that failed).
    if (item.urgent) said.assertive.push(item.name);
    else if (title === state.screenTitle) said.polite.push(item.name);
  }
  for (const [kind, lines] of Object.entries(said)) {
    const region = document.getElementById(`live-${kind}`);
    if (region && lines.length) region.textContent = lines.join('\n');
  }
  state.statusTexts = texts;
  state.screenTitle = title;
}

// Within a run of radios (a rating scale, the languages, the text sizes) only the chosen one is a
// Tab stop; the arrow keys move between them.
function radioRuns() {
  const runs = [];
  let run = [];
  for (const el of mirror.querySelectorAll('[data-id]')) {
    if (el.getAttribute('role') === 'radio') {
      if (run.length && run[run.length - 1].nextElementSibling !== el) { runs.push(run); run = []; }
      run.push(el);
    } else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

function updateRovingTabStops() {
  for (const run of radioRuns()) {
    const chosen = run.find((el) => el.getAttribute('aria-checked') === 'true') || run[0];
    for (const el of run) el.tabIndex = el === chosen || el === document.activeElement ? 0 : -1;
  }
}

function publishA11y(json) {
  let items;
  try {
    items = JSON.parse(json);
  } catch (e) {
    return;
  }
  const keys = items.map((item) => `${item.id}:${item.role}`);
  const seen = new Set(keys);
  const seenGroups = new Set(items.filter((i) => i.group).map((i) => i.group));
  // Drop what is gone before placing the rest: a stale element left between two kept ones would
  // make the second move, and moving an element takes keyboard focus away from it.
  for (const [key, el] of state.mirrorItems) {
    if (!seen.has(key)) {
      el.remove();
      state.mirrorItems.delete(key);
    }
  }
  for (const [group, box] of state.mirrorGroups) {
    if (!seenGroups.has(group)) {
      box.remove();
      state.mirrorGroups.delete(group);
    }
  }
  const placedGroups = new Set();
  const lastInGroup = new Map();
  let previous = null;
  items.forEach((item, i) => {
    let el = state.mirrorItems.get(keys[i]);
    if (!el) {
      el = makeMirrorElement(item);
      state.mirrorItems.set(keys[i], el);
    }
    updateMirrorElement(el, item);
    // Keep DOM order equal to drawing order: screen readers and Tab follow DOM order.
    if (item.group) {
      const box = groupContainer(item);
      if (!placedGroups.has(item.group)) {
        placedGroups.add(item.group);
        placeAfter(mirror, box, previous);
        previous = box;
      }
      placeAfter(box, el, lastInGroup.get(item.group) || null);
      lastInGroup.set(item.group, el);
    } else {
      placeAfter(mirror, el, previous);
      previous = el;
    }
  });
  updateRovingTabStops();
  announceStatuses(items);
}

// ---- Keyboard in the mirror -------------------------------------------------------------------
// Focus shows on the canvas (a ring, and the page scrolls to it), arrows move within a radio
// group, Escape goes back.
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');

function focusItem(id) {
  state.module?._mc_a11y_focus(id >>> 0, reducedMotion?.matches ? 1 : 0);
  requestFrame();
}

mirror.addEventListener('focusin', (e) => focusItem(Number(e.target.dataset?.id || 0)));
mirror.addEventListener('focusout', (e) => {
  if (!mirror.contains(e.relatedTarget)) focusItem(0);
});
// Focusing an item below the fold makes the browser scroll the mirror itself; the app scrolls the
// canvas instead, and the mirror must stay aligned with it.
mirror.addEventListener('scroll', () => {
  mirror.scrollTop = 0;
  mirror.scrollLeft = 0;
});

const kArrowStep = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
mirror.addEventListener('keydown', (e) => {
  const step = kArrowStep[e.key];
  if (!step || e.target.getAttribute?.('role') !== 'radio') return;
  const run = radioRuns().find((r) => r.includes(e.target));
  if (!run) return;
  e.preventDefault();
  const next = run[(run.indexOf(e.target) + step + run.length) % run.length];
  next.tabIndex = 0;
  next.focus();
  activate(Number(next.dataset.id));
});

window.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || document.activeElement === agent || !state.module) return;
  state.module._mc_a11y_back();
  requestFrame();
});

// ---- Page services ---------------------------------------------------------------------------
// History entries the app makes carry {mc: index, scroll}: the index tells the app which entry the
// browser moved to (Back or Forward), scroll where that entry's page was left.
function historyIndex() {
  const s = history.state;
  return s && Number.isInteger(s.mc) ? s.mc : 0;
}

function setUrl(url) {
  try {
    history.replaceState({ ...(history.state || {}), mc: historyIndex() }, '', url);
  } catch (e) {}
}

function pushUrl(url, leavingScroll) {
  try {
    const index = historyIndex();
    history.replaceState({ ...(history.state || {}), mc: index, scroll: leavingScroll }, '');
    history.pushState({ mc: index + 1, scroll: 0 }, '', url);
  } catch (e) {}
}

function historyBack() {
  history.back();
}

window.addEventListener('popstate', (e) => {
  const m = state.module;
  if (!m) return;
  const s = e.state || {};
  const url = location.pathname + location.search + location.hash;
  withString(m, url, (ptr) => m._mc_history_moved(ptr, historyIndex(), Number(s.scroll) || 0));
  requestFrame();
});

async function share(title, url) {
  const full = new URL(url, location.href).href;
  try {
    if (navigator.share) {
      await navigator.share({ title, url: full });
      return;
    }
  } catch (e) {
    if (e && e.name === 'AbortError') return;
  }
  try {
    await navigator.clipboard.writeText(full);
  } catch (e) {}
}

// Kiosk: no pinch or double-tap zoom on the shared screen (touch-action in style.css). The page
// still allows zoom (WCAG 1.4.4); the kiosk's own text size setting goes up to 200 %.
function setKiosk(on) {
  document.documentElement.classList.toggle('kiosk', on);
}

// A kiosk session ends: nothing a citizen typed or looked up may stay on the device.
function wipeStorage() {
  try { localStorage.clear(); } catch (e) {}
  try { sessionStorage.clear(); } catch (e) {}
  try {
    indexedDB.databases?.().then((dbs) => dbs.forEach((db) => db.name && indexedDB.deleteDatabase(db.name)));
  } catch (e) {}
  try {
    caches?.keys().then((keys) => keys.filter((k) => k.includes('api')).forEach((k) => caches.delete(k)));
  } catch (e) {}
  agent.value = '';
}

function fatal(reason) {
  if (loading) {
    loading.hidden = false;
    loading.textContent = reason === 'webgl'
      ? 'Trình duyệt không hỗ trợ WebGL2. / This browser does not support WebGL2.'
      : 'Không tải được ứng dụng. / The app could not load.';
  }
}

window.addEventListener('online', () => state.module?._mc_network_online());

// ---- USB barcode scanner (keyboard mode) ------------------------------------------------------
// Every printable key and Enter goes through the app's burst detector first, wherever focus is:
// a scanner's burst opens the receipt and never lands in a text field.
let burstTimer = 0;

function typeIntoAgent(text) {
  if (!text || document.activeElement !== agent) return;
  const start = agent.selectionStart;
  agent.setRangeText(text, start, agent.selectionEnd, 'end');
  sendAgentText();
}

window.addEventListener('keydown', (e) => {
  const m = state.module;
  if (!m || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
  const ch = e.key === 'Enter' ? '\n' : (e.key.length === 1 ? e.key : null);
  if (ch === null) return;
  let decision = 0;
  withString(m, ch, (ptr) => { decision = m._mc_key_burst(ptr, e.timeStamp); });
  const removeLeaked = decision >> 1;
  if (removeLeaked > 0 && document.activeElement === agent) {
    const end = agent.selectionStart;
    agent.setRangeText('', Math.max(0, end - removeLeaked), end, 'end');
    sendAgentText();
  }
  typeIntoAgent(m.UTF8ToString(m._mc_key_burst_flush()));
  if (decision & 1) {
    e.preventDefault();
    e.stopPropagation();
    clearTimeout(burstTimer);
    burstTimer = setTimeout(() => {
      typeIntoAgent(m.UTF8ToString(m._mc_key_burst_timeout(performance.now() + 1000)));
    }, 80);
  }
  requestFrame();
}, true);

const shell = {
  requestFrame, requestFrameAfter, publishA11y, syncTextAgent, setUrl, pushUrl, historyBack,
  historyIndex, share, fatal, setKiosk, wipeStorage,
  // Korean/Chinese/Japanese glyphs: fetched by the app only when one of those languages is chosen.
  cjkFontUrl: '__CJK_FONT_URL__',
  cjkBoldFontUrl: '__CJK_BOLD_FONT_URL__',
  scanner: createScanner(() => state.module),
  pwa: createPwa(() => state.module),
  push: createPush(() => state.module),
};
window.motcuaShell = shell;

new ResizeObserver(resize).observe(canvas);
window.addEventListener('resize', resize);
window.visualViewport?.addEventListener('resize', resize);
matchMedia?.(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener?.('change', resize);

createMotCua({
  canvas,
  motcuaShell: shell,
  locateFile: (path) => (path.endsWith('.wasm') ? '/__APP_WASM__' : path),
}).then((module) => {
  state.module = module;
  // The server's plain text of the page (crawlers, link previews, no WebAssembly) gives way to the
  // app: a screen reader must not read the page twice.
  document.getElementById('page-text')?.remove();
  resize();
}).catch(() => fatal('load'));
