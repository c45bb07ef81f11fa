// What the bench scripts share (web_bench.mjs, scan_bench.mjs, qr/run.mjs, qr/build.mjs,
// qr/summary.mjs): command-line options, statistics, tables, compressed sizes, a static file
// server, and, from tests/browser/harness.mjs, serve.py on a free port with a temporary data dir,
// Debian's Chromium with the standard flags, the phone context and back-office calls. That module
// needs the repository's node_modules (playwright-core, tools/setup.sh installs it); it is loaded
// on first use, so the scripts that only count and print do not need it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'build/web/dist');

// ---- command line ------------------------------------------------------------------------------
// `--name value` options and `--name` flags; -h/--help prints `usage` and exits.
export function cli(usage, argv = process.argv.slice(2)) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  const key = (name) => (name.startsWith('--') ? name : `--${name}`);
  return {
    argv,
    opt(name, def) {
      const i = argv.indexOf(key(name));
      return i >= 0 && i + 1 < argv.length ? argv[i + 1] : def;
    },
    flag: (name) => argv.includes(key(name)),
  };
}

// The web benches measure build/web/dist: without it they stop here.
export function requireDist() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    console.error('build/web/dist/index.html is missing: run `tools/build.sh web` first.');
    process.exit(1);
  }
  return DIST;
}

// ---- statistics and formatting -----------------------------------------------------------------
export function median(a) {
  if (!a.length) return null;
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Nearest-rank percentile (as bench/bench_server.py's percentile).
export function percentile(a, p) {
  if (!a.length) return null;
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
export const ms = (n) => (n == null || Number.isNaN(n) ? '-' : n.toFixed(0));
export const kb = (n) => (n == null ? '-' : (n / 1000).toFixed(1));
export const sleep = (t) => new Promise((r) => setTimeout(r, t));

// Prints an indented table; align: 'l' or 'r' per column (default: the first left, the rest right).
export function table(headers, rows, align) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const w = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const fmt = (r) => r.map((c, i) => ((align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  const lines = [fmt(cells[0]), w.map((n) => '-'.repeat(n)).join('  '), ...cells.slice(1).map(fmt)];
  console.log(lines.map((l) => '  ' + l.trimEnd()).join('\n'));
}

export function loadLine(loadavg = os.loadavg()) {
  return `Load average when the bench started: ${loadavg.map((x) => x.toFixed(2)).join(' ')} (${os.cpus().length} cores)`;
}

// Compressed sizes as a server would store them: gzip level 9, brotli quality 11.
export const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
export const brotliSize = (buf) => zlib.brotliCompressSync(buf, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
}).length;

export function withTimeout(promise, limitMs, what) {
  let t;
  return Promise.race([promise, new Promise((_, rej) => {
    t = setTimeout(() => rej(new Error(`timeout ${limitMs} ms: ${what}`)), limitMs);
  })]).finally(() => clearTimeout(t));
}

// ---- processes ---------------------------------------------------------------------------------
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

// `python3 -m http.server` on `dir` and a free loopback port, once `probePath` answers:
// { base, proc, stop() }.
export async function serveDirectory(dir, probePath) {
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir],
    { stdio: ['ignore', 'ignore', 'ignore'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}${probePath}`)).ok) return { base, proc, stop: () => proc.kill('SIGTERM') };
    } catch { /* not yet */ }
    await sleep(100);
  }
  proc.kill();
  throw new Error('static server did not start');
}

// ---- serve.py and Chromium (tests/browser/harness.mjs) -------------------------------------------
let browserHarness = null;
async function tests() {
  browserHarness ??= import('../tests/browser/harness.mjs').catch((e) => {
    browserHarness = null;
    throw new Error(`cannot load tests/browser/harness.mjs (${e.message}): run tools/setup.sh for the repository's node_modules`);
  });
  return browserHarness;
}

// serve.py --no-build on a free port, a temporary data dir, the back-office token of the tests:
// { base, port, log(), stop() }.
export async function startServer(opts) { return (await tests()).startServer(opts); }
// Debian's /usr/bin/chromium, headless, with the tests' flags and `extraArgs`.
export async function launchBrowser(extraArgs) { return (await tests()).launchBrowser(extraArgs); }
// A phone: 390×844, DPR 3, touch (the tests' kPhone), with more context options.
export async function phoneContext(browser, options = {}) {
  return browser.newContext({ ...(await tests()).kPhone, ...options });
}
export const kPhoneLabel = 'phone 390x844 @3x touch';
// A back-office call: { status, json, text }.
export async function admin(server, method, route, body) { return (await tests()).admin(server, method, route, body); }
// A birth-registration dossier under appraisal, made through the back office: { code, secret, … }.
export async function newDossier(server) { return (await tests()).newDossier(server); }
// A real touch on the canvas at the centre of a mirror element.
export async function tapOn(page, role, name) { return (await tests()).tapOn(page, role, name); }

// The app checks for alerts in the background ~2 s after start; a bench that wants a settled page
// waits until that request has been answered.
export function alertsChecked(page, timeout = 15000) {
  return page.waitForFunction(() => performance.getEntriesByType('resource')
    .some((e) => e.name.includes('/api/v1/alerts') && e.responseEnd > 0), null, { timeout, polling: 100 });
}

// Runs an async main, printing the stack and exiting 1 when it throws.
export function run(main) {
  main().catch((e) => {
    console.error(e.stack || String(e));
    process.exit(1);
  });
}
