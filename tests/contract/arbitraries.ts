/**
 * Inputs that are valid by the documentation, for every export: each
 * arbitrary gives a whole argument list. The `wide...` arbitraries give
 * input at the edges of validity (huge amounts, extreme levels, scales far
 * from zero or near 2^53, times centuries apart), which a metric may either
 * compute or refuse with a documented `MetricsError`.
 */
import fc from 'fast-check';
import {
  ces,
  cesCounts,
  csat,
  csatCounts,
  customerChurn,
  firstContactResolution,
  firstContactResolutionCounts,
  firstResponseTimeCounts,
  loyaltyIndex,
  loyaltyIndexCounts,
  mergeCounts,
  mrrMovements,
  nps,
  npsCounts,
  PROPORTION_METHODS,
  repurchaseRate,
  repurchaseRateCounts,
  timeToResolutionCounts,
  upsellRatio,
  upsellRatioCounts,
} from '../../src/index.js';
import { ownKeys } from '../helpers/hostile.js';

type Args = unknown[];
type Options = Record<string, unknown>;

/** An options object without the keys whose value is `undefined` (left out, not passed as `undefined`). */
export function compact(o: Options): Options {
  const out: Options = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** `[data, options]`, or `[data]` when the options are empty (so the default path is exercised too). */
function withOptions(data: unknown, options: Options, omitEmpty: boolean): Args {
  return omitEmpty && Object.keys(options).length === 0 ? [data] : [data, options];
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

/**
 * `f` of each generated value, for input made by the library itself (a
 * tally, a result). Where the library refuses valid input, which its own
 * spec reports, `fallback` is used instead, so generation goes on.
 */
export function derive<T, U>(arb: fc.Arbitrary<T>, f: (value: T) => U, fallback: () => U): fc.Arbitrary<U> {
  return arb.map((value) => {
    try {
      return f(value);
    } catch {
      return fallback();
    }
  });
}

// ---------------------------------------------------------------------------
// Shared options.

const decimals = maybe(fc.integer({ min: 0, max: 15 }));
const rounding = maybe(fc.constantFrom('half-up', 'half-even'));
export const roundingOptions = fc.record({ decimals, rounding }).map(compact);

export const level = fc.oneof(fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99, 0.999), fc.double({ min: 0.01, max: 0.999, noNaN: true }));
/** Levels valid by the schema (strictly between 0 and 1) but extreme. */
export const extremeLevel = fc.constantFrom(5e-324, 1e-300, 1e-10, 1 - 2 ** -53, 0.9999999999, 1e-6);

function intervalOption<M extends string>(methods: readonly M[], levels: fc.Arbitrary<number> = level) {
  return fc.oneof(
    fc.constant(true),
    fc.constant(false),
    fc.constant({}),
    fc.record({ level: maybe(levels), method: maybe(fc.constantFrom(...methods)) }).map(compact),
  );
}

// ---------------------------------------------------------------------------
// Scores on a scale.

export interface Scale {
  readonly min: number;
  readonly max: number;
}

const smallScale = fc
  .record({ min: fc.integer({ min: -10, max: 10 }), span: fc.integer({ min: 1, max: 12 }) })
  .map(({ min, span }) => ({ min, max: min + span }));
/** Scales far from zero, where sums of squares cancel: valid, and what the variance must survive. */
const farScale = fc.constantFrom({ min: 1e9, max: 1e9 + 4 }, { min: -1e9 - 6, max: -1e9 }, { min: 2 ** 40, max: 2 ** 40 + 10 });
/** Scales at the edges: the widest span, and points near 2^53. */
const edgeScale = fc.constantFrom(
  { min: 0, max: 1000 },
  { min: -500, max: 500 },
  { min: 2 ** 53 - 11, max: 2 ** 53 - 1 },
  { min: -(2 ** 53) + 1, max: -(2 ** 53) + 5 },
);

const TYPED = [
  { make: Int8Array, lo: -128, hi: 127, float: false },
  { make: Uint8Array, lo: 0, hi: 255, float: false },
  { make: Uint8ClampedArray, lo: 0, hi: 255, float: false },
  { make: Int16Array, lo: -32768, hi: 32767, float: false },
  { make: Uint16Array, lo: 0, hi: 65535, float: false },
  { make: Int32Array, lo: -(2 ** 31), hi: 2 ** 31 - 1, float: false },
  { make: Uint32Array, lo: 0, hi: 2 ** 32 - 1, float: false },
  { make: Float32Array, lo: -(2 ** 24), hi: 2 ** 24, float: true },
  { make: Float64Array, lo: -(2 ** 53), hi: 2 ** 53, float: true },
] as const;

/** The answers as an array or as any typed array that holds them exactly (`NaN` only in float arrays, `null` only in arrays). */
function inContainer(values: readonly (number | null | undefined)[], pick: number): unknown {
  const numeric = values.every((v) => typeof v === 'number');
  const fits = TYPED.filter((t) => numeric && values.every((v) => (Number.isNaN(v) ? t.float : (v as number) >= t.lo && (v as number) <= t.hi)));
  const choice = pick % (fits.length + 2);
  if (choice >= fits.length) return [...values];
  return fits[choice]!.make.from(values as number[]);
}

/** Answers on a scale, with missing ones when `missing` is `'exclude'`. */
function answers(scale: Scale, exclude: boolean, maxLength = 40) {
  const point = fc.integer({ min: scale.min, max: scale.max });
  const element = exclude ? fc.oneof({ arbitrary: point, weight: 8 }, { arbitrary: fc.constantFrom(null, undefined, Number.NaN), weight: 1 }) : point;
  return fc.array(element as fc.Arbitrary<number | null | undefined>, { maxLength });
}

const weight = fc.oneof(
  { arbitrary: fc.double({ min: 1e-3, max: 1e3, noNaN: true }), weight: 6 },
  { arbitrary: fc.constantFrom(0, 1, 2, 0.5, 0.1, 1e-100, 1e100), weight: 2 },
);

function weightsFor(n: number) {
  return fc.tuple(fc.array(weight, { minLength: n, maxLength: n }), fc.boolean()).map(([w, typed]) => (typed ? Float64Array.from(w) : w));
}

// ---------------------------------------------------------------------------
// NPS.

interface ScoreArgs {
  readonly data: unknown;
  readonly options: Options;
}

function npsCase(scales: fc.Arbitrary<Scale | undefined>, levels: fc.Arbitrary<number>, bootstrapResamples: fc.Arbitrary<number>): fc.Arbitrary<ScoreArgs> {
  return scales.chain((scale) => {
    const s = scale ?? { min: 0, max: 10 };
    const cutoffs =
      scale === undefined
        ? fc.constant({})
        : fc
            .integer({ min: s.min, max: s.max - 1 })
            .chain((d) => fc.record({ detractorMax: fc.constant(d), promoterMin: fc.integer({ min: d + 1, max: s.max }) }));
    return fc.tuple(cutoffs, fc.boolean(), fc.nat()).chain(([cut, exclude, pick]) =>
      answers(s, exclude).chain((values) =>
        fc
          .record({
            weights: maybe(weightsFor(values.length)),
            interval: maybe(
              fc.oneof(
                intervalOption(['adjusted-wald', 'wald'] as const, levels),
                fc
                  .record({ method: fc.constant('bootstrap'), level: maybe(levels), resamples: maybe(bootstrapResamples), seed: maybe(fc.maxSafeInteger()) })
                  .map(compact),
              ),
            ),
            rounding: roundingOptions,
          })
          .map(({ weights, interval, rounding }) => {
            const bootstrap = typeof interval === 'object' && (interval as Options).method === 'bootstrap';
            const options = compact({
              ...(scale === undefined ? {} : { scale }),
              ...cut,
              missing: exclude ? 'exclude' : pick % 3 === 0 ? 'error' : undefined,
              weights: bootstrap ? undefined : weights,
              interval,
              ...rounding,
            });
            return { data: inContainer(values, pick), options };
          }),
      ),
    );
  });
}

const npsValidCase = npsCase(
  fc.oneof(fc.constant(undefined), smallScale, farScale, fc.constant({ min: 1, max: 10 })),
  level,
  fc.integer({ min: 100, max: 300 }),
);
const npsWideCase = npsCase(fc.oneof(edgeScale, farScale), extremeLevel, fc.integer({ min: 100, max: 2000 }));

export const npsArgs = npsValidCase.map((c) => withOptions(c.data, c.options, true));
export const npsWideArgs = npsWideCase.map((c) => withOptions(c.data, c.options, false));

/** Options `...FromCounts` takes with a tally: the ones that shape the result, no weights, no bootstrap on a weighted tally. */
function fromCountsOptions(options: Options, weighted: boolean): Options {
  const { weights: _w, ...rest } = options;
  const interval = rest.interval as Options | undefined;
  if (weighted && typeof interval === 'object' && interval.method === 'bootstrap') delete rest.interval;
  return rest;
}

const handNpsCounts = fc
  .record({
    promoters: fc.oneof(fc.nat(60), fc.nat(2 ** 50)),
    passives: fc.oneof(fc.nat(60), fc.nat(2 ** 50)),
    detractors: fc.oneof(fc.nat(60), fc.nat(2 ** 50)),
    excluded: maybe(fc.nat(100)),
    metric: maybe(fc.constant('nps')),
  })
  .map(compact);

export const npsFromCountsArgs = fc.oneof(
  derive(
    npsValidCase,
    (c) => {
      const tally = npsCounts(c.data as number[], c.options);
      return withOptions(tally, fromCountsOptions(c.options, tally.weights !== undefined), true);
    },
    () => [{ promoters: 1, passives: 2, detractors: 3 }],
  ),
  fc
    .tuple(handNpsCounts, fc.record({ interval: maybe(intervalOption(['adjusted-wald', 'wald'] as const)), rounding: roundingOptions }))
    .map(([counts, o]) => withOptions(counts, compact({ interval: o.interval, ...o.rounding }), true)),
);
export const npsFromCountsWideArgs = derive(
  npsWideCase,
  (c) => {
    const tally = npsCounts(c.data as number[], compact({ ...c.options, interval: undefined }));
    return withOptions(tally, fromCountsOptions(c.options, tally.weights !== undefined), false);
  },
  () => [{ promoters: 1, passives: 2, detractors: 3 }],
);

// ---------------------------------------------------------------------------
// CSAT and CES: point scales with labels.

/** Label texts, including the names of built-in properties: keys are data. */
const LABEL_TEXTS = [
  'Yes',
  'No',
  'very satisfied',
  'satisfied',
  '__proto__',
  'toString',
  'constructor',
  'hasOwnProperty',
  'valueOf',
  '',
  'é',
  '5',
  ' ',
  'length',
] as const;

function pointCase(metric: 'csat' | 'ces', scales: fc.Arbitrary<Scale | undefined>, levels: fc.Arbitrary<number>): fc.Arbitrary<ScoreArgs> {
  const defaultScale = metric === 'csat' ? { min: 1, max: 5 } : { min: 1, max: 7 };
  return scales.chain((scale) => {
    const s = scale ?? defaultScale;
    const points = Array.from({ length: s.max - s.min + 1 }, (_, i) => s.min + i);
    const selected = maybe(fc.shuffledSubarray(points, { minLength: 1 }));
    const labels = maybe(
      fc.uniqueArray(fc.tuple(fc.constantFrom(...LABEL_TEXTS), fc.constantFrom(...points)), { minLength: 1, maxLength: 6, selector: ([k]) => k }),
    );
    return fc.tuple(selected, labels, fc.boolean(), fc.nat()).chain(([sel, entries, exclude, pick]) => {
      const labelMap = entries === undefined ? undefined : ownKeys(entries);
      const numbers = answers(s, exclude);
      const data =
        entries === undefined
          ? numbers.map((v) => inContainer(v, pick))
          : fc
              .tuple(numbers, fc.array(fc.constantFrom(...entries.map(([k]) => k)), { maxLength: 20 }), fc.infiniteStream(fc.boolean()))
              .map(([nums, texts, coin]) => {
                // Interleave numbers and labels deterministically.
                const out: unknown[] = [];
                const it = coin[Symbol.iterator]();
                let i = 0;
                let j = 0;
                while (i < nums.length || j < texts.length) {
                  if (j >= texts.length || (i < nums.length && it.next().value === true)) out.push(nums[i++]);
                  else out.push(texts[j++]);
                }
                return out;
              });
      return data.chain((d) =>
        fc
          .record({
            weights: maybe(weightsFor((d as ArrayLike<unknown>).length)),
            interval: maybe(intervalOption(PROPORTION_METHODS, levels)),
            direction: metric === 'ces' ? maybe(fc.constantFrom('higher-is-easier', 'lower-is-easier')) : fc.constant(undefined),
            rounding: roundingOptions,
          })
          .map(({ weights, interval, direction, rounding }) => ({
            data: d,
            options: compact({
              ...(scale === undefined ? {} : { scale }),
              [metric === 'csat' ? 'satisfied' : 'easy']: sel,
              labels: labelMap,
              missing: exclude ? 'exclude' : undefined,
              weights,
              interval,
              direction,
              ...rounding,
            }),
          })),
      );
    });
  });
}

const pointScales = fc.oneof(fc.constant(undefined), smallScale, farScale, fc.constant({ min: 0, max: 1 }), fc.constant({ min: 0, max: 10 }));
const csatValidCase = pointCase('csat', pointScales, level);
const csatWideCase = pointCase('csat', fc.oneof(edgeScale, farScale), extremeLevel);
const cesValidCase = pointCase('ces', pointScales, level);
const cesWideCase = pointCase('ces', fc.oneof(edgeScale, farScale), extremeLevel);

export const csatArgs = csatValidCase.map((c) => withOptions(c.data, c.options, true));
export const csatWideArgs = csatWideCase.map((c) => withOptions(c.data, c.options, false));
export const cesArgs = cesValidCase.map((c) => withOptions(c.data, c.options, true));
export const cesWideArgs = cesWideCase.map((c) => withOptions(c.data, c.options, false));

function handPointCounts(metric: 'csat' | 'ces') {
  const scale = metric === 'csat' ? { min: 1, max: 5 } : { min: 1, max: 7 };
  return fc
    .record({
      points: fc.dictionary(fc.integer({ min: scale.min, max: scale.max }).map(String), fc.oneof(fc.nat(100), fc.nat(2 ** 48)), { maxKeys: 7 }),
      excluded: maybe(fc.nat(10)),
      metric: maybe(fc.constant(metric)),
    })
    .map(compact);
}

function pointFromCounts(metric: 'csat' | 'ces', valid: fc.Arbitrary<ScoreArgs>) {
  const counts = metric === 'csat' ? csatCounts : cesCounts;
  return fc.oneof(
    derive(
      valid,
      (c) => {
        const tally = counts(c.data as number[], c.options);
        return withOptions(tally, fromCountsOptions(c.options, tally.weights !== undefined), true);
      },
      () => [{ points: { 1: 3 } }],
    ),
    fc
      .tuple(handPointCounts(metric), fc.record({ interval: maybe(intervalOption(PROPORTION_METHODS)), rounding: roundingOptions }))
      .map(([t, o]) => withOptions(t, compact({ interval: o.interval, ...o.rounding }), true)),
  );
}

export const csatFromCountsArgs = pointFromCounts('csat', csatValidCase);
export const cesFromCountsArgs = pointFromCounts('ces', cesValidCase);
export const csatFromCountsWideArgs = derive(
  csatWideCase,
  (c) => {
    const tally = csatCounts(c.data as number[], compact({ ...c.options, interval: undefined }));
    return withOptions(tally, fromCountsOptions(c.options, tally.weights !== undefined), false);
  },
  () => [{ points: { 1: 3 } }],
);
export const cesFromCountsWideArgs = derive(
  cesWideCase,
  (c) => {
    const tally = cesCounts(c.data as number[], compact({ ...c.options, interval: undefined }));
    return withOptions(tally, fromCountsOptions(c.options, tally.weights !== undefined), false);
  },
  () => [{ points: { 1: 3 } }],
);

// ---------------------------------------------------------------------------
// Loyalty index.

function loyaltyCase(scales: fc.Arbitrary<Scale | undefined>, levels: fc.Arbitrary<number>) {
  return scales.chain((scale) => {
    const s = scale ?? { min: 0, max: 10 };
    const point = fc.integer({ min: s.min, max: s.max });
    return fc.boolean().chain((exclude) => {
      const answer = exclude ? fc.oneof({ arbitrary: point, weight: 8 }, { arbitrary: fc.constantFrom(null, undefined, Number.NaN), weight: 1 }) : point;
      const respondent = fc.record({ recommend: answer, repurchase: answer, upsell: answer, id: maybe(fc.string({ maxLength: 4 })) }).map(compact);
      const list = fc.array(exclude ? fc.oneof({ arbitrary: respondent, weight: 9 }, { arbitrary: fc.constantFrom(null, undefined), weight: 1 }) : respondent, {
        maxLength: 40,
      });
      return fc
        .record({
          answers: list,
          aggregate: maybe(fc.constantFrom('sum', 'mean')),
          interval: maybe(intervalOption(['t'] as const, levels)),
          rounding: roundingOptions,
        })
        .map(({ answers: a, aggregate, interval, rounding }) => ({
          data: a,
          options: compact({ ...(scale === undefined ? {} : { scale }), aggregate, missing: exclude ? 'exclude' : undefined, interval, ...rounding }),
        }));
    });
  });
}

const loyaltyValidCase = loyaltyCase(fc.oneof(fc.constant(undefined), smallScale, fc.constant({ min: 1, max: 5 })), level);
const loyaltyWideCase = loyaltyCase(fc.oneof(farScale, edgeScale), extremeLevel);
export const loyaltyArgs = loyaltyValidCase.map((c) => withOptions(c.data, c.options, true));
export const loyaltyWideArgs = loyaltyWideCase.map((c) => withOptions(c.data, c.options, false));
export const loyaltyFromCountsArgs = fc.oneof(
  derive(
    loyaltyValidCase,
    (c) => withOptions(loyaltyIndexCounts(c.data as never, c.options), c.options, true),
    () => [{ respondents: 1, sums: { recommend: 1, repurchase: 2, upsell: 3 } }],
  ),
  fc
    .record({
      respondents: fc.nat(50),
      q: fc.tuple(fc.nat(10), fc.nat(10), fc.nat(10)),
      rounding: roundingOptions,
      aggregate: maybe(fc.constantFrom('sum', 'mean')),
    })
    .map(({ respondents, q, rounding, aggregate }) =>
      withOptions(
        { respondents, sums: { recommend: q[0] * respondents, repurchase: q[1] * respondents, upsell: q[2] * respondents } },
        compact({ aggregate, ...rounding }),
        true,
      ),
    ),
);
export const loyaltyFromCountsWideArgs = loyaltyWideCase.map((c) => {
  try {
    return withOptions(loyaltyIndexCounts(c.data as never, c.options), c.options, false);
  } catch {
    // A tally the wide input cannot give (squares past 2^53) is tried as hand-made.
    return withOptions({ respondents: 1, sums: { recommend: 2 ** 53 - 1, repurchase: 2 ** 53 - 1, upsell: 2 ** 53 - 1 } }, c.options, false);
  }
});

// ---------------------------------------------------------------------------
// First contact resolution.

const fcrOptions = fc
  .record({ denominator: maybe(fc.constantFrom('resolved', 'all')), interval: maybe(intervalOption(PROPORTION_METHODS)), rounding: roundingOptions })
  .map(({ denominator, interval, rounding }) => compact({ denominator, interval, ...rounding }));
const fcrTicket = fc
  .record({
    contacts: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
    resolved: fc.boolean(),
    reopened: maybe(fc.boolean()),
    id: maybe(fc.nat()),
  })
  .map(compact);
export const fcrTickets = fc.oneof(fc.array(fcrTicket, { maxLength: 40 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }));
export const fcrArgs = fc.tuple(fcrTickets, fcrOptions).map(([t, o]) => withOptions(t, o, true));
const handFcr = fc.tuple(fc.nat(2 ** 52), fc.nat(), fc.nat(), fc.boolean()).map(([total, a, b, tagged]) => {
  const resolved = total === 0 ? 0 : a % (total + 1);
  const first = resolved === 0 ? 0 : b % (resolved + 1);
  return compact({ total, resolved, resolvedFirstContact: first, metric: tagged ? 'firstContactResolution' : undefined });
});
export const fcrFromCountsArgs = fc.oneof(
  derive(
    fc.tuple(fcrTickets, fcrOptions),
    ([t, o]) => withOptions(firstContactResolutionCounts(t as never), o, true),
    () => [{ total: 3, resolved: 2, resolvedFirstContact: 1 }],
  ),
  fc.tuple(handFcr, fcrOptions).map(([c, o]) => withOptions(c, o, true)),
);
export const fcrWideArgs = fc
  .tuple(handFcr, fc.record({ interval: fc.record({ level: extremeLevel, method: fc.constantFrom(...PROPORTION_METHODS) }) }))
  .map(([c, o]) => [c, o]);

// ---------------------------------------------------------------------------
// Time to resolution.

const ZONES = ['UTC', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns'] as const;
const OFFSETS = [0, 60, -300, 330, 845, -570, 840, -720] as const;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A time in one of its three forms: a `Date`, an ISO string with `Z` or an offset, or epoch milliseconds. */
function timeIn(ms: number, form: number): unknown {
  switch (form % 4) {
    case 0:
      return new Date(ms);
    case 1:
      return new Date(ms).toISOString();
    case 2: {
      const offset = OFFSETS[Math.floor(form / 4) % OFFSETS.length]!;
      const local = new Date(ms + offset * 60_000).toISOString().slice(0, -1);
      const sign = offset < 0 ? '-' : '+';
      const a = Math.abs(offset);
      return `${local}${sign}${clock(a)}`;
    }
    default:
      return ms;
  }
}

const hoursOfDay = fc.oneof(
  fc.constant(['09:00', '17:00'] as const),
  fc.constant(['00:00', '24:00'] as const),
  fc
    .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))
    .filter(([o, c]) => c > o)
    .map(([o, c]) => [clock(o * 15), c === 96 ? '24:00' : clock(c * 15)] as const),
);

