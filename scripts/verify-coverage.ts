/**
 * Simulated coverage of the 95% intervals: for each scenario (a true
 * proportion, or true NPS group shares, and a sample size) draw 10,000
 * samples, build each method's interval from each sample, and count how
 * often it contains the true value.
 *
 * The defaults must cover 93% to 97% in every scenario where the library
 * would not warn 'small-sample' (at least 30 answers, and for a proportion
 * at least 10 expected successes and 10 expected failures); the other
 * scenarios and methods are reported only. Exits with status 1 when a
 * default misses.
 *
 * Samples come from a seeded 32-bit PRNG (mulberry32), so every run on every
 * machine draws the same samples and prints the same table.
 *
 * Run: npx tsx scripts/verify-coverage.ts   (npm run verify:coverage)
 */

import { toNumber } from '../src/core/exact/decimal.js';
import { rationalToDouble } from '../src/core/exact/rational.js';
import { type NpsWaldMethod, npsInterval } from '../src/core/stats/nps-interval.js';
import { PROPORTION_METHODS, type ProportionMethod, proportionInterval } from '../src/core/stats/proportion-intervals.js';

const SAMPLES = 10_000;
const LEVEL = 0.95;
const SEED = 20240611;
const DEFAULT_PROPORTION: ProportionMethod = PROPORTION_METHODS[0];
const DEFAULT_NPS: NpsWaldMethod = 'adjusted-wald';
const NPS_METHODS: readonly NpsWaldMethod[] = ['adjusted-wald', 'wald'];
const LOW = 0.93;
const HIGH = 0.97;

/** mulberry32: a 32-bit state, a full 2^32 period; returns uniforms on [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percent(v: number): string {
  return `${(100 * v).toFixed(2)}%`;
}

interface Row {
  readonly scenario: string;
  readonly method: string;
  readonly coverage: number;
  readonly checked: boolean;
}

function proportionScenario(random: () => number, n: number, p: number): Row[] {
  const hits = new Map<ProportionMethod, number>(PROPORTION_METHODS.map((m) => [m, 0]));
  // intervals depend only on the count of successes: build each at most once
  const cache = new Map<number, Map<ProportionMethod, boolean>>();
  for (let s = 0; s < SAMPLES; s++) {
    let x = 0;
    for (let i = 0; i < n; i++) if (random() < p) x++;
    let covered = cache.get(x);
    if (covered === undefined) {
      covered = new Map();
      for (const m of PROPORTION_METHODS) {
        const interval = proportionInterval(x, n, LEVEL, m)!;
        covered.set(m, toNumber(interval.lower) <= p && p <= toNumber(interval.upper));
      }
      cache.set(x, covered);
    }
    for (const m of PROPORTION_METHODS) if (covered.get(m)) hits.set(m, hits.get(m)! + 1);
  }
  const checked = n >= 30 && n * p >= 10 && n * (1 - p) >= 10;
  return PROPORTION_METHODS.map((m) => ({
    scenario: `proportion p = ${p}, n = ${n}`,
    method: m,
    coverage: hits.get(m)! / SAMPLES,
    checked: checked && m === DEFAULT_PROPORTION,
  }));
}

function npsScenario(random: () => number, n: number, shares: readonly [number, number, number]): Row[] {
  const [promoter, passive] = shares;
  const truth = 100 * (shares[0] - shares[2]);
  const hits = new Map<NpsWaldMethod, number>(NPS_METHODS.map((m) => [m, 0]));
  const cache = new Map<string, Map<NpsWaldMethod, boolean>>();
  for (let s = 0; s < SAMPLES; s++) {
    let promoters = 0;
    let passives = 0;
    for (let i = 0; i < n; i++) {
      const u = random();
      if (u < promoter) promoters++;
      else if (u < promoter + passive) passives++;
    }
    const key = `${promoters}/${passives}`;
    let covered = cache.get(key);
    if (covered === undefined) {
      covered = new Map();
      for (const m of NPS_METHODS) {
        const interval = npsInterval(promoters, passives, n - promoters - passives, LEVEL, m)!;
        covered.set(m, rationalToDouble(interval.lower) <= truth && truth <= rationalToDouble(interval.upper));
      }
      cache.set(key, covered);
    }
    for (const m of NPS_METHODS) if (covered.get(m)) hits.set(m, hits.get(m)! + 1);
  }
  return NPS_METHODS.map((m) => ({
    scenario: `NPS ${shares.map((v) => Math.round(v * 100)).join('/')} (true ${Math.round(truth)}), n = ${n}`,
    method: m,
    coverage: hits.get(m)! / SAMPLES,
    checked: n >= 30 && m === DEFAULT_NPS,
  }));
}

function main(): number {
  const random = mulberry32(SEED);
  const rows: Row[] = [];
  for (const n of [10, 30, 100, 400, 1000]) {
    for (const p of [0.02, 0.1, 0.3, 0.5, 0.8, 0.95]) rows.push(...proportionScenario(random, n, p));
  }
  const npsShares: readonly (readonly [number, number, number])[] = [
    [0.5, 0.3, 0.2],
    [0.2, 0.3, 0.5],
    [0.35, 0.3, 0.35],
    [0.7, 0.25, 0.05],
    [0.1, 0.1, 0.8],
    [0.9, 0.08, 0.02],
  ];
  for (const n of [10, 30, 100, 400]) for (const shares of npsShares) rows.push(...npsScenario(random, n, shares));

  console.log(`Coverage of ${LEVEL * 100}% intervals, ${SAMPLES} simulated samples per scenario (mulberry32 seed ${SEED})`);
  console.log(`Defaults (${DEFAULT_PROPORTION}, ${DEFAULT_NPS}) must cover ${percent(LOW)} to ${percent(HIGH)} where marked [checked]\n`);
  let scenario = '';
  const misses: Row[] = [];
  for (const row of rows) {
    if (row.scenario !== scenario) {
      scenario = row.scenario;
      console.log(scenario);
    }
    const ok = row.coverage >= LOW && row.coverage <= HIGH;
    if (row.checked && !ok) misses.push(row);
    const mark = row.checked ? (ok ? '  [checked: ok]' : '  [checked: MISS]') : '';
    console.log(`  ${row.method.padEnd(16)} ${percent(row.coverage).padStart(7)}${mark}`);
  }
  const summary = (methods: readonly string[], prefix: string) => {
    for (const m of methods) {
      const cs = rows.filter((r) => r.method === m && r.scenario.startsWith(prefix)).map((r) => r.coverage);
      const mean = cs.reduce((a, b) => a + b, 0) / cs.length;
      console.log(`  ${prefix.padEnd(10)} ${m.padEnd(16)} mean ${percent(mean)}  min ${percent(Math.min(...cs))}  max ${percent(Math.max(...cs))}`);
    }
  };
  console.log('\nSummary over all scenarios:');
  summary(PROPORTION_METHODS, 'proportion');
  summary(NPS_METHODS, 'NPS');
  const checked = rows.filter((r) => r.checked);
  console.log(`\n${checked.length - misses.length} passed, ${misses.length} failed`);
  return misses.length === 0 ? 0 : 1;
}

process.exitCode = main();
