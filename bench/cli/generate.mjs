/**
 * The command-line benchmark's input: a seeded CSV of NPS survey answers,
 * `id,answered_at,region,plan,score`, one row per answer.
 *
 * What the data holds:
 * - `answered_at` uniform over 2024 and 2025 in UTC, written as
 *   `2025-03-14T09:26:53Z`, rows in random time order (as a merged export
 *   would be), so no reader can rely on runs of the same month.
 * - 8 regions and 5 plans with unequal shares (free is 38% of answers,
 *   enterprise 5%); the smallest cell (nordics, enterprise) holds about 0.2% of a
 *   month's answers.
 * - `score` 0-10 skewed to the top like real answers (the base distribution's
 *   NPS is 24), tilted per plan and region so that cells differ (enterprise
 *   happier, free less); 0.5% of scores are empty (no answer).
 *
 * Beside the data it writes the exact tally it drew, `<name>.expected.csv`
 * with `region,plan,period,n,value,promoters,passives,detractors,empty`, so
 * every command's output is checked against counts that no reader produced.
 *
 * Files go to `os.tmpdir()/cxmetrics-bench/`, named by row count, seed and
 * generator version; an existing pair is reused. Both are written under a
 * temporary name and renamed when complete, so a file under its final name
 * is whole.
 *
 * Usage: node bench/cli/generate.mjs [--rows N] [--seed S]   (prints the path)
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../../scripts/sample-random.mjs';

/** Bump when the data a seed produces changes, so stale files are not reused. */
const VERSION = 1;

export const HEADER = 'id,answered_at,region,plan,score';
export const REGIONS = ['apac', 'benelux', 'dach', 'france', 'iberia', 'latam', 'nordics', 'north-america'];
const REGION_WEIGHTS = [14, 8, 16, 11, 6, 9, 4, 32];
/** Added to the plan's tilt: how much a region's answers lean to the top. */
const REGION_TILTS = [0.1, 0.05, -0.05, -0.15, 0, 0.2, 0.15, -0.1];
export const PLANS = ['free', 'starter', 'pro', 'business', 'enterprise'];
const PLAN_WEIGHTS = [38, 24, 20, 13, 5];
const PLAN_TILTS = [-0.35, -0.15, 0, 0.15, 0.3];
/** Percent of answers 0..10 before tilting: NPS (20+26) - (2.5+1+1.5+2+2.5+6+6.5) = 24. */
const BASE_SCORES = [2.5, 1, 1.5, 2, 2.5, 6, 6.5, 12, 20, 20, 26];
/** Share of rows with an empty score. */
const EMPTY_SHARE = 0.005;

const START_MS = Date.UTC(2024, 0, 1);
const DAYS = 731; // 2024 (leap) and 2025
const SECONDS = DAYS * 86_400;
const MONTHS = 24;

/** Rows formatted per chunk written; about 3 MB. */
const CHUNK_ROWS = 65_536;
const ZERO = 48;
const COMMA = 44;
const COLON = 58;
const Z = 90;
const NEWLINE = 10;

/** Where the data for `rows` and `seed` lives: `{ dir, file, expected }`. */
export function dataPaths(rows, seed) {
  const dir = join(tmpdir(), 'cxmetrics-bench');
  const base = `nps-answers-${rows}-rows-seed-${seed}-v${VERSION}`;
  return { dir, file: join(dir, `${base}.csv`), expected: join(dir, `${base}.expected.csv`) };
}

/** Cumulative probabilities of scores 0..10 for each region x plan cell (index `region * PLANS.length + plan`). */
function scoreTables() {
  const tables = [];
  for (const regionTilt of REGION_TILTS) {
    for (const planTilt of PLAN_TILTS) {
      const tilt = regionTilt + planTilt;
      const weights = BASE_SCORES.map((p, s) => p * Math.exp((tilt * (s - 5)) / 5));
      const total = weights.reduce((a, b) => a + b, 0);
      const cumulative = new Float64Array(11);
      let acc = 0;
      for (let s = 0; s <= 10; s++) {
        acc += weights[s] / total;
        cumulative[s] = acc;
      }
      cumulative[10] = 1;
      tables.push(cumulative);
    }
  }
  return tables;
}

/** Cumulative shares of `weights`, the last exactly 1. */
function cumulativeOf(weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const out = weights.map((w) => {
    acc += w / total;
    return acc;
  });
  out[out.length - 1] = 1;
  return out;
}

/** The index of the first cumulative share above `u` (u on [0, 1)). */
function pickIndex(cumulative, u) {
  let i = 0;
  while (u >= cumulative[i]) i++;
  return i;
}

/**
 * Writes the data and its tally for `rows` and `seed` unless both exist.
 * Returns `{ file, expected, reused, bytes }`.
 */