export const businessHours = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc
      .uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 7 })
      .chain((days) => fc.tuple(...days.map(() => hoursOfDay)).map((h) => Object.fromEntries(days.map((d, i) => [d, h[i]])))),
    holidays: maybe(
      fc.array(
        fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        { maxLength: 4 },
      ),
    ),
  })
  .map(compact);

const DAY = 86_400_000;

interface TicketPlan {
  readonly opened: number;
  readonly resolved: number | null;
  readonly first: number | null;
}

function ticketPlans(from: number, to: number, longest: number) {
  return fc.array(
    fc
      .record({
        opened: fc.integer({ min: from, max: to }),
        duration: fc.oneof(fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: 0, max: longest })),
        open: fc.nat(4),
        split: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ opened, duration, open, split }): TicketPlan => {
        if (open === 0) return { opened, resolved: null, first: null };
        const resolved = opened + duration;
        return { opened, resolved, first: open === 1 ? opened + Math.floor(duration * split) : null };
      }),
    { maxLength: 30 },
  );
}

function ttrCase(plans: fc.Arbitrary<TicketPlan[]>, hours: fc.Arbitrary<Options | undefined>, levels: fc.Arbitrary<number>) {
  return fc
    .record({
      plans,
      forms: fc.infiniteStream(fc.nat()),
      nullOpen: fc.boolean(),
      statistic: maybe(fc.constantFrom('median', 'mean')),
      censor: fc.boolean(),
      lag: fc.integer({ min: 0, max: DAY }),
      resolution: maybe(fc.constantFrom('full', 'first')),
      businessHours: hours,
      interval: maybe(intervalOption(['order-statistics'] as const, levels)),
      rounding: roundingOptions,
    })
    .map((r) => {
      const forms = r.forms[Symbol.iterator]();
      const form = () => forms.next().value as number;
      let latest = 0;
      const tickets = r.plans.map((p) => {
        latest = Math.max(latest, p.opened, p.resolved ?? 0, p.first ?? 0);
        return compact({
          openedAt: timeIn(p.opened, form()),
          resolvedAt: p.resolved === null ? (r.nullOpen ? null : undefined) : timeIn(p.resolved, form()),
          firstResolvedAt: p.first === null ? undefined : timeIn(p.first, form()),
        });
      });
      const interval = r.statistic === 'mean' ? undefined : r.interval;
      const options = compact({
        statistic: r.statistic,
        open: r.censor ? 'censor' : undefined,
        asOf: r.censor ? timeIn(latest + r.lag, form()) : undefined,
        resolution: r.resolution,
        businessHours: r.businessHours,
        interval,
        ...r.rounding,
      });
      return { data: tickets, options };
    });
}

