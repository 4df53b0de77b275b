/**
 * Contract specs of the revenue series functions: `mrrSeries`,
 * `mrrSeriesCounts`, `mrrSeriesFromCounts`, `cohorts` and `mrrFromInvoices`,
 * and `mergeCounts` on tables of MRR movement tallies.
 */
import { isDeepStrictEqual } from 'node:util';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import {
  cohorts,
  isMetricsError,
  mergeCounts,
  mrrFromInvoices,
  mrrSeries,
  mrrSeriesCounts,
  mrrSeriesFromCounts,
  PROPORTION_METHODS,
} from '../../../src/index.js';
import { hostileFrom, ODD_MONEY, ODD_TIMES } from '../../helpers/hostile.js';
import { lengthOf, own } from '../accounting.js';
import { compact, derive } from '../arbitraries.js';
import { Call, copyData, type ExportSpec, viaArgs } from '../contract.js';

type Args = unknown[];
type Options = Record<string, unknown>;

const DAY = 86_400_000;
/** 2025-01-01T00:00:00Z. */
const T0 = 1_735_689_600_000;

// ---------------------------------------------------------------------------
// Times and amounts.

/** An instant as a caller writes it: epoch milliseconds, a `Date`, or ISO 8601 with `Z` or an offset. */
type TimeForm = 'ms' | 'date' | 'Z' | '+00:00' | '+05:30' | '-08:00' | '+12:45';
const timeForm = fc.constantFrom<TimeForm>('ms', 'date', 'Z', '+00:00', '+05:30', '-08:00', '+12:45');

function isoAt(t: number, offset: string): string {
  if (offset === 'Z') return new Date(t).toISOString();
  const sign = offset[0] === '-' ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return `${new Date(t + minutes * 60_000).toISOString().slice(0, 23)}${offset}`;
}

function writeTime(t: number, form: TimeForm): number | string | Date {
  if (form === 'ms') return t;
  if (form === 'date') return new Date(t);
  return isoAt(t, form);
}

/** Valid amounts: cancellations (0) often, whole and cent amounts as numbers and decimal strings, and now and then amounts past 2^53 units. */
const amount: fc.Arbitrary<number | string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<number | string>(0, '0', '0.00') },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 500 }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 99_999 }).map((c) => c / 100) },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 4 })).map(([u, s]) => (u / 10 ** s).toFixed(s)) },
  { weight: 1, arbitrary: fc.constantFrom<number | string>(`1${'0'.repeat(25)}`, '123456789012345678.5', 2 ** 50, '0.0001') },
);

/** Amounts at the edges: many digits, twenty decimals, near and past 2^53, the largest double. */
const wideAmount: fc.Arbitrary<number | string> = fc.oneof(
  amount,
  fc.constantFrom<number | string>(
    '9'.repeat(40),
    `1${'0'.repeat(30)}.5`,
    `0.${'0'.repeat(19)}1`,
    2 ** 53,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    1e21,
    Number.MAX_VALUE,
    '00012.50',
  ),
);

// ---------------------------------------------------------------------------
// Change logs.

type Id = string | number;
const customerId = fc.constantFrom<Id>('a', 'b', 'c', 'd', 1, 2, '1', 0, -0, '', '__proto__', 'toString');
const planValue = fc.constantFrom<string | number | boolean>('free', 'pro', 'team', 7, true, '', '__proto__', 'toString');
const regionValue = fc.constantFrom('EU', 'US', 'APAC');

/** The customer a change belongs to: ids are compared as the library does (`-0` is `0`; `1` and `'1'` differ). */
const idKey = (id: unknown): string => (typeof id === 'number' ? `n${id + 0}` : `s${String(id)}`);

interface RawChange {
  id: Id;
  t: number;
  form: TimeForm;
  mrr: number | string;
  plan: string | number | boolean | undefined;
  region: string;
}

/** Periods, with the window of time changes fall in (a short one for short units, so that a log spans few periods). */
const PERIODS: readonly (readonly [() => Options, number])[] = [
  [() => ({ unit: 'month', timeZone: 'Europe/Berlin' }), 365 * DAY],
  [() => ({ unit: 'quarter', timeZone: 'America/New_York', yearStart: 10 }), 365 * DAY],
  [() => ({ unit: 'week', timeZone: 'Asia/Kolkata', weekStart: 'sun' }), 90 * DAY],
  [() => ({ unit: 'day', timeZone: 'UTC' }), 31 * DAY],
  [() => ({ unit: 'year', timeZone: 'Australia/Lord_Howe', yearStart: 4 }), 730 * DAY],
  [() => ({ unit: 'month', timeZone: 'Pacific/Chatham' }), 365 * DAY],
];

/** Reads the plan from a record without running a getter; a record without one is on the plan `'none'`. */
const planReader = (r: unknown): unknown => {
  const d = typeof r === 'object' && r !== null ? Object.getOwnPropertyDescriptor(r, 'plan') : undefined;
  return d !== undefined && 'value' in d && d.value !== undefined ? d.value : 'none';
};

const BYS: readonly (() => unknown)[] = [() => undefined, () => 'plan', () => ['plan', 'region'], () => ({ tier: 'plan' }), () => ({ tier: planReader })];

/** Other names for the record fields, and the names they read. */
const FIELDS: readonly (() => Options | undefined)[] = [
  () => undefined,
  () => ({ customerId: 'account' }),
  () => ({ customerId: 'account', at: 'effectiveAt', mrr: 'amount' }),
];

/** A change log, the options shared by every reader (`period`, `by`, `fields`, `missingKey`, `asOf`), and the instant of its last change. */
interface LogCase {
  readonly changes: Record<string, unknown>[];
  readonly options: Options;
}

