/**
 * The walk behind `cohorts`: each customer joins the cohort of the period
 * of their first positive MRR, in the segment of that change, and is read
 * at each age (periods since) up to the horizon. Ages without a change of
 * the customer are runs at one MRR, added as two entries of a difference
 * array per cohort, so the work is proportional to the changes.
 */
import type { ChangeLog } from './change-log.js';
import { type Sums, sumsFor } from './sums.js';

/** How a customer's state in a period is read. */
export type CohortMeasure = 'end' | 'active';

/** The walk's tallies per cohort (`k * periods + c`) and per cell (cohort and age). */
export interface CohortSums {
  /** Customers per cohort. */
  readonly size: Float64Array;
  /** Per cohort: the sum of its customers' MRR at age 0 (slot `cohort`). */
  readonly base: Sums;
  /** Per cell: customers retained. */
  readonly retained: Float64Array;
  /** Per cell (`cohort * ages + age`): MRR at slot `2 * cell`, MRR capped at each customer's age-0 MRR at `2 * cell + 1`. */
  readonly amounts: Sums;
  /** Ages per cohort: horizon + 1. */
  readonly ages: number;
}

/** Walks every customer of the log into cohorts read by `measure`, ages 0 to `horizon`. */
export function walkCohorts(log: ChangeLog, measure: CohortMeasure, horizon: number): CohortSums {
  const P = log.periods;
  const K = log.keys.length;
  const ages = horizon + 1;
  const cohorts = K * P;
  const size = new Float64Array(cohorts);
  const base = sumsFor(log, cohorts);
  const retained = new Float64Array(cohorts * ages);
  // Cells' amounts, then the difference arrays of runs (ages + 1 entries per cohort, two amounts each).
  const diffBase = 2 * cohorts * ages;
  const amounts = sumsFor(log, diffBase + 2 * cohorts * (ages + 1));
  const runRetained = new Float64Array(cohorts * (ages + 1));
  const { order, bounds, period, times, key, value } = log;
  const end = measure === 'end';

  for (let c = 0; c < log.customers; c++) {
    const last = bounds[c + 1]!;
    let i = bounds[c]!;
    while (i < last && !(value[order[i]!]! > 0)) i++;
    if (i === last) continue;
    const joined = order[i]!;
    const cohort = key[joined]! * P + period[joined]!;
    const first = period[joined]!;
    const maxAge = Math.min(horizon, P - 1 - first);
    size[cohort]!++;
    // Back to the first change of the cohort's period: earlier ones in it are 0.
    while (i > bounds[c]! && period[order[i - 1]!] === first) i--;
    let current = -1;
    let baseChange = -1;
    let age = 0;
    const run = (from: number, to: number): void => {
      if (from > to || current < 0 || !(value[current]! > 0)) return;
      const d = cohort * (ages + 1);
      runRetained[d + from]!++;
      runRetained[d + to + 1]!--;
      const capped = baseChange >= 0 && value[baseChange]! < value[current]! ? baseChange : current;
      amounts.add(diffBase + 2 * (d + from), current);
      amounts.sub(diffBase + 2 * (d + to + 1), current);
      if (baseChange >= 0) {
        amounts.add(diffBase + 2 * (d + from) + 1, capped);
        amounts.sub(diffBase + 2 * (d + to + 1) + 1, capped);
      }
    };
    while (age <= maxAge) {
      const p = first + age;
      if (i >= last || period[order[i]!]! !== p) {
        // No change in this period: a run up to the next change's age (or the last age).
        const next = i < last ? Math.min(period[order[i]!]! - first - 1, maxAge) : maxAge;
        run(age, next);
        age = next + 1;
        continue;
      }
      // The MRR in force when the period begins counts unless a change replaces it at that very instant.
      const replacedAtStart = times[order[i]!] === log.calendar.start(log.firstOrdinal + p);
      let lastPaying = current >= 0 && value[current]! > 0 && !replacedAtStart ? current : -1;
      while (i < last && period[order[i]!] === p) {
        current = order[i]!;
        if (value[current]! > 0) lastPaying = current;
        i++;
      }
      const read = end ? (value[current]! > 0 ? current : -1) : lastPaying;
      if (age === 0) {
        baseChange = read;
        if (read >= 0) base.add(cohort, read);
      }
      if (read >= 0) {
        const cell = cohort * ages + age;
        retained[cell]!++;
        amounts.add(2 * cell, read);
        if (baseChange >= 0) amounts.add(2 * cell + 1, value[baseChange]! < value[read]! ? baseChange : read);
      }
      age++;
    }
  }

  // The runs: prefix sums of the difference arrays into each cell.
  for (let cohort = 0; cohort < cohorts; cohort++) {
    if (size[cohort] === 0) continue;
    const d = cohort * (ages + 1);
    let n = 0;
    for (let a = 0; a < ages; a++) {
      if (a > 0) {
        amounts.carry(diffBase + 2 * (d + a - 1), diffBase + 2 * (d + a));
        amounts.carry(diffBase + 2 * (d + a - 1) + 1, diffBase + 2 * (d + a) + 1);
      }
      n += runRetained[d + a]!;
      if (n === 0) continue;
      const cell = cohort * ages + a;
      retained[cell]! += n;
      amounts.carry(diffBase + 2 * (d + a), 2 * cell);
      amounts.carry(diffBase + 2 * (d + a) + 1, 2 * cell + 1);
    }
  }
  return { size, base, retained, amounts, ages };
}