const Y2000 = Date.UTC(2000, 0, 1);
const Y2030 = Date.UTC(2030, 0, 1);
const Y2025 = Date.UTC(2025, 0, 1);
const Y2027 = Date.UTC(2027, 0, 1);
const someHours = fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: businessHours, weight: 1 });
/**
 * Tickets over two years, and now and then over thirty, a quarter of them
 * with business hours (working time is counted over every day between, the
 * costliest valid input there is).
 */
const ttrValidCase = fc.oneof(
  { arbitrary: ttrCase(ticketPlans(Y2025, Y2027, 90 * DAY), someHours, level), weight: 5 },
  { arbitrary: ttrCase(ticketPlans(Y2000, Y2030, 365 * DAY), someHours, level), weight: 1 },
);
/** Tickets from year 0 to the end of a `Date`'s range, with and without business hours. */
const ttrWideCase = ttrCase(
  ticketPlans(-8.64e15 + 2 * DAY, 8.64e15 - 201 * 365 * DAY, 200 * 365 * DAY),
  fc.oneof(fc.constant(undefined), businessHours),
  extremeLevel,
);
export const ttrArgs = ttrValidCase.map((c) => withOptions(c.data, c.options, true));
export const ttrWideArgs = fc.oneof(
  ttrWideCase.map((c) => withOptions(c.data, c.options, false)),
  fc
    .tuple(fc.constantFrom('0000-01-01T00:00:00Z', '1900-01-01T00:00:00Z', '-271821-04-20T00:00:00Z', -8.64e15, 0), businessHours, fc.boolean())
    .map(([openedAt, hours, censor]) => [
      censor ? [{ openedAt }] : [{ openedAt, resolvedAt: '2026-01-01T00:00:00Z' }],
      censor ? { open: 'censor', asOf: '2026-01-01T00:00:00Z', businessHours: hours } : { businessHours: hours },
    ]),
);

