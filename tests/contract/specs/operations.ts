/**
 * Contract specs of the operations: `compare`, `sampleSizeFor`,
 * `checkTargets` and `mergeCounts`.
 */
import fc from 'fast-check';
import {
  cesFromCounts,
  checkTargets,
  churnToAnnual,
  compare,
  csatFromCounts,
  firstContactResolutionFromCounts,
  firstResponseTime,
  firstResponseTimeFromCounts,
  isMetricsError,
  loyaltyIndexFromCounts,
  mergeCounts,
  mrrChurn,
  nps,
  npsCounts,
  npsFromCounts,
  repurchaseRate,
  repurchaseRateFromCounts,
  sampleSizeFor,
  timeToResolution,
  timeToResolutionFromCounts,
  upsellRatioFromCounts,
} from '../../../src/index.js';
import { deeplyNested, ownKeys } from '../../helpers/hostile.js';
import { hasMetric, lengthOf, own } from '../accounting.js';
import * as A from '../arbitraries.js';
import { Call, type ExportSpec, viaArgs } from '../contract.js';

// ---------------------------------------------------------------------------
// compare

/** Results of many kinds, comparable or not, and tallies and plans that are not results. */
const anyResult: fc.Arbitrary<unknown> = fc.oneof(
  A.derive(
    A.npsArgs,
    (a) => nps(...(a as Parameters<typeof nps>)) as unknown,
    () => nps([10]),
  ),
  A.compareArgs.map((a) => a[0]),
  A.compareArgs.map((a) => a[1]),
  fc
    .constantFrom(
      () => timeToResolution([{ openedAt: 0, resolvedAt: 1000 }]),
      () => firstResponseTime([{ openedAt: 0, firstRespondedAt: 1000 }]),
      () => mrrChurn({ startingMrr: 100, churnedMrr: 5 }),
      () => churnToAnnual(5),
      () => repurchaseRate([1, 2, 3], { method: 'repurchases' }),
      () => sampleSizeFor({ metric: 'nps', marginOfError: 5 }),
      () => compare(nps([10, 9]), nps([0, 10])),
      () => npsCounts([10, 9]),
      () => checkTargets([{ metric: 'nps', unit: 'points', value: 1 }]),
      () => ({ metric: 'toString' }),
      () => ({ metric: '__proto__' }),
      () => ({ metric: 'nps' }),
      () => ({ metric: 'constructor', value: 1 }),
    )
    .map((make) => make()),
);

const mismatchedResults = fc
  .tuple(
    anyResult,
    anyResult,
    fc.option(fc.record({ method: fc.constantFrom('adjusted-wald', 'wald', 'n-1', 'welch', 'bootstrap'), on: fc.constantFrom('percent', 'mean', undefined) }), {
      nil: undefined,
    }),
  )
  .map(([a, b, o]) => new Call('compare', o === undefined ? [a, b] : [a, b, A.compact(o)], ['results of any metrics']));

// ---------------------------------------------------------------------------
// mergeCounts

const NPS = { metric: 'nps', promoters: 1, passives: 0, detractors: 0, excluded: 0 };
const TTR = { metric: 'timeToResolution', resolved: [1000], censored: [], open: 0 };