function rawChanges(window: number, amounts: fc.Arbitrary<number | string>, maxLength: number): fc.Arbitrary<RawChange[]> {
  return fc.uniqueArray(
    fc.record({
      id: customerId,
      t: fc.integer({ min: T0, max: T0 + window }),
      form: timeForm,
      mrr: amounts,
      plan: fc.option(planValue, { nil: undefined, freq: 12 }),
      region: regionValue,
    }),
    { maxLength, selector: (c) => `${idKey(c.id)}|${c.t}` },
  );
}

/** Builds the records and options of a log: renamed fields, `missingKey` where a plan is missing, `asOf` at or after the last change. */
function buildLog(raw: readonly RawChange[], period: Options, by: unknown, fields: Options | undefined, asOf: readonly [number, TimeForm] | null): LogCase {
  const name = (k: 'customerId' | 'at' | 'mrr') => (fields?.[k] as string | undefined) ?? k;
  const changes = raw.map((c) => {
    const r: Record<string, unknown> = { [name('customerId')]: c.id, [name('at')]: writeTime(c.t, c.form), [name('mrr')]: c.mrr };
    if (c.plan !== undefined) r.plan = c.plan;
    r.region = c.region;
    return r;
  });
  const last = raw.reduce((m, c) => Math.max(m, c.t), T0);
  const options: Options = compact({
    period,
    by,
    fields,
    missingKey: raw.some((c) => c.plan === undefined) ? 'none' : undefined,
    asOf: asOf === null ? undefined : writeTime(last + asOf[0], asOf[1] === 'date' ? 'ms' : asOf[1]),
  });
  return { changes, options };
}

const asOfDelta = fc.tuple(fc.constantFrom(0, 1, 3_600_000, 40 * DAY), timeForm);

/** Change logs valid by the documentation, with their shared options; `withAsOf` forces `asOf` (so that shards of customers agree on the last period). */
function logCase(withAsOf: boolean, amounts: fc.Arbitrary<number | string> = amount): fc.Arbitrary<LogCase> {
  return fc
    .tuple(fc.nat(PERIODS.length - 1), fc.nat(BYS.length - 1), fc.nat(FIELDS.length - 1), withAsOf ? asOfDelta : fc.option(asOfDelta, { nil: null }))
    .chain(([p, b, f, asOf]) => rawChanges(PERIODS[p]![1], amounts, 16).map((raw) => buildLog(raw, PERIODS[p]![0](), BYS[b]!(), FIELDS[f]!(), asOf ?? null)));
}

/** Amounts at both ends at once: a customer starting at a millionth of a cent and growing past 1e300 (ratios no double holds). */
const extremeAmount = fc.constantFrom<number | string>(0, `0.${'0'.repeat(19)}1`, 1, Number.MAX_VALUE, '9'.repeat(40), `1${'0'.repeat(400)}`);

/** Edge logs: huge and very precise amounts, extremes side by side in a few customers' changes, and changes centuries apart (by the year). */
const wideLogCase: fc.Arbitrary<LogCase> = fc.oneof(
  logCase(false, wideAmount),
  fc
    .tuple(
      fc.uniqueArray(
        fc.record({
          id: fc.constantFrom<Id>('a', 'b'),
          t: fc.integer({ min: T0, max: T0 + 90 * DAY }),
          form: fc.constant<TimeForm>('ms'),
          mrr: extremeAmount,
          plan: fc.constantFrom<string | undefined>('pro', 'team'),
          region: regionValue,
        }),
        { maxLength: 6, selector: (c) => `${idKey(c.id)}|${c.t}` },
      ),
      fc.nat(BYS.length - 1),
    )
    .map(([raw, b]) => buildLog(raw, { unit: 'month', timeZone: 'UTC' }, BYS[b]!(), undefined, null)),
  fc
    .tuple(
      fc.uniqueArray(
        fc.record({
          id: customerId,
          t: fc.integer({ min: -5_364_662_400_000, max: 7_258_118_399_999 }),
          form: timeForm,
          mrr: wideAmount,
          plan: fc.constant<string | undefined>('pro'),
          region: regionValue,
        }),
        { maxLength: 8, selector: (c) => `${idKey(c.id)}|${c.t}` },
      ),
      fc.nat(BYS.length - 1),
    )
    .map(([raw, b]) => buildLog(raw, { unit: 'year', timeZone: 'UTC' }, BYS[b]!(), undefined, null)),
);

// ---------------------------------------------------------------------------
// Options of each function.

const joinedAndLeft = fc.constantFrom(undefined, 'exclude', 'count');
const reactivation = fc.constantFrom<(() => unknown) | undefined>(
  undefined,
  () => 'always',
  () => ({ within: 1 }),
  () => ({ within: 3 }),
);
const decimals = fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined, freq: 2 });
const rounding = fc.constantFrom(undefined, 'half-up', 'half-even');

/** The rates' options, consistent with `joinedAndLeft` (the denominator `'start'` refuses customers who joined and left). */
function rateOptions(counted: boolean): fc.Arbitrary<Options> {
  return fc
    .record({
      denominator: counted ? fc.constantFrom(undefined, 'start-plus-added') : fc.constantFrom(undefined, 'start', 'start-plus-added'),
      contraction: fc.constantFrom(undefined, 'include', 'exclude'),
      reactivation: fc.constantFrom(undefined, 'include', 'exclude'),
      decimals,
      rounding,
    })
    .map(compact);
}

/** `joinedAndLeft` and `reactivation`, as `mrrSeriesCounts` takes them. */
const countsChoices = fc.tuple(joinedAndLeft, reactivation).map(([j, r]) => compact({ joinedAndLeft: j, reactivation: r?.() }));

const intervalOption = fc.oneof(
  fc.constant(undefined),
  fc.constant(false),
  fc.constant(true),
  fc.record({ level: fc.constantFrom(0.8, 0.9, 0.95, 0.99), method: fc.constantFrom(...PROPORTION_METHODS) }, { requiredKeys: [] }),
);
const cohortChoices = fc
  .record({
    horizon: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined, freq: 2 }),
    measure: fc.constantFrom(undefined, 'end', 'active'),
    interval: intervalOption,
    decimals,
    rounding,
  })
  .map(compact);