function ttrFromCountsOptions(options: Options): Options {
  const { asOf: _a, businessHours: _b, resolution: _r, ...rest } = options;
  return rest;
}

const handTtr = fc
  .record({
    resolved: fc.array(fc.oneof(fc.nat(DAY * 30), fc.nat(DAY * 3650)), { maxLength: 40 }),
    open: fc.nat(5),
    censor: fc.boolean(),
    censoredAt: fc.array(fc.nat(DAY * 30), { minLength: 5, maxLength: 5 }),
    statistic: maybe(fc.constantFrom('median', 'mean')),
    interval: maybe(intervalOption(['order-statistics'] as const)),
    rounding: roundingOptions,
  })
  .map((r) => {
    const counts = compact({ resolved: r.resolved, open: r.open, censored: r.censor ? r.censoredAt.slice(0, r.open) : undefined });
    const options = compact({
      statistic: r.statistic,
      open: r.censor ? 'censor' : undefined,
      interval: r.statistic === 'mean' ? undefined : r.interval,
      ...r.rounding,
    });
    return withOptions(counts, options, true);
  });

export const ttrFromCountsArgs = fc.oneof(
  derive(
    ttrValidCase,
    (c) => withOptions(timeToResolutionCounts(c.data as never, c.options), ttrFromCountsOptions(c.options), true),
    () => [{ resolved: [1000], open: 0 }],
  ),
  handTtr,
);
export const ttrFromCountsWideArgs = fc
  .tuple(fc.array(fc.constantFrom(0, 1, 2 ** 53 - 1, 2 ** 52, 8.64e15), { maxLength: 10 }), fc.record({ level: extremeLevel }))
  .map(([resolved, interval]) => [{ resolved, open: 0 }, { interval }]);