/** Tallies that are broken where `mergeCounts` must look: deep, cyclic, null-prototype, with bad values or keys on one side only. */
const brokenTallies: fc.Arbitrary<Call> = fc
  .constantFrom<[string, () => unknown[]]>(
    [
      'an extra key nested 10,000 levels deep on both sides',
      () => [
        { ...NPS, extra: deeplyNested(10_000, 'object') },
        { ...NPS, extra: deeplyNested(10_000, 'object') },
      ],
    ],
    [
      'an array nested 10,000 levels deep on both sides',
      () => [
        { ...TTR, resolved: deeplyNested(10_000, 'array') },
        { ...TTR, resolved: deeplyNested(10_000, 'array') },
      ],
    ],
    [
      'null-prototype arrays',
      () => [
        { ...TTR, resolved: Object.setPrototypeOf([1000], null) },
        { ...TTR, resolved: Object.setPrototypeOf([2000], null) },
      ],
    ],
    ['a negative count on one side', () => [npsCounts([10]), { ...NPS, promoters: -5 }]],
    ['NaN on one side only', () => [{ ...NPS }, { ...NPS, excluded: Number.NaN }]],
    ['a key on one side only holding NaN', () => [{ ...NPS }, { ...NPS, weights: Number.NaN }]],
    ['a key on one side only holding a function', () => [{ ...NPS, extra: () => 1 }, { ...NPS }]],
    ['a key on one side only holding a Date', () => [{ ...NPS }, { ...NPS, extra: new Date(0) }]],
    [
      'a cycle on one side only',
      () => {
        const cyclic: Record<string, unknown> = { ...NPS };
        cyclic.self = cyclic;
        return [cyclic, { ...NPS }];
      },
    ],
    ['durations that are not numbers', () => [{ ...TTR, resolved: [Number.NaN, -1, 'x', null] }, { ...TTR }]],
    [
      'an own __proto__ key',
      () => [JSON.parse('{"metric":"nps","promoters":1,"passives":0,"detractors":0,"excluded":0,"__proto__":{"promoters":5}}'), { ...NPS }],
    ],
    [
      'an own __proto__ key on both sides',
      () => [
        JSON.parse('{"metric":"csat","points":{"__proto__":5,"1":2},"excluded":0}'),
        JSON.parse('{"metric":"csat","points":{"__proto__":1,"1":2},"excluded":0}'),
      ],
    ],
    [
      'prototype-named points',
      () => [
        { metric: 'csat', points: ownKeys([['toString', 1]]), excluded: 0 },
        { metric: 'csat', points: ownKeys([['constructor', 1]]), excluded: 0 },
      ],
    ],
    [
      'a metric named after a built-in',
      () => [
        { metric: 'toString', count: 1 },
        { metric: 'toString', count: 1 },
      ],
    ],
    [
      'a metric with no tally',
      () => [
        { metric: 'mrrChurn', x: 1 },
        { metric: 'mrrChurn', x: 1 },
      ],
    ],
    [
      'an unknown metric',
      () => [
        { metric: 'unknown', count: 1 },
        { metric: 'unknown', count: 1 },
      ],
    ],
    ['a null-prototype tally', () => [Object.assign(Object.create(null), NPS), Object.assign(Object.create(null), NPS)]],
    [
      'counts past 2^53 together',
      () => [
        { ...NPS, promoters: 2 ** 52 },
        { ...NPS, promoters: 2 ** 52 },
      ],
    ],
    [
      'fractional counts',
      () => [
        { ...NPS, promoters: 0.5 },
        { ...NPS, promoters: 0.5 },
      ],
    ],
    [
      'money strings with a sign and an exponent',
      () => [
        { metric: 'mrrMovements', startingMrr: '-1' },
        { metric: 'mrrMovements', startingMrr: '1e400' },
      ],
    ],
    ['weights of a weighted tally on one side only', () => [npsCounts([10], { weights: [2] }), npsCounts([9])]],
    [
      'extra unknown keys on both sides',
      () => [
        { ...NPS, extra: 1 },
        { ...NPS, extra: 2 },
      ],
    ],
    ['a missing key on one side', () => [{ metric: 'nps', promoters: 1 }, { ...NPS }]],
  )
  .map(([note, make]) => new Call('mergeCounts', make(), [note]));

/** The `...FromCounts` of each tally metric, with options wide enough for any tally a `...Counts` makes. */
function fromCountsOf(metric: unknown): ((tally: unknown) => unknown) | null {
  const pointScale = (tally: unknown, fallback: { min: number; max: number }) => {
    const keys = [own(tally, 'points'), own(own(tally, 'weights'), 'points')].flatMap((o) =>
      typeof o === 'object' && o !== null ? Object.keys(o).filter((k) => String(Number(k)) === k && Number.isInteger(Number(k))) : [],
    );
    if (keys.length === 0) return fallback;
    const points = keys.map(Number);
    const min = Math.min(...points);
    const max = Math.max(Math.max(...points), min + 1);
    return max - min > 1000 ? null : { min, max };
  };
  switch (metric) {
    case 'nps':
      return (t) => npsFromCounts(t as never);
    case 'csat':
      return (t) => {
        const scale = pointScale(t, { min: 1, max: 5 });
        return scale === null ? null : csatFromCounts(t as never, { scale });
      };
    case 'ces':
      return (t) => {
        const scale = pointScale(t, { min: 1, max: 7 });
        return scale === null ? null : cesFromCounts(t as never, { scale });
      };
    case 'loyaltyIndex':
      return (t) => loyaltyIndexFromCounts(t as never, { scale: { min: -500, max: 500 } });
    case 'firstContactResolution':
      return (t) => firstContactResolutionFromCounts(t as never);
    case 'timeToResolution':
      return (t) => timeToResolutionFromCounts(t as never);
    case 'firstResponseTime':
      return (t) => firstResponseTimeFromCounts(t as never);
    case 'repurchaseRate':
      return (t) => repurchaseRateFromCounts(t as never);
    case 'upsellRatio':
      return (t) => upsellRatioFromCounts(t as never);
    default:
      return null;
  }
}