function seriesArgsOf(logs: fc.Arbitrary<LogCase>): fc.Arbitrary<Args> {
  return fc
    .tuple(logs, countsChoices, fc.boolean())
    .chain(([log, choices, withRates]) =>
      (withRates ? rateOptions(choices.joinedAndLeft === 'count') : fc.constant(null)).map((rates) => [
        log.changes,
        { ...log.options, ...choices, ...(rates === null ? {} : { rates }) },
      ]),
    );
}

const countsArgsOf = (logs: fc.Arbitrary<LogCase>): fc.Arbitrary<Args> =>
  fc.tuple(logs, countsChoices).map(([log, choices]) => [log.changes, { ...log.options, ...choices }]);

const cohortArgsOf = (logs: fc.Arbitrary<LogCase>): fc.Arbitrary<Args> =>
  fc.tuple(logs, cohortChoices).map(([log, choices]) => [log.changes, { ...log.options, ...choices }]);

// ---------------------------------------------------------------------------
// Invoice lines.

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'] as const;

/** A service period: calendar dates or instants, a whole number of months or some days long. */
const servicePeriod = fc
  .record({
    day: fc.integer({ min: 0, max: 364 }),
    hour: fc.integer({ min: 0, max: 23 }),
    length: fc.oneof(
      fc.constantFrom(1, 3, 12).map((months) => ({ months })),
      fc.integer({ min: 1, max: 120 }).map((days) => ({ days })),
    ),
    form: fc.constantFrom<'date' | TimeForm>('date', 'date', 'ms', 'Z', '+05:30', '-08:00'),
  })
  .map(({ day, hour, length, form }) => {
    const date = new Date(T0 + day * DAY);
    // A whole number of months from a day every month has.
    const startDay = 'months' in length ? Math.min(date.getUTCDate(), 28) : date.getUTCDate();
    const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), startDay, form === 'date' ? 0 : hour);
    const end =
      'months' in length
        ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + length.months, startDay, form === 'date' ? 0 : hour)
        : start + length.days * DAY;
    const write = (t: number) => (form === 'date' ? new Date(t).toISOString().slice(0, 10) : writeTime(t, form));
    return { start: write(start), end: write(end) };
  });

const INVOICE_FIELDS: readonly (() => Options | undefined)[] = [
  () => undefined,
  () => ({ amount: 'total', servicePeriodStart: 'from', servicePeriodEnd: 'to' }),
  () => ({ customerId: 'account' }),
];

const invoiceArgsOf = (amounts: fc.Arbitrary<number | string>): fc.Arbitrary<Args> =>
  fc
    .record({
      lines: fc.array(fc.record({ id: customerId, amount: amounts, period: servicePeriod, plan: planValue, region: regionValue }), { maxLength: 12 }),
      timeZone: fc.constantFrom(...ZONES),
      months: fc.constantFrom(undefined, 'calendar', 'mean-month'),
      decimals: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined, freq: 2 }),
      attributes: fc.constantFrom<(() => string[]) | undefined>(
        undefined,
        () => [],
        () => ['plan'],
        () => ['plan', 'region'],
      ),
      fields: fc.nat(INVOICE_FIELDS.length - 1),
    })
    .map((c) => {
      const fields = INVOICE_FIELDS[c.fields]!();
      const name = (k: string) => (fields?.[k] as string | undefined) ?? k;
      const lines = c.lines.map((l) => ({
        [name('customerId')]: l.id,
        [name('amount')]: l.amount,
        [name('servicePeriodStart')]: l.period.start,
        [name('servicePeriodEnd')]: l.period.end,
        plan: l.plan,
        region: l.region,
      }));
      return [lines, compact({ timeZone: c.timeZone, months: c.months, decimals: c.decimals, attributes: c.attributes?.(), fields })];
    });

const invoiceArgs = invoiceArgsOf(amount);

/** A change log made by `mrrFromInvoices` (frozen, ISO times with the zone's offset, decimal strings), read by the month. */
const invoiceLogCase: fc.Arbitrary<LogCase> = derive(
  invoiceArgs,
  ([lines, options]) => {
    const o = options as Options;
    const attributes = (o.attributes as string[] | undefined) ?? [];
    return {
      changes: mrrFromInvoices(lines as never, o as never) as unknown as Record<string, unknown>[],
      options: compact({ period: { unit: 'month', timeZone: o.timeZone }, by: attributes.length === 0 ? undefined : attributes, missingKey: 'none' }),
    };
  },
  () => ({ changes: [], options: { period: { unit: 'month', timeZone: 'UTC' } } }),
);

// ---------------------------------------------------------------------------
// Tables of tallies.

/**
 * Tables from `mrrSeriesCounts`: of the whole log, or of shards of its
 * customers (read with the same `asOf`) merged with `mergeCounts`, and at
 * times after a JSON round trip (a table stored and read back).
 */
const countsTableCase = fc
  .tuple(logCase(true), countsChoices, fc.integer({ min: 1, max: 3 }), fc.nat(), fc.boolean())
  .map(([log, choices, shards, salt, json]) => {
    const options = { ...log.options, ...choices };
    const idField = ((log.options.fields as Options | undefined)?.customerId as string | undefined) ?? 'customerId';
    const shardOf = (r: Record<string, unknown>) => {
      let h = salt;
      for (const ch of idKey(r[idField])) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
      return h % shards;
    };
    const parts = Array.from({ length: shards }, (_, s) => mrrSeriesCounts(log.changes.filter((r) => shardOf(r) === s) as never, options as never));
    const merged = parts.reduce((a, b) => mergeCounts(a, b));
    return { table: json ? (JSON.parse(JSON.stringify(merged)) as unknown) : merged, counted: choices.joinedAndLeft === 'count', log, options };
  });

