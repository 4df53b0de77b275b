/**
 * Quantiles and the restricted mean of durations, some of them
 * right-censored, from the Kaplan-Meier estimate of the survival function
 * `S(t)` (the share of tickets still open after `t`).
 *
 * Quantile definition, one for every case: the `p`-quantile is the first
 * event time at which `S` falls to `1 - p` or below; when `S` equals `1 - p`
 * exactly on a flat stretch, it is the midpoint of that stretch (from that
 * event time to the next). This is R's `quantile.survfit`, and without
 * censoring it is the inverse of the empirical distribution with averaging
 * at its jumps (Hyndman and Fan's definition 2, SAS's default): the usual
 * median, the mean of the two middle values for an even count. When `S`
 * never falls to `1 - p`, or rests at exactly `1 - p` after the last event
 * (the stretch has no observed end), the quantile is `null`.
 *
 * Arithmetic: counts are integers and `S` is kept as `Sb * r / r0`, where
 * `r` is the number still at risk and `Sb`, `r0` change only at a censoring
 * time (between censorings the product telescopes). So decimal.js runs once
 * per censoring time, never per event; `S` is exact without censoring and
 * carries 80 significant digits with it. A level is taken as met exactly when
 * the decimal threshold is within 1e-40 of an integer.
 */
import { Dec } from '../exact/decimal.js';
import { IntegerSum } from '../exact/integer-sum.js';

/** The survival levels of the median, p90 and p95. */
const LEVELS = /* @__PURE__ */ (() => [new Dec('0.5'), new Dec('0.1'), new Dec('0.05')] as const)();
const LEVEL_NUMBERS = [0.5, 0.1, 0.05] as const;
const TIE = /* @__PURE__ */ new Dec('1e-40');

/** The median, p90 and p95 (`null` when the data cannot reach them) and the restricted mean. */
export interface SurvivalSummary {
  readonly median: Dec | null;
  readonly p90: Dec | null;
  readonly p95: Dec | null;
  /** Area under `S` from 0 to the longest observed duration; `null` without events. */
  readonly restrictedMean: Dec | null;
}

/**
 * Kaplan-Meier median, p90, p95 and restricted mean of `events` (resolved
 * durations) and `censored` (durations of tickets still open), both sorted
 * ascending. At a tied time, events come before censorings.
 */
export function kaplanMeier(events: Float64Array, censored: Float64Array): SurvivalSummary {
  const ne = events.length;
  const nc = censored.length;
  if (ne === 0) return { median: null, p90: null, p95: null, restrictedMean: null };
  const found: (Dec | null)[] = [null, null, null];
  // An event time at which S equals a level exactly, waiting for the next event time.
  const pending = [Number.NaN, Number.NaN, Number.NaN];
  const below = [0, 0, 0];
  const tieAt = [Number.NaN, Number.NaN, Number.NaN];
  let r = ne + nc;
  let r0 = r;
  let base = new Dec(1);
  let runStart = 0;
  let runSum = new IntegerSum();
  let area = new Dec(0);
  // base as a double, for thresholds far from an integer; refreshed from the
  // decimal every 1024 censoring times so its relative error stays below 1e-12.
  let approximate = 1;
  let runs = 0;

  const thresholds = () => {
    // S = base * r / r0 <= level  <=>  r <= level * r0 / base. A double
    // settles the floor unless the threshold is within 1e-9 of an integer;
    // then the decimal decides whether S meets the level exactly.
    for (let k = 0; k < 3; k++) {
      if (found[k] !== null || !Number.isNaN(pending[k]!)) continue;
      const level = LEVEL_NUMBERS[k]!;
      const guess = (level * r0) / approximate;
      const nearest = Math.round(guess);
      if (Math.abs(guess - nearest) > 1e-9 * Math.max(1, guess)) {
        tieAt[k] = Number.NaN;
        below[k] = Math.floor(guess);
        continue;
      }
      const threshold = LEVELS[k]!.times(r0).dividedBy(base);
      const exact = threshold.toDecimalPlaces(0);
      if (threshold.minus(exact).abs().lte(TIE)) {
        tieAt[k] = exact.toNumber();
        below[k] = tieAt[k]! - 1;
      } else {
        tieAt[k] = Number.NaN;
        below[k] = threshold.floor().toNumber();
      }
    }
  };
  thresholds();

  let i = 0;
  let j = 0;
  while (i < ne || j < nc) {
    const e = i < ne ? events[i]! : Infinity;
    const c = j < nc ? censored[j]! : Infinity;
    const t = e <= c ? e : c;
    let deaths = 0;
    while (i < ne && events[i] === t) {
      i++;
      deaths++;
    }
    let losses = 0;
    while (j < nc && censored[j] === t) {
      j++;
      losses++;
    }
    if (deaths > 0) {
      for (let k = 0; k < 3; k++) {
        if (!Number.isNaN(pending[k]!)) {
          found[k] = new Dec(pending[k]!).plus(t).dividedBy(2);
          pending[k] = Number.NaN;
        }
      }
      r -= deaths;
      runSum.add(t - runStart, deaths);
      for (let k = 0; k < 3; k++) {
        if (found[k] !== null || !Number.isNaN(pending[k]!)) continue;
        if (r === tieAt[k]) pending[k] = t;
        else if (r <= below[k]!) found[k] = new Dec(t);
      }
    }
    if (losses > 0) {
      // Close the run: the cohort at risk since runStart contributed
      // sum(min(T, t) - runStart) to the area, scaled by base / r0.
      runSum.add(t - runStart, r);
      const share = base.dividedBy(r0);
      area = area.plus(share.times(runSum.toDec()));
      if (r > 0) {
        base = share.times(r);
        approximate = ++runs % 1024 === 0 ? base.toNumber() : (approximate * r) / r0;
      }
      r -= losses;
      r0 = r;
      runStart = t;
      runSum = new IntegerSum();
      if (r > 0) thresholds();
    }
  }
  if (r0 > 0) area = area.plus(base.times(runSum.toDec()).dividedBy(r0));
  return { median: found[0]!, p90: found[1]!, p95: found[2]!, restrictedMean: area };
}