/**
 * First-response cases from resolution cases: each ticket's `resolvedAt`
 * becomes its `firstRespondedAt` (`null` or absent alike), its
 * `firstResolvedAt` stays as a field the metric ignores, and the
 * `resolution` option goes.
 */
function frtOf(c: ScoreArgs): ScoreArgs {
  const tickets = (c.data as Options[]).map(({ resolvedAt, ...rest }) => (resolvedAt === undefined ? rest : { ...rest, firstRespondedAt: resolvedAt }));
  const { resolution: _r, ...options } = c.options;
  return { data: tickets, options };
}
const frtValidCase = ttrValidCase.map(frtOf);
export const frtArgs = frtValidCase.map((c) => withOptions(c.data, c.options, true));
export const frtWideArgs = fc.oneof(
  ttrWideCase.map(frtOf).map((c) => withOptions(c.data, c.options, false)),
  fc
    .tuple(fc.constantFrom('0000-01-01T00:00:00Z', '1900-01-01T00:00:00Z', '-271821-04-20T00:00:00Z', -8.64e15, 0), businessHours, fc.boolean())
    .map(([openedAt, hours, censor]) => [
      censor ? [{ openedAt }] : [{ openedAt, firstRespondedAt: '2026-01-01T00:00:00Z' }],
      censor ? { open: 'censor', asOf: '2026-01-01T00:00:00Z', businessHours: hours } : { businessHours: hours },
    ]),
);
export const frtFromCountsArgs = fc.oneof(
  derive(
    frtValidCase,
    (c) => withOptions(firstResponseTimeCounts(c.data as never, c.options), ttrFromCountsOptions(c.options), true),
    () => [{ responded: [1000], open: 0 }],
  ),
  handTtr.map(([counts, ...options]) => {
    const { resolved, ...rest } = counts as Options;
    return [{ responded: resolved, ...rest }, ...options];
  }),
);
export const frtFromCountsWideArgs = ttrFromCountsWideArgs.map(([counts, options]) => {
  const { resolved, ...rest } = counts as Options;
  return [{ responded: resolved, ...rest }, options];
});

// ---------------------------------------------------------------------------
// Money.

/** An amount of `units / 10^scale`, written with `extra` more decimals (trailing zeros), as a string or, when short, as a number. */
function moneyText(units: bigint, scale: number, extra: number, asNumber: boolean): string | number {
  const digits = units.toString().padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  const text = extra === 0 ? whole : `${whole}${scale === 0 ? '.' : ''}${'0'.repeat(extra)}`;
  return asNumber && digits.length <= 15 ? Number(text) : text;
}

interface Amounts {
  readonly scale: number;
  readonly units: readonly bigint[];
  readonly render: (i: number) => string | number;
}

/** `count` amounts at one scale, each written in its own form. */
function amounts(count: number, wide: boolean): fc.Arbitrary<Amounts> {
  const max = wide ? 10n ** 40n : 10n ** 11n;
  return fc
    .record({
      scale: fc.integer({ min: 0, max: wide ? 20 : 4 }),
      units: fc.array(fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max })), { minLength: count, maxLength: count }),
      extra: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: count, maxLength: count }),
      asNumber: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
    })
    .map(({ scale, units, extra, asNumber }) => ({
      scale,
      units,
      render: (i: number) => moneyText(units[i]!, scale, wide ? 0 : Math.min(extra[i]!, 20 - scale), asNumber[i]!),
    }));
}

