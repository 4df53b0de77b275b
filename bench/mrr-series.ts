/**
 * MRR over time from a change log: `mrrSeries` and `cohorts` over 10^6
 * customers and 24 monthly periods (about 3 x 10^6 changes, decimal-string
 * amounts with cents), against hand-written floating-point loops computing
 * the same monthly movements and cohort cells in the same run. Targets:
 * each within 3x its loop, and `mrrSeries` exact where the loop is not.
 */
import { cohorts, mrrSeries } from '../src/index.js';
import { random } from './data.js';
import { measure, ratio } from './harness.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const MONTHS = 24;
const FIRST = Date.UTC(2024, 0, 1);

interface Change {
  readonly customerId: string;
  readonly at: string;
  readonly mrr: string;
}

/** Each customer starts in a random month, then every few months changes plan, cancels or (after a cancellation) returns: about three changes per customer. */
function changeLog(customers: number): Change[] {
  const next = random(11);
  const out: Change[] = [];
  const monthStart = (m: number) => Date.UTC(2024, m, 1);
  const at = (m: number) => new Date(monthStart(m) + Math.floor(next() * 27 * 86_400_000)).toISOString();
  const cents = () => ((Math.floor(next() * 50_000) + 900) / 100).toFixed(2);
  for (let c = 0; c < customers; c++) {
    const id = `cus_${c}`;
    let m = Math.floor(next() * MONTHS);
    out.push({ customerId: id, at: at(m), mrr: cents() });
    while (m < MONTHS - 1) {
      m += 1 + Math.floor(next() * 6);
      if (m >= MONTHS) break;
      const r = next();
      if (r < 0.65) out.push({ customerId: id, at: at(m), mrr: cents() });
      else if (r < 0.9) out.push({ customerId: id, at: at(m), mrr: '0' });
      else break;
    }
  }
  return out;
}

/** The month (0-23) of an instant, in UTC. */
function monthOf(t: number): number {
  const d = new Date(t);
  return (d.getUTCFullYear() - 2024) * 12 + d.getUTCMonth();
}

/** A customer's changes as parsed by the loops. */
interface Parsed {
  t: number;
  month: number;
  mrr: number;
}

function byCustomer(changes: readonly Change[]): Parsed[][] {
  const map = new Map<string, Parsed[]>();
  for (const c of changes) {
    let list = map.get(c.customerId);
    if (list === undefined) {
      list = [];
      map.set(c.customerId, list);
    }
    const t = Date.parse(c.at);
    list.push({ t, month: monthOf(t), mrr: Number(c.mrr) });
  }
  const out = [...map.values()];
  for (const list of out) list.sort((a, b) => a.t - b.t);
  return out;
}

/** The naive baseline: Date.parse and Number, a Map of customers, each month's movements added in doubles (inexact, unchecked). */
function floatSeries(changes: readonly Change[]): Float64Array {
  // Per month: start, new, expansion, contraction, churned, reactivation, end.
  const out = new Float64Array(MONTHS * 7);
  for (const list of byCustomer(changes)) {
    let v = 0;
    let k = 0;
    let paid = false;
    for (let p = list[0]!.month; p < MONTHS; p++) {
      const s = v;
      while (k < list.length && list[k]!.month === p) v = list[k++]!.mrr;
      const e = v;
      const o = p * 7;
      out[o]! += s;
      out[o + 6]! += e;
      if (s > 0 && e > s) out[o + 2]! += e - s;
      else if (s > 0 && e > 0 && e < s) out[o + 3]! += s - e;
      else if (s > 0 && e === 0) out[o + 4]! += s;
      else if (s === 0 && e > 0) out[paid ? o + 5 : o + 1]! += e;
      if (e > 0) paid = true;
    }
  }
  return out;
}

/** The naive cohort loop: per customer, cohort by first paying month, customers and MRR per age, in doubles. */
function floatCohorts(changes: readonly Change[]): Float64Array {
  // Per cohort and age: customers, MRR, MRR capped at the age-0 MRR.
  const out = new Float64Array(MONTHS * MONTHS * 3);
  for (const list of byCustomer(changes)) {
    const first = list.find((c) => c.mrr > 0);
    if (first === undefined) continue;
    let v = 0;
    let k = 0;
    let base = 0;
    for (let p = first.month; p < MONTHS; p++) {
      while (k < list.length && list[k]!.month === p) v = list[k++]!.mrr;
      if (p === first.month) base = v;
      if (v > 0) {
        const o = (first.month * MONTHS + p - first.month) * 3;
        out[o]!++;
        out[o + 1]! += v;
        out[o + 2]! += Math.min(v, base);
      }
    }
  }
  return out;
}

/** Cents of a decimal string with two places, as BigInt. */
const cents = (s: string): bigint => BigInt(s.replace('.', ''));

export async function run(): Promise<boolean> {
  const log = changeLog(CUSTOMERS);
  const period = { unit: 'month', timeZone: 'UTC' } as const;
  const asOf = new Date(Date.UTC(2024, MONTHS - 1, 28)).toISOString();
  console.log(
    `\nchange log: ${CUSTOMERS.toLocaleString('en-US')} customers, ${log.length.toLocaleString('en-US')} changes, ${MONTHS} months from ${new Date(FIRST).toISOString().slice(0, 7)}`,
  );

  // Exactness: the last month's ending MRR against a BigInt sum of cents of each customer's last change.
  const series = mrrSeries(log, { period, asOf });
  const lastMrr = new Map<string, string>();
  for (const c of log) lastMrr.set(c.customerId, c.mrr);
  let exactEnd = 0n;
  for (const v of lastMrr.values()) exactEnd += cents(v === '0' ? '0.00' : v);
  const ending = series.rows.at(-1)!.endingMrr;
  const exact = cents(ending) === exactEnd;
  // The float loop's error: the largest difference of a month's ending MRR from the exact one.
  const float = floatSeries(log);
  let error = 0;
  series.rows.forEach((row, p) => {
    error = Math.max(error, Math.abs(float[p * 7 + 6]! - Number(cents(row.endingMrr)) / 100));
  });
  console.log(
    `mrrSeries exact: ${exact ? 'yes' : 'NO'} (ending MRR ${ending}); the float loop is off by up to ${error.toExponential(2)} in a month's ending MRR`,
  );

  const times = await measure('mrrSeries', log.length, [
    { name: 'mrrSeries (string amounts, ISO times)', fn: () => mrrSeries(log, { period, asOf }) },
    { name: 'float loop (Date.parse, Number, doubles)', fn: () => floatSeries(log) },
  ]);
  const seriesOk = ratio(times, 'mrrSeries (string amounts, ISO times)', 'float loop (Date.parse, Number, doubles)', { op: '<=', value: 3 });

  const t2 = await measure('cohorts', log.length, [
    { name: 'cohorts (string amounts, ISO times)', fn: () => cohorts(log, { period, asOf }) },
    { name: 'float loop (Date.parse, Number, doubles)', fn: () => floatCohorts(log) },
  ]);
  const cohortsOk = ratio(t2, 'cohorts (string amounts, ISO times)', 'float loop (Date.parse, Number, doubles)', { op: '<=', value: 3 });
  return exact && seriesOk && cohortsOk;
}
