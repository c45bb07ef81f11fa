#!/usr/bin/env node
// Extra figures from a results file of run.mjs: per decoder and size, the median / p95 ms over
// all frames, over the frames that reach the retries (those the first rung alone, motcua-fast,
// did not decode, when it was in the run; else the categories blur, combo, nocode),
// and the paired ratio against a reference decoder (median over frames of its ms / the
// reference's ms on the same frame).
//   node summary.mjs [results.json] [--vs motcua] [--cats blur,combo,nocode]
import fs from 'node:fs';
import { cli, median, percentile as pctl } from '../harness.mjs';

const { argv, opt: arg } = cli('usage: node summary.mjs [results.json] [--vs motcua] [--cats blur,combo,nocode]');
const file = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !argv[i - 1].startsWith('--'))) || 'results.json';
const R = JSON.parse(fs.readFileSync(file, 'utf8'));
const vs = arg('vs', 'motcua');
const cats = new Set(arg('cats', 'blur,combo,nocode').split(','));
const fast = R.perFrame['motcua-fast'];
const retryIds = fast ? new Set(fast.filter((x) => x.category === 'nocode' || !x.ok).map((x) => x.id)) : null;
const isRetry = (x) => (retryIds ? retryIds.has(x.id) : cats.has(x.category));
const f1 = (x) => (x == null ? '-' : (Math.round(x * 10) / 10).toFixed(1));
const f2 = (x) => (x == null ? '-' : x.toFixed(2));
console.log(`${file}: corpus ${R.meta.corpus || 'main'}, ${R.meta.frames} frames, ${R.meta.reps} reps, load ${R.meta.loadavgBefore[0]} -> ${R.meta.loadavgAfter[0]}; retry frames = ${retryIds ? `${retryIds.size} that motcua-fast did not decode` : [...cats].join('+')}; ratio vs ${vs}`);
console.log(['decoder'.padEnd(24), 'ok', 'wrong', 'FP', '640 med/p95', '640 retry med/p95', '720 med/p95', '720 retry med/p95', `ratio 640`, 'ratio 720', 'retry ratio 640', 'retry ratio 720'].join(' | '));
const ref = R.perFrame[vs];
for (const [id, rows] of Object.entries(R.perFrame)) {
  const D = R.decoders[id];
  const cols = [id.padEnd(24), `${D.successWithCode.ok}/${D.successWithCode.n}`, D.wrongText, D.falsePositives];
  const ratios = [];
  for (const w of [640, 1280]) {
    const all = rows.filter((x) => x.w === w).map((x) => x.ms);
    const retry = rows.filter((x) => x.w === w && isRetry(x)).map((x) => x.ms);
    cols.push(`${f1(median(all))} / ${f1(pctl(all, 95))}`, `${f1(median(retry))} / ${f1(pctl(retry, 95))}`);
    if (ref) {
      const byId = new Map(ref.map((x) => [x.id, x.ms]));
      const rr = (pred) => median(rows.filter((x) => x.w === w && pred(x) && byId.get(x.id) > 0).map((x) => x.ms / byId.get(x.id)));
      ratios.push([rr(() => true), rr((x) => isRetry(x))]);
    }
  }
  if (ref) cols.push(f2(ratios[0][0]), f2(ratios[1][0]), f2(ratios[0][1]), f2(ratios[1][1]));
  console.log(cols.join(' | '));
}
