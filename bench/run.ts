/**
 * `npm run bench`: every benchmark, baselines in the same process, ratios
 * printed against the targets. Exits non-zero when a target is missed.
 * `BENCH_ONLY=survey` runs one group (`BENCH_ONLY=import` the cost of
 * loading the package in Node); `BENCH_QUICK=1` and `BENCH_SIZES` shorten a
 * run.
 */
import { run as bootstrap } from './bootstrap.js';
import { run as importCost } from './import-cost.js';
import { run as mrrSeries } from './mrr-series.js';
import { run as revenue } from './revenue.js';
import { run as segments } from './segments.js';
import { run as support } from './support.js';
import { run as survey } from './survey.js';

const groups: Record<string, () => Promise<boolean>> = { survey, support, revenue, mrrSeries, segments, bootstrap, import: importCost };

const only = process.env.BENCH_ONLY?.split(',');
let ok = true;
console.log(`node ${process.version}, ${process.arch}`);
for (const [name, run] of Object.entries(groups)) {
  if (only !== undefined && !only.includes(name)) continue;
  ok = (await run()) && ok;
}
if (!ok) {
  console.log('\nsome targets were missed');
  process.exitCode = 1;
}
