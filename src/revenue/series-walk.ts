/**
 * The walk behind `mrrSeries`: each customer's changes in time order, one
 * step per period with a change, classifying the customer's movement in
 * that period by their MRR and segment at its start and at its end.
 *
 * A period's start MRR is the MRR in force just before it begins and its end
 * MRR the MRR in force just before the next begins, so a change belongs to
 * the period containing its instant. Periods without a change of the
 * customer are runs at one MRR; they are added as two entries of a
 * difference array per segment, so the work is proportional to the changes,
 * not to customers times periods.
 */
import type { ChangeLog } from './change-log.js';
import { type Sums, sumsFor } from './sums.js';

/** Amount slots of a cell. */
export const A = {
  start: 0,
  end: 1,
  new: 2,
  expansion: 3,
  contraction: 4,
  churned: 5,
  reactivation: 6,
  movedIn: 7,
  movedOut: 8,
  movedExpansion: 9,
  movedContraction: 10,
} as const;
const AMOUNTS = 11;

/** Customer-count slots of a cell. */
export const C = {
  atStart: 0,
  atEnd: 1,
  new: 2,
  expansion: 3,
  contraction: 4,
  churned: 5,
  reactivation: 6,
  movedIn: 7,
  movedOut: 8,
  movedExpansion: 9,
  movedContraction: 10,
  unchanged: 11,
} as const;
const COUNTS = 12;

/** The definition choices the walk applies per customer. */
export interface SeriesRules {
  /** A customer who starts and cancels within one period: ignored, or counted as joining and leaving. */
  readonly joinedAndLeft: 'exclude' | 'count';
  /** A return counts as a reactivation within this many periods of leaving; `null`: always. */
  readonly within: number | null;
}

/** The walk's tallies: per cell (segment `k`, period `p`: cell `k * periods + p`) its amount sums and counts. */
export interface SeriesSums {
  readonly amounts: Sums;
  readonly counts: Float64Array;
  readonly cells: number;
}

/** The slot of amount field `f` of cell `cell`. */
export const amountSlot = (cell: number, f: number): number => cell * AMOUNTS + f;
/** The slot of count field `f` of cell `cell`. */
export const countSlot = (cell: number, f: number): number => cell * COUNTS + f;

/** Walks every customer of the log and returns the sums per cell. */
export function walkSeries(log: ChangeLog, rules: SeriesRules): SeriesSums {
  const P = log.periods;
  const K = log.keys.length;
  const cells = K * P;
  // Difference arrays of runs at one MRR: amounts after the cells' slots, counts in their own array.
  const diffBase = cells * AMOUNTS;
  const amounts = sumsFor(log, diffBase + K * (P + 1));
  const counts = new Float64Array(cells * COUNTS);
  const runCounts = new Float64Array(K * (P + 1));
  const { order, bounds, period, key, value } = log;
  const within = rules.within;
  const countJoinedAndLeft = rules.joinedAndLeft === 'count';

  /** A run of periods `from..to` (inclusive) at the MRR of change `j` in segment `k`. */
  const run = (k: number, from: number, to: number, j: number): void => {
    if (from > to || !(value[j]! > 0)) return;
    const base = k * (P + 1);
    amounts.add(diffBase + base + from, j);
    amounts.sub(diffBase + base + to + 1, j);
    runCounts[base + from]!++;
    runCounts[base + to + 1]!--;
  };

  for (let c = 0; c < log.customers; c++) {
    const last = bounds[c + 1]!;
    let i = bounds[c]!;
    // The change in force (-1: none yet, MRR 0) and its segment.
    let current = -1;
    let paid = false;
    let leftIn = 0;
    let previous = -1;
    while (i < last) {
      const p = period[order[i]!]!;
      if (current >= 0) run(key[current]!, previous + 1, p - 1, current);
      const s = current;
      let firstPaying = -1;
      while (i < last && period[order[i]!] === p) {
        const j = order[i]!;
        if (firstPaying < 0 && value[j]! > 0) firstPaying = j;
        current = j;
        i++;
      }
      const e = current;
      const sv = s < 0 ? 0 : value[s]!;
      const ev = value[e]!;
      if (sv > 0) {
        const ks = key[s]! * P + p;
        counts[countSlot(ks, C.atStart)]!++;
        amounts.add(amountSlot(ks, A.start), s);
        if (ev > 0) {
          const ke = key[e]! * P + p;
          counts[countSlot(ke, C.atEnd)]!++;
          amounts.add(amountSlot(ke, A.end), e);
          const moved = ke !== ks;
          if (moved) {
            counts[countSlot(ks, C.movedOut)]!++;
            amounts.add(amountSlot(ks, A.movedOut), s);
            counts[countSlot(ke, C.movedIn)]!++;
            amounts.add(amountSlot(ke, A.movedIn), e);
          }
          if (ev !== sv) {
            const f = ev > sv ? (moved ? A.movedExpansion : A.expansion) : moved ? A.movedContraction : A.contraction;
            counts[countSlot(ks, f)]!++;
            const slot = amountSlot(ks, f);
            amounts.add(slot, ev > sv ? e : s);
            amounts.sub(slot, ev > sv ? s : e);
          } else if (!moved) {
            counts[countSlot(ks, C.unchanged)]!++;
          }
        } else {
          counts[countSlot(ks, C.churned)]!++;
          amounts.add(amountSlot(ks, A.churned), s);
          leftIn = p;
        }
      } else if (ev > 0) {
        const ke = key[e]! * P + p;
        counts[countSlot(ke, C.atEnd)]!++;
        amounts.add(amountSlot(ke, A.end), e);
        const f = paid && (within === null || p - leftIn <= within) ? A.reactivation : A.new;
        counts[countSlot(ke, f)]!++;
        amounts.add(amountSlot(ke, f), e);
        paid = true;
      } else if (firstPaying >= 0 && countJoinedAndLeft) {
        // Joined (or returned) and left within the period: counted, with no amount, as ProfitWell does not and Stripe Billing does.
        const kf = key[firstPaying]! * P + p;
        counts[countSlot(kf, paid && (within === null || p - leftIn <= within) ? C.reactivation : C.new)]!++;
        counts[countSlot(kf, C.churned)]!++;
        paid = true;
        leftIn = p;
      }
      previous = p;
    }
    if (current >= 0) run(key[current]!, previous + 1, P - 1, current);
  }

  // The runs: prefix sums of the difference arrays into each cell's start, end and unchanged.
  for (let k = 0; k < K; k++) {
    const base = k * (P + 1);
    let n = 0;
    for (let p = 0; p < P; p++) {
      if (p > 0) amounts.carry(diffBase + base + p - 1, diffBase + base + p);
      n += runCounts[base + p]!;
      if (n === 0) continue;
      const cell = k * P + p;
      amounts.carry(diffBase + base + p, amountSlot(cell, A.start));
      amounts.carry(diffBase + base + p, amountSlot(cell, A.end));
      counts[countSlot(cell, C.atStart)]! += n;
      counts[countSlot(cell, C.atEnd)]! += n;
      counts[countSlot(cell, C.unchanged)]! += n;
    }
  }
  return { amounts, counts, cells };
}
