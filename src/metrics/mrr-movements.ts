/**
 * MRR movements from per-customer MRR at the start and the end of a period.
 */
import { describe, fail, type MetricsPath } from '../core/contract/errors.js';
import { deepFreeze } from '../core/contract/result.js';
import { hasDuplicateId, hashId, hashString } from '../core/contract/unique-ids.js';
import { type Amount, fastAmount, formatUnits, isMoneyProblem, type Money, POW10, readMoney, unitsAt } from '../core/money/money.js';
import type { MrrMovements } from '../core/money/movements.js';

export type { MrrMovementCounts, MrrMovements } from '../core/money/movements.js';

/** One customer's MRR at the start and the end of the period. Other fields are ignored. */
export interface MrrCustomer {
  /** The customer's id, unique in the input: a string or a finite number (`1` and `'1'` differ). */
  readonly id: string | number;
  /** MRR at the start of the period; 0 when the customer was not paying. */
  readonly startMrr: Money;
  /** MRR at the end of the period; 0 when the customer is not paying. */
  readonly endMrr: Money;
  /**
   * `true` for a customer who paid before and had churned by the start of the
   * period (`startMrr` 0): their return is a reactivation, not new business.
   */
  readonly churnedBefore?: boolean;
}

const METRIC = 'mrrMovements';

/**
 * MRR movements: classifies each customer by how their MRR moved over the
 * period and adds up each movement exactly.
 *
 * A customer paying at neither end is unchanged; from 0 to a positive MRR is
 * new business, or a reactivation when flagged `churnedBefore`; from a
 * positive MRR to 0 churned; otherwise expansion, contraction or unchanged.
 * `startingMrr + newMrr + expansionMrr + reactivationMrr - contractionMrr -
 * churnedMrr = endingMrr`, exactly. Amounts are one currency; totals come
 * back as decimal strings with the largest number of decimals of any amount.
 *
 * The result is a tally: merge tallies of parts with `mergeCounts`, and pass
 * it as it is to `mrrChurn`, `netMrrChurn`, `expansionRevenue` and
 * `customerChurn`.
 *
 * @param customers - One record per customer: `{ id, startMrr, endMrr, churnedBefore? }`.
 * @returns Each movement's total and customer count, starting and ending
 *   MRR, and customers at the start, lost, added and at the end.
 * @throws {@link MetricsError} when a record or an amount is invalid (`path`
 *   is `['customers', index, field]`), an id repeats (code `'duplicate'`, at
 *   the second occurrence), or `churnedBefore` is set on a customer paying at
 *   the start (code `'inconsistent'`).
 * @example
 * const m = mrrMovements([
 *   { id: 'a', startMrr: '100.00', endMrr: '120.00' },
 *   { id: 'b', startMrr: '50.00', endMrr: 0 },
 *   { id: 'c', startMrr: 0, endMrr: '30.5' },
 *   { id: 'd', startMrr: 0, endMrr: 10, churnedBefore: true },
 * ]);
 * m.expansionMrr // => '20.00'
 * m.newMrr // => '30.50'
 * m.endingMrr // => '160.50'
 * m.customers // => { new: 1, expansion: 1, contraction: 0, churned: 1, reactivation: 1, unchanged: 0 }
 * mrrChurn(m).value // => 33.333333333333336
 * customerChurn(m).value // => 50
 * mrrMovements([{ id: 1, startMrr: 5, endMrr: 5 }, { id: 1, startMrr: 0, endMrr: 1 }]) // throws
 */
export function mrrMovements(customers: readonly MrrCustomer[]): MrrMovements {
  if (!Array.isArray(customers)) {
    fail(METRIC, 'invalid-type', ['customers'], `expected an array of customers { id, startMrr, endMrr }, received ${describe(customers)}`);
  }
  return deepFreeze(fastMovements(customers) ?? exactMovements(customers));
}

/** Checks a record's shape, id and flag; returns the flag. */
function checkRecord(c: unknown, i: number, ids: Set<unknown>): boolean {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) {
    fail(METRIC, 'invalid-type', ['customers', i], `expected a customer { id, startMrr, endMrr }, received ${describe(c)}`);
  }
  const r = c as { id?: unknown; churnedBefore?: unknown };
  const id = r.id;
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) {
    const before = ids.size;
    ids.add(id);
    if (ids.size === before) fail(METRIC, 'duplicate', ['customers', i, 'id'], `expected a unique id, received ${describe(id)} again`);
  } else {
    const code = id === null || id === undefined || (typeof id === 'number' && Number.isNaN(id)) ? 'missing-value' : 'invalid-type';
    fail(METRIC, code, ['customers', i, 'id'], `expected an id (a string or a finite number), received ${describe(id)}`);
  }
  const flag = r.churnedBefore;
  if (flag === undefined || flag === false) return false;
  if (flag === true) return true;
  return fail(METRIC, 'invalid-type', ['customers', i, 'churnedBefore'], `expected true or false, received ${describe(flag)}`);
}

/** Reads an amount exactly, or throws at `path`. */
function amountAt(value: unknown, path: MetricsPath): Amount {
  const r = readMoney(value);
  if (isMoneyProblem(r)) fail(METRIC, r.code, path, r.message);
  return r;
}

function flaggedWhilePaying(i: number): never {
  return fail(
    METRIC,
    'inconsistent',
    ['customers', i, 'churnedBefore'],
    'expected churnedBefore only on a customer not paying at the start (startMrr 0), received true with a positive startMrr',
  );
}

/**
 * The movements with every sum a double holding an exact integer of units
 * at the common scale: no allocation per customer, no `Set`, no decimal.js.
 * Returns `null`, and the exact path takes over (and reports the first
 * problem, in order), when a record is invalid, an id repeats, an amount
 * needs more than 15 digits, or a sum passes 2^53.
 */