/** The value of a tally at an error path (`['counts', 'points', '5']` reads `points['5']`). */
function valueAt(tally: unknown, path: readonly (string | number)[]): unknown {
  let v = tally;
  for (const key of path.slice(1)) v = own(v, String(key));
  return v;
}

/**
 * A merge returned only for tallies its metric accepts: each side passes the
 * metric's `...FromCounts`. Refusals of a whole (a total past 2^53, fields
 * that contradict one another, code `inconsistent`) are left to the
 * `...FromCounts` call and the caller's "same options" promise; refusals of
 * a value or a key are the tally's own fault, which a merge must not pass on.
 */
function mergedTallyOk(result: unknown, args: readonly unknown[]): string | null {
  const metric = own(args[0], 'metric');
  if (own(result, 'metric') !== metric) return `metric is ${JSON.stringify(own(result, 'metric'))}, expected ${JSON.stringify(metric)}`;
  const check = fromCountsOf(metric);
  if (check === null) return null;
  for (const [side, tally] of [
    ['a', args[0]],
    ['b', args[1]],
  ] as const) {
    try {
      check(tally);
    } catch (e) {
      if (!isMetricsError(e) || e.code === 'inconsistent') continue;
      const at = valueAt(tally, e.path);
      const whole = typeof at === 'object' && at !== null && e.code !== 'unknown-key';
      if (!whole) return `merged ${side}, a tally ${String(metric)}FromCounts refuses: ${e.message}`;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// checkTargets

const oneCheckPerResult = (result: unknown, args: readonly unknown[]): string | null => {
  const n = lengthOf(args[0]);
  if (!Array.isArray(result)) return 'expected an array of checks';
  return n === null || result.length === n ? null : `${result.length} checks for ${n} results (one per result, none dropped)`;
};

/** The operations: compare, sampleSizeFor, checkTargets and mergeCounts. */
export const operationSpecs: readonly ExportSpec[] = [
  {
    name: 'compare',
    call: viaArgs(compare),
    params: ['a', 'b', 'options'],
    kinds: ['object', 'object', 'options'],
    metric: 'compare',
    neutral: () => [nps([10, 9, 9, 10, 8, 7, 8, 6, 3, 0]), nps([10, 9, 8, 7, 6])],
    valid: A.compareArgs,
    hostile: mismatchedResults,
    checkResult: (result, args) => hasMetric(String(own(args[0], 'metric')))(result),
    readsSomeFields: true,
  },
  {
    name: 'sampleSizeFor',
    call: viaArgs(sampleSizeFor),
    params: ['options'],
    kinds: ['object'],
    metric: 'sampleSizeFor',
    neutral: () => [{ metric: 'nps', marginOfError: 5 }],
    valid: A.sampleSizeArgs,
    wide: A.sampleSizeWideArgs,
    checkResult: hasMetric('sampleSizeFor'),
  },
  {
    name: 'checkTargets',
    call: viaArgs(checkTargets),
    params: ['results', 'targets'],
    kinds: ['list', 'options'],
    metric: 'checkTargets',
    neutral: () => [[{ metric: 'nps', unit: 'points', value: 42 }]],
    valid: A.checkTargetsArgs,
    checkResult: oneCheckPerResult,
    readsSomeFields: true,
  },
  {
    name: 'mergeCounts',
    call: viaArgs(mergeCounts),
    params: ['a', 'b'],
    kinds: ['object', 'object'],
    metric: 'mergeCounts',
    neutral: () => [npsCounts([10, 9, 3]), npsCounts([8, 10])],
    valid: A.mergeArgs,
    hostile: brokenTallies,
    checkResult: mergedTallyOk,
  },
];