const fromCountsArgs: fc.Arbitrary<Args> = countsTableCase.chain(({ table, counted }) =>
  fc.oneof(
    fc.constant(null).map((): Args => [table]),
    fc.constant(null).map((): Args => [table, {}]),
    rateOptions(counted).map((rates): Args => [table, { rates }]),
  ),
);

/** Pairs of tables of shards of one log's customers, tallied with the same options. */
const mergeTableArgs: fc.Arbitrary<Args> = fc.tuple(logCase(true), countsChoices, fc.nat()).map(([log, choices, pick]) => {
  const options = { ...log.options, ...choices };
  const cut = log.changes.length === 0 ? 0 : pick % (log.changes.length + 1);
  const idField = ((log.options.fields as Options | undefined)?.customerId as string | undefined) ?? 'customerId';
  const first = new Set(log.changes.slice(0, cut).map((r) => idKey(r[idField])));
  const a = log.changes.filter((r) => first.has(idKey(r[idField])));
  const b = log.changes.filter((r) => !first.has(idKey(r[idField])));
  return [mrrSeriesCounts(a as never, options as never), mrrSeriesCounts(b as never, options as never)];
});

// ---------------------------------------------------------------------------
// Hostile input particular to these functions.

/** An odd time in one change, read by the day, as the segment specs do. */
const oddTimes = hostileFrom(ODD_TIMES);
function withOddTime(name: string, extra: Options = {}): fc.Arbitrary<Call> {
  return fc.tuple(rawChanges(45 * DAY, amount, 10), fc.nat(), oddTimes).map(([raw, k, odd]) => {
    const log = buildLog(
      raw.length === 0 ? [{ id: 'a', t: T0, form: 'ms', mrr: 1, plan: 'pro', region: 'EU' }] : raw,
      { unit: 'day', timeZone: 'Europe/Berlin' },
      'plan',
      undefined,
      null,
    );
    const i = k % log.changes.length;
    log.changes[i]!.at = odd.value;
    return new Call(name, [log.changes, { ...log.options, ...extra }], [`changes[${i}].at := ${odd.label}`]);
  });
}

/** An odd amount in one change. */
const oddMoney = hostileFrom(ODD_MONEY);
function withOddMoney(name: string, args: fc.Arbitrary<Args>, field: string): fc.Arbitrary<Call> {
  return fc.tuple(args, fc.nat(), oddMoney).map(([raw, k, odd]) => {
    const copy = raw.map(copyData);
    const list = copy[0] as Record<string, unknown>[];
    if (list.length === 0) return new Call(name, copy);
    const i = k % list.length;
    const f = field === 'mrr' ? ((((copy[1] as Options).fields as Options | undefined)?.mrr as string | undefined) ?? 'mrr') : field;
    list[i]![f] = odd.value;
    return new Call(name, copy, [`${name === 'mrrFromInvoices' ? 'lines' : 'changes'}[${i}].${f} := ${odd.label}`]);
  });
}

/** Logs a caller gets wrong: two changes of a customer at one instant, a change after `asOf`, ids and fields named like built-ins. */
function oddLogs(name: string): fc.Arbitrary<Call> {
  const period = () => ({ unit: 'month', timeZone: 'UTC' });
  return fc
    .constantFrom<[string, () => Args]>(
      [
        'two changes of a customer at one instant, written differently',
        () => [
          [
            { customerId: 'a', at: '2025-01-01T00:00:00Z', mrr: 1 },
            { customerId: 'a', at: 1_735_689_600_000, mrr: 2 },
          ],
          { period: period() },
        ],
      ],
      [
        'ids 0 and -0 at one instant',
        () => [
          [
            { customerId: 0, at: '2025-01-01T00:00:00Z', mrr: 1 },
            { customerId: -0, at: '2025-01-01T01:00:00+01:00', mrr: 2 },
          ],
          { period: period() },
        ],
      ],
      [
        'a change after asOf',
        () => [
          [
            { customerId: 'a', at: '2025-01-01T00:00:00Z', mrr: 1 },
            { customerId: 'a', at: '2025-03-01T00:00:00Z', mrr: 2 },
          ],
          { period: period(), asOf: '2025-02-01T00:00:00Z' },
        ],
      ],
      ['by a prototype name', () => [[{ customerId: 'a', at: 0, mrr: 1, ['__proto__']: 'x' }], { period: period(), by: '__proto__' }]],
      ['by an inherited name', () => [[{ customerId: 'a', at: 0, mrr: 1 }], { period: period(), by: 'constructor' }]],
      ['the amount field an inherited name', () => [[{ customerId: 'a', at: 0, mrr: 1 }], { period: period(), fields: { mrr: 'toString' } }]],
      ['an id field named __proto__', () => [[JSON.parse('{"__proto__":"a","at":0,"mrr":1}')], { period: period(), fields: { customerId: '__proto__' } }]],
      ['an empty log without asOf', () => [[], { period: period() }]],
      ['an empty log with asOf', () => [[], { period: period(), asOf: '2025-06-01T00:00:00+02:00' }]],
      [
        'a placeholder date far from the rest',
        () => [
          [
            { customerId: 'a', at: '0001-01-01T00:00:00Z', mrr: 1 },
            { customerId: 'b', at: '9999-01-01T00:00:00Z', mrr: 2 },
          ],
          { period: { unit: 'day', timeZone: 'UTC' } },
        ],
      ],
      ['a by function that returns a Date', () => [[{ customerId: 'a', at: 0, mrr: 1 }], { period: period(), by: { when: () => new Date(0) } }]],
      ['a reactivation window of 0 periods', () => [[{ customerId: 'a', at: 0, mrr: 1 }], { period: period(), reactivation: { within: 0 } }]],
      ['a week start with a month unit', () => [[{ customerId: 'a', at: 0, mrr: 1 }], { period: { ...period(), weekStart: 'sun' } }]],
    )
    .map(([note, make]) => {
      const [changes, options] = make();
      // Only the options each function takes: the rest would be refused for an unknown key, not for the case at hand.
      const o = { ...(options as Options) };
      if (name === 'cohorts') delete o.reactivation;
      return new Call(name, [changes, o], [note]);
    });
}