function mrrChurnCase(wide: boolean) {
  return fc
    .tuple(amounts(3, wide), fc.nat(7), fc.boolean(), fc.record({ contraction: maybe(fc.constantFrom('include', 'exclude')), rounding: roundingOptions }))
    .map(([a, forms, withContraction, o]) => {
      const starting = a.units[0]!;
      const churned = starting === 0n ? 0n : a.units[1]! % (starting + 1n);
      const contraction = starting - churned === 0n ? 0n : a.units[2]! % (starting - churned + 1n);
      const at = (u: bigint, i: number) => moneyText(u, a.scale, 0, !wide && ((forms >> i) & 1) === 1);
      const movements = compact({ startingMrr: at(starting, 0), churnedMrr: at(churned, 1), contractionMrr: withContraction ? at(contraction, 2) : undefined });
      return { movements, options: compact({ contraction: o.contraction, ...o.rounding }) };
    });
}

export const mrrChurnArgs = mrrChurnCase(false).map((c) => withOptions(c.movements, c.options, true));
export const mrrChurnWideArgs = mrrChurnCase(true).map((c) => withOptions(c.movements, c.options, false));

function netMrrChurnCase(wide: boolean) {
  return fc
    .tuple(mrrChurnCase(wide), amounts(2, wide), fc.boolean(), fc.record({ reactivation: maybe(fc.constantFrom('include', 'exclude')) }))
    .map(([base, more, withReactivation, o]) => {
      const zero = Number(base.movements.startingMrr) === 0;
      return {
        movements: compact({
          ...base.movements,
          expansionMrr: zero ? 0 : more.render(0),
          reactivationMrr: withReactivation ? more.render(1) : undefined,
        }),
        options: compact({ ...base.options, reactivation: o.reactivation }),
      };
    });
}

export const netMrrChurnArgs = netMrrChurnCase(false).map((c) => withOptions(c.movements, c.options, true));
export const netMrrChurnWideArgs = netMrrChurnCase(true).map((c) => withOptions(c.movements, c.options, false));

function expansionCase(wide: boolean) {
  return fc.tuple(amounts(2, wide), roundingOptions).map(([a, rounding]) => {
    const startingMrr = a.render(0);
    const zero = a.units[0] === 0n;
    return { movements: { startingMrr, expansionMrr: zero ? '0' : a.render(1) }, options: rounding };
  });
}

export const expansionArgs = expansionCase(false).map((c) => withOptions(c.movements, c.options, true));
export const expansionWideArgs: fc.Arbitrary<Args> = fc.oneof(
  expansionCase(true).map((c) => withOptions(c.movements, c.options, false)),
  fc.constantFrom<Args>(
    [{ startingMrr: '1', expansionMrr: `1${'0'.repeat(400)}` }],
    [{ startingMrr: `0.${'0'.repeat(19)}1`, expansionMrr: `9${'9'.repeat(300)}` }],
    [{ startingMrr: Number.MIN_VALUE, expansionMrr: Number.MAX_VALUE }],
  ),
);

/** Customers with unique ids (`1` and `'1'` differ), amounts in every form, `churnedBefore` only on customers not paying at the start. */
function customersCase(wide: boolean) {
  return fc
    .uniqueArray(fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -1000, max: 1000 }), fc.constantFrom('__proto__', 'toString', 0.5, -0, 1e300)), {
      maxLength: 30,
      comparator: (a, b) => Object.is(a, b) || (a === 0 && b === 0),
    })
    .chain((ids) =>
      fc.tuple(amounts(ids.length * 2, wide), fc.array(fc.nat(5), { minLength: ids.length, maxLength: ids.length })).map(([a, kinds]) =>
        ids.map((id, i) => {
          const kind = kinds[i]!;
          // 0: paying at both ends; 1: new or reactivated; 2: churned; 3: idle; else as drawn.
          const start = kind === 1 || kind === 3 ? '0' : a.render(2 * i);
          const end = kind === 2 || kind === 3 ? 0 : a.render(2 * i + 1);
          const startsAtZero = kind === 1 || kind === 3 || a.units[2 * i] === 0n;
          return compact({ id, startMrr: start, endMrr: end, churnedBefore: startsAtZero && kind === 1 ? true : kind === 4 ? false : undefined });
        }),
      ),
    );
}

export const mrrMovementsArgs = customersCase(false).map((c) => [c]);
export const mrrMovementsWideArgs = customersCase(true).map((c) => [c]);
/** An `mrrMovements` tally, as the revenue metrics accept in place of their movements. */
export const movementsTally = derive(
  customersCase(false),
  (c) => mrrMovements(c as never) as unknown,
  () => ({ startingMrr: 100, churnedMrr: 10, contractionMrr: 0, expansionMrr: 0 }),
);

// ---------------------------------------------------------------------------
// Customer churn and its conversions.

const churnOptions = fc
  .record({ interval: maybe(intervalOption(PROPORTION_METHODS)), rounding: roundingOptions })
  .map(({ interval, rounding }) => compact({ interval, ...rounding }));

export const customerChurnArgs = fc.oneof(
  fc
    .tuple(
      fc.oneof(fc.nat(1000), fc.nat(2 ** 51)),
      fc.nat(),
      fc.option(fc.oneof(fc.nat(1000), fc.nat(2 ** 51)), { nil: undefined }),
      fc.boolean(),
      churnOptions,
    )
    .map(([atStart, x, added, plusAdded, o]) => {
      const denominator = plusAdded && added !== undefined ? 'start-plus-added' : undefined;
      const room = denominator === undefined ? atStart : atStart + added!;
      const lost = x % (room + 1);
      return withOptions(compact({ customersAtStart: atStart, customersLost: lost, customersAdded: added }), compact({ ...o, denominator }), true);
    }),
  fc
    .tuple(movementsTally, churnOptions, fc.boolean())
    .map(([m, o, plus]) => withOptions(m, compact({ ...o, denominator: plus ? 'start-plus-added' : undefined }), true)),
);
export const customerChurnWideArgs = fc
  .tuple(
    fc.constantFrom(0, 1, 2 ** 53 - 1, 2 ** 52),
    fc.constantFrom(0, 1, 2 ** 53 - 1),
    fc.record({ interval: fc.record({ level: extremeLevel, method: fc.constantFrom(...PROPORTION_METHODS) }) }),
  )
  .map(([atStart, lost, o]) => [{ customersAtStart: Math.max(atStart, lost), customersLost: lost }, o]);

const percent = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0, 100, 5e-324, 1e-300, 100 - 1e-14, 50, 1e-20));
export const churnConversionArgs = fc.tuple(percent, roundingOptions).map(([p, o]) => withOptions(p, o, true));

// ---------------------------------------------------------------------------
// Repurchase rate and upsell ratio.

