// Runs every browser test file (tests/browser/*.test.mjs) against one serve.py and one Chromium,
// each test in a fresh browser context; prints one line per test and a summary line.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, launchBrowser, startServer } from './harness.mjs';

const dir = path.join(ROOT, 'tests/browser');
const filter = process.argv[2] || '';
const files = readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort();

const tests = [];
for (const file of files) {
  const mod = await import(pathToFileURL(path.join(dir, file)).href);
  for (const [name, fn] of Object.entries(mod.tests || {})) {
    if (!filter || `${file} ${name}`.includes(filter)) tests.push({ file, name, fn });
  }
}

const server = await startServer();
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
for (const t of tests) {
  const started = Date.now();
  try {
    await t.fn({ browser, server });
    passed++;
    console.log(`ok    ${t.file} › ${t.name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL  ${t.file} › ${t.name}\n      ${String(e && e.stack || e).split('\n').slice(0, 6).join('\n      ')}`);
  }
}
await browser.close();
await server.stop();
console.log(`browser tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