/** Tables of tallies edited by hand: a last period moved on, broken identities, cells out of place, settings changed. */
const editedTables: fc.Arbitrary<Call> = fc
  .tuple(
    countsTableCase,
    fc.constantFrom(
      'through a year on',
      'through ten years on',
      'through a century on',
      'endingMrr off by a cent',
      'atEnd off by one',
      'a cell repeated',
      'a cell after through',
      'cells reversed',
      'unit changed',
      'asOf moved on',
      'a key with an extra dimension',
      'an amount with an exponent',
      'through null',
    ),
  )
  .map(([{ table }, edit]) => {
    const t = JSON.parse(JSON.stringify(table)) as Record<string, unknown> & { cells: Record<string, unknown>[] };
    const laterYear = (label: unknown, years: number) => (typeof label === 'string' ? label.replace(/\d{4}/, (y) => String(Number(y) + years)) : label);
    const cell = t.cells[0] as { key: Options; period: string; counts: Options & { customers: Options } } | undefined;
    switch (edit) {
      case 'through a year on':
        t.through = laterYear(t.through, 1);
        break;
      case 'through ten years on':
        t.through = laterYear(t.through, 10);
        break;
      case 'through a century on':
        t.through = laterYear(t.through, 100);
        break;
      case 'endingMrr off by a cent':
        if (cell !== undefined) cell.counts.endingMrr = new Decimal(String(cell.counts.endingMrr)).plus('0.01').toFixed();
        break;
      case 'atEnd off by one':
        if (cell !== undefined) cell.counts.customers.atEnd = Number(cell.counts.customers.atEnd) + 1;
        break;
      case 'a cell repeated':
        if (cell !== undefined) t.cells.push(JSON.parse(JSON.stringify(cell)) as Record<string, unknown>);
        break;
      case 'a cell after through':
        if (cell !== undefined) cell.period = laterYear(t.through, 1) as string;
        break;
      case 'cells reversed':
        t.cells.reverse();
        break;
      case 'unit changed':
        (t.period as Options).unit = (t.period as Options).unit === 'day' ? 'month' : 'day';
        break;
      case 'asOf moved on':
        t.asOf = '2099-01-01T00:00:00Z';
        break;
      case 'a key with an extra dimension':
        if (cell !== undefined) cell.key = { ...cell.key, extra: 'x' };
        break;
      case 'an amount with an exponent':
        if (cell !== undefined) cell.counts.newMrr = '1e3';
        break;
      case 'through null':
        t.through = null;
        break;
    }
    return new Call('mrrSeriesFromCounts', [t], [edit]);
  });

/** Invoice lines a caller gets wrong: service periods that end before they start, impossible dates, attributes holding objects or named like built-ins. */
const oddInvoices: fc.Arbitrary<Call> = fc
  .constantFrom<[string, () => Args]>(
    [
      'a service period ending at its start',
      () => [[{ customerId: 'a', amount: 5, servicePeriodStart: '2025-02-01', servicePeriodEnd: '2025-02-01' }], { timeZone: 'UTC' }],
    ],
    [
      'a service period ending before its start',
      () => [[{ customerId: 'a', amount: 5, servicePeriodStart: '2025-02-01', servicePeriodEnd: '2025-01-01' }], { timeZone: 'UTC' }],
    ],
    ['an impossible date', () => [[{ customerId: 'a', amount: 5, servicePeriodStart: '2025-02-30', servicePeriodEnd: '2025-03-30' }], { timeZone: 'UTC' }]],
    [
      'a date skipped by a daylight-saving change',
      () => [[{ customerId: 'a', amount: 12, servicePeriodStart: '2025-09-07', servicePeriodEnd: '2025-10-07' }], { timeZone: 'America/Santiago' }],
    ],
    [
      'an attribute holding an object',
      () => [
        [{ customerId: 'a', amount: 12, servicePeriodStart: '2025-01-01', servicePeriodEnd: '2026-01-01', plan: { name: 'pro' } }],
        { timeZone: 'UTC', attributes: ['plan'] },
      ],
    ],
    [
      'an attribute holding an array',
      () => [
        [{ customerId: 'a', amount: 12, servicePeriodStart: '2025-01-01', servicePeriodEnd: '2026-01-01', tags: ['x'] }],
        { timeZone: 'UTC', attributes: ['tags'] },
      ],
    ],
    [
      'an attribute named __proto__',
      () => [
        [JSON.parse('{"customerId":"a","amount":12,"servicePeriodStart":"2025-01-01","servicePeriodEnd":"2026-01-01","__proto__":"x"}')],
        { timeZone: 'UTC', attributes: ['__proto__'] },
      ],
    ],
    [
      'an attribute named like an inherited property',
      () => [
        [{ customerId: 'a', amount: 12, servicePeriodStart: '2025-01-01', servicePeriodEnd: '2026-01-01' }],
        { timeZone: 'UTC', attributes: ['toString', 'constructor'] },
      ],
    ],
    [
      'an attribute named customerId',
      () => [
        [{ customerId: 'a', amount: 12, servicePeriodStart: '2025-01-01', servicePeriodEnd: '2026-01-01' }],
        { timeZone: 'UTC', attributes: ['customerId'] },
      ],
    ],
    [
      'a line field named __proto__',
      () => [
        [JSON.parse('{"customerId":"a","__proto__":12,"servicePeriodStart":"2025-01-01","servicePeriodEnd":"2026-01-01"}')],
        { timeZone: 'UTC', fields: { amount: '__proto__' } },
      ],
    ],
    [
      'a line field named constructor',
      () => [
        [{ customerId: 'a', amount: 12, servicePeriodStart: '2025-01-01', servicePeriodEnd: '2026-01-01' }],
        { timeZone: 'UTC', fields: { amount: 'constructor' } },
      ],
    ],
    [
      'a sparse list of lines',
      () => {
        const lines: unknown[] = [];
        lines[1] = { customerId: 'a', amount: 12, servicePeriodStart: '2025-01-01', servicePeriodEnd: '2026-01-01' };
        return [lines, { timeZone: 'UTC' }];
      },
    ],
    [
      'decimals 21',
      () => [[{ customerId: 'a', amount: 12, servicePeriodStart: '2025-01-01', servicePeriodEnd: '2026-01-01' }], { timeZone: 'UTC', decimals: 21 }],
    ],
    [
      'lines a thousand years long',
      () => [
        [{ customerId: 'a', amount: '1', servicePeriodStart: '1025-01-01', servicePeriodEnd: '3025-01-01' }],
        { timeZone: 'UTC', months: 'mean-month', decimals: 20 },
      ],
    ],
  )
  .map(([note, make]) => new Call('mrrFromInvoices', make(), [note]));