export async function ensureData(rows, seed) {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`rows: expected a positive integer, received ${rows}`);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`seed: expected an integer from 0 to 2^32-1, received ${seed}`);
  const { dir, file, expected } = dataPaths(rows, seed);
  if (existsSync(file) && existsSync(expected)) return { file, expected, reused: true, bytes: statSync(file).size };
  mkdirSync(dir, { recursive: true });

  const next = mulberry32(seed);
  const regionCumulative = cumulativeOf(REGION_WEIGHTS);
  const planCumulative = cumulativeOf(PLAN_WEIGHTS);
  const scores = scoreTables();

  // Bytes built once: the date part of each day ("2025-03-14T"), "region,plan," per cell.
  const dayBytes = new Uint8Array(DAYS * 11);
  const monthOfDay = new Uint8Array(DAYS);
  for (let d = 0; d < DAYS; d++) {
    const date = new Date(START_MS + d * 86_400_000);
    dayBytes.set(Buffer.from(`${date.toISOString().slice(0, 10)}T`, 'latin1'), d * 11);
    monthOfDay[d] = (date.getUTCFullYear() - 2024) * 12 + date.getUTCMonth();
  }
  const cellBytes = [];
  for (const region of REGIONS) for (const plan of PLANS) cellBytes.push(Buffer.from(`${region},${plan},`, 'latin1'));
  const longestRow = 16 + 1 + 21 + Math.max(...cellBytes.map((b) => b.length)) + 3;

  // Tally per region x plan x month: promoters, passives, detractors, empty.
  const counts = new Float64Array(REGIONS.length * PLANS.length * MONTHS * 4);
  const kindOfScore = [2, 2, 2, 2, 2, 2, 2, 1, 1, 0, 0];

  const partial = `${file}.${process.pid}.partial`;
  const out = createWriteStream(partial, { highWaterMark: 1 << 22 });
  const failed = new Promise((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  const write = async (bytes) => {
    if (!out.write(bytes)) await Promise.race([once(out, 'drain'), failed]);
  };

  await write(Buffer.from(`${HEADER}\n`, 'latin1'));
  for (let first = 1; first <= rows; first += CHUNK_ROWS) {
    const last = Math.min(rows, first + CHUNK_ROWS - 1);
    // A fresh buffer per chunk: the stream may still hold the previous one.
    const buf = Buffer.allocUnsafe((last - first + 1) * longestRow);
    let p = 0;
    for (let id = first; id <= last; id++) {
      const second = Math.floor(next() * SECONDS);
      const day = Math.floor(second / 86_400);
      const inDay = second - day * 86_400;
      const hour = Math.floor(inDay / 3600);
      const minute = Math.floor((inDay - hour * 3600) / 60);
      const sec = inDay - hour * 3600 - minute * 60;
      const cell = pickIndex(regionCumulative, next()) * PLANS.length + pickIndex(planCumulative, next());
      const empty = next() < EMPTY_SHARE;
      const score = pickIndex(scores[cell], next());
      const at = (cell * MONTHS + monthOfDay[day]) * 4;
      if (empty) counts[at + 3]++;
      else counts[at + kindOfScore[score]]++;

      // id, in decimal
      let digits = 1;
      for (let rest = id; rest >= 10; rest = Math.floor(rest / 10)) digits++;
      for (let k = digits - 1, rest = id; k >= 0; k--, rest = Math.floor(rest / 10)) buf[p + k] = ZERO + (rest % 10);
      p += digits;
      buf[p++] = COMMA;
      // answered_at: 2025-03-14T09:26:53Z
      for (let k = 0; k < 11; k++) buf[p + k] = dayBytes[day * 11 + k];
      p += 11;
      buf[p++] = ZERO + Math.floor(hour / 10);
      buf[p++] = ZERO + (hour % 10);
      buf[p++] = COLON;
      buf[p++] = ZERO + Math.floor(minute / 10);
      buf[p++] = ZERO + (minute % 10);
      buf[p++] = COLON;
      buf[p++] = ZERO + Math.floor(sec / 10);
      buf[p++] = ZERO + (sec % 10);
      buf[p++] = Z;
      buf[p++] = COMMA;
      // region,plan,
      const text = cellBytes[cell];
      for (let k = 0; k < text.length; k++) buf[p + k] = text[k];
      p += text.length;
      // score (nothing when empty)
      if (!empty) {
        if (score === 10) {
          buf[p++] = ZERO + 1;
          buf[p++] = ZERO;
        } else buf[p++] = ZERO + score;
      }
      buf[p++] = NEWLINE;
    }
    await write(buf.subarray(0, p));
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);

  // The tally, sorted by region, plan, period as text.
  const lines = ['region,plan,period,n,value,promoters,passives,detractors,empty'];
  const order = (names) => names.map((name, i) => [name, i]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [region, r] of order(REGIONS)) {
    for (const [plan, p] of order(PLANS)) {
      for (let m = 0; m < MONTHS; m++) {
        const at = ((r * PLANS.length + p) * MONTHS + m) * 4;
        const [promoters, passives, detractors, empty] = counts.subarray(at, at + 4);
        const n = promoters + passives + detractors;
        if (n + empty === 0) continue;
        const period = `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        const value = n === 0 ? '' : String((100 * (promoters - detractors)) / n);
        lines.push(`${region},${plan},${period},${n},${value},${promoters},${passives},${detractors},${empty}`);
      }
    }
  }
  const expectedPartial = `${expected}.${process.pid}.partial`;
  writeFileSync(expectedPartial, `${lines.join('\n')}\n`);
  renameSync(expectedPartial, expected);
  renameSync(partial, file);
  return { file, expected, reused: false, bytes: statSync(file).size };
}

/** Reads `--name value` from argv as a number, or `fallback`. */
export function numberFlag(argv, name, fallback) {
  const at = argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const text = argv[at + 1];
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isSafeInteger(value)) throw new Error(`--${name}: expected an integer, received ${text}`);
  return value;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const started = performance.now();
  const data = await ensureData(numberFlag(argv, 'rows', 10_000_000), numberFlag(argv, 'seed', 1));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`${data.reused ? 'reused' : `wrote in ${seconds} s`}: ${(data.bytes / 1e6).toFixed(1)} MB`);
  console.log(data.file);
}