const purchases = fc.array(fc.oneof({ arbitrary: fc.nat(6), weight: 8 }, { arbitrary: fc.nat(10 ** 6), weight: 1 }), { maxLength: 40 });
const repurchaseOptions = fc
  .record({ method: maybe(fc.constantFrom('customers', 'repurchases')), interval: maybe(intervalOption(PROPORTION_METHODS)), rounding: roundingOptions })
  .map(({ method, interval, rounding }) => compact({ method, interval: method === 'repurchases' ? undefined : interval, ...rounding }));
export const repurchaseArgs = fc.tuple(purchases, fc.nat(), repurchaseOptions).map(([p, pick, o]) => withOptions(inContainer(p, pick), o, true));
export const repurchaseWideArgs = fc
  .tuple(fc.array(fc.constantFrom(0, 1, 2, 2 ** 53 - 1, 2 ** 32 - 1, 2 ** 31), { maxLength: 6 }), fc.nat())
  .map(([p, pick]) => [inContainer(p, pick)]);
export const repurchaseFromCountsArgs = fc.oneof(
  derive(
    fc.tuple(purchases, repurchaseOptions),
    ([p, o]) => withOptions(repurchaseRateCounts(p), o, true),
    () => [{ purchases: { 1: 2, 2: 1 } }],
  ),
  fc
    .tuple(fc.dictionary(fc.nat(1000).map(String), fc.nat(10 ** 6), { maxKeys: 8 }), fc.boolean(), repurchaseOptions)
    .map(([p, tagged, o]) => withOptions(compact({ purchases: p, metric: tagged ? 'repurchaseRate' : undefined }), o, true)),
);

const upsellOptions = churnOptions;
const upsellRecords = fc.array(fc.record({ upgraded: fc.boolean(), plan: maybe(fc.constantFrom('pro', 'business')) }).map(compact), { maxLength: 40 });
const upsellCounts = fc
  .record({ upgraded: fc.oneof(fc.nat(100), fc.nat(2 ** 51)), notUpgraded: fc.oneof(fc.nat(100), fc.nat(2 ** 51)), metric: maybe(fc.constant('upsellRatio')) })
  .map(compact);
export const upsellArgs = fc.tuple(fc.oneof(upsellRecords, upsellCounts), upsellOptions).map(([d, o]) => withOptions(d, o, true));
export const upsellCountsArgs = fc.tuple(upsellRecords, upsellOptions).map(([d, o]) => withOptions(d, o, true));
export const upsellFromCountsArgs = fc.oneof(
  fc.tuple(upsellCounts, upsellOptions).map(([d, o]) => withOptions(d, o, true)),
  derive(
    fc.tuple(upsellRecords, upsellOptions),
    ([d, o]) => withOptions(upsellRatioCounts(d as never), o, true),
    () => [{ upgraded: 1, notUpgraded: 2 }],
  ),
);

// ---------------------------------------------------------------------------
// Results, for compare and checkTargets.

const compareDraws = fc.record({
  metric: fc.constantFrom('nps', 'csat', 'ces', 'loyaltyIndex', 'firstContactResolution', 'customerChurn', 'repurchaseRate', 'upsellRatio'),
  on: fc.boolean(),
  level: maybe(level),
  rounding: roundingOptions,
  sample: fc.tuple(npsValidCase, npsValidCase, csatValidCase, csatValidCase, cesValidCase, cesValidCase),
  loyalty: fc.tuple(loyaltyValidCase, loyaltyValidCase),
  fcr: fc.tuple(fcrTickets, fcrTickets, fc.constantFrom('resolved', 'all')),
  churn: fc.tuple(fc.nat(500), fc.nat(500), fc.nat(), fc.nat()),
  repurchase: fc.tuple(purchases, purchases),
  upsell: fc.tuple(upsellRecords, upsellRecords),
});

type CompareDraw = typeof compareDraws extends fc.Arbitrary<infer T> ? T : never;

/** Two results of one metric from a draw, computed with the same definition; options that fit them. */
function compareResults(r: CompareDraw): Args {
  const common = compact({ level: r.level, ...r.rounding });
  switch (r.metric) {
    case 'nps':
    case 'csat':
    case 'ces': {
      // Same scale, cut-offs and points on both sides; b keeps the answers of its sample that are on a's scale, and weights when a has them.
      const [x, y] = r.metric === 'nps' ? [r.sample[0], r.sample[1]] : r.metric === 'csat' ? [r.sample[2], r.sample[3]] : [r.sample[4], r.sample[5]];
      const fallback = r.metric === 'nps' ? { min: 0, max: 10 } : r.metric === 'csat' ? { min: 1, max: 5 } : { min: 1, max: 7 };
      const scale = (x.options.scale as Scale | undefined) ?? fallback;
      const shared = compact({ ...x.options, weights: undefined, interval: undefined, labels: undefined });
      const ours = Array.from(x.data as ArrayLike<unknown>).filter((v) => typeof v === 'number' && v >= scale.min && v <= scale.max) as number[];
      const theirs = Array.from(y.data as ArrayLike<unknown>).filter((v) => typeof v === 'number' && v >= scale.min && v <= scale.max) as number[];
      const weighted = x.options.weights !== undefined;
      const run = (data: number[]) => {
        const options = compact({ ...shared, weights: weighted ? data.map((_, i) => (i % 3) + 1) : undefined });
        return r.metric === 'nps' ? nps(data, options) : r.metric === 'csat' ? csat(data, options) : ces(data, options);
      };
      return [run(ours), run(theirs), r.metric === 'nps' ? common : compact({ ...common, on: r.on ? 'mean' : undefined })];
    }
    case 'loyaltyIndex': {
      const [x, y] = r.loyalty;
      const shared = compact({ ...x.options, interval: undefined });
      const scale = (shared.scale as Scale | undefined) ?? { min: 0, max: 10 };
      const onScale = (v: unknown) => typeof v === 'number' && v >= scale.min && v <= scale.max;
      const inScale = (y.data as unknown[]).filter(
        (d) => typeof d === 'object' && d !== null && ['recommend', 'repurchase', 'upsell'].every((k) => onScale((d as Options)[k])),
      );
      return [loyaltyIndex(x.data as never, shared), loyaltyIndex(inScale as never, shared), common];
    }
    case 'firstContactResolution': {
      const [x, y, denominator] = r.fcr;
      return [firstContactResolution(x as never, { denominator }), firstContactResolution(y as never, { denominator }), common];
    }
    case 'customerChurn': {
      const [s1, s2, l1, l2] = r.churn;
      return [
        customerChurn({ customersAtStart: s1, customersLost: l1 % (s1 + 1) }),
        customerChurn({ customersAtStart: s2, customersLost: l2 % (s2 + 1) }),
        common,
      ];
    }
    case 'repurchaseRate':
      return [repurchaseRate(r.repurchase[0]), repurchaseRate(r.repurchase[1]), common];
    default:
      return [upsellRatio(r.upsell[0] as never), upsellRatio(r.upsell[1] as never), common];
  }
}