/** An odd time in one line's service period. */
const oddServiceTimes = fc.tuple(invoiceArgs, fc.nat(), fc.boolean(), oddTimes).map(([raw, k, end, odd]) => {
  const copy = raw.map(copyData);
  const lines = copy[0] as Record<string, unknown>[];
  if (lines.length === 0) return new Call('mrrFromInvoices', copy);
  const fields = (copy[1] as Options).fields as Options | undefined;
  const field = end
    ? ((fields?.servicePeriodEnd as string | undefined) ?? 'servicePeriodEnd')
    : ((fields?.servicePeriodStart as string | undefined) ?? 'servicePeriodStart');
  const i = k % lines.length;
  lines[i]![field] = odd.value;
  return new Call('mrrFromInvoices', copy, [`lines[${i}].${field} := ${odd.label}`]);
});

// ---------------------------------------------------------------------------
// Results: what each function promises beyond the contract.

const D = Decimal.clone({ precision: 10_000 });

/** A decimal string or number as an exact decimal, or `null`. */
function exact(v: unknown): Decimal | null {
  if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) return new D(v);
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return new D(v);
  return null;
}

const sumOf = (values: readonly unknown[]): Decimal | null => {
  let total = new D(0);
  for (const v of values) {
    const x = exact(v);
    if (x === null) return null;
    total = total.plus(x);
  }
  return total;
};

/** An instant as the library reads it, or `NaN`. */
function instant(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Date.parse(v);
  if (v instanceof Date) return v.getTime();
  return Number.NaN;
}

/**
 * Each customer's changes from a change log read through own data
 * properties; `null` when the checker cannot tell (renamed fields, records
 * it cannot read).
 */
function customersOf(changes: unknown, options: unknown): Map<string, { t: number; mrr: unknown }[]> | null {
  if (lengthOf(changes) === null || !Array.isArray(changes) || own(options, 'fields') !== undefined) return null;
  const out = new Map<string, { t: number; mrr: unknown }[]>();
  for (let i = 0; i < changes.length; i++) {
    const r = own(changes, String(i));
    const t = instant(own(r, 'at'));
    if (Number.isNaN(t)) return null;
    const key = idKey(own(r, 'customerId'));
    const list = out.get(key) ?? [];
    list.push({ t, mrr: own(r, 'mrr') });
    out.set(key, list);
  }
  return out;
}

interface SeriesRowLike {
  period?: { label?: unknown };
  customers?: Record<string, number>;
  [amount: string]: unknown;
}

/** An MRR series: every row's identities hold, and the last period ends at the MRR each customer's last change set (nothing lost). */
function seriesOk(result: unknown, args: readonly unknown[]): string | null {
  if (own(result, 'kind') !== 'mrrSeries') return `kind is ${JSON.stringify(own(result, 'kind'))}, expected "mrrSeries"`;
  const rows = own(result, 'rows') as SeriesRowLike[];
  for (const [i, row] of rows.entries()) {
    const a = (k: string) => exact(row[k]) ?? new D(Number.NaN);
    const end = a('startingMrr')
      .plus(a('newMrr'))
      .plus(a('expansionMrr'))
      .plus(a('reactivationMrr'))
      .plus(a('movedInMrr'))
      .minus(a('contractionMrr'))
      .minus(a('churnedMrr'))
      .minus(a('movedOutMrr'));
    if (!end.equals(a('endingMrr'))) return `rows[${i}]: the movements add up to ${end.toFixed()}, endingMrr is ${String(row.endingMrr)}`;
    const c = row.customers!;
    const atEnd = c.atStart! + c.new! + c.reactivation! + c.movedIn! - c.churned! - c.movedOut!;
    if (atEnd !== c.atEnd) return `rows[${i}]: the customers' movements add up to ${atEnd}, atEnd is ${c.atEnd}`;
  }
  if (args.length === 0) return null;
  const customers = customersOf(args[0], args[1]);
  if (customers === null) return null;
  const through = own(result, 'through');
  const last = [...customers.values()].map((list) => list.reduce((x, y) => (y.t > x.t ? y : x)).mrr);
  const want = sumOf(last);
  const got = sumOf(rows.filter((r) => r.period?.label === through).map((r) => r.endingMrr));
  if (want === null || got === null) return null;
  return want.equals(got)
    ? null
    : `the last period ends at ${got.toFixed()}, but the customers' last changes add up to ${want.toFixed()} (nothing may be lost)`;
}

