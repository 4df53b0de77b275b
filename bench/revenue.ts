/**
 * Revenue metrics at scale: mrrMovements and repurchaseRate over 10^6
 * customers, against plain floating-point loops over the same data in the
 * same run. Target: mrrMovements with string amounts within 5x the float
 * loop, and exact.
 */
import { type MrrCustomer, mrrMovements, repurchaseRate } from '../src/index.js';
import { random } from './data.js';
import { measure, ratio } from './harness.js';

const N = 1_000_000;

/** Customers with MRR as decimal strings with cents: about 5% new, 5% churned, 2% reactivated, the rest moving a little. */
function billingData(n: number): MrrCustomer[] {
  const next = random(42);
  const cents = () => (Math.floor(next() * 50_000) + 900) / 100;
  const out: MrrCustomer[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = next();
    const start = cents();
    if (r < 0.05) out[i] = { id: `cus_${i}`, startMrr: '0', endMrr: cents().toFixed(2) };
    else if (r < 0.07) out[i] = { id: `cus_${i}`, startMrr: '0', endMrr: cents().toFixed(2), churnedBefore: true };
    else if (r < 0.12) out[i] = { id: `cus_${i}`, startMrr: start.toFixed(2), endMrr: '0' };
    else if (r < 0.3) out[i] = { id: `cus_${i}`, startMrr: start.toFixed(2), endMrr: (start * (0.5 + next())).toFixed(2) };
    else out[i] = { id: `cus_${i}`, startMrr: start.toFixed(2), endMrr: start.toFixed(2) };
  }
  return out;
}

/** The naive baseline: parse with Number, classify, add in doubles (inexact, unchecked). */
function floatMovements(customers: readonly MrrCustomer[]): number[] {
  let start = 0;
  let end = 0;
  let added = 0;
  let expansion = 0;
  let contraction = 0;
  let churned = 0;
  let reactivation = 0;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i]!;
    const s = Number(c.startMrr);
    const e = Number(c.endMrr);
    if (s > 0) {
      start += s;
      if (e === 0) churned += s;
      else if (e > s) expansion += e - s;
      else if (e < s) contraction += s - e;
    } else if (e > 0) {
      if (c.churnedBefore === true) reactivation += e;
      else added += e;
    }
    end += e;
  }
  return [start, added, expansion, reactivation, contraction, churned, end];
}

function floatRepurchase(purchases: ArrayLike<number>): number {
  let repeat = 0;
  for (let i = 0; i < purchases.length; i++) if (purchases[i]! > 1) repeat++;
  return (100 * repeat) / purchases.length;
}

/** Cents as exact integers in BigInt: the oracle for the exactness check. */
function centsOf(s: string | number): bigint {
  const [whole, fraction = ''] = String(s).split('.');
  return BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
}

export async function run(): Promise<boolean> {
  const customers = billingData(N);
  const withNumbers = customers.map((c) => ({ ...c, startMrr: Number(c.startMrr), endMrr: Number(c.endMrr) }));

  // Exactness: the starting and ending MRR against a BigInt sum of cents.
  const m = mrrMovements(customers);
  let start = 0n;
  let end = 0n;
  for (const c of customers) {
    start += centsOf(c.startMrr);
    end += centsOf(c.endMrr);
  }
  const exact = centsOf(m.startingMrr) === start && centsOf(m.endingMrr) === end;
  const float = floatMovements(customers);
  console.log(`\nmrrMovements exact: ${exact ? 'yes' : 'NO'} (starting MRR ${m.startingMrr}; float loop says ${float[0]})`);

  const times = await measure('mrrMovements', N, [
    { name: 'mrrMovements (string amounts)', fn: () => mrrMovements(customers) },
    { name: 'mrrMovements (number amounts)', fn: () => mrrMovements(withNumbers) },
    { name: 'float loop (Number parse, doubles)', fn: () => floatMovements(customers) },
  ]);
  const fast = ratio(times, 'mrrMovements (string amounts)', 'float loop (Number parse, doubles)', { op: '<=', value: 5 });
  ratio(times, 'mrrMovements (number amounts)', 'float loop (Number parse, doubles)');

  const next = random(7);
  const purchases = Array.from({ length: N }, () => Math.floor(-Math.log(1 - next()) * 1.5));
  const typed = Uint8Array.from(purchases, (p) => Math.min(p, 255));
  const t2 = await measure('repurchaseRate', N, [
    { name: 'repurchaseRate (array)', fn: () => repurchaseRate(purchases) },
    { name: 'repurchaseRate (Uint8Array)', fn: () => repurchaseRate(typed) },
    { name: 'float loop (array)', fn: () => floatRepurchase(purchases) },
  ]);
  ratio(t2, 'repurchaseRate (array)', 'float loop (array)');
  ratio(t2, 'repurchaseRate (Uint8Array)', 'float loop (array)');
  return exact && fast;
}