function fastMovements(customers: readonly unknown[]): MrrMovements | null {
  const n = customers.length;
  const hashes = new Uint32Array(n);
  let scale = 0;
  let start = 0;
  let end = 0;
  let added = 0;
  let expansion = 0;
  let contraction = 0;
  let churned = 0;
  let reactivation = 0;
  let nNew = 0;
  let nExpansion = 0;
  let nContraction = 0;
  let nChurned = 0;
  let nReactivation = 0;
  let nUnchanged = 0;
  let atStart = 0;
  let atEnd = 0;
  for (let i = 0; i < n; i++) {
    const c = customers[i] as { id?: unknown; startMrr?: unknown; endMrr?: unknown; churnedBefore?: unknown } | null;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return null;
    const id = c.id;
    if (typeof id === 'string') hashes[i] = hashString(id);
    else if (typeof id === 'number' && id - id === 0) hashes[i] = hashId(id);
    else return null;
    const flag = c.churnedBefore;
    if (flag !== undefined && flag !== false && flag !== true) return null;
    const sCode = fastAmount(c.startMrr);
    const eCode = fastAmount(c.endMrr);
    if (sCode < 0 || eCode < 0) return null;
    const sScale = sCode % 32;
    const eScale = eCode % 32;
    const top = sScale > eScale ? sScale : eScale;
    if (top > scale) {
      const f = POW10[top - scale]!;
      start *= f;
      end *= f;
      added *= f;
      expansion *= f;
      contraction *= f;
      churned *= f;
      reactivation *= f;
      scale = top;
    }
    const s = ((sCode - sScale) / 32) * POW10[scale - sScale]!;
    const e = ((eCode - eScale) / 32) * POW10[scale - eScale]!;
    if (s > 0) {
      if (flag === true) return null;
      start += s;
      atStart++;
      if (e === 0) {
        churned += s;
        nChurned++;
      } else if (e > s) {
        expansion += e - s;
        nExpansion++;
      } else if (e < s) {
        contraction += s - e;
        nContraction++;
      } else {
        nUnchanged++;
      }
    } else if (e > 0) {
      if (flag === true) {
        reactivation += e;
        nReactivation++;
      } else {
        added += e;
        nNew++;
      }
    } else {
      nUnchanged++;
    }
    if (e > 0) {
      end += e;
      atEnd++;
    }
  }
  // Every other sum is at most one of these two: when both stay below 2^53,
  // every addition and product above was exact.
  if (start > Number.MAX_SAFE_INTEGER || end > Number.MAX_SAFE_INTEGER) return null;
  if (hasDuplicateId(hashes, (i) => (customers[i] as { id: unknown }).id)) return null;
  return tally(
    scale,
    [start, added, expansion, reactivation, contraction, churned, end],
    [nNew, nExpansion, nContraction, nChurned, nReactivation, nUnchanged],
    atStart,
    atEnd,
  );
}

/** The same movements in BigInt, for amounts of any size. */
function exactMovements(customers: readonly unknown[]): MrrMovements {
  const ids = new Set<unknown>();
  const records: { s: Amount; e: Amount; flagged: boolean }[] = [];
  let scale = 0;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i] as { startMrr?: unknown; endMrr?: unknown };
    const flagged = checkRecord(c, i, ids);
    const s = amountAt(c.startMrr, ['customers', i, 'startMrr']);
    const e = amountAt(c.endMrr, ['customers', i, 'endMrr']);
    if (flagged && s.units > 0n) flaggedWhilePaying(i);
    scale = Math.max(scale, s.scale, e.scale);
    records.push({ s, e, flagged });
  }
  const sums = [0n, 0n, 0n, 0n, 0n, 0n, 0n];
  const counts = [0, 0, 0, 0, 0, 0];
  let atStart = 0;
  let atEnd = 0;
  for (const r of records) {
    const s = unitsAt(r.s, scale);
    const e = unitsAt(r.e, scale);
    if (s > 0n) {
      sums[0]! += s;
      atStart++;
      if (e === 0n) {
        sums[5]! += s;
        counts[3]!++;
      } else if (e > s) {
        sums[2]! += e - s;
        counts[1]!++;
      } else if (e < s) {
        sums[4]! += s - e;
        counts[2]!++;
      } else {
        counts[5]!++;
      }
    } else if (e > 0n) {
      if (r.flagged) {
        sums[3]! += e;
        counts[4]!++;
      } else {
        sums[1]! += e;
        counts[0]!++;
      }
    } else {
      counts[5]!++;
    }
    if (e > 0n) {
      sums[6]! += e;
      atEnd++;
    }
  }
  return tally(scale, sums, counts, atStart, atEnd);
}

function tally(scale: number, sums: readonly (number | bigint)[], counts: readonly number[], atStart: number, atEnd: number): MrrMovements {
  const [start, added, expansion, reactivation, contraction, churned, end] = sums.map((u) => formatUnits(u, scale)) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const [nNew, nExpansion, nContraction, nChurned, nReactivation, nUnchanged] = counts as [number, number, number, number, number, number];
  return {
    metric: 'mrrMovements',
    startingMrr: start,
    newMrr: added,
    expansionMrr: expansion,
    reactivationMrr: reactivation,
    contractionMrr: contraction,
    churnedMrr: churned,
    endingMrr: end,
    customersAtStart: atStart,
    customersLost: nChurned,
    customersAdded: nNew + nReactivation,
    customersAtEnd: atEnd,
    customers: {
      new: nNew,
      expansion: nExpansion,
      contraction: nContraction,
      churned: nChurned,
      reactivation: nReactivation,
      unchanged: nUnchanged,
    },
  };
}