/** A table of tallies: one `mrrSeriesFromCounts` reads back, giving the rows `mrrSeries` gives on the same log. */
function countsOk(result: unknown, args: readonly unknown[]): string | null {
  if (own(result, 'kind') !== 'mrrSeriesCounts') return `kind is ${JSON.stringify(own(result, 'kind'))}, expected "mrrSeriesCounts"`;
  let fromCounts: unknown;
  try {
    fromCounts = mrrSeriesFromCounts(result as never);
  } catch (e) {
    // Tallies of amounts whose rates a double cannot hold are valid; the series of them is refused, from the log as from the table.
    if (isMetricsError(e) && e.issues[0]?.code === 'out-of-range') {
      try {
        mrrSeries(args[0] as never, args[1] as never);
      } catch (direct) {
        if (isMetricsError(direct) && direct.issues[0]?.code === 'out-of-range') return null;
      }
    }
    return `mrrSeriesFromCounts refuses the table: ${e instanceof Error ? e.message : String(e)}`;
  }
  let direct: unknown;
  try {
    direct = mrrSeries(args[0] as never, args[1] as never);
  } catch {
    return null;
  }
  return isDeepStrictEqual(fromCounts, direct) ? null : 'mrrSeriesFromCounts of the table differs from mrrSeries of the log';
}

interface CohortRowLike {
  customers: number;
  startingMrr: string;
  cells: { age: number; customers: number; mrr: string; percent: number; netRevenueRetention: number | null; grossRevenueRetention: number | null }[];
}

/** A cohort table: every customer who ever paid is in one cohort; cells are within their cohort; age 0 is the base. */
function cohortsOk(result: unknown, args: readonly unknown[]): string | null {
  if (own(result, 'kind') !== 'cohorts') return `kind is ${JSON.stringify(own(result, 'kind'))}, expected "cohorts"`;
  const rows = own(result, 'rows') as CohortRowLike[];
  const active = own(result, 'measure') === 'active';
  for (const [i, row] of rows.entries()) {
    if (!(row.customers > 0)) return `rows[${i}] is a cohort of ${row.customers} customers`;
    for (const [a, cell] of row.cells.entries()) {
      if (cell.age !== a) return `rows[${i}].cells[${a}] has age ${cell.age}`;
      if (cell.customers > row.customers) return `rows[${i}].cells[${a}] retains ${cell.customers} of ${row.customers} customers`;
      if (cell.percent < 0 || cell.percent > 100) return `rows[${i}].cells[${a}].percent is ${cell.percent}`;
      if (cell.grossRevenueRetention !== null && cell.grossRevenueRetention > 100)
        return `rows[${i}].cells[${a}].grossRevenueRetention is ${cell.grossRevenueRetention}, above 100`;
    }
    const first = row.cells[0];
    if (first !== undefined) {
      if (first.mrr !== row.startingMrr && !new D(first.mrr).equals(new D(row.startingMrr)))
        return `rows[${i}]: the MRR at age 0 is ${first.mrr}, startingMrr is ${row.startingMrr}`;
      if (active && first.customers !== row.customers) return `rows[${i}]: measure 'active' retains ${first.customers} of ${row.customers} customers at age 0`;
      for (const rate of [first.netRevenueRetention, first.grossRevenueRetention])
        if (rate !== null && rate !== 100) return `rows[${i}]: a revenue retention of ${rate} at age 0, expected 100`;
    }
  }
  const customers = customersOf(args[0], args[1]);
  if (customers === null) return null;
  let paying = 0;
  for (const list of customers.values()) {
    const amounts = list.map((c) => exact(c.mrr));
    if (amounts.some((x) => x === null)) return null;
    if (amounts.some((x) => x!.greaterThan(0))) paying++;
  }
  const counted = rows.reduce((n, r) => n + r.customers, 0);
  return counted === paying ? null : `the cohorts hold ${counted} customers, but ${paying} customers paid (each is in one cohort)`;
}

/** A change log: every customer of the lines has changes, in time order, the last a cancellation; `mrrSeries` reads it. */
function invoicesOk(result: unknown, args: readonly unknown[]): string | null {
  if (!Array.isArray(result)) return 'expected an array of changes';
  const times = new Map<string, number[]>();
  const lastMrr = new Map<string, unknown>();
  for (const change of result as Record<string, unknown>[]) {
    const key = idKey(change.customerId);
    const t = instant(change.at);
    const list = times.get(key) ?? [];
    // Times Date.parse cannot read (offsets in seconds, years past 9999) are left to mrrSeries below.
    const previous = list[list.length - 1];
    if (previous !== undefined && !Number.isNaN(t) && !Number.isNaN(previous) && !(t > previous))
      return `the changes of customer ${JSON.stringify(change.customerId)} are not in time order`;
    list.push(t);
    times.set(key, list);
    lastMrr.set(key, change.mrr);
  }
  for (const [key, mrr] of lastMrr) if (!exact(mrr)?.isZero()) return `customer ${key.slice(1)} ends at ${String(mrr)}, not 0: a paid period ends`;
  const lines = args[0];
  const options = args[1];
  if (Array.isArray(lines) && own(options, 'fields') === undefined) {
    const ids = new Set<string>();
    for (let i = 0; i < lines.length; i++) if (Object.hasOwn(lines, i)) ids.add(idKey(own(own(lines, String(i)), 'customerId')));
    if (ids.size !== times.size) return `${times.size} customers have changes, but the lines have ${ids.size} (nothing may be lost)`;
  }
  const timeZone = own(options, 'timeZone');
  try {
    mrrSeries(result as never, { period: { unit: 'month', timeZone: timeZone as string } });
  } catch (e) {
    // A log spanning more periods than a series holds (lines centuries long) is refused for its span, not for its changes.
    if (isMetricsError(e) && e.path[0] === 'options') return null;
    return `mrrSeries refuses the change log: ${e instanceof Error ? e.message : String(e)}`;
  }
  return null;
}