/** Two results of one comparable metric, computed the same way, and options that fit them. */
export const compareArgs: fc.Arbitrary<Args> = derive(compareDraws, compareResults, () => [nps([10, 9, 6]), nps([10, 6, 6])]).map((args) =>
  args.length > 2 && Object.keys(args[2] as Options).length === 0 ? args.slice(0, 2) : args,
);

const UNITS = ['points', 'percent', 'ratio', 'milliseconds'] as const;
const METRIC_KEYS = ['nps', 'csat', 'customerChurn', 'mrrChurn', 'netMrrChurn', 'toString', '__proto__', 'constructor', 'custom', 'hasOwnProperty'] as const;

const metricValue = fc
  .record({
    metric: fc.oneof(fc.constantFrom(...METRIC_KEYS), fc.string({ maxLength: 8 })),
    unit: fc.oneof(fc.constantFrom(...UNITS), fc.string({ maxLength: 6 })),
    value: fc.oneof(fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()),
    note: maybe(fc.string({ maxLength: 4 })),
  })
  .map(compact);
const target = fc.record({
  comparison: fc.constantFrom('<', '<=', '>', '>='),
  threshold: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -100, max: 100 })),
  unit: fc.constantFrom(...UNITS),
  source: fc.string({ maxLength: 12 }),
});
const targets = fc.uniqueArray(fc.tuple(fc.constantFrom(...METRIC_KEYS), target), { maxLength: 6, selector: ([k]) => k }).map((entries) => ownKeys(entries));
export const checkTargetsArgs = fc
  .tuple(fc.array(metricValue, { maxLength: 12 }), maybe(targets))
  .map(([results, t]) => (t === undefined ? [results] : [results, t]));

// ---------------------------------------------------------------------------
// Sample-size plans.

const PLANS = ['proportion', 'csat', 'ces', 'firstContactResolution', 'customerChurn', 'repurchaseRate', 'upsellRatio'] as const;
const npsShares = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .filter(([p, d]) => p + d <= 100 && p + d > 0 && p !== 100 && d !== 100)
  .map(([promoters, detractors]) => ({ promoters, detractors }));
export const sampleSizeArgs = fc.oneof(
  fc
    .record({
      metric: fc.constantFrom(...PLANS),
      marginOfError: fc.oneof(fc.double({ min: 0.5, max: 100, noNaN: true }), fc.constantFrom(1, 5, 100)),
      level: maybe(level),
      expected: maybe(fc.double({ min: 0.5, max: 99.5, noNaN: true })),
      population: maybe(fc.integer({ min: 1, max: 10 ** 7 })),
    })
    .map((o) => [compact(o)]),
  fc
    .record({
      metric: fc.constant('nps'),
      marginOfError: fc.oneof(fc.double({ min: 0.5, max: 200, noNaN: true }), fc.constantFrom(1, 5, 200)),
      level: maybe(level),
      expected: maybe(npsShares),
      population: maybe(fc.integer({ min: 1, max: 10 ** 7 })),
    })
    .map((o) => [compact(o)]),
);
export const sampleSizeWideArgs = fc
  .record({
    metric: fc.constantFrom('proportion', 'csat', 'nps'),
    marginOfError: fc.constantFrom(5e-324, 1e-300, 1e-10, 5),
    level: maybe(extremeLevel),
    expected: fc.constantFrom(undefined, 5e-324, 1e-300, 100 - 1e-14, 50),
    population: fc.constantFrom(undefined, 1, 2 ** 53 - 1, 2 ** 31),
  })
  .map((o) => [compact({ ...o, expected: o.metric === 'nps' ? undefined : o.expected })]);

// ---------------------------------------------------------------------------
// Tallies to merge.

/** `data` cut at `at`: arrays and typed arrays alike. */
function cut(data: unknown, from: number, to?: number): unknown {
  return (data as { slice(from: number, to?: number): unknown }).slice(from, to);
}

/**
 * Two tallies of one data set cut in two (or three, the first two merged
 * first), made with the same options, each shard with its own slice of the
 * weights: `mergeCounts` of them is the tally of the whole.
 */
function shards(cases: fc.Arbitrary<ScoreArgs>, count: (data: never, options: Options) => unknown): fc.Arbitrary<Args> {
  const draw = fc.tuple(cases, fc.nat(), fc.nat(), fc.boolean());
  const make = ([c, x, y, three]: [ScoreArgs, number, number, boolean]): Args => {
    const n = (c.data as ArrayLike<unknown>).length;
    const i = x % (n + 1);
    const j = i + (y % (n - i + 1));
    const weights = c.options.weights as { slice(from: number, to?: number): unknown } | undefined;
    const tally = (from: number, to?: number) =>
      count(cut(c.data, from, to) as never, weights === undefined ? c.options : { ...c.options, weights: weights.slice(from, to) });
    if (!three) return [tally(0, i), tally(i)];
    return [mergeCounts(tally(0, i) as never, tally(i, j) as never), tally(j)];
  };
  return derive(draw, make, () => [npsCounts([10, 9]), npsCounts([6])]);
}

const asCase = <T>(data: fc.Arbitrary<T>, options: fc.Arbitrary<Options>): fc.Arbitrary<ScoreArgs> =>
  fc.tuple(data, options).map(([d, o]) => ({ data: d, options: o }));

/** Pairs of tallies of every metric that has one, made with the same options. */
export const mergeArgs: fc.Arbitrary<Args> = fc.oneof(
  shards(npsValidCase, npsCounts),
  shards(csatValidCase, csatCounts),
  shards(cesValidCase, cesCounts),
  shards(loyaltyValidCase, loyaltyIndexCounts),
  shards(asCase(fcrTickets, fcrOptions), (d, o) => firstContactResolutionCounts(d, o)),
  shards(ttrValidCase, timeToResolutionCounts),
  shards(frtValidCase, firstResponseTimeCounts),
  shards(asCase(purchases, repurchaseOptions), (d, o) => repurchaseRateCounts(d, o)),
  shards(asCase(upsellRecords, upsellOptions), (d, o) => upsellRatioCounts(d, o)),
);
