/**
 * The segment engine at scale: NPS by region x plan x month in
 * Europe/Berlin over 10^7 survey answers (objects with `score`, `region`,
 * `plan` and `answeredAt` as epoch milliseconds), and over the same data as
 * columns, each against a hand-written loop that buckets by a precomputed
 * table of month boundaries and counts into a `Map` of `Uint32Array`s.
 * Targets: records within 3x of the loop, columns within 2x.
 */
import { segment, segmentCounts } from '../src/index.js';
import { npsScores, random, sizes } from './data.js';
import { measure, ratio } from './harness.js';

const REGIONS = ['EU', 'US', 'APAC', 'LATAM'];
const PLANS = ['free', 'pro', 'enterprise'];
/** 2025 and 2026 in Europe/Berlin. */
const START = Date.UTC(2024, 11, 31, 23);
const END = Date.UTC(2026, 11, 31, 23);

interface Answer {
  score: number;
  region: string;
  plan: string;
  answeredAt: number;
}

function answers(n: number): { records: Answer[]; columns: { score: Uint8Array; region: string[]; plan: string[]; answeredAt: Float64Array } } {
  const next = random(21);
  const score = npsScores(n, 5);
  const region: string[] = new Array(n);
  const plan: string[] = new Array(n);
  const answeredAt = new Float64Array(n);
  const records: Answer[] = new Array(n);
  for (let i = 0; i < n; i++) {
    region[i] = REGIONS[Math.floor(next() * REGIONS.length)]!;
    plan[i] = PLANS[Math.floor(next() * PLANS.length)]!;
    answeredAt[i] = START + Math.floor(next() * (END - START));
    records[i] = { score: score[i]!, region: region[i]!, plan: plan[i]!, answeredAt: answeredAt[i]! };
  }
  return { records, columns: { score, region, plan, answeredAt } };
}

/** Month starts in Europe/Berlin for 2025 and 2026, precomputed by hand: CET is UTC+1, CEST (last Sunday of March to last Sunday of October) UTC+2. */
function monthBoundaries(): Float64Array {
  const out: number[] = [];
  for (let y = 2025; y <= 2027; y++) {
    for (let m = 0; m < 12 && out.length < 25; m++) {
      const summer = m >= 3 && m <= 9;
      out.push(Date.UTC(y, m, 1) - (summer ? 2 : 1) * 3_600_000);
    }
  }
  return Float64Array.from(out);
}
const BOUNDS = monthBoundaries();

function monthOf(t: number): number {
  let lo = 0;
  let hi = BOUNDS.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (BOUNDS[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The hand loop: month by binary search in the boundary table, counts of promoters, passives and detractors per month in a Map by segment. */
function handLoop(records: readonly Answer[]): Map<string, Uint32Array> {
  const cells = new Map<string, Uint32Array>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const key = `${r.region}\u0000${r.plan}`;
    let counts = cells.get(key);
    if (counts === undefined) {
      counts = new Uint32Array(24 * 3);
      cells.set(key, counts);
    }
    const s = r.score;
    counts[monthOf(r.answeredAt) * 3 + (s >= 9 ? 0 : s >= 7 ? 1 : 2)]!++;
  }
  return cells;
}

function handLoopColumns(c: { score: Uint8Array; region: string[]; plan: string[]; answeredAt: Float64Array }): Map<string, Uint32Array> {
  const cells = new Map<string, Uint32Array>();
  const n = c.score.length;
  for (let i = 0; i < n; i++) {
    const key = `${c.region[i]}\u0000${c.plan[i]}`;
    let counts = cells.get(key);
    if (counts === undefined) {
      counts = new Uint32Array(24 * 3);
      cells.set(key, counts);
    }
    const s = c.score[i]!;
    counts[monthOf(c.answeredAt[i]!) * 3 + (s >= 9 ? 0 : s >= 7 ? 1 : 2)]!++;
  }
  return cells;
}

const SPEC = { metric: 'nps', value: 'score', by: ['region', 'plan'], period: { field: 'answeredAt', unit: 'month', timeZone: 'Europe/Berlin' } } as const;

export async function run(): Promise<boolean> {
  let ok = true;
  for (const n of sizes()) {
    const { records, columns } = answers(n);
    // The engines agree before they are timed.
    const check = segmentCounts(records, SPEC);
    const hand = handLoop(records);
    const first = check.cells[0]!;
    const month = hand.get(`${first.key.region}\u0000${first.key.plan}`)!;
    if (first.counts.promoters !== month[0] || first.counts.passives !== month[1] || first.counts.detractors !== month[2])
      throw new Error('segment and the hand loop disagree');
    const times = await measure('segment: NPS by region x plan x month, Europe/Berlin', n, [
      { name: 'segment(records)', fn: () => segment(records, SPEC) },
      { name: 'segmentCounts(records)', fn: () => segmentCounts(records, SPEC) },
      { name: 'hand loop (records)', fn: () => handLoop(records) },
      { name: 'segment(columns)', fn: () => segment(columns, SPEC) },
      { name: 'hand loop (columns)', fn: () => handLoopColumns(columns) },
    ]);
    ok = ratio(times, 'segment(records)', 'hand loop (records)', { op: '<=', value: 3 }) && ok;
    ratio(times, 'segmentCounts(records)', 'hand loop (records)');
    ok = ratio(times, 'segment(columns)', 'hand loop (columns)', { op: '<=', value: 2 }) && ok;
  }
  return ok;
}