/** A merge of two tables of movement tallies: a table `mrrSeriesFromCounts` reads. */
function mergedTablesOk(result: unknown): string | null {
  if (own(result, 'kind') !== 'mrrSeriesCounts') return `kind is ${JSON.stringify(own(result, 'kind'))}, expected "mrrSeriesCounts"`;
  try {
    mrrSeriesFromCounts(result as never);
  } catch (e) {
    return `mrrSeriesFromCounts refuses the merged table: ${e instanceof Error ? e.message : String(e)}`;
  }
  return null;
}

/** A check that passes where it cannot read the input (a proxy of a `Date`, say), as the checks of accounting.ts do. */
function safely(check: (result: unknown, args: readonly unknown[]) => string | null): (result: unknown, args: readonly unknown[]) => string | null {
  return (result, args) => {
    try {
      return check(result, args);
    } catch {
      return null;
    }
  };
}

// ---------------------------------------------------------------------------
// Neutral arguments.

const neutralChanges = () => [
  { customerId: 'a', at: '2025-01-10T09:00:00Z', mrr: '100.00', plan: 'pro' },
  { customerId: 'b', at: '2025-01-20T09:00:00+01:00', mrr: 50, plan: 'free' },
  { customerId: 'a', at: 1_739_610_000_000, mrr: '120.00', plan: 'team' },
  { customerId: 'b', at: '2025-02-25T09:00:00Z', mrr: 0, plan: 'free' },
];
const neutralOptions = () => ({ period: { unit: 'month', timeZone: 'Europe/Berlin' }, by: 'plan' });
const neutralLines = () => [
  { customerId: 'a', amount: '1200.00', servicePeriodStart: '2025-01-15', servicePeriodEnd: '2026-01-15' },
  { customerId: 'b', amount: 100, servicePeriodStart: '2025-02-01T00:00:00+01:00', servicePeriodEnd: '2025-02-15T00:00:00+01:00' },
];

/** The revenue series functions. */
export const revenueSeriesSpecs: readonly ExportSpec[] = [
  {
    name: 'mrrSeries',
    call: viaArgs(mrrSeries),
    params: ['changes', 'options'],
    kinds: ['list', 'object'],
    metric: 'mrrSeries',
    neutral: () => [neutralChanges(), neutralOptions()],
    valid: fc.oneof({ weight: 4, arbitrary: seriesArgsOf(logCase(false)) }, { weight: 1, arbitrary: seriesArgsOf(invoiceLogCase) }),
    wide: seriesArgsOf(wideLogCase),
    hostile: fc.oneof(withOddTime('mrrSeries'), withOddMoney('mrrSeries', seriesArgsOf(logCase(false)), 'mrr'), oddLogs('mrrSeries')),
    checkResult: safely(seriesOk),
  },
  {
    name: 'mrrSeriesCounts',
    call: viaArgs(mrrSeriesCounts),
    params: ['changes', 'options'],
    kinds: ['list', 'object'],
    metric: 'mrrSeriesCounts',
    neutral: () => [neutralChanges(), neutralOptions()],
    valid: countsArgsOf(logCase(false)),
    wide: countsArgsOf(wideLogCase),
    hostile: fc.oneof(withOddTime('mrrSeriesCounts'), withOddMoney('mrrSeriesCounts', countsArgsOf(logCase(false)), 'mrr'), oddLogs('mrrSeriesCounts')),
    checkResult: safely(countsOk),
  },
  {
    name: 'mrrSeriesFromCounts',
    call: viaArgs(mrrSeriesFromCounts),
    params: ['counts', 'options'],
    kinds: ['object', 'options'],
    metric: 'mrrSeriesFromCounts',
    neutral: () => [mrrSeriesCounts(neutralChanges(), neutralOptions() as never)],
    valid: fromCountsArgs,
    hostile: editedTables,
    checkResult: safely((result) => seriesOk(result, [])),
  },
  {
    name: 'cohorts',
    call: viaArgs(cohorts),
    params: ['changes', 'options'],
    kinds: ['list', 'object'],
    metric: 'cohorts',
    neutral: () => [neutralChanges(), neutralOptions()],
    valid: cohortArgsOf(logCase(false)),
    wide: cohortArgsOf(wideLogCase),
    hostile: fc.oneof(withOddTime('cohorts', { interval: false }), withOddMoney('cohorts', cohortArgsOf(logCase(false)), 'mrr'), oddLogs('cohorts')),
    checkResult: safely(cohortsOk),
  },
  {
    name: 'mrrFromInvoices',
    call: viaArgs(mrrFromInvoices),
    params: ['lines', 'options'],
    kinds: ['list', 'object'],
    metric: 'mrrFromInvoices',
    neutral: () => [neutralLines(), { timeZone: 'Europe/Berlin' }],
    valid: invoiceArgs,
    wide: invoiceArgsOf(wideAmount),
    hostile: fc.oneof(oddInvoices, oddServiceTimes, withOddMoney('mrrFromInvoices', invoiceArgs, 'amount')),
    checkResult: safely(invoicesOk),
  },
];

/**
 * `mergeCounts` on tables of MRR movement tallies (its spec in
 * operations.ts covers the tallies of the metrics): a spec of its own, run
 * by revenue-series.test.ts and not counted among the exports.
 */
export const mergeSeriesCountsSpec: ExportSpec = {
  name: 'mergeCounts',
  call: viaArgs(mergeCounts),
  params: ['a', 'b'],
  kinds: ['object', 'object'],
  metric: 'mergeCounts',
  neutral: () => [
    mrrSeriesCounts(neutralChanges().slice(0, 1), neutralOptions() as never),
    mrrSeriesCounts(neutralChanges().slice(1, 2), neutralOptions() as never),
  ],
  valid: mergeTableArgs,
  checkResult: safely(mergedTablesOk),
};
